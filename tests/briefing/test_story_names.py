"""Merging names, places and dates across a story's articles (story_names.py), on hand-built entries."""

from __future__ import annotations

import random

from summarizer.briefing.story_names import merge_places, merge_when, merge_who, names_match
from summarizer.contract import Person, When

from story_helpers import person, place


def _names(entries: list) -> dict[str, list[str]]:  # type: ignore[type-arg]
    return {e.name: e.articles for e in entries}


def test_full_name_title_surname_and_spelling_variant_are_one_person() -> None:
    who, index = merge_who(
        [
            ("a", [person("Taliban Spokesman Zabihullah Mujahid", aliases=("Mujahid",), main=True)]),
            ("b", [person("Zabihullah Mujahid")]),
            ("c", [person("Mujahid")]),
            ("d", [person("Zabiullah Mujahid")]),
            ("e", [person("Taliban", kind="group")]),
        ]
    )
    merged = {e.name: e for e in who}
    assert set(merged) == {"Zabihullah Mujahid", "Taliban"}
    mujahid = merged["Zabihullah Mujahid"]
    assert mujahid.articles == ["a", "b", "c", "d"] and mujahid.main
    assert {"Mujahid", "Zabiullah Mujahid", "Taliban Spokesman Zabihullah Mujahid"} <= set(mujahid.aliases)
    assert merged["Taliban"].articles == ["e"] and not merged["Taliban"].main
    # each article's own spelling leads to the merged entry
    assert index.canonical("c", "Mujahid") == "Zabihullah Mujahid"
    assert index.canonical("a", "mujahid") == "Zabihullah Mujahid"
    assert index.canonical("e", "Taliban") == "Taliban"


def test_two_clintons_never_merge_and_a_bare_surname_between_them_stays_apart() -> None:
    who, _ = merge_who(
        [
            ("a", [person("Hillary Clinton", aliases=("Clinton",))]),
            ("b", [person("Bill Clinton", aliases=("Clinton",))]),
            ("c", [person("Clinton")]),
            ("d", [person("Hilary Clinton")]),
        ]
    )
    names = _names(who)
    assert names["Hillary Clinton"] == ["a", "d"]  # a misspelling of the same first name merges
    assert names["Bill Clinton"] == ["b"]
    assert names["Clinton"] == ["c"]  # ambiguous: joins neither


def test_a_surname_joins_the_one_person_who_has_it() -> None:
    who, _ = merge_who(
        [("a", [person("Hillary Clinton")]), ("b", [person("Clinton")]), ("c", [person("Mr Clinton")])]
    )
    assert _names(who) == {"Hillary Clinton": ["a", "b", "c"]}


def test_titles_word_order_and_head_words() -> None:
    who, _ = merge_who(
        [
            ("a", [person("President Joe Biden"), person("Ministry of Defense", kind="government")]),
            ("b", [person("President Biden"), person("Afghanistan's Defense Ministry", kind="government")]),
            ("c", [person("Defense Ministry", kind="organization")]),
        ]
    )
    names = _names(who)
    assert names == {"President Joe Biden": ["a", "b"], "Defense Ministry": ["a", "b", "c"]}
    ministry = next(p for p in who if p.name == "Defense Ministry")
    assert ministry.kind == "government"  # the kind most articles give


def test_names_match_rules() -> None:
    assert names_match(("mujahid",), ("zabihullah", "mujahid"))
    assert not names_match(("taliban",), ("taliban", "zabihullah", "mujahid"))
    assert not names_match(("bill", "clinton"), ("hillary", "clinton"))
    assert names_match(("j", "smith"), ("john", "smith"))
    assert not names_match(("john", "smith"), ("joan", "smith"))
    assert names_match(("mohammad", "ali"), ("mohammed", "ali"))


def test_places_merge_across_forms_and_keep_their_articles() -> None:
    where = merge_places(
        [
            ("a", [place("Laghman Province", "region"), place("Mihtarlam")]),
            ("b", [place("Province of Laghman", "region"), place("Kabul")]),
            ("c", [place("Laghman", "region"), place("Kabul International Airport", "site")]),
        ]
    )
    names = _names(where)
    laghman = [name for name in names if "Laghman" in name]
    assert len(laghman) == 1 and names[laghman[0]] == ["a", "b", "c"]
    assert names["Kabul"] == ["b"] and names["Kabul International Airport"] == ["c"]
    assert names["Mihtarlam"] == ["a"]


def test_when_merges_by_day_and_writes_the_commonest_wording() -> None:
    when = merge_when(
        [
            ("a", [When(text="Sunday", date="2021-05-23"), When(text="last month", date=None)]),
            ("b", [When(text="Sunday", date="2021-05-23")]),
            ("c", [When(text="May 23", date="2021-05-23"), When(text="Last month", date=None)]),
        ]
    )
    assert [(w.text.casefold(), w.date, w.articles) for w in when] == [
        ("sunday", "2021-05-23", ["a", "b", "c"]),
        ("last month", None, ["a", "c"]),
    ]


def test_merging_does_not_depend_on_order() -> None:
    entries = [
        ("a", [person("Taliban Spokesman Zabihullah Mujahid", aliases=("Mujahid",))]),
        ("b", [person("Zabihullah Mujahid"), person("Hillary Clinton")]),
        ("c", [person("Mujahid"), person("Bill Clinton"), person("Clinton")]),
        ("d", [person("Zabiullah Mujahid"), person("Taliban", kind="group")]),
    ]
    first = [p.model_dump() for p in merge_who(entries)[0]]
    for seed in range(5):
        shuffled = [(aid, random.Random(seed).sample(people, len(people))) for aid, people in entries]
        random.Random(seed).shuffle(shuffled)
        assert [p.model_dump() for p in merge_who(shuffled)[0]] == first


def test_a_first_name_alone_joins_the_one_person_it_begins() -> None:
    who, _ = merge_who(
        [
            ("a", [person("Hillary Clinton"), person("Taliban Spokesman Zabihullah Mujahid")]),
            ("b", [person("Hillary"), person("Taliban")]),  # "Taliban" labelled a person by mistake
            ("c", [person("Clinton Foundation", kind="organization"), person("Clinton", kind="group")]),
        ]
    )
    names = _names(who)
    assert names["Hillary Clinton"] == ["a", "b", "c"]
    assert names["Taliban"] == ["b"] and names["Taliban Spokesman Zabihullah Mujahid"] == ["a"]
    assert names["Clinton Foundation"] == ["c"]


def test_an_unnamed_actor_is_one_entry_however_each_outlet_describes_them() -> None:
    def main(name: str, kind: str = "person") -> Person:
        return Person(name=name, kind=kind, role=None, aliases=[], main=True)  # type: ignore[arg-type]

    who, _ = merge_who(
        [
            ("a", [main("A gunman"), main("Five people", "group")]),
            ("b", [main("The gunman"), main("five people", "group")]),
            ("c", [main("a lone gunman"), main("two people", "group")]),
            ("d", [main("The suspected gunman"), main("John Smith"), main("Smith")]),
        ]
    )
    by_name = {p.name: p for p in who}
    assert by_name["A gunman"].articles == ["a", "b", "c", "d"]
    assert by_name["Five people"].articles == ["a", "b"]
    assert "two people" in by_name  # a different number is a different group
    assert by_name["John Smith"].aliases == ["Smith"]


def test_descriptions_differ_by_number_order_and_head_not_by_adjectives() -> None:
    def main(name: str) -> Person:
        return Person(name=name, kind="person", role=None, aliases=[], main=True)

    who, _ = merge_who(
        [
            ("a", [main("A gunman"), main("5 people"), main("the driver of the bus")]),
            ("b", [main("a second gunman"), main("Five people"), main("the driver's son")]),
            ("c", [main("the driver")]),
        ]
    )
    by_name = {p.name: p.articles for p in who}
    assert by_name["A gunman"] == ["a"] and by_name["a second gunman"] == ["b"]
    assert sorted(by_name.get("5 people", []) + by_name.get("Five people", [])) == ["a", "b"]
    assert by_name["the driver"] == ["a", "c"] and by_name["the driver's son"] == ["b"]
