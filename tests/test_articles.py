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
        (bytes(range(0x80, 0x100)) * 4, "no other text encoding explains it"),
        (b"\xff\xfe\xfa not utf8 at all, sadly", "not valid UTF-8"),
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


_ENCODED = [
    (
        "cp1252",
        "The mayor\u2019s office said \u201cnobody\u201d was hurt in the caf\u00e9 fire on Monday \u2013 "
        "40 roads were closed.",
    ),
    (
        "latin-1",
        "Le maire a d\u00e9clar\u00e9 que personne n'a \u00e9t\u00e9 bless\u00e9 dans l'incendie du "
        "caf\u00e9 \u00e0 Gen\u00e8ve; 40 routes ferm\u00e9es.",
    ),
    (
        "shift_jis",
        "\u6771\u4eac\u3067\u6708\u66dc\u65e5\u306b\u5927\u304d\u306a\u5730\u9707\u304c\u3042"
        "\u308a\u3001\u5c11\u306a\u304f\u3068\u3082\u4e03\u4eba\u304c\u6b7b\u4ea1\u3057\u305f"
        "\u3068\u8b66\u5bdf\u304c\u767a\u8868\u3057\u307e\u3057\u305f\u3002\u88ab\u5bb3\u306e"
        "\u5168\u5bb9\u306f\u307e\u3060\u308f\u304b\u3063\u3066\u3044\u307e\u305b\u3093\u3002",
    ),
]


@pytest.mark.parametrize(("encoding", "text"), _ENCODED)
def test_text_in_another_encoding_is_detected_and_named(
    tmp_path: Path, encoding: str, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    with caplog.at_level("WARNING", logger="summarizer"):
        article = load_article(path)
    assert article.text == text
    assert len(article.warnings) == 1 and "not UTF-8: decoded as" in article.warnings[0]
    named = article.warnings[0].split("decoded as ")[1].split()[0]
    assert text.encode(encoding).decode(named) == text  # the encoding named reads these bytes as this text
    assert str(path) in article.warnings[0] and article.warnings[0] in caplog.text


def test_cp1252_punctuation_is_named_cp1252_and_stdin_is_detected_too() -> None:
    text = _ENCODED[0][1]
    article = load_article("-", stdin=text.encode("cp1252"))
    assert article.text == text and "decoded as cp1252" in article.warnings[0]
    assert "standard input" in article.warnings[0]


def test_utf8_needs_no_detection_and_utf16_with_its_mark_is_read() -> None:
    text = "The council said 40 roads were closed on Monday after the storm."
    assert load_article("-", stdin=text.encode("utf-8")).warnings == ()
    article = load_article("-", stdin=text.encode("utf-16"))
    assert article.text == text and "utf-16" in article.warnings[0]


def test_random_binary_is_still_refused(tmp_path: Path) -> None:
    import random

    noise = random.Random(7)
    for n in range(5):
        path = tmp_path / f"noise{n}.txt"
        path.write_bytes(bytes(noise.randrange(1, 256) for _ in range(2000)))
        with pytest.raises(ArticleError, match="no other text encoding explains it"):
            load_article(path)


def test_article_carries_publisher_and_id() -> None:
    article = Article.from_text(
        "The council said 40 roads were closed on Monday.", publisher="Reuters", id="r-1"
    )
    assert (article.publisher, article.id) == ("Reuters", "r-1")
