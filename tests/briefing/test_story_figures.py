"""Figures across a story's articles (story_figures.py): grouping, latest, and when reports conflict."""

from __future__ import annotations

from summarizer.briefing.story_figures import FigureInput, counts_key, group_figures
from summarizer.contract import Approx, Figure, FigureKind, StoryFigure, StoryReport


def _fig(
    text: str,
    value: float,
    counts: str = "people killed",
    kind: FigureKind = "killed",
    approx: Approx = "exact",
    source: str | None = None,
    at: int = 0,
) -> Figure:
    evidence = f"Officials said {text} {counts} there."
    return Figure(
        text=text,
        value=value,
        approx=approx,
        counts=counts,
        kind=kind,
        source=source,
        evidence=evidence,
        span=(at, at + len(evidence)),
    )


def _group(*items: tuple[str, str | None, Figure]) -> list[StoryFigure]:
    inputs = [FigureInput(article, date, figure) for article, date, figure in items]
    return group_figures(inputs, lambda it: it.figure.source, _voice)


def _voice(report: StoryReport) -> str:
    return report.source or f"{report.article} (own report)"


def _only(figures: list[StoryFigure]) -> StoryFigure:
    assert len(figures) == 1, [f.counts for f in figures]
    return figures[0]


def test_a_count_that_grows_over_days_is_no_conflict_and_latest_is_the_last_day() -> None:
    figure = _only(
        _group(
            ("a", "2021-05-23", _fig("five", 5)),
            ("b", "2021-05-24", _fig("seven", 7, counts="killed")),
            ("c", "2021-05-25", _fig("nine", 9, counts="deaths")),
        )
    )
    assert not figure.conflict
    assert [r.value for r in figure.reports] == [5, 7, 9]
    assert [r.article for r in figure.reports] == ["a", "b", "c"]
    assert figure.latest is not None and (figure.latest.value, figure.latest.approx) == (9, "exact")


def test_a_vague_early_figure_refined_by_a_later_exact_one_is_no_conflict() -> None:
    injured = _only(
        _group(
            ("a", "2021-05-23", _fig("dozens", 24, "people injured", "injured", approx="at_least")),
            ("b", "2021-05-23", _fig("more than 40", 40, "people wounded", "injured", approx="more_than")),
            ("c", "2021-05-24", _fig("51", 51, "people injured", "injured")),
        )
    )
    assert not injured.conflict
    assert injured.latest is not None and injured.latest.value == 51


def test_a_vague_figure_and_an_exact_one_on_the_same_day_agree_when_the_exact_one_fits() -> None:
    fits = _group(
        ("a", "2021-05-23", _fig("dozens", 24, approx="at_least")),
        ("b", "2021-05-23", _fig("30", 30)),
    )
    assert not _only(fits).conflict
    latest = _only(fits).latest
    assert latest is not None and (latest.value, latest.approx) == (30, "exact")  # the precise one settles it
    below = _group(
        ("a", "2021-05-23", _fig("dozens", 24, approx="at_least")),
        ("b", "2021-05-23", _fig("12", 12)),
    )
    assert _only(below).conflict


def test_two_exact_counts_on_the_same_day_that_differ_conflict_and_are_a_dispute_source_pair() -> None:
    figure = _only(
        _group(
            ("a", "2021-05-24", _fig("50", 50, "militants killed", source="Defense Ministry")),
            ("b", "2021-05-24", _fig("12", 12, "Taliban militants killed", source="Taliban")),
        )
    )
    assert figure.conflict
    assert {r.source for r in figure.reports} == {"Defense Ministry", "Taliban"}


def test_a_cumulative_count_that_falls_on_a_later_day_conflicts() -> None:
    figure = _only(
        _group(
            ("a", "2021-05-23", _fig("nine", 9)),
            ("b", "2021-05-24", _fig("seven", 7)),
        )
    )
    assert figure.conflict
    missing = _only(
        _group(
            ("a", "2021-05-23", _fig("nine", 9, "people missing", "missing")),
            ("b", "2021-05-24", _fig("seven", 7, "people missing", "missing")),
        )
    )
    assert not missing.conflict  # the missing are found: that count may fall


def test_one_source_in_one_article_giving_two_values_is_not_a_conflict_but_two_sources_are() -> None:
    same = _group(("a", "2021-05-23", _fig("five", 5, at=0)), ("a", "2021-05-23", _fig("three", 3, at=100)))
    assert not _only(same).conflict
    two = _group(
        ("a", "2021-05-23", _fig("five", 5, source="police", at=0)),
        ("a", "2021-05-23", _fig("three", 3, source="hospital", at=100)),
    )
    assert _only(two).conflict


def test_an_undated_article_is_not_compared_with_other_days() -> None:
    figure = _only(_group(("a", None, _fig("nine", 9)), ("b", "2021-05-24", _fig("seven", 7))))
    assert not figure.conflict
    assert figure.latest is not None and figure.latest.value == 7  # the dated report is the latest


def test_grouping_by_kind_and_what_is_counted() -> None:
    figures = _group(
        ("a", "2021-05-23", _fig("seven", 7, "people killed")),
        ("a", "2021-05-23", _fig("50", 50, "militants killed", at=50)),
        ("b", "2021-05-24", _fig("9", 9, "deaths")),
        ("b", "2021-05-24", _fig("52", 52, "Taliban militants killed", at=50)),
        ("b", "2021-05-24", _fig("51", 51, "people injured", "injured", at=90)),
        ("b", "2021-05-24", _fig("4", 4, "police officers killed", at=140)),
    )
    by_counts = {(f.kind, counts_key(f.counts, f.kind)): [r.value for r in f.reports] for f in figures}
    assert by_counts == {
        ("killed", ("people",)): [7, 9],
        ("killed", ("militant",)): [50, 52],
        ("killed", ("police", "officer")): [4],
        ("injured", ("people",)): [51],
    }
    assert [f.kind for f in figures] == ["killed", "killed", "killed", "injured"]  # casualty kinds in order


def test_latest_prefers_the_value_most_latest_articles_give() -> None:
    figure = _only(
        _group(
            ("a", "2021-05-24", _fig("seven", 7)),
            ("b", "2021-05-25", _fig("at least eight", 8, approx="at_least")),
            ("c", "2021-05-25", _fig("nine", 9)),
            ("d", "2021-05-25", _fig("nine", 9)),
            ("e", "2021-05-25", _fig("ten", 10)),
        )
    )
    assert figure.latest is not None and (figure.latest.value, figure.latest.approx) == (9, "exact")
    assert figure.conflict  # 9 and 10 on one day cannot both be the toll


def test_ages_never_conflict() -> None:
    figures = _group(
        ("a", "2021-05-24", _fig("45", 45, "age of the victim", "age")),
        ("b", "2021-05-24", _fig("14", 14, "age of the victim", "age")),
    )
    assert not _only(figures).conflict


def test_only_figures_that_name_one_thing_can_conflict() -> None:
    percent = _group(
        ("a", "2021-05-24", _fig("18 percent", 18, "percent", "percent")),
        ("b", "2021-05-24", _fig("42 percent", 42, "percent", "percent")),
    )
    assert not _only(percent).conflict  # a bare unit gathers different things
    evacuated = _group(
        ("a", "2021-05-24", _fig("300", 300, "people evacuated", "people")),
        ("b", "2021-05-24", _fig("900", 900, "people evacuated", "people")),
    )
    assert _only(evacuated).conflict


def test_outlets_words_for_the_whole_toll_group_together_but_sides_and_parts_do_not() -> None:
    people = counts_key("people killed", "killed")
    assert counts_key("workers killed", "killed") == people
    assert counts_key("passengers killed", "killed") == people
    assert counts_key("employees missing", "missing") == counts_key("people missing", "missing")
    assert counts_key("soldiers killed", "killed") != people
    assert counts_key("foreign tourists killed", "killed") != people
    assert counts_key("passengers among those killed", "killed") != people
    assert counts_key("more victim killed", "killed") != people
    assert counts_key("workers employed", "people") != counts_key("people employed", "people")


def test_one_victim_counted_by_a_later_day_leaves_the_toll_standing() -> None:
    from summarizer.articles import Article
    from summarizer.briefing.reading import read_article
    from summarizer.briefing.story import assemble
    from summarizer.briefing.story_digest import digest
    from summarizer.contract import Meta

    texts = [
        ("A bus crash near Lima killed 14 people on Monday, officials said.", "2026-03-02"),
        ("A victim of the bus crash near Lima died in hospital on Tuesday, doctors said.", "2026-03-03"),
        ("Police killed two suspects in a raid near Lima on Tuesday, officials said.", "2026-03-03"),
    ]
    meta = Meta(model="code", prompt="code", article_sha256="")
    articles = [Article.from_text(t, date=d, id=f"a{i}", publisher=f"P{i}") for i, (t, d) in enumerate(texts)]
    story = assemble([digest(a, read_article(a).brief("", "", meta), a.id or "") for a in articles], None)
    killed = {f.counts: f for f in story.figures if f.kind == "killed"}
    toll = killed["people killed"]
    assert toll.latest is not None and toll.latest.value == 14 and not toll.conflict
    assert {(r.value, r.article) for r in toll.reports} == {(14.0, "a0"), (1.0, "a1")}
    assert [r.value for r in killed["suspects killed"].reports] == [2.0]  # another party, another count


def test_ages_written_two_ways_merge_without_error() -> None:
    """ "A 34-year-old man" (unit years) and "a man, 34," (no unit) in two articles: groups whose units differ
    are ordered without comparing None with a unit."""
    from summarizer.articles import Article
    from summarizer.briefing.reading import read_article
    from summarizer.briefing.story import assemble
    from summarizer.briefing.story_digest import digest
    from summarizer.contract import Meta

    texts = [
        "A 34-year-old man was arrested on suspicion of murder on Monday, police said.",
        "Police said a man, 34, from the Eastmoor area was arrested on Monday.",
    ]
    meta = Meta(model="code", prompt="code", article_sha256="")
    articles = [Article.from_text(t, date="2026-03-02", id=f"a{i}") for i, t in enumerate(texts)]
    story = assemble([digest(a, read_article(a).brief("", "", meta), a.id or "") for a in articles], None)
    assert {r.value for f in story.figures if f.kind == "age" for r in f.reports} == {34.0}


def test_one_person_named_or_introduced_is_a_lower_bound_in_the_whole_count() -> None:
    arrested = _group(
        ("a1", "2026-03-02", _fig("A 34-year-old man", 1, "man arrested", "arrested")),
        ("a2", "2026-03-03", _fig("Gregory Venn", 1, "person arrested", "arrested")),
        ("a3", "2026-03-03", _fig("one", 1, "people arrested", "arrested")),
    )
    figure = _only(arrested)
    assert figure.latest is not None and figure.latest.value == 1 and figure.latest.approx == "exact"
    killed = _only(
        _group(
            ("a1", "2026-03-02", _fig("14", 14)),
            ("a2", "2026-03-03", _fig("The driver", 1, "driver killed")),
        )
    )
    assert killed.latest is not None and killed.latest.value == 14 and not killed.conflict


def test_a_numerals_lower_bound_cited_by_most_outlets_is_the_latest() -> None:
    killed = _only(
        _group(
            ("a1", "2026-03-03", _fig("at least 38", 38, approx="at_least", source="UN")),
            ("a2", "2026-03-03", _fig("at least 38", 38, approx="at_least", source="UN")),
            ("a2", "2026-03-03", _fig("41", 41, source="rebels")),
            ("a3", "2026-03-03", _fig("at least 38", 38, approx="at_least", source="UN")),
            ("a3", "2026-03-03", _fig("41", 41, source="rebels")),
            ("a3", "2026-03-03", _fig("22", 22, source="ministry")),
        )
    )
    assert killed.latest is not None and killed.latest.value == 38 and killed.conflict
