"""What makes a name a place: the dateline's city, a street or plaza, a described town; and where it lies."""

from __future__ import annotations

from summarizer.articles import Article
from summarizer.briefing.reading import read_article


def test_a_shouted_dateline_city_is_the_place_other_outlets_spell() -> None:
    text = "PORT ALMARA, Sorvana (Meridian Wire) — A ferry sank off the coast on Tuesday, killing 12 people."
    where = {p.name: p for p in read_article(Article.from_text(text)).where}
    assert "Port Almara" in where and where["Port Almara"].kind == "city"
    assert where["Port Almara"].within == "Sorvana" or "Sorvana" not in where


def test_a_state_is_no_dateline_city_and_a_hospital_stays_a_body() -> None:
    text = "OHIO — Doctors at Mercy Valley Hospital said two people were hurt on Larkspur Boulevard."
    reading = read_article(Article.from_text(text))
    where = {p.name for p in reading.where}
    assert "Larkspur Boulevard" in where and "Ohio" not in {p.name for p in reading.where if p.kind == "city"}
    assert "Mercy Valley Hospital" not in where
