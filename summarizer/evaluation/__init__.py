"""Evaluation: run a summarizer over a suite of hand-written references and score every field.

suite.py reads suites (CONTRACT §2, story cases of §4); runner.py briefs each case and writes the run (§3);
scoring is split by concern: base.py (FieldScore, ratios), words.py, names.py, one module per field family
(entities.py, figures.py, claims.py, what.py), validity.py (grounding, shape), story.py, glued by scorers.py;
metrics.py averages; compare.py and matrix.py judge runs against each other; report.py and html_report.py
show them; draft.py and lint.py help people write references.

May import `contract`, `errors`, `articles`, `text`, `briefing` (the grounding check) and `api` (the
summarizer it runs); never `cli`.
"""

__all__: list[str] = []
