"""Scorers and metrics: a reference scored against itself is perfect; a perturbation moves one field."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from summarizer.evaluation import names, validity, words
from summarizer.evaluation.metrics import aggregate, scores_to_json
from summarizer.evaluation.scorers import (
    FieldScore,
    claims_scorer,
    figures_scorer,
    grounding,
    is_valid_brief,
    score_case,
    what_scorer,
    when_scorer,
    where_scorer,
    who_scorer,
)

ARTICLE = (
    "Taliban seize checkpoints in Helmand\n\n"
    "Tuesday, July 18, 2017\n\n"
    "Taliban fighters captured 12 security checkpoints in Helmand province on Monday, "
    "Afghanistan's Defense Ministry said. "
    "The ministry said more than three dozen militants were killed in the fighting near Lashkar Gah. "
    "Taliban spokesman Zabihullah Mujahid said the group had lost between 3 and 5 fighters. "
    "Mujahid warned that the offensive would continue until the end of the month. "
    "About 1.2 million people live in the province, which borders Pakistan."
)

REFERENCE: dict[str, Any] = {
    "what": (
        "Taliban fighters captured 12 security checkpoints in Afghanistan's Helmand province on Monday; "
        "the Defense Ministry said dozens of militants were killed."
    ),
    "who": [
        {"name": "Afghanistan's Defense Ministry", "aliases": ["Defense Ministry", "the ministry"]},
        {"name": "Taliban", "aliases": []},
        {"name": "Zabihullah Mujahid", "aliases": ["Mujahid", "Taliban spokesman Zabihullah Mujahid"]},
        {"name": "Afghanistan", "aliases": []},
    ],
    "where": [{"name": "Helmand province"}, {"name": "Lashkar Gah"}, {"name": "Afghanistan"}],
    "when": [{"date": "2017-07-17", "text": "Monday"}],
    "figures": [
        {
            "text": "12",
            "value": 12,
            "upper": None,
            "approx": "exact",
            "counts": "security checkpoints captured",
            "unit": None,
            "source": "Afghanistan's Defense Ministry",
        },
        {
            "text": "more than three dozen",
            "value": 36,
            "upper": None,
            "approx": "more_than",
            "counts": "militants killed",
            "unit": None,
            "source": "Defense Ministry",
        },
        {
            "text": "between 3 and 5",
            "value": 3,
            "upper": 5,
            "approx": "range",
            "counts": "Taliban fighters lost",
            "unit": None,
            "source": "Zabihullah Mujahid",
        },
        {
            "text": "1.2 million",
            "value": 1_200_000,
            "upper": None,
            "approx": "approximate",
            "counts": "people living in the province",
            "unit": None,
            "source": None,
        },
    ],
    "claims": [
        {
            "source": "Afghanistan's Defense Ministry",
            "statement": "Taliban fighters captured 12 security checkpoints in Helmand province.",
        },
        {
            "source": "Defense Ministry",
            "statement": "More than three dozen militants were killed in the fighting.",
        },
        {"source": "Zabihullah Mujahid", "statement": "The Taliban lost between 3 and 5 fighters."},
        {"source": "Mujahid", "statement": "The offensive will continue until the end of the month."},
    ],
}

# Where each claim is found in the article (references carry no evidence; the test brief needs it).
CLAIM_EVIDENCE = {
    "Taliban fighters captured 12 security checkpoints in Helmand province.": "Taliban fighters captured 12",
    "More than three dozen militants were killed in the fighting.": "The ministry said more than three dozen",
    "The Taliban lost between 3 and 5 fighters.": "Mujahid said the group had lost",
    "The offensive will continue until the end of the month.": "Mujahid warned",
}

FIELDS = ("who", "where", "when", "figures", "claims", "what")


def _sentence_with(article: str, needle: str) -> tuple[str, tuple[int, int]]:
    """The sentence of `article` containing `needle`, and its character span."""
    at = article.index(needle)
    start = max(article.rfind(". ", 0, at) + 2, article.rfind("\n", 0, at) + 1, 0)
    end = article.find(". ", at)
    end = len(article) if end < 0 else end + 1
    return article[start:end], (start, end)


def brief_from_reference(reference: Mapping[str, Any], article: str) -> dict[str, Any]:
    """A full contract brief (§1) carrying exactly the reference's content, with spans into `article`."""
    figures = []
    for fig in reference["figures"]:
        evidence, span = _sentence_with(article, fig["text"])
        figures.append({**fig, "evidence": evidence, "span": list(span)})
    claims = []
    for claim in reference["claims"]:
        evidence, span = _sentence_with(article, CLAIM_EVIDENCE[claim["statement"]])
        claims.append({**claim, "cue": "said", "quote": None, "evidence": evidence, "span": list(span)})
    return {
        "schema_version": "1",
        "headline": "Taliban seize checkpoints in Helmand",
        "what": reference["what"],
        "who": [
            {"name": e["name"], "kind": "other", "role": None, "aliases": list(e["aliases"])}
            for e in reference["who"]
        ],
        "where": [{"name": p["name"], "kind": "other", "within": None} for p in reference["where"]],
        "when": [{"text": w.get("text", w["date"]), "date": w["date"]} for w in reference["when"]],
        "figures": figures,
        "claims": claims,
        "warnings": [],
        "meta": {
            "model": "test",
            "prompt": "test",
            "article_sha256": "0" * 64,
            "input_tokens": None,
            "output_tokens": None,
            "attempts": 1,
            "seconds": 0.0,
            "cached": False,
        },
    }


def flat(scores: Mapping[str, FieldScore | None]) -> dict[str, Any]:
    return scores_to_json(scores)


@pytest.fixture
def brief() -> dict[str, Any]:
    return brief_from_reference(REFERENCE, ARTICLE)


@pytest.fixture
def perfect(brief: dict[str, Any]) -> dict[str, Any]:
    return flat(score_case(brief, REFERENCE, ARTICLE))


def assert_only_changed(
    before: Mapping[str, Any], after: Mapping[str, Any], expected: Mapping[str, Any]
) -> None:
    """`after` equals `before` except for the (field, value) entries of `expected`."""
    for name, values in before.items():
        if isinstance(values, dict):
            for key, value in values.items():
                want = expected.get(f"{name}.{key}", value)
                assert after[name][key] == pytest.approx(want), f"{name}.{key}"
        else:
            assert after[name] == pytest.approx(expected.get(name, values)), name


# --- self-score ----------------------------------------------------------------------------------------


def test_brief_helper_builds_a_valid_grounded_brief(brief: dict[str, Any]) -> None:
    assert is_valid_brief(brief)
    assert grounding(brief, ARTICLE) == 1.0


def test_reference_scored_against_itself_is_perfect(perfect: dict[str, Any]) -> None:
    for name in FIELDS:
        assert perfect[name], name
        assert all(value == pytest.approx(1.0) for value in perfect[name].values()), (name, perfect[name])
    assert perfect["figures"]["source_accuracy"] == 1.0
    assert perfect["grounding"] == 1.0
    assert perfect["valid"] == 1.0


# --- perturbations -------------------------------------------------------------------------------------


def test_dropping_one_of_four_figures_lowers_figures_recall_only(
    brief: dict[str, Any], perfect: dict[str, Any]
) -> None:
    del brief["figures"][2]
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"figures.recall": 0.75, "figures.f1": 2 * 3 / 7})


def test_changed_figure_value_no_longer_matches(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["figures"][0]["value"] = 13
    result = score_case(brief, REFERENCE, ARTICLE)
    figures = result["figures"]
    assert figures is not None
    assert any(miss.startswith("12 security") for miss in figures.misses)
    assert_only_changed(
        perfect, flat(result), {"figures.precision": 0.75, "figures.recall": 0.75, "figures.f1": 0.75}
    )


def test_value_within_half_a_percent_still_matches(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["figures"][3]["value"] = 1_205_000
    assert flat(score_case(brief, REFERENCE, ARTICLE)) == perfect


def test_range_matches_a_value_inside_it(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["figures"][2].update(value=4, upper=None, approx="approximate")
    assert flat(score_case(brief, REFERENCE, ARTICLE)) == perfect


def test_same_value_counting_something_else_does_not_match() -> None:
    ref = {"figures": [{"value": 5, "counts": "years in prison", "source": None}]}
    brief = {"figures": [{"value": 5, "counts": "soldiers wounded", "source": None}]}
    score = figures_scorer()(brief, ref)
    assert score is not None
    assert score.values["recall"] == 0.0
    assert score.values["source_accuracy"] is None


def test_swapped_figure_source_lowers_source_accuracy_only(
    brief: dict[str, Any], perfect: dict[str, Any]
) -> None:
    brief["figures"][0]["source"] = "Zabihullah Mujahid"
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"figures.source_accuracy": 0.75})


def test_figure_source_matches_through_aliases(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["figures"][2]["source"] = "Mujahid"
    brief["figures"][0]["source"] = "the ministry"
    assert flat(score_case(brief, REFERENCE, ARTICLE)) == perfect


def test_dropping_a_person_lowers_who_recall_by_one_over_n(
    brief: dict[str, Any], perfect: dict[str, Any]
) -> None:
    n = len(REFERENCE["who"])
    brief["who"] = [e for e in brief["who"] if e["name"] != "Zabihullah Mujahid"]
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"who.recall": (n - 1) / n, "who.f1": 2 * (n - 1) / (2 * n - 1)})


def test_slightly_misspelled_name_still_matches(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    person = next(e for e in brief["who"] if e["name"] == "Zabihullah Mujahid")
    person.update(name="Zabihulah Mujahid", aliases=[])
    assert flat(score_case(brief, REFERENCE, ARTICLE)) == perfect


def test_added_claim_lowers_claims_precision_only(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    extra = copy.deepcopy(brief["claims"][3])
    extra["statement"] = "Pakistan borders the province."
    brief["claims"].append(extra)
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"claims.precision": 0.8, "claims.f1": 8 / 9})


def test_claim_with_wrong_source_does_not_match(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["claims"][3]["source"] = "Defense Ministry"
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"claims.precision": 0.75, "claims.recall": 0.75, "claims.f1": 0.75})


def test_paraphrased_claim_still_matches() -> None:
    ref = {
        "claims": [
            {"source": "Zabihullah Mujahid", "statement": "The Taliban lost between 3 and 5 fighters."}
        ]
    }
    brief = {
        "claims": [{"source": "Mujahid", "statement": "Between three and 5 Taliban fighters were lost."}]
    }
    score = claims_scorer()(brief, ref)
    assert score is not None and score.values["f1"] == 1.0


def test_fragment_does_not_match_a_claim() -> None:
    ref = {"claims": [{"source": "Mujahid", "statement": "The Taliban lost 3 to 5 fighters in Helmand."}]}
    fragment = {"claims": [{"source": "Mujahid", "statement": "The Taliban."}]}
    terse = {"claims": [{"source": "Mujahid", "statement": "Taliban lost fighters."}]}
    assert (score := claims_scorer()(fragment, ref)) is not None and score.values["f1"] == 0.0
    assert (score := claims_scorer()(terse, ref)) is not None and score.values["f1"] == 1.0


def test_wrong_date_lowers_when(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["when"].append({"text": "Tuesday", "date": "2017-07-18"})
    brief["when"].append({"text": "recently", "date": None})
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"when.precision": 0.5, "when.f1": 2 / 3})


def test_broken_evidence_lowers_grounding_only(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["claims"][0]["span"] = [0, 5]
    brief["figures"][1]["text"] = "three dozen and one"
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert_only_changed(perfect, after, {"grounding": 6 / 8})


def test_what_similarity_drops_with_other_words(brief: dict[str, Any], perfect: dict[str, Any]) -> None:
    brief["what"] = "A robotics team won a silver medal in Washington."
    after = flat(score_case(brief, REFERENCE, ARTICLE))
    assert after["what"]["similarity"] == 0.0
    assert_only_changed(perfect, after, {"what.similarity": 0.0})


# --- the name policy -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("brief_name", "ref_name", "matches"),
    [
        ("Mujahid", "Taliban spokesman Zabihullah Mujahid", True),
        ("Zabihulah Mujahid", "Zabihullah Mujahid", True),
        ("Zabihullah Mujahid, Taliban spokesman", "Zabihullah Mujahid", True),
        ("Defense Ministry", "Afghanistan's Defense Ministry", True),
        ("Defense Ministry", "Ministry of Defense", True),
        ("Tillerson", "Secretary of State Rex Tillerson", True),
        ("Samsung", "Samsung Co.", True),
        ("State", "Secretary of State Rex Tillerson", False),
        ("the U.S.", "US", True),
        ("Ministry", "Defense Ministry", False),
        ("Interior Ministry", "Defense Ministry", False),
        ("Afghanistan", "Afghanistan's Defense Ministry", False),
        ("Taliban", "Taliban spokesman Zabihullah Mujahid", False),
        ("Joan Smith", "John Smith", False),
        ("Iran", "Iraq", False),
    ],
)
def test_who_name_policy(brief_name: str, ref_name: str, matches: bool) -> None:
    score = who_scorer()({"who": [{"name": brief_name}]}, {"who": [{"name": ref_name, "aliases": []}]})
    assert score is not None
    assert score.values["f1"] == (1.0 if matches else 0.0)


def test_where_allows_coarser_spelling() -> None:
    score = where_scorer()({"where": [{"name": "Washington"}]}, {"where": [{"name": "Washington D.C."}]})
    assert score is not None and score.values["recall"] == 1.0


def test_matching_is_one_to_one_best_first() -> None:
    ref = {"who": [{"name": "Donald Trump", "aliases": []}, {"name": "Ivanka Trump", "aliases": []}]}
    brief = {"who": [{"name": "Trump"}, {"name": "Donald Trump"}]}
    score = who_scorer()(brief, ref)
    assert score is not None
    # The exact pair is taken first; the bare surname then goes to the one Trump left (a known ambiguity).
    assert score.hits == ["Donald Trump ~ Donald Trump (1.00)", "Trump ~ Ivanka Trump (0.65)"]
    assert score.values == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


# --- None rules ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FIELDS)
def test_field_absent_from_reference_is_none(brief: dict[str, Any], name: str) -> None:
    reference = {k: v for k, v in REFERENCE.items() if k != name}
    result = score_case(brief, reference, ARTICLE)
    assert result[name] is None
    assert all(result[other] is not None for other in FIELDS if other != name)


def test_no_brief_scores_nothing_but_validity() -> None:
    result = flat(score_case(None, REFERENCE, ARTICLE))
    assert result == {**dict.fromkeys((*FIELDS, "grounding")), "valid": 0.0}


def test_empty_sides_give_none_not_zero_or_one() -> None:
    empty_brief: dict[str, Any] = {"who": []}
    score = who_scorer()(empty_brief, {"who": [{"name": "Taliban"}]})
    assert score is not None and score.values == {"precision": None, "recall": 0.0, "f1": 0.0}
    score = who_scorer()(empty_brief, {"who": []})
    assert score is not None and score.values == {"precision": None, "recall": None, "f1": None}
    score = who_scorer()({"who": [{"name": "Taliban"}]}, {"who": []})
    assert score is not None and score.values == {"precision": 0.0, "recall": None, "f1": 0.0}
    assert when_scorer()({"when": [{"date": None}]}, {"when": []}) == FieldScore(
        "when",
        {"precision": None, "recall": None, "f1": None},
        reason="when: 0 matched of 0 reference and 0 brief items",
    )
    assert what_scorer()({"what": "x"}, {"what": "the of"}) is None
    assert grounding({"figures": [], "claims": []}, ARTICLE) is None


def test_schema_shape_is_checked(brief: dict[str, Any]) -> None:
    broken = copy.deepcopy(brief)
    broken["figures"][0]["approx"] = "roughly"
    assert not is_valid_brief(broken)
    result = flat(score_case(broken, REFERENCE, ARTICLE))
    assert result["valid"] == 0.0
    assert result["figures"]["f1"] == 1.0
    missing_meta = {k: v for k, v in brief.items() if k != "meta"}
    assert not is_valid_brief(missing_meta)
    assert is_valid_brief({**brief, "disputes": []})


def test_malformed_items_are_unmatched_not_fatal() -> None:
    brief: dict[str, Any] = {
        "who": ["Taliban", None, {"name": 3}],
        "figures": [{"value": True}],
        "claims": [7],
    }
    reference = {k: REFERENCE[k] for k in ("who", "figures", "claims")}
    result = flat(score_case(brief, reference, ARTICLE))
    assert result["who"]["precision"] == 0.0
    assert result["figures"]["recall"] == 0.0
    assert result["claims"]["recall"] == 0.0
    assert result["grounding"] == 0.0
    assert result["valid"] == 0.0


# --- properties ----------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(keep=st.lists(st.booleans(), min_size=4, max_size=4))
def test_keeping_k_of_n_figures_gives_recall_k_over_n(keep: list[bool]) -> None:
    brief = brief_from_reference(REFERENCE, ARTICLE)
    brief["figures"] = [fig for fig, kept in zip(brief["figures"], keep, strict=True) if kept]
    score = flat(score_case(brief, REFERENCE, ARTICLE))["figures"]
    k = sum(keep)
    assert score["recall"] == k / 4
    assert score["precision"] == (1.0 if k else None)
    assert score["source_accuracy"] == (1.0 if k else None)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=60), value=st.one_of(st.none(), st.integers(), st.floats(allow_nan=True)))
def test_scores_stay_in_range_for_arbitrary_input(text: str, value: Any) -> None:
    brief = {
        "what": text,
        "who": [{"name": text, "aliases": [text]}],
        "where": [{"name": text}],
        "when": [{"date": text}],
        "figures": [{"value": value, "upper": value, "counts": text, "source": text}],
        "claims": [{"source": text, "statement": text}],
    }
    for name, score in scores_to_json(score_case(brief, REFERENCE, ARTICLE)).items():
        values = score.values() if isinstance(score, dict) else [score]
        assert all(v is None or 0.0 <= v <= 1.0 for v in values), name


# --- aggregation ---------------------------------------------------------------------------------------


def _fs(name: str, **values: float | None) -> FieldScore:
    return FieldScore(name, dict(values))


def test_aggregate_is_a_macro_mean_ignoring_none() -> None:
    cases: list[dict[str, FieldScore | None]] = [
        {
            "who": _fs("who", precision=1.0, recall=0.5, f1=2 / 3),
            "figures": _fs("figures", precision=1.0, recall=1.0, f1=1.0, source_accuracy=None),
            "grounding": _fs("grounding", grounding=1.0),
            "valid": _fs("valid", valid=1.0),
        },
        {
            "who": _fs("who", precision=None, recall=0.0, f1=0.0),
            "figures": None,
            "grounding": None,
            "valid": _fs("valid", valid=0.0),
        },
        {
            "who": None,
            "figures": _fs("figures", precision=0.5, recall=0.0, f1=0.0, source_accuracy=None),
            "grounding": _fs("grounding", grounding=0.5),
            "valid": _fs("valid", valid=1.0),
        },
    ]
    scores = aggregate(cases)
    assert scores["who"] == pytest.approx({"precision": 1.0, "recall": 0.25, "f1": 1 / 3})
    assert scores["figures"] == {"precision": 0.75, "recall": 0.5, "f1": 0.5, "source_accuracy": None}
    assert scores["grounding"] == 0.75
    assert scores["valid"] == pytest.approx(2 / 3)
    assert scores["where"] is None and scores["what"] is None
    assert list(scores)[:8] == ["who", "where", "when", "figures", "claims", "what", "grounding", "valid"]


def test_aggregate_of_nothing_is_none() -> None:
    scores = aggregate([{"who": None, "grounding": None}, {}])
    assert all(value is None for value in scores.values())
    assert aggregate([]) == dict.fromkeys(scores)


def test_aggregate_accepts_stored_json_and_round_trips(
    brief: dict[str, Any], perfect: dict[str, Any]
) -> None:
    live = [score_case(brief, REFERENCE, ARTICLE), score_case(None, REFERENCE, ARTICLE)]
    stored = [scores_to_json(case) for case in live]
    assert aggregate(stored) == aggregate(live)
    scores = aggregate(live)
    assert scores["valid"] == 0.5
    assert scores["who"] == perfect["who"]


# --- fast paths agree with the plain rules -------------------------------------------------------------
# The scorers take shortcuts for speed (an index instead of comparing every pair of names, a tokenizer that
# skips regular expressions that cannot match, a validity check of whole lists at once). These tests hold each
# shortcut to the plain rule it replaces, written out here the slow way.

_PLAIN_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_PLAIN_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PLAIN_DROPPED = re.compile(r"['\u2019`]|(?<!\d)\.|\.(?!\d)")
_PLAIN_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W_]+")


def _plain_tokens(text: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    for pattern in (_PLAIN_POSSESSIVE, _PLAIN_DIGIT_COMMA, _PLAIN_DROPPED):
        plain = pattern.sub("", plain)
    return tuple(_PLAIN_TOKEN.findall(plain))


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["a", "Ab", "s", "S", "1", "23", "4.5", ",", ".", "'", "\u2019", "`", "_", "-", " ", "\t"]
        )
        | st.sampled_from(["É", "é", "ß", "İ", "\u0301", "—", "3rd", "U.S.", "000", "x1", "1x"]),
        max_size=12,
    ).map("".join)
)
def test_tokenizer_matches_the_plain_regular_expressions(text: str) -> None:
    assert words.tokenize(text) == _plain_tokens(text)
    assert words.tokens(text) == _plain_tokens(text)


def _plain_form(name: str) -> dict[str, Any] | None:
    tokens = list(_plain_tokens(name))
    if tokens[:1] == ["the"]:
        tokens = tokens[1:]
    if not tokens:
        return None
    heads = set()
    for part in (tokens, tokens[: tokens.index("of", 1)] if "of" in tokens[1:] else []):
        while len(part) > 1 and part[-1] in {"co", "corp", "inc", "jr", "llc", "ltd", "plc", "sr"}:
            part = part[:-1]
        if part:
            heads.add(part[-1])
    return {
        "tokens": tokens,
        "set": set(tokens),
        "distinctive": {t for t in tokens if t not in words.GENERIC_NAME_WORDS},
        "heads": heads,
    }


def _plain_forms(names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    forms: dict[str, dict[str, Any]] = {}
    for name in names:
        for variant in (name, name.split(",", 1)[0]) if "," in name else (name,):
            form = _plain_form(variant)
            if form is not None:
                forms.setdefault(" ".join(form["tokens"]), form)
    return forms


def _plain_similarity(a: tuple[str, ...], b: tuple[str, ...], threshold: float, head_rule: bool) -> float:
    """The who/where name policy as its docstring states it, pair of spellings by pair of spellings."""
    fa, fb = _plain_forms(a), _plain_forms(b)
    if set(fa) & set(fb):
        return 1.0
    if {t.replace(" ", "") for t in fa} & {t.replace(" ", "") for t in fb}:
        return 0.99

    def contained(short: dict[str, Any], long: dict[str, Any]) -> bool:
        if not short["distinctive"] or not short["distinctive"] <= long["set"]:
            return False
        return not head_rule or bool(long["heads"] & short["set"])

    best = 0.0
    for ta, x in fa.items():
        for tb, y in fb.items():
            if len(x["tokens"]) == len(y["tokens"]) and all(
                p == q or (len(p) >= 5 and len(q) >= 5) for p, q in zip(x["tokens"], y["tokens"], strict=True)
            ):
                best = max(best, fuzz.ratio(ta, tb, score_cutoff=threshold) / 100.0)
            if contained(x, y) or contained(y, x):
                short, long = (x, y) if len(x["distinctive"]) <= len(y["distinctive"]) else (y, x)
                best = max(best, 0.5 + 0.3 * (len(short["distinctive"]) / max(len(long["distinctive"]), 1)))
    return best


_NAME_WORDS = st.sampled_from(
    ["Zabihullah", "Zabihulah", "Mujahid", "Taliban", "spokesman", "Defense", "Ministry", "of", "the",
     "Afghanistan's", "Rex", "Tillerson", "Texas", "University", "Inc", "Co.", "Joan", "John", "Smith", "Iran",
     "Iraq", "al", "Qaeda", "AlQaeda", "U.S.", "US", "Helmand", "province", "Kabul", "airport"]
)  # fmt: skip
_NAMES = st.lists(_NAME_WORDS, min_size=1, max_size=4).map(" ".join) | st.tuples(
    st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join),
    st.lists(_NAME_WORDS, max_size=2).map(" ".join),
).map(", ".join)
_ENTITY = st.lists(_NAMES, min_size=1, max_size=3, unique=True).map(tuple)


@settings(max_examples=300, deadline=None)
@given(
    brief=_ENTITY,
    reference=st.lists(_ENTITY, min_size=1, max_size=6),
    threshold=st.sampled_from([88.0, 70.0, 95.5]),
    head_rule=st.booleans(),
)
def test_indexed_name_matching_equals_the_pairwise_policy(
    brief: tuple[str, ...], reference: list[tuple[str, ...]], threshold: float, head_rule: bool
) -> None:
    found = names.EntityIndex(tuple(reference)).pairs([brief], threshold, head_rule)
    assert {j: sim for sim, _, j in found} == {
        j: sim
        for j, entity in enumerate(reference)
        if (sim := _plain_similarity(brief, entity, threshold, head_rule)) > 0.0
    }


_FIELD_VALUES = st.sampled_from(
    [None, True, 0, 3, 2.5, "", "x", "person", "country", "exact", "range", "2017-07-17", "July", [], [0, 4],
     (1, 2), [True, 1], [4, 1], ["a"], ["a", 1], {}]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    key=st.sampled_from(["who", "where", "when", "figures", "claims"]),
    items=st.lists(
        st.dictionaries(
            st.sampled_from(["name", "kind", "role", "aliases", "within", "text", "date", "value", "upper",
                             "approx", "counts", "unit", "source", "cue", "statement", "quote", "evidence",
                             "span"]),
            _FIELD_VALUES,
        ),
        max_size=3,
    ),
)  # fmt: skip
def test_validity_of_whole_lists_agrees_with_the_item_check(key: str, items: list[dict[str, Any]]) -> None:
    whole = validity.plain_items_ok(key, items)
    assert whole <= all(validity.item_ok(key, item) for item in items)
    complete = [{**dict.fromkeys(validity.ITEM_SHAPES[key], "x"), **item} for item in items]
    assert validity.plain_items_ok(key, complete) == all(validity.item_ok(key, item) for item in complete)
