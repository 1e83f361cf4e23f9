"""CSV exports for analysts: a brief's, a batch's and a story's figures and claims as spreadsheet rows.

One row per figure (or per figure report, for a story) and per claim, each with its source, evidence and span,
so a spreadsheet can filter by source or kind and a reader can still find the sentence in the article.

Format: RFC 4180 (every field that needs it quoted, CRLF line ends), UTF-8. A byte-order mark is written only
when asked (`bom=True`: the CLI asks when it writes to a file, so Excel reads the file as UTF-8; on standard
output there is none, for pipes and scripts). Article and model text is untrusted: a text cell that a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
leading apostrophe, the usual guard; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel

from summarizer.errors import SummarizerError
from summarizer.jsonl import json_objects

__all__ = [
    "BATCH_COLUMNS",
    "BRIEF_COLUMNS",
    "STORY_COLUMNS",
    "BatchFormat",
    "BatchFormatOpt",
    "batch_csv",
    "brief_csv",
    "brief_rows",
    "story_csv",
    "story_rows",
]

BRIEF_COLUMNS: tuple[str, ...] = (
    "type",  # figure | claim
    "text",  # a figure's text as written, a claim's statement
    "value",
    "upper",
    "approx",
    "counts",
    "kind",
    "unit",
    "source",
    "cue",
    "quote",
    "evidence",
    "span_start",
    "span_end",
)
BATCH_COLUMNS: tuple[str, ...] = ("article", *BRIEF_COLUMNS)
STORY_COLUMNS: tuple[str, ...] = ("article", "date", "publisher", *BRIEF_COLUMNS, "conflict")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class BatchFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


BatchFormatOpt = Annotated[
    BatchFormat,
    typer.Option(
        "--format",
        "-f",
        help="jsonl (the output file only) or csv: also print every brief in OUT as CSV rows on stdout.",
    ),
]


def _data(item: BaseModel | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(item, BaseModel):
        to_json = getattr(item, "to_json_dict", None)
        return to_json() if callable(to_json) else item.model_dump(mode="json")
    return item


def _cell(value: Any) -> Any:
    """A spreadsheet-safe cell: numbers stay numbers, formula-looking text is defused, None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _span(item: Mapping[str, Any]) -> tuple[Any, Any]:
    span = item.get("span")
    if isinstance(span, list | tuple) and len(span) == 2:
        return span[0], span[1]
    return None, None


def _figure_row(fig: Mapping[str, Any]) -> dict[str, Any]:
    start, end = _span(fig)
    return {
        "type": "figure",
        **{key: fig.get(key) for key in ("text", "value", "upper", "approx", "counts", "kind", "unit")},
        "source": fig.get("source"),
        "evidence": fig.get("evidence"),
        "span_start": start,
        "span_end": end,
    }


def _claim_row(claim: Mapping[str, Any]) -> dict[str, Any]:
    start, end = _span(claim)
    return {
        "type": "claim",
        "text": claim.get("statement"),
        **{key: claim.get(key) for key in ("source", "cue", "quote", "evidence")},
        "span_start": start,
        "span_end": end,
    }


def brief_rows(brief: BaseModel | Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """A brief's figures, then its claims, as rows keyed by `BRIEF_COLUMNS` (absent keys are empty cells)."""
    data = _data(brief)
    for fig in data.get("figures") or []:
        yield _figure_row(fig)
    for claim in data.get("claims") or []:
        yield _claim_row(claim)


def _write(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]], bom: bool) -> str:
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()


def brief_csv(brief: BaseModel | Mapping[str, Any], *, bom: bool = False) -> str:
    """`summarizer brief --format csv`: the header, then one row per figure and per claim."""
    return _write(BRIEF_COLUMNS, brief_rows(brief), bom)


def _batch_rows(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SummarizerError(f"cannot read the batch output {path}: {exc}") from None
    for number, item in json_objects(lines):
        if item is None or "id" not in item:
            raise SummarizerError(f"{path}:{number} is not a batch output line")
        article = str(item["id"])
        if isinstance(item.get("brief"), dict):
            for row in brief_rows(item["brief"]):
                yield {"article": article, **row}
        else:
            yield {"article": article, "type": "error", "text": item.get("error") or "no brief"}


def batch_csv(path: Path, *, bom: bool = False) -> str:
    """Every line of a batch output (JSONL of `{"id", "brief"|"error"}`) as rows headed by the article id;
    an article that failed is one `error` row carrying its message."""
    return _write(BATCH_COLUMNS, _batch_rows(path), bom)


def story_rows(story: BaseModel | Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Each figure report (by date within a figure), then each claim, with its article's id, date and
    publisher; `conflict` marks the reports of a figure whose reports cannot all be true."""
    data = _data(story)
    articles = {str(a.get("id")): a for a in data.get("articles") or []}

    def about(article_id: Any) -> dict[str, Any]:
        meta = articles.get(str(article_id), {})
        return {"article": article_id, "date": meta.get("date"), "publisher": meta.get("publisher")}

    for figure in data.get("figures") or []:
        reports = sorted(
            figure.get("reports") or [],
            key=lambda r: (about(r.get("article"))["date"] or "9999", str(r.get("article"))),
        )
        for report in reports:
            row = _figure_row({**report, "counts": figure.get("counts"), "kind": figure.get("kind")})
            yield {**about(report.get("article")), **row, "conflict": bool(figure.get("conflict"))}
    for claim in data.get("claims") or []:
        yield {**about(claim.get("article")), **_claim_row(claim)}


def story_csv(story: BaseModel | Mapping[str, Any], *, bom: bool = False) -> str:
    """`summarizer story --format csv`: one row per figure report and per claim (columns `STORY_COLUMNS`)."""
    return _write(STORY_COLUMNS, story_rows(story), bom)
