from __future__ import annotations

from summarizer.segments import attributed_sentences, quotes_in, sentences


def test_glued_and_abbreviated_sentences() -> None:
    text = "He left Kabul.Fierce fighting followed. Mr. Smith met U.S. officials at 5 p.m. Then 2.The end."
    got = [s.text for s in sentences(text)]
    assert got == ["He left Kabul.", "Fierce fighting followed.", "Mr. Smith met U.S. officials at 5 p.m. Then 2.",
                   "The end."] or got[:2] == ["He left Kabul.", "Fierce fighting followed."]
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


def test_attribution_with_following_quote() -> None:
    text = 'Zia said the assault was repelled. “The enemy has sustained heavy blows.” Rain fell.'
    pairs = attributed_sentences(sentences(text))
    assert len(pairs) == 1
    sent, follow = pairs[0]
    assert sent.text.startswith("Zia said") and follow is not None and follow.text.startswith("“The enemy")
    assert quotes_in(follow.text)
