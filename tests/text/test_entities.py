"""Who and where from the recogniser: junk names, nationality adjectives, aliases, roles, places within
places, and the lead's main actors, named or unnamed."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.briefing.reading import read_article
from summarizer.text.actors import recurring_actors
from summarizer.text.nlp import parse

SEED_LIKE = (
    "Afghan forces clashed with the Taliban on Sunday night, the Defense Ministry said.\n"
    "Taliban Spokesman Zabihullah Mujahid said the militants captured more than three dozen checkpoints.\n"
    "Mujahid later said the fighting would go on. Zia, a former Army Chief of Staff, said the assault had "
    "been repelled. Fighting erupted on the edge of Mihtarlam, the capital of Laghman Province."
)

FURNITURE = (
    "GREAT STORIES FROM GERMANY\n"
    "A gunman opened fire on a tram in Seattle on Tuesday, police said.\n"
    "(Photo: Getty Images) Read or Share this story: http://example.com/x\n"
    "Follow Ashley May on Twitter @ashleymay\n"
    "The tram driver was among the injured, Seattle Police Chief Carmen Best said."
)


def _who(text: str) -> dict[str, object]:
    reading = read_article(Article.from_text(text, date="2021-05-24"))
    return {p.name: p for p in reading.who}


def test_nationality_adjectives_are_not_actors_and_aliases_join_one_person() -> None:
    who = _who(SEED_LIKE)
    assert "Afghan" not in who
    assert "Taliban" in who
    mujahid = who["Zabihullah Mujahid"]
    assert "Mujahid" in mujahid.aliases and "Mujahid" not in who  # type: ignore[attr-defined]
    assert mujahid.role == "Taliban Spokesman"  # type: ignore[attr-defined]
    assert who["Zia"].role == "former Army Chief of Staff"  # type: ignore[attr-defined]


def test_places_know_what_they_lie_within_and_a_province_is_a_region() -> None:
    reading = read_article(Article.from_text(SEED_LIKE))
    places = {p.name: p for p in reading.where}
    assert places["Mihtarlam"].within in {"Laghman", "Laghman Province"}
    assert places["Laghman Province"].kind == "region" if "Laghman Province" in places else True
    assert all(p.kind != "person" for p in reading.where)


def test_page_furniture_is_nobody_and_an_unnamed_gunman_is_the_main_actor() -> None:
    who = _who(FURNITURE)
    for junk in ("GREAT STORIES FROM GERMANY", "Getty Images", "Ashley May", "Twitter", "GERMANY"):
        assert junk not in who
    main = [name for name, p in who.items() if p.main]  # type: ignore[attr-defined]
    assert main and main[0].lower().endswith("gunman")
    assert who[main[0]].kind == "person"  # type: ignore[attr-defined]


def test_dates_are_never_places_and_undated_phrases_are_not_listed() -> None:
    text = (
        "Fire crews in East Toledo worked through New Year's Day, the city said on Monday.\n"
        "Last year the same street flooded twice."
    )
    reading = read_article(Article.from_text(text, date="2020-01-03"))
    assert "New Year's Day" not in [p.name for p in reading.where]
    assert all(w.date is not None for w in reading.when)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a nationality and a noun for people or a body, when it acts, is an actor named as described
        ("Saudi officials said the bridge would reopen.", "Saudi officials", "Saudi"),
        ("The road was retaken by Afghan forces on Monday.", "Afghan forces", "Afghan"),
        # a source the recogniser missed still speaks in the story
        ("According to the Saudi Interior Ministry, 345 pilgrims died.", "Saudi Interior Ministry", None),
        # a text speaks for its owner; an unowned text is nobody
        ("PC World's recent analysis says the browser lost users.", "PC World", "PC World's recent analysis"),
        ("Media reports said the talks had failed.", None, "Media reports"),
        # names the recogniser cut short
        ("Civic Passion's Wong Yeung-tat was defeated in the district.", "Wong Yeung-tat", "Wong Yeung"),
        ("Yannick Carrasco and Dries Mertens made early attempts on goal.", "Dries Mertens", "Dries"),
        # faiths, events and works are not actors
        ("The stampede at Islam's most holy site happened during the Hajj.", None, "Islam"),
        ("Belgium beat Panama in the FIFA World Cup on Monday.", "Belgium", "FIFA World Cup"),
        ("Atwood launched her graphic novel Angel Catbird at the fair.", None, "Angel Catbird"),
        # a body named only as a portfolio, a medium spoken to, a thing's label or a craft is nobody
        ("Minister of Health Anna Berg said clinics would stay open.", "Anna Berg", "Health"),
        ("The mayor told Channel Four News that the bridge was safe.", None, "Channel Four News"),
        ("The levy is collected under the IMX scheme since 2012.", None, "IMX"),
        ("Crews prepared Space Shuttle Discovery for its last flight.", None, "Space Shuttle Discovery"),
        ("A spokesman stated to Valley Weekly that the plant was safe.", None, "Valley Weekly"),
        # the outlet reporting the story is its voice, not an actor in it
        ("The Harbor Gazette has learned that the mayor will resign.", None, "Harbor Gazette"),
        ("Ridge News reporters attended the opening. Ridge News provides video.", None, "Ridge News"),
        # ... but one that acts or speaks somewhere is somebody
        (
            "Channel Four News reported the closure. The mayor told Channel Four News it was safe.",
            "Channel Four News",
            None,
        ),
        # ... and a body that acts, is talked with or informed, or owns what is counted, is somebody
        ("Hezbollah rockets struck northern Israel on Tuesday, killing two people.", "Hezbollah", None),
        ("Boeing shares fell 8% on Monday after the crash.", "Boeing", None),
        ("Pakistan held talks with the Taliban on Monday.", "Taliban", None),
        (
            "Iran informed the International Atomic Energy Agency on Monday.",
            "International Atomic Energy Agency",
            None,
        ),
        (
            "Rob Manfred, the commissioner of Major League Baseball, suspended him.",
            "Major League Baseball",
            None,
        ),
        ("MV Agusta recalled 4,000 motorcycles on Monday.", "MV Agusta", None),
        # lines that look like furniture but are the story
        (
            'Mayor Ann Cole called it "a dark day for our city" — the worst attack since 1999.',
            "Ann Cole",
            None,
        ),
        ("A video by a witness shows Officer Dan Price firing into the crowd.", "Dan Price", None),
        # a source list's entry is page furniture
        (
            'The bridge closed.\nJane Roe. "Bridge shut after flood" — Valley Herald, May 2, 2021',
            None,
            "Valley Herald",
        ),
    ],
)
def test_who_label_table(text: str, present: str | None, absent: str | None) -> None:
    who = _who(text)
    if present is not None:
        assert present in who, sorted(who)
    if absent is not None:
        assert absent not in who, sorted(who)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The group has seized the districts of Nerkh and Jalraiz in the Province of Wardak.", "Nerkh"),
        ("South Korea evacuated 80 people in the town of Yeoncheon after a shell landed.", "Yeoncheon"),
        (
            "The court ordered the schools Santo Spirito and Immacolata in Livorno, Tuscany, to pay 422,000 euros.",
            "Tuscany",
        ),
    ],
)
def test_a_name_a_place_noun_owns_is_a_place_not_an_actor(text: str, place: str) -> None:
    reading = read_article(Article.from_text(text, date="2021-05-24"))
    assert place not in {p.name for p in reading.who}
    assert place in {p.name for p in reading.where}


def test_a_caption_credit_is_page_furniture() -> None:
    text = (
        "NASA named four museums on Tuesday.  Image: NASA Bill Ingalls. \n\n"
        "NASA Administrator Charles Bolden said the shuttles would be displayed."
    )
    who = _who(text)
    assert "Bill Ingalls" not in who and "Charles Bolden" in who


def test_main_actors_of_the_lead_include_the_how_clause_and_a_named_bomber() -> None:
    who = _who("Five people were killed when a gunman opened fire at a mall in Munich, Germany.")
    assert who["a gunman"].main and who["Five people"].main  # type: ignore[attr-defined]
    who = _who("A Taliban suicide bomber killed 12 people in Kabul on Monday.")
    assert who["A Taliban suicide bomber"].main and who["Taliban"].main  # type: ignore[attr-defined]


def test_a_dateline_neither_hides_the_lead_nor_names_anybody() -> None:
    text = (
        "EAST DUNMORE, Pa. (KW) — A 27-year-old woman was hurt when a gunman opened fire at a bar on Tuesday.\n"
        "Herald photo by Kevin Doyle\n"
        "— Ohio Valley Sentinel staff report\n"
    )
    reading = read_article(Article.from_text(text, date="2026-05-05"))
    who = {p.name for p in reading.who}
    where = {p.name for p in reading.where}
    assert {"27-year-old woman", "a gunman"} <= who  # the lead after the dateline is parsed as the lead
    assert not who & {"Kevin Doyle", "Valley Sentinel", "Ohio Valley Sentinel", "KW"}
    assert "Pennsylvania" in where and not where & {"Pa", "KW", "Valley Sentinel"}
    assert reading.lead.startswith("EAST DUNMORE, Pa. (KW) —")


def test_a_thing_is_no_unnamed_actor_and_a_doer_the_article_returns_to_is_one() -> None:
    who = _who("Seven people died when a Corvane Rail passenger train derailed near Ashgrove on Sunday.")
    assert "Seven people" in who and "a Corvane Rail passenger train" not in who
    text = (
        "Eight people were killed when a train derailed near Ashgrove on Sunday. "
        "Police said the train's driver had been arrested. Prosecutors charged the driver on Tuesday."
    )
    who = _who(text)
    assert "the train's driver" in who and not who["the train's driver"].main  # type: ignore[attr-defined]
    # a doer with a name is that name; one mention, or an indefinite one, is no recurring actor
    for text in [
        "Police said the suspect, Dale Hurst, was arrested. Police said the suspect had a gun.",
        "Police said a driver was killed on the bridge. Another driver was hurt.",
        "Police said the driver was hurt.",
    ]:
        assert recurring_actors(parse(text)) == [], text


def test_an_acronym_the_article_defines_is_that_names_entity() -> None:
    text = (
        "Senator Cole criticised the rejection of Johnson Space Center (JSC) in Houston. "
        "However, the JSC will receive a trainer, officials said."
    )
    reading = read_article(Article.from_text(text))
    names = {p.name for p in reading.who} | {p.name for p in reading.where}
    assert "JSC" not in names
    center = next(p for p in reading.who if p.name == "Johnson Space Center")
    assert "JSC" in center.aliases


def test_an_acronym_of_a_bodys_initials_is_that_body_but_never_a_persons() -> None:
    text = (
        "The Andy Warhol Foundation gave photographs to the University of Southern Indiana. USI's exhibit "
        "opened on Friday, and USI staff said it drew 400 people. Alan Pardew spoke to AP on Friday."
    )
    reading = read_article(Article.from_text(text))
    university = next(p for p in reading.who if p.name == "University of Southern Indiana")
    assert "USI" in university.aliases and "USI" not in {p.name for p in reading.who}
    assert all("AP" not in p.aliases for p in reading.who if p.name == "Alan Pardew")


def test_paired_places_and_common_words_and_regions() -> None:
    text = (
        "North and South Korea exchanged fire on Thursday. A chlorine leak was reported in Karanjpur. "
        "Chlorine is a toxic gas. The Niger State police spokesman said the US would help. "
        "Two women were rushed to hospital in Mashegu. Officials told us little."
    )
    reading = read_article(Article.from_text(text))
    where = {p.name for p in reading.where}
    assert {"North Korea", "South Korea", "Karanjpur", "Niger State", "Mashegu", "US"} <= where
    assert "Chlorine" not in where | {p.name for p in reading.who}


def test_a_street_or_plaza_is_a_place_and_a_force_one_body_under_both_names() -> None:
    text = (
        "Two people were shot at Larkspur Plaza in the 700 block of Larkspur Boulevard, the Odell Park Police "
        "Department said. Odell Park Police said a man was arrested at the Sable Court Apartments."
    )
    reading = read_article(Article.from_text(text))
    who = {p.name: p for p in reading.who}
    where = {p.name for p in reading.where}
    assert {"Larkspur Plaza", "Larkspur Boulevard", "Sable Court Apartments"} <= where
    assert not {"Larkspur Plaza", "Larkspur Boulevard", "Sable Court Apartments"} & set(who)
    assert "Odell Park Police Department" in who and "Odell Park Police" not in who
    assert "Odell Park Police" in who["Odell Park Police Department"].aliases


def test_an_unnamed_actor_is_listed_once_whatever_its_article() -> None:
    text = "Third victim dies after plaza shooting\nA third victim has died, police said on Sunday."
    names = [p.name.casefold().removeprefix("a ") for p in read_article(Article.from_text(text)).who]
    assert names.count("third victim") == 1


def test_the_datelines_city_is_a_place_whatever_the_recogniser_says() -> None:
    text = (
        "HARWICK FALLS, Ohio (WQPZ) — One man was killed at a Harwick Falls house party early Sunday, "
        "police said."
    )
    reading = read_article(Article.from_text(text))
    where = {p.name: p for p in reading.where}
    assert "Harwick Falls" in where and where["Harwick Falls"].kind == "city"
    assert where["Harwick Falls"].within == "Ohio"
    assert "Harwick Falls" not in {p.name for p in reading.who}


def test_a_person_the_recogniser_called_a_body_is_a_person() -> None:
    text = (
        "Lotte Haverkamp, a backbench MP, has written that she will vote for the motion. "
        '"Workers have paid enough," the federation\'s general secretary, Ines Kaldor, said.'
    )
    kinds = {p.name: p.kind for p in read_article(Article.from_text(text)).who}
    assert kinds.get("Lotte Haverkamp") == "person" and kinds.get("Ines Kaldor") == "person"


def test_a_title_before_a_name_is_the_persons_role() -> None:
    for text, name, role in [
        ("Sheriff Dolores Kettering said the road was closed.", "Dolores Kettering", "sheriff"),
        ("Neighbor Curtis Fenlow said he heard shots.", "Curtis Fenlow", "neighbor"),
        ("District Collector P. Srinivasa Murthy said relief would follow.", "P. Srinivasa Murthy", None),
    ]:
        who = {p.name: p for p in read_article(Article.from_text(text)).who}
        assert name in who and who[name].kind == "person", (text, list(who))
        assert role is None or who[name].role == role
    # a body's name that starts with a people noun keeps it
    text = "Aid group Refugee Lifeline International said the debate had lost sight of people."
    assert "Refugee Lifeline International" in {p.name for p in read_article(Article.from_text(text)).who}
