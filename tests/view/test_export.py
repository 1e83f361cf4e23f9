"""CSV exports, read back with Python's csv reader as a spreadsheet would: every figure and claim is a row
with its source, evidence and span, and the span still indexes the article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from summarizer.articles import load_article
from summarizer.cli import app
from summarizer.cli.export import BATCH_COLUMNS, BRIEF_COLUMNS, STORY_COLUMNS, brief_csv, story_csv

ROOT = Path(__file__).resolve().parents[2]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_brief_csv_has_a_row_per_figure_and_claim_with_spans_into_the_article(
    seed_case: dict[str, Any],
) -> None:
    brief, article = seed_case["brief"], seed_case["article"]
    text = brief_csv(brief)
    assert text.splitlines()[0] == ",".join(BRIEF_COLUMNS) and not text.startswith("\ufeff")
    rows = _rows(text)
    assert [r["type"] for r in rows] == ["figure"] * len(brief["figures"]) + ["claim"] * len(brief["claims"])
    for row, fig in zip(rows, brief["figures"], strict=False):
        start, end = int(row["span_start"]), int(row["span_end"])
        assert row["evidence"] == article[start:end] == fig["evidence"]
        assert row["text"] == fig["text"] and row["counts"] == fig["counts"] and row["kind"] == fig["kind"]
        assert row["source"] == (fig["source"] or "")
        assert (float(row["value"]) if row["value"] else None) == fig["value"]
    for row, claim in zip(rows[len(brief["figures"]) :], brief["claims"], strict=True):
        assert row["text"] == claim["statement"] and row["source"] == claim["source"]
        assert row["quote"] == (claim["quote"] or "") and row["cue"] == (claim["cue"] or "")
        assert article[int(row["span_start"]) : int(row["span_end"])] == row["evidence"]


def test_csv_quotes_commas_quotes_and_newlines_and_defuses_formulas() -> None:
    brief = {
        "figures": [
            {
                "text": "1,200",
                "value": 1200.0,
                "upper": None,
                "approx": "exact",
                "counts": 'people "evacuated"',
                "kind": "people",
                "unit": None,
                "source": '=HYPERLINK("http://x")',
                "evidence": "Line one,\nline two with 1,200 people",
                "span": [3, 40],
            }
        ],
        "claims": [
            {
                "source": "@ministry",
                "cue": "said",
                "statement": "-5 is not a formula",
                "quote": None,
                "evidence": "e",
                "span": [0, 1],
            }
        ],
    }
    rows = _rows(brief_csv(brief, bom=True))
    assert len(rows) == 2
    assert rows[0]["text"] == "1,200" and rows[0]["value"] == "1200" and rows[0]["upper"] == ""
    assert (
        rows[0]["counts"] == 'people "evacuated"'
        and rows[0]["evidence"] == "Line one,\nline two with 1,200 people"
    )
    assert rows[0]["source"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["source"] == "'@ministry" and rows[1]["text"] == "'-5 is not a formula"
    assert brief_csv(brief, bom=True).startswith("\ufeff")


def test_story_csv_lists_each_report_by_date_with_its_article(story_files: tuple[Path, list[Path]]) -> None:
    story = json.loads(story_files[0].read_text(encoding="utf-8"))
    rows = _rows(story_csv(story))
    assert list(rows[0]) == list(STORY_COLUMNS)
    reports = [r for r in rows if r["type"] == "figure"]
    assert [r["article"] for r in reports] == ["a1", "a0"]  # a1 is dated 2020-01-01, a0 2020-01-02
    assert [r["date"] for r in reports] == ["2020-01-01", "2020-01-02"]
    assert {r["publisher"] for r in reports} == {"Outlet 0", "Outlet 1"} and {
        r["conflict"] for r in reports
    } == {"true"}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in story_files[1]}
    by_id = {a["id"]: texts[a["title"]] for a in story["articles"]}
    for row in rows:
        assert by_id[row["article"]][int(row["span_start"]) : int(row["span_end"])] == row["evidence"]
    assert [r["article"] for r in rows if r["type"] == "claim"] == ["a0", "a1"]


def test_cli_brief_format_csv_to_stdout_and_to_a_file(replay_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    seed = ROOT / "evals" / "articles" / "seed.txt"
    result = runner.invoke(app, ["brief", str(seed), "--date", "2021-05-24", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    article = load_article(seed).text
    assert rows and {r["type"] for r in rows} == {"figure", "claim"}
    assert all(article[int(r["span_start"]) : int(r["span_end"])] == r["evidence"] for r in rows)
    out = tmp_path / "seed.csv"  # the format follows the suffix; a file gets a BOM so Excel reads UTF-8
    result = runner.invoke(app, ["brief", str(seed), "--date", "2021-05-24", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and _rows(data.decode("utf-8")) == rows


def test_cli_batch_format_csv_prints_every_brief_with_its_article_id(replay_db: Path, tmp_path: Path) -> None:
    suite = [json.loads(line) for line in (ROOT / "evals" / "suites" / "core.jsonl").read_text().splitlines()]
    source = tmp_path / "in.jsonl"
    lines = [
        {
            "id": case["id"],
            "path": str((ROOT / "evals" / "suites" / case["article"]["path"]).resolve()),
            "date": case["article"]["date"],
        }
        for case in suite[:2]
    ]
    source.write_text("".join(json.dumps(x) + "\n" for x in [*lines, {"id": "empty", "text": "  "}]))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(out), "-j", "1", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert list(rows[0]) == list(BATCH_COLUMNS)
    briefs = {json.loads(x)["id"]: json.loads(x) for x in out.read_text().splitlines()}
    for case in lines:
        mine = [r for r in rows if r["article"] == case["id"]]
        brief = briefs[case["id"]]["brief"]
        assert len(mine) == len(brief["figures"]) + len(brief["claims"]) > 0
        article = load_article(case["path"]).text
        assert all(article[int(r["span_start"]) : int(r["span_end"])] == r["evidence"] for r in mine)
    errors = [r for r in rows if r["article"] == "empty"]
    assert len(errors) == 1 and errors[0]["type"] == "error" and "empty" in errors[0]["text"]
