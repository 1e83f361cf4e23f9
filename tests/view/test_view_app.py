"""`summarizer view` without a browser: what it opens, what it refuses (one line, non-zero exit), the JSON its
page draws, and the server's guards (loopback Host only, a strict Content-Security-Policy)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from summarizer.view import ViewError, load_target, make_app
from summarizer.view.payloads import case_total, checked_items, name_spans
from summarizer.view.server import bind

ROOT = Path(__file__).resolve().parents[2]


def _client(target: Any) -> TestClient:
    return TestClient(make_app(target), base_url="http://127.0.0.1:8765")


def test_a_brief_with_its_article_serves_spans_that_index_the_article(brief_files: tuple[Path, Path]) -> None:
    brief_path, article_path = brief_files
    target = load_target(brief_path, articles=[article_path])
    assert target.kind == "brief"
    client = _client(target)
    page = client.get("/")
    assert page.status_code == 200 and '<script type="module" src="/static/view.js">' in page.text
    data = client.get("/api/view").json()
    article = data["article"]
    assert data["kind"] == "brief" and data["warnings"] == []
    for fig in data["brief"]["figures"]:
        assert article[fig["span"][0] : fig["span"][1]] == fig["evidence"]
    spans = [s for person in data["brief"]["who"] for s in person["spans"]]
    assert spans and all(article[s:e] for s, e in spans)
    names = {p["name"] for p in data["brief"]["who"]} | {
        a for p in data["brief"]["who"] for a in p["aliases"]
    }
    assert all(article[s:e] in names or article[s:e].lower() in {n.lower() for n in names} for s, e in spans)
    for static in ("view.js", "article.js", "brief.js", "run.js", "story.js", "dom.js", "view.css"):
        assert client.get(f"/static/{static}").status_code == 200


def test_the_server_refuses_other_hosts_and_sends_a_strict_policy(brief_files: tuple[Path, Path]) -> None:
    target = load_target(brief_files[0], articles=[brief_files[1]])
    client = _client(target)
    response = client.get("/api/view")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    rebound = client.get("/api/view", headers={"Host": "attacker.example:8765"})
    assert rebound.status_code == 400 and "figures" not in rebound.text


def test_the_brief_is_found_by_its_sha256_in_a_suite_or_refused_without_an_article(
    brief_files: tuple[Path, Path], seed_case: dict[str, Any], tmp_path: Path
) -> None:
    target = load_target(brief_files[0], suite=ROOT / "evals" / "suites" / "core.jsonl")
    assert target.brief is not None and target.brief.article == seed_case["article"]
    with pytest.raises(ViewError, match="--article FILE"):
        load_target(brief_files[0])
    other = tmp_path / "other.txt"
    other.write_text(
        "A different article about something else entirely, with 12 words and more.", encoding="utf-8"
    )
    mismatched = load_target(brief_files[0], articles=[other])
    assert mismatched.brief is not None and "sha256 differs" in mismatched.brief.warnings[0]
    data = _client(mismatched).get("/api/view").json()  # the page still opens; no span points at wrong words
    assert all(f["span"] is None for f in data["brief"]["figures"])
    assert any("span does not fit" in w or "not its evidence" in w for w in data["warnings"])


def test_a_run_lists_cases_worst_first_and_a_case_carries_hits_and_misses(recorded_run: Path) -> None:
    target = load_target(recorded_run)
    client = _client(target)
    data = client.get("/api/view").json()
    means = [c["mean"] for c in data["cases"]]
    assert data["kind"] == "run" and len(means) == 25 and means == sorted(means)
    worst = data["cases"][0]["id"]
    run = json.loads((recorded_run / "run.json").read_text())
    assert worst == min(run["per_case"], key=lambda c: (case_total(c), c["id"]))["id"]
    case = client.get("/api/case", params={"run": 0, "id": worst}).json()
    assert case["id"] == worst and case["details"] and case["reference"]
    for claim in case["brief"]["claims"]:
        assert case["article"][claim["span"][0] : claim["span"][1]] == claim["evidence"]
    assert set(case["details"]) >= {"who", "figures", "claims"}
    assert any(d["misses"] for d in case["details"].values())
    assert client.get("/api/case", params={"run": 0, "id": "no-such-case"}).status_code == 404
    assert client.get("/api/case", params={"run": 5, "id": worst}).status_code == 404


def test_two_runs_compare_per_field_and_per_case(recorded_run: Path, tmp_path: Path) -> None:
    run = json.loads((recorded_run / "run.json").read_text())
    worse = json.loads(json.dumps(run))
    changed = [c["id"] for c in worse["per_case"][:3]]
    for case in worse["per_case"][:3]:
        case["scores"]["figures"]["f1"] = 0.0
    worse["per_case"].append({**worse["per_case"][0], "id": "only-in-b"})
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "run.json").write_text(json.dumps(worse))
    data = _client(load_target(recorded_run, compare=tmp_path / "b")).get("/api/view").json()
    assert data["kind"] == "compare" and data["only_b"] == ["only-in-b"] and data["only_a"] == []
    fields = {f["field"]: f for f in data["fields"]}
    before = {c["id"]: c["scores"]["figures"]["f1"] for c in run["per_case"][:3]}
    assert fields["figures.f1"]["worse"] == sum(1 for v in before.values() if v)
    assert fields["who.f1"]["worse"] == 0 and fields["who.f1"]["better"] == 0
    assert {c["id"] for c in data["cases"] if c["moved"]} == {i for i, v in before.items() if v != 0.0}
    assert set(changed) == set(before)
    drops = [c["delta"] for c in data["cases"]]
    assert drops == sorted(drops)  # the biggest drop first


def test_a_story_serves_its_reports_by_date_and_the_texts_matched_by_sha256(
    story_files: tuple[Path, list[Path]],
) -> None:
    story_path, files = story_files
    data = _client(load_target(story_path, articles=files)).get("/api/view").json()
    assert data["kind"] == "story" and data["warnings"] == []
    reports = data["story"]["figures"][0]["reports"]
    assert [r["article"] for r in reports] == ["a1", "a0"]
    for report in reports:
        text = data["texts"][report["article"]]
        assert text[report["span"][0] : report["span"][1]] == report["evidence"]
    without = load_target(story_path, articles=files[:1])
    assert without.story is not None and "no text for a1" in without.story.warnings[0]


def test_spans_that_do_not_fit_are_dropped_with_a_warning() -> None:
    text = "The ministry said 50 people died."
    items = [
        {"evidence": "50 people died", "span": [18, 32]},
        {"evidence": "50 people died", "span": [0, 14]},
        {"evidence": "x", "span": [30, 99]},
        "not an object",
    ]
    checked, warnings = checked_items(items, text, "figure")
    assert [c["span"] for c in checked] == [[18, 32], None, None]
    assert len(warnings) == 3
    assert name_spans(text, ["Ministry", "the ministry"]) == [[0, 12]]
    assert name_spans("Kabul and kabul", ["Kabul"]) == [[0, 5]]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.json", "no such file"),
        (lambda d: _write(d / "bad.json", "{not json"), "is not JSON"),
        (lambda d: _write(d / "list.json", "[1, 2]"), "is not a brief, story brief or eval run"),
        (lambda d: _write(d / "run.json", '{"per_case": [{"x": 1}]}'), "is not an eval run"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path, make: Any, message: str) -> None:
    path = make(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "view", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert (
        message in done.stderr
        and len(done.stderr.strip().splitlines()) == 1
        and "Traceback" not in done.stderr
    )


def test_a_directory_of_runs_names_them_and_a_busy_port_is_refused(
    recorded_run: Path, tmp_path: Path
) -> None:
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "run.json").write_text((recorded_run / "run.json").read_text())
    with pytest.raises(ViewError, match="holds 2 runs"):
        load_target(tmp_path)
    with pytest.raises(ViewError, match="--compare needs two eval runs"):
        load_target(_write(tmp_path / "b.json", '{"headline": "h", "figures": []}'), compare=tmp_path / "x")
    busy = bind(0)
    try:
        with pytest.raises(ViewError, match="pick another --port"):
            bind(busy.getsockname()[1])
    finally:
        busy.close()
    try:  # the default port taken (by us, or by whatever holds it), a free one is used instead
        holder: socket.socket | None = bind(8765)
    except ViewError:
        holder = None
    fallback = bind(None)
    try:
        assert fallback.getsockname() != ("127.0.0.1", 8765) and fallback.getsockname()[0] == "127.0.0.1"
    finally:
        fallback.close()
        if holder is not None:
            holder.close()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
