"""What a number counts, read from the parse: a label table over the phrasings news uses, and the contract's
"never a figure" rule. Each row is one invented sentence, the number as written, and the expected kind and
words of `counts`."""

from __future__ import annotations

import pytest

from summarizer.text.counting import count
from summarizer.text.nlp import parse
from summarizer.text.numbers import find_numbers

TABLE = [
    ("Two people were killed in the blast on Monday.", "Two", "killed", "people killed"),
    ("The gunman opened fire, killing 5 and wounding others.", "5", "killed", "people killed"),
    ("Officials said 7 were dead after the flood.", "7", "killed", "killed"),
    ("The explosion left 12 injured, police said.", "12", "injured", "people injured"),
    ("One man died at the scene.", "One", "killed", "man killed"),
    ("Three others were wounded in the attack.", "Three", "injured", "people injured"),
    ("Seven people were killed and 51 others were injured.", "51", "injured", "people injured"),
    ("The bombing killed nine people and wounded 49.", "49", "injured", "people injured"),
    ("The raid brought the number of arrests to three.", "three", "arrested", "arrested"),
    ("Two deputies were shot and killed Tuesday night.", "Two", "killed", "deputies killed"),
    ("Police said two men were shot, one fatally.", "one", "killed", "men killed"),
    ("Police said two men were shot, one fatally.", "two", "injured", "men injured"),
    ("Two men were shot dead in the square.", "Two", "killed", "men killed"),
    ("The attack left at least 12 people dead and 30 wounded.", "at least 12", "killed", "people killed"),
    ("The attack left at least 12 people dead and 30 wounded.", "30", "injured", "people injured"),
    ("Police confirmed 3 fatalities and 20 injuries.", "3", "killed", "people killed"),
    ("Police confirmed 3 fatalities and 20 injuries.", "20", "injured", "people injured"),
    ("Among the dead were three children.", "three", "killed", "children killed"),
    ("Five children were among those killed.", "Five", "killed", "children killed"),
    ("The crash claimed the lives of 5 people.", "5", "killed", "people killed"),
    ("Rescuers pulled 15 bodies from the rubble.", "15", "killed", "people killed"),
    ("Hospitals treated more than 200 people for injuries.", "more than 200", "injured", "people injured"),
    ("The company saved the lives of 40 workers.", "40", "people", "workers"),
    ("Police arrested 5 people for murder.", "5", "arrested", "people arrested"),
    ("The storm injured 30 people and killed two.", "30", "injured", "people injured"),
    ("Troops arrested 12 militants and killed two others.", "12", "arrested", "militants arrested"),
    ("Air defences shot down 12 missiles.", "12", "count", "missiles shot"),
    ("The crew shot 12 episodes in Spain.", "12", "count", "episodes shot"),
    ("Police said 4 suspects were arrested overnight.", "4", "arrested", "suspects arrested"),
    ("At least 3 people remain missing after the storm.", "At least 3", "missing", "people missing"),
    ("The fire forced 200 residents to flee their homes.", "200", "displaced", "residents displaced"),
    ("The army said 50 militants have been killed in the operation.", "50", "killed", "militants killed"),
    ("Over 60 militants were also injured when forces clashed.", "Over 60", "injured", "militants injured"),
    (
        "The rebels captured more than three dozen security checkpoints.",
        "more than three dozen",
        "count",
        "security checkpoints captured",
    ),
    ("The death toll rose to 27 on Sunday.", "27", "killed", "killed"),
    ("The council approved $2.5 million for repairs.", "$2.5 million", "money", "approved"),
    ("Unemployment fell to a 7.8% rate in May.", "7.8%", "percent", "rate"),
    ("The hostages were held for 36 hours.", "36 hours", "duration", "held"),
    (
        "The village lies about 120 kilometers from the capital.",
        "about 120 kilometers",
        "distance",
        "distance",
    ),
    ("A 45-year-old man was arrested at the scene.", "45-year-old", "age", "age of man"),
    ("The victims, ages 28, 27 and 25, were from the city.", "28", "age", "age of victims"),
    ("The victims, ages 28, 27 and 25, were from the city.", "25", "age", "age of victims"),
    ("Around 140,000 people live in the city.", "Around 140,000", "people", "people"),
    ("Hundreds of people had been displaced by the fighting.", "Hundreds", "displaced", "people displaced"),
    # care and wounds say injured; a fatal wound says killed
    ("Three people suffered gunshot wounds, police said.", "Three", "injured", "people injured"),
    ("Two men suffered non-life-threatening injuries.", "Two", "injured", "men injured"),
    ("The driver and two passengers suffered fatal injuries.", "two", "killed", "passengers killed"),
    ("The crash sent four people to the hospital.", "four", "injured", "people injured"),
    ("One was taken to hospital in critical condition.", "One", "injured", "injured"),
    ("Paramedics treated seven patients at the scene.", "seven", "injured", "patients injured"),
    ("Two other workers were treated at the scene for anxiety.", "Two", "people", "workers"),
    # things are not casualties, whatever word stands near them
    ("The road has seen 4 fatal crashes since 2022.", "4", "count", "crashes"),
    ("The building held 48 units.", "48", "count", "units"),
    ("The warehouse held 30 prisoners overnight.", "30", "arrested", "prisoners"),
    ("A woman, 34, died at the scene.", "34", "age", "age of woman"),
    # each number of "left N dead and M injured" takes its own word
    (
        "The shooting, which left three dead and five injured, shocked the town.",
        "five",
        "injured",
        "people injured",
    ),
    ("The toll rose to 17 on Saturday.", "17", "killed", "killed"),
    ("Crews found two missing workers, bringing the death toll to five.", "five", "killed", "people killed"),
    # a part of a count, and an increment, say so
    ("Two of the five wounded remain hospitalized.", "Two", "injured", "among those injured"),
    ("Sixteen people died, including two passengers.", "two", "killed", "passengers among those killed"),
    ("The toll rose after one more victim died overnight.", "one", "killed", "more victim killed"),
    # who did it, who gave care and where people were taken are not casualties (review of this wave)
    ("Two men killed a shopkeeper in the town.", "Two", "people", "men"),
    ("Two doctors treated the victims at the scene.", "Two", "people", "doctors"),
    ("The mayor treated 40 volunteers to lunch.", "40", "people", "volunteers"),
    ("Border agents took 40 migrants to a detention center.", "40", "people", "migrants"),
    ("Two men were taken to the trauma center.", "Two", "injured", "men injured"),
    # a whole toll is not a part, another kind is not an increment
    ("Dozens of people were killed in the blast.", "Dozens", "killed", "people killed"),
    ("All 12 of the miners were killed.", "12", "killed", "killed"),
    ("Five people were killed and another 20 were injured.", "20", "injured", "people injured"),
    ("In that case 14 people were killed.", "14", "killed", "people killed"),
    # conditions, care and parts of the dead and injured
    ("Seven people remained in critical condition.", "Seven", "injured", "people injured"),
    ("Nine of the dead were passengers in the minibus.", "Nine", "killed", "among those killed"),
    ("The toll rose after two of the injured succumbed to their injuries.", "two", "killed", "killed"),
    (
        "The fire claimed the lives of three young siblings and left two adults in hospital.",
        "three",
        "killed",
        "siblings killed",
    ),
    (
        "The fire claimed the lives of three young siblings and left two adults in hospital.",
        "two",
        "injured",
        "adults injured",
    ),
    ("Another 64 had been treated for cuts and fractures and discharged.", "64", "injured", "injured"),
    # totals the parse hides, rates and increments after a subordinator
    ("The number of people confirmed dead in the sinking rose to 17 on Tuesday.", "17", "killed", "killed"),
    ("Police said the number of people injured had been revised up to 21.", "21", "injured", "injured"),
    (
        "Road crashes kill about 12,000 people a year in the country.",
        "about 12,000",
        "other",
        "killed a year",
    ),
    ("Officials said 36 remained missing after three more bodies were recovered.", "three", "killed", "more"),
    ("Within minutes of the first call 30 people had been injured.", "30", "injured", "people injured"),
    # a condition said with "be"; a part of the injured
    ("Doctors said four of them are in a critical condition.", "four", "injured", "among injured"),
    ("Three of the patients are in serious condition.", "Three", "injured", "among injured"),
    # a verbless toll, a misparse's "all" as an object, homes left
    ('"Five people dead, nine wounded, and a city in shock," he said.', "nine", "injured", "people injured"),
    ("She said the four people killed all died from gunshot wounds.", "four", "killed", "people killed"),
    ("About 8,000 people have been forced from their homes.", "About 8,000", "displaced", "people displaced"),
    # a denied event; a parent's children; a toll whose "to" the parse hung on the phrase after it
    ("Two other passengers were not injured.", "Two", "people", "passengers not injured"),
    ("Father of three killed in apartment shooting", "three", "people", "children"),
    (
        "A second victim has died, bringing the death toll in Monday night's block party shooting to two.",
        "two",
        "killed",
        "people killed",
    ),
    # put to death; a conjunct in hospital
    ("Six devotees were crushed to death on Sunday.", "Six", "killed", "devotees killed"),
    ("Three dead and 11 in hospital after coach overturns", "11", "injured", "people injured"),
    ("The flood, which claimed 17 lives, exposed failures.", "17", "killed", "people killed"),
    # a part inside its whole; hit by gunfire or a car; recovering; a total before a misparsed clause
    (
        "Four people, including three children, were wounded.",
        "three",
        "injured",
        "children among those injured",
    ),
    ("Two people were struck by police gunfire on Tuesday.", "Two", "injured", "people injured"),
    ("Three pedestrians were hit by a car on Main Street.", "Three", "injured", "pedestrians injured"),
    ("The three other victims are recovering.", "three", "injured", "victims injured"),
    ("Teen wounded in party shooting dies; death toll rises to two", "two", "killed", "people killed"),
    # a bare number that restates an earlier count's noun; "up from nine"; "considered as missing"
    (
        "The UN figure falls between the 18 deaths reported by the ministry and the 36 reported by the rebels.",
        "36",
        "killed",
        "people killed",
    ),
    ("The administration says 41 people died; the ministry now says 22.", "22", "killed", "people killed"),
    ("The toll rose to 16 on Tuesday, up from nine on Monday.", "nine", "killed", "people killed"),
    ("The search for 2 persons who are considered as missing continues.", "2", "missing", "persons missing"),
    (
        "The crash took the lives of 23 persons, 14 others sustained injuries.",
        "14",
        "injured",
        "persons injured",
    ),
    # lives lost; displacement said as a state, a total or a shelter; a breakdown is no elided noun
    ("The minister said 23 citizens had lost their lives in the attack.", "23", "killed", "citizens killed"),
    ("34,500 people remain displaced.", "34,500", "displaced", "people displaced"),
    (
        "The number of people displaced from their homes has climbed to 47,200.",
        "47,200",
        "displaced",
        "people displaced",
    ),
    (
        "The agency says around 8,000 people will spend the night in shelters.",
        "around 8,000",
        "displaced",
        "people displaced",
    ),
    (
        "The toll has risen to 112, the agency announced this afternoon, up from 64 on Tuesday night.",
        "64",
        "killed",
        "people killed",
    ),
    (
        "Selt said that 21 people had been killed - 17 civilians and four police officers - and that 46 had been injured.",
        "46",
        "injured",
        "people injured",
    ),
    # fleeing homes or fighting is displacement; a getaway is not
    ("About 300 families fled the fighting in the north.", "About 300", "displaced", "families displaced"),
    ("Police said two men fled the scene on foot.", "two", "people", "men fled"),
    ("Three suspects fled in a white van.", "Three", "people", "suspects fled"),
    # a part the sentence opens with; the whole is what its own words say; care said by a later verb
    ("Of the 14 people injured, 12 were students.", "12", "injured", "students among those injured"),
    ("Of the 14 people injured, 12 were students.", "14", "injured", "people injured"),
    ("Of the 30 guests, 12 were injured.", "30", "people", "guests"),
    ("Two men were thrown from the car and suffered serious injuries.", "Two", "injured", "men injured"),
    # custody and hospital said with "be"/"remain"; a toll named by its place
    ("Five suspects are in custody.", "Five", "arrested", "suspects arrested"),
    ("Seven people remained in hospital.", "Seven", "injured", "people injured"),
    ("Halvesk toll climbs to 31 as five detained over the bombing", "31", "killed", "people killed"),
    ("Halvesk toll climbs to 31 as five detained over the bombing", "five", "arrested", "people arrested"),
    # who arrests is not arrested
    ("Two officers arrested three men on Friday.", "Two", "people", "officers"),
    ("Two officers arrested three men on Friday.", "three", "arrested", "men arrested"),
    # care said as treatment: under it, receiving it, needing it, in a named hospital
    ("A total of 45 persons affected by the gas are under treatment.", "45", "injured", "persons injured"),
    ("The leak killed four people and left 58 needing treatment.", "58", "injured", "people injured"),
    ("Gas leak: 3 dead, 45 in hospital", "45", "injured", "people injured"),
    ("The leak left three people dead and 45 under treatment.", "45", "injured", "people injured"),
    ("Health officials said 58 people had been treated for exposure to the gas.", "58", "injured", "people"),
    ("Eight of the survivors are receiving treatment for injuries.", "Eight", "injured", "people injured"),
    (
        "Of the nine survivors treated for injuries at General Hospital, six went home.",
        "nine",
        "injured",
        "survivors",
    ),
    # a set of another kind is no whole this count is part of
    (
        "Forty-eight persons were rescued, and nine of them are receiving treatment.",
        "nine",
        "injured",
        "injured",
    ),
    ("Doctors said four of them are in a critical condition.", "four", "injured", "among injured"),
    ("Three of the patients are in serious condition.", "Three", "injured", "among injured"),
    # a change of a toll: both numbers, the old and the new, of the toll's kind
    ("Her death raises the toll from four to five.", "four", "killed", "people killed"),
    ("Her death raises the toll from four to five.", "five", "killed", "people killed"),
    ("The toll was revised from 36 to 34.", "34", "killed", "people killed"),
    ("The agency had reported 36 dead before revising its count to 34.", "34", "killed", "killed"),
    ("27 bodies had been recovered by evening, up from 18 in the morning.", "18", "killed", "killed"),
    (
        "Relatives came forward, bringing the number of people missing to 19.",
        "19",
        "missing",
        "people missing",
    ),
    ("At least 18 people have died and 35 are missing after the boat capsized.", "35", "missing", "missing"),
    ("As night fell, 25 persons were still being searched for.", "25", "missing", "persons missing"),
    (
        "The blast some 480 metres below the surface also left five injured.",
        "five",
        "injured",
        "people injured",
    ),
]


def test_wounds_and_searches_count_no_people() -> None:
    for sentence, number in [
        ("They found the man lying by a car with at least two gunshot wounds.", "at least two"),
        ("Police searched for two suspects.", "two"),
        ("Mohamed received VIP attention at the fair.", None),
    ]:
        for mention in find_numbers(sentence):
            if number is None or mention.text == number:
                counted = count(parse(sentence), mention)
                assert counted is None or counted.kind not in {"injured", "missing"}, (sentence, counted)


def test_a_part_of_a_set_of_things_counts_no_casualty() -> None:
    for sentence in [
        "Two of the buildings remain in critical condition.",
        "Two of the cars were taken to hospital.",
    ]:
        mention = find_numbers(sentence)[0]
        counted = count(parse(sentence), mention)
        assert counted is None or counted.kind not in {"killed", "injured"}, (sentence, counted)


def test_a_whole_toll_is_no_part_and_another_kind_no_increment() -> None:
    for sentence, number in [
        ("Dozens of people were killed in the blast.", "Dozens"),
        ("All 12 of the miners were killed.", "12"),
        ("Five people were killed and another 20 were injured.", "20"),
    ]:
        mention = next(m for m in find_numbers(sentence) if m.text == number)
        counted = count(parse(sentence), mention)
        assert counted is not None and "among" not in counted.counts and not counted.counts.startswith("more")


@pytest.mark.parametrize(("sentence", "number", "kind", "words"), TABLE)
def test_counts_and_kind_come_from_the_parse(sentence: str, number: str, kind: str, words: str) -> None:
    mention = next(m for m in find_numbers(sentence) if m.text == number)
    counted = count(parse(sentence), mention)
    assert counted is not None, sentence
    assert counted.kind == kind, (sentence, counted)
    assert all(w in counted.counts for w in words.split()), (sentence, counted)


def test_a_bare_total_counts_what_the_count_before_it_counted() -> None:
    from summarizer.articles import Article
    from summarizer.briefing.reading import read_article

    text = (
        "Health officials said 58 people had now been treated for exposure to the gas. "
        "The district administration had put the figure at 45 on Wednesday. "
        "The company put its revenue at 40 million."
    )
    figures = read_article(Article.from_text(text)).figures
    assert [(f.value, f.kind) for f in figures if f.kind == "injured"] == [
        (58.0, "injured"),
        (45.0, "injured"),
    ]
