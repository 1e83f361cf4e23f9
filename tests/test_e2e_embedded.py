"""The README's first command, for real: the embedded model briefs the seed article in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED, contract_keys


def _figure(brief: dict, text: str) -> dict:
    found = [f for f in brief["figures"] if f["text"] == text]
    assert found, f"no figure {text!r} in {[f['text'] for f in brief['figures']]}"
    return found[0]


@pytest.mark.model
def test_seed_brief_with_the_embedded_model(model_file: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SUMMARIZER_DB": str(tmp_path / "fresh.db")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(SEED), "--format", "json", "--date", "2021-05-24"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    brief = json.loads(done.stdout)
    assert contract_keys() <= set(brief)
    assert brief["meta"]["cached"] is False and brief["meta"]["attempts"] >= 1
    assert brief["meta"]["output_tokens"] > 0 and brief["headline"] and brief["what"]
    article = SEED.read_text(encoding="utf-8")

    who = " | ".join([w["name"] for w in brief["who"]] + [a for w in brief["who"] for a in w["aliases"]])
    for name in ("Taliban", "Defense Ministry", "Zabihullah Mujahid"):
        assert name in who, who
    assert {"Laghman", "Mihtarlam"} & {p["name"].replace("Province of ", "") for p in brief["where"]}

    fifty = _figure(brief, "50")
    # What a figure counts is read from the parse, so it no longer varies run to run.
    assert (fifty["value"], fifty["counts"], fifty["kind"]) == (50, "militants killed", "killed")
    assert "Ministry" in (fifty["source"] or "")
    sixty = _figure(brief, "over 60")
    assert (sixty["value"], sixty["approx"], sixty["kind"]) == (60, "more_than", "injured")
    dozen = _figure(brief, "more than three dozen")
    assert (dozen["value"], dozen["approx"]) == (36, "more_than") and "Mujahid" in (dozen["source"] or "")
    assert {"text": "Sunday night", "date": "2021-05-23"} in brief["when"]

    for item in brief["figures"] + brief["claims"]:
        start, end = item["span"]
        assert article[start:end] == item["evidence"]
    for fig in brief["figures"]:
        assert fig["text"] in fig["evidence"]


@pytest.mark.model
def test_a_new_shooting_report_gets_its_casualties_actor_and_no_page_furniture(
    model_file: Path, tmp_path: Path
) -> None:
    """An article written for this test (never tuned on): killed and injured counts with their kinds, the
    unnamed gunman as the main actor, and the phone and block numbers left out."""
    from summarizer.api import Summarizer
    from summarizer.articles import Article

    text = (Path(__file__).parent / "data" / "shooting.txt").read_text(encoding="utf-8")
    runner = Summarizer.create("local", cache=False, db_path=tmp_path / "shooting-e2e.db")
    try:
        brief = runner.summarize(Article.from_text(text, date="2026-05-10"))
    finally:
        runner.close()
    kinds = {(f.value, f.kind) for f in brief.figures}
    assert (2, "killed") in kinds and (3, "injured") in kinds
    assert not any(f.text in {"262-4000", "700"} for f in brief.figures)
    assert {(31, "age"), (24, "age")} <= kinds
    assert brief.who[0].main and brief.who[0].name.lower().endswith("gunman")
    assert any(p.name == "Dana Morales" and p.role and "Police Chief" in p.role for p in brief.who)
    assert "Read or Share" not in brief.what and brief.headline
    for item in [*brief.figures, *brief.claims]:
        assert text[item.span[0] : item.span[1]] == item.evidence
