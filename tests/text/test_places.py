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


def test_a_hometown_is_a_place_but_a_party_after_of_is_not() -> None:
    text = (
        "The rider, identified as 44-year-old Travis Menlow of Quarry Gap, died. A man from Eastbrook was hurt. "
        "Elected were Cheng Chung-tai of Civic Passion and Kwok Ka-ki."
    )
    reading = read_article(Article.from_text(text))
    where = {p.name for p in reading.where}
    assert {"Quarry Gap", "Eastbrook"} <= where and "Civic Passion" not in where


def test_a_countys_office_is_a_body_and_an_infirmary_no_person() -> None:
    text = (
        "The Harlan County Sheriff's Office said two men were taken to Fenmoor Royal Infirmary "
        "from Carrow Crescent."
    )
    reading = read_article(Article.from_text(text))
    who = {p.name: p.kind for p in reading.who}
    assert who.get("Harlan County Sheriff's Office") == "government"
    assert who.get("Fenmoor Royal Infirmary", "organization") == "organization"
    assert "Carrow Crescent" not in who


def test_a_town_after_an_ap_state_abbreviation_lies_in_that_state() -> None:
    text = "Three people were shot at Larkspur Plaza in Odell Park, Calif., police said."
    where = {p.name: p for p in read_article(Article.from_text(text)).where}
    assert where["Odell Park"].within == "California"
    assert where["Larkspur Plaza"].within == "Odell Park"


def test_a_place_with_a_government_or_a_capital_is_a_country_that_acts() -> None:
    text = (
        "Floods in Valmora have killed 40 people, the government of Valmora said. "
        "Its president visited Dravik, the capital of Valmora."
    )
    reading = read_article(Article.from_text(text))
    where = {p.name: p for p in reading.where}
    assert where["Valmora"].kind == "country" and where["Dravik"].within == "Valmora"
    assert [(p.name, p.kind) for p in reading.who if p.name == "Valmora"] == [("Valmora", "country")]


def test_a_name_with_its_land_feature_is_one_place_and_a_time_zone_no_one() -> None:
    text = "08/10/2024 19:48 CET\nA bus plunged into the Dravenka gorge on Tuesday, killing nine people."
    reading = read_article(Article.from_text(text))
    assert "Dravenka gorge" in {p.name for p in reading.where}
    assert not {"Dravenka", "CET"} & {p.name for p in reading.who}
