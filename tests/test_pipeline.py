"""The pipeline's checks with a scripted backend: invented numbers are re-asked, then cut; usage sums attempts."""

from __future__ import annotations

from pathlib import Path

from summarizer.api import Summarizer
from summarizer.articles import Article
from summarizer.briefing.briefer import Briefer
from summarizer.briefing.grounding import check_brief
from summarizer.llm.backends import Backend
from summarizer.llm.call import Caller
from summarizer.llm.prompts import load_prompt
from summarizer.llm.store import Store

from scripted import ScriptedBackend

ARTICLE = (
    "date 2022-03-09 The Riverton council said on Tuesday that 40 roads were closed after the storm. "
    "According to the fire service, more than 120 homes were flooded. Mayor Ana Lopez said the town would "
    "rebuild. \u201cWe will be back,\u201d she added."
)


def _briefer(backend: Backend, tmp_path: Path) -> Briefer:
    return Briefer(Caller(backend, load_prompt("brief"), store=Store(tmp_path / "db.sqlite"), reasks=2))


def test_invented_number_is_reasked_and_usage_sums_both_attempts(tmp_path: Path) -> None:
    backend = ScriptedBackend(
        [
            '{"headline": "Storm closes 500 roads in Riverton", "what": "A storm closed 500 roads."}',
            '{"headline": "Storm closes 40 roads in Riverton", "what": "A storm closed 40 roads and flooded homes."}',
        ]
    )
    brief = _briefer(backend, tmp_path).brief(Article.from_text(ARTICLE))
    assert "500" not in brief.headline + brief.what
    assert brief.headline == "Storm closes 40 roads in Riverton"
    summary_calls = [
        r
        for r in backend.requests
        if "headline" in r["response_format"]["json_schema"]["schema"]["properties"]
    ]
    assert len(summary_calls) == 2
    assert "500" in summary_calls[1]["messages"][-1]["content"]  # the failed check was fed back to the model
    assert brief.meta.attempts == len(backend.requests)
    assert brief.meta.input_tokens == 100 * len(backend.requests)
    assert not check_brief(brief, brief_article_text())


def brief_article_text() -> str:
    return Article.from_text(ARTICLE).text


def test_number_still_invented_after_reasks_is_cut_and_reported(tmp_path: Path) -> None:
    bad = '{"headline": "Storm closes 500 roads", "what": "A storm closed 500 roads. Homes were flooded."}'
    backend = ScriptedBackend([bad, bad, bad])
    brief = _briefer(backend, tmp_path).brief(Article.from_text(ARTICLE))
    assert "500" not in brief.headline + brief.what
    assert brief.what == "Homes were flooded."
    assert any("500" in w for w in brief.warnings)


def test_a_what_with_no_sentence_left_after_the_checks_falls_back_to_the_story_opening(
    tmp_path: Path,
) -> None:
    bad = '{"headline": "Storm closes roads", "what": "A storm closed 500 roads and flooded 900 homes."}'
    backend = ScriptedBackend([bad, bad, bad])
    brief = _briefer(backend, tmp_path).brief(Article.from_text(ARTICLE))
    assert brief.what and "500" not in brief.what and brief.what in ARTICLE
    assert brief.what.startswith("The Riverton council said on Tuesday")
    assert any("opening stands in" in w for w in brief.warnings)


def test_a_number_the_article_writes_in_words_is_not_invented(tmp_path: Path) -> None:
    """The prompt asks for digits: "3 dozen" for the article's "three dozen" passes without a re-ask."""
    article = "Police said on Monday that three dozen homes and twenty-five shops were damaged by the storm."
    good = '{"headline": "Storm damages 36 homes", "what": "A storm damaged 3 dozen homes and 25 shops."}'
    backend = ScriptedBackend([good])
    brief = _briefer(backend, tmp_path).brief(Article.from_text(article))
    assert brief.what == "A storm damaged 3 dozen homes and 25 shops."
    assert brief.meta.attempts == 1 and not [w for w in brief.warnings if "not in the article" in w]


def test_figures_are_the_articles_numbers_with_code_parsed_values(tmp_path: Path) -> None:
    backend = ScriptedBackend(['{"headline": "Storm closes roads", "what": "A storm closed roads."}'])
    brief = _briefer(backend, tmp_path).brief(Article.from_text(ARTICLE))
    by_text = {f.text: f for f in brief.figures}
    assert by_text["40"].value == 40 and by_text["40"].source is not None
    assert (by_text["more than 120"].value, by_text["more than 120"].approx) == (120, "more_than")
    assert "fire service" in (by_text["more than 120"].source or "")
    text = brief_article_text()
    for fig in brief.figures:
        assert fig.text in text and text[fig.span[0] : fig.span[1]] == fig.evidence
    claims = {(c.source, c.statement, c.quote) for c in brief.claims}
    assert ("Riverton council", "40 roads were closed after the storm", None) in claims
    # "she added": the last speaker, under the `who` name (her title is her role)
    assert ("Ana Lopez", "We will be back", "We will be back") in claims
    assert {p.name: p.role for p in brief.who}["Ana Lopez"] == "Mayor"


def test_second_brief_of_the_same_article_is_served_from_the_cache(tmp_path: Path) -> None:
    backend = ScriptedBackend(['{"headline": "Storm closes roads", "what": "A storm closed roads."}'])
    briefer = _briefer(backend, tmp_path)
    first = briefer.brief(Article.from_text(ARTICLE))
    calls = len(backend.requests)
    second = briefer.brief(Article.from_text(ARTICLE))
    assert len(backend.requests) == calls and second.meta.cached and not first.meta.cached
    assert second.figures == first.figures and second.headline == first.headline


def test_summarizer_facade_builds_from_model_strings(tmp_path: Path) -> None:
    runner = Summarizer.create("openai:x", base_url="http://127.0.0.1:9/v1", db_path=tmp_path / "db.sqlite")
    assert runner.backend.label == "openai:x" and runner.backend.endpoint == "http://127.0.0.1:9/v1"
    runner.close()


def test_an_article_longer_than_the_context_gets_a_full_brief_from_a_small_request(tmp_path: Path) -> None:
    """Nothing is refused for length: the model reads the lead, code reads the whole text."""

    class SmallContext(ScriptedBackend):
        @property
        def context_tokens(self) -> int | None:
            return 2048

    backend = SmallContext()
    tail = " Officials said 17 bridges were damaged in the last hours of the storm."
    long_text = ARTICLE + " The council met again." * 1800 + tail
    assert len(long_text) > 40_000
    brief = _briefer(backend, tmp_path).brief(Article.from_text(long_text))
    assert [f.value for f in brief.figures if f.text == "17"] == [17]
    assert len(backend.requests) == 1
    sent = "".join(m["content"] for m in backend.requests[0]["messages"])
    assert len(sent) < 4_000 and "17 bridges" not in sent


def test_the_unchecked_single_call_baseline_keeps_what_the_checks_would_drop(tmp_path: Path) -> None:
    """The baseline exists to be measured against: an invented figure survives it, and grounding shows it."""
    import json

    from summarizer.evaluation.scorers import grounding

    from fault_server import FaultServer

    answer = {
        "headline": "Storm",
        "what": "A storm.",
        "who": [],
        "where": [],
        "when": [],
        "figures": [
            {
                "text": "40",
                "value": 40,
                "counts": "roads closed",
                "unit": None,
                "source": "council",
                "evidence": "40 roads were closed after the storm",
            },
            {
                "text": "400",
                "value": 400,
                "counts": "roads closed",
                "unit": None,
                "source": None,
                "evidence": "400 roads were closed",
            },
        ],
        "claims": [],
    }
    with FaultServer([("json", json.dumps(answer))]) as server:
        runner = Summarizer.create("openai:t", base_url=server.url, prompt="single", db_path=tmp_path / "db")
        brief = runner.summarize(ARTICLE)
        runner.close()
    assert [f.text for f in brief.figures] == ["40", "400"]
    text = brief_article_text()
    assert brief.figures[0].evidence in text and brief.figures[1].span == (0, 0)
    assert grounding(brief.to_json_dict(), text) == 0.5


def test_article_text_reaches_the_model_verbatim_never_as_a_template(tmp_path: Path) -> None:
    """Instructor renders messages as Jinja when given a context; the article must not be executed."""
    text = (
        "date 2022-03-09 The council said on Monday that {{ 7 * 7 }} homes were sold {# a note #} and "
        "{% for i in range(3) %}x{% endfor %} roads shut, Mayor Ana Lopez said. Then {{ unclosed."
    )
    backend = ScriptedBackend()
    brief = _briefer(backend, tmp_path).brief(Article.from_text(text))
    assert backend.requests
    for request in backend.requests:
        sent = "\n".join(m["content"] for m in request["messages"])
        assert "{{ 7 * 7 }} homes were sold {# a note #} and {% for i in range(3) %}x{% endfor %}" in sent
        assert "49 homes" not in sent
    assert not check_brief(brief, Article.from_text(text).text)


def test_a_summary_cut_at_its_token_limit_keeps_its_whole_sentences_without_a_second_call(
    tmp_path: Path,
) -> None:
    """A small model can loop on `what`: the reply cut at max_tokens is salvaged, not asked again bigger."""
    from scripted import completion

    looping = (
        '{"headline": "Storm closes roads", "what": "A storm closed 40 roads. Homes were flooded. Homes were'
    )

    class Looping(ScriptedBackend):
        def send(self, request: dict) -> object:
            self.requests.append(request)
            cut = completion(looping, completion_tokens=request.get("max_tokens") or 0)
            cut.choices[0].finish_reason = "length"
            return cut

    backend = Looping()
    brief = _briefer(backend, tmp_path).brief(Article.from_text(ARTICLE))
    assert len(backend.requests) == 1
    assert brief.headline == "Storm closes roads"
    assert brief.what == "A storm closed 40 roads. Homes were flooded."
