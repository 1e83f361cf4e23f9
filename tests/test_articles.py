"""Bad input is a clear one-line error; good input becomes one clean text that spans index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer.articles import MAX_ARTICLE_BYTES, Article, load_article
from summarizer.errors import ArticleError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_75cb48aa58a15feb.txt"


def test_seed_date_comes_from_its_dateline() -> None:
    article = load_article(SEED)
    assert article.date == dt.date(2021, 5, 24)
    assert article.text.startswith(" date 2021-05-24") or "Defense Ministry" in article.text


def test_explicit_date_wins() -> None:
    assert load_article(SEED, date="2021-05-25").date == dt.date(2021, 5, 25)
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        load_article(SEED, date="24/05/2021")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        (b"caf\xe9 au lait, a perfectly ordinary sentence in Latin-1", "not valid UTF-8"),
        (b"12 34 56 78 -- 90 ..", "almost no words"),
        (b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_input(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=fragment) as info:
        load_article(path)
    assert "\n" not in str(info.value)


def test_huge_missing_and_directory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    with pytest.raises(ArticleError, match="limit"):
        load_article(big)
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_stdin_and_invisible_characters() -> None:
    text = "The mayor\u200b said on Monday that 40 roads\u202e were closed.\r\nMore text follows here."
    article = load_article("-", stdin=text.encode(), date="2020-01-08")
    assert "\u200b" not in article.text and "\u202e" not in article.text and "\r" not in article.text
    assert article.date == dt.date(2020, 1, 8)


def test_html_article_is_extracted(tmp_path: Path) -> None:
    body = " ".join(["The council said 120 homes were flooded in Riverton on Tuesday."] * 6)
    page = (
        "<html><head><title>Floods</title><meta property='article:published_time' content='2022-03-04'>"
        f"</head><body><nav>Menu Home About</nav><article><h1>Floods</h1><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    article = load_article(path)
    assert "120 homes were flooded" in article.text
    assert "Menu Home" not in article.text


def test_from_text_requires_words() -> None:
    with pytest.raises(ArticleError):
        Article.from_text("   ")
