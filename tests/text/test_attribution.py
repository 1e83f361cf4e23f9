"""Who says what, from the parse: speech verbs, "according to", inverted cues, pronouns resolved to the
named speaker (with a warning), and subjects that cannot speak."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.briefing.reading import read_article

TEXT = (
    "The Riverton council said on Tuesday that 40 roads were closed after the storm. "
    "According to the fire service, more than 120 homes were flooded. "
    "\u201cWe will rebuild every road,\u201d said Mayor Ana Lopez. "
    "She added that the state would pay for the repairs. "
    "The economy suggests a slow recovery for the region."
)


def test_sources_come_from_the_parse_with_pronouns_resolved() -> None:
    reading = read_article(Article.from_text(TEXT))
    claims = [(c.source, c.cue) for c in reading.claims]
    assert ("Riverton council", "said") in claims
    assert ("fire service", "according to") in claims
    assert ("Ana Lopez", "said") in claims
    assert ("Ana Lopez", "added") in claims  # "She added": the last named speaker
    assert all("economy" not in source.lower() for source, _ in claims)
    assert any("'she'" in w and "Ana Lopez" in w for w in reading.warnings)
    by_cue = {c.cue: c for c in reading.claims}
    assert by_cue["according to"].statement.startswith("more than 120 homes were flooded")
    assert reading.claims[0].statement == "40 roads were closed after the storm"


def test_every_claim_is_its_sentence_at_its_span() -> None:
    reading = read_article(Article.from_text(TEXT))
    for claim in reading.claims:
        assert TEXT[claim.span[0] : claim.span[1]] == claim.evidence
        assert claim.quote is None or claim.quote in claim.evidence


def test_the_spokesman_is_the_named_spokesman_but_police_stay_police() -> None:
    text = (
        "A gunman opened fire on Saturday, police said. "
        "Ministry spokesman Ali Khan said two people were hurt. "
        "The spokesman said the gunman had fled."
    )
    reading = read_article(Article.from_text(text))
    sources = [c.source for c in reading.claims]
    assert sources[0].lower() == "police"
    assert sources[1:] == ["Ali Khan", "Ali Khan"]


def test_a_text_speaks_for_its_owner_and_a_body_is_not_its_chief() -> None:
    text = (
        "Police Chief Daniel Reyes said the market would reopen on Friday. "
        "PC World's recent analysis says the browser lost a tenth of its users. "
        "Media reports said the talks had failed. "
        "Two suspects were arrested overnight, police said."
    )
    reading = read_article(Article.from_text(text))
    sources = [c.source for c in reading.claims]
    assert sources == ["Daniel Reyes", "PC World", "Media reports", "police"]
    who = {p.name for p in reading.who}
    assert "PC World" in who and "Media reports" not in who and "police" not in who


def test_political_attribution_names_the_speaker() -> None:
    cases = {
        "Senator John McCain criticized the decision, calling it a mistake.": "John McCain",
        "Clinton's campaign manager, Robby Mook, insisted the race was close.": "Robby Mook",
        "According to a Pew Research Center poll, 45% of voters approve.": "Pew Research Center",
        "The Supreme Court ruled that the law was unconstitutional.": "Supreme Court",
        "House Speaker Paul Ryan, R-Wis., announced Tuesday that he would step down.": "Paul Ryan",
    }
    for text, source in cases.items():
        reading = read_article(Article.from_text(text))
        assert [c.source for c in reading.claims] == [source], text


def test_a_verb_that_can_be_a_plain_act_needs_something_said() -> None:
    reading = read_article(Article.from_text("The president called the police after the break-in."))
    assert reading.claims == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a description before the name: the appositive names the speaker
        ("The union's general secretary, Mara Olsen, warned that wards were short of staff.", "Mara Olsen"),
        ("Its legal director, Simone Petrakis, told reporters the group would sue.", "Simone Petrakis"),
        (
            "One of them, retired teacher Milan Dvorsky, said he had come because rents had doubled.",
            "Milan Dvorsky",
        ),
        ("Watchdog group Clean Hands Avalon said the trial was a test of the courts.", "Clean Hands Avalon"),
        (
            "According to the aid group Bread for Borders, 18,000 people depend on the convoys.",
            "Bread for Borders",
        ),
        # a text's author after "from" or "by"
        (
            "Police held 300 people, according to figures from the Estmark Bar Association.",
            "Estmark Bar Association",
        ),
        # a speaking clause without a subject of its own, an accusation, a body named with "of"
        (
            "Interior Minister Jelena Brankova went further, telling reporters that the judges were wrong.",
            "Jelena Brankova",  # the `who` entry, whose role is "Interior Minister"
        ),
        ("The mayor accused the council of wasting money on consultants.", "mayor"),
        (
            "A Department of Health spokesman said extra funding had been allocated.",
            "Department of Health spokesman",
        ),
        (
            'Her counterpart from Dravonia, Pavel Sternik, said his government would "never accept quotas".',
            "Pavel Sternik",
        ),
        # a message's issuer, a subject the parse hung on a participle before the verb
        ("The ministry issued a statement saying the talks had failed.", "ministry"),
        (
            'The Coastal People\'s Party issued a statement accusing the chancellor of "trading sovereignty".',
            "Coastal People's Party",
        ),
        (
            "Presiding judge Konstantin Arvay, reading a summary of the judgment, said the court had erred.",
            "Konstantin Arvay",
        ),
        # a body's name ends before its appositive
        (
            "The Valmoran Federation of Labour, the country's largest union, has urged MPs to back the motion.",
            "Valmoran Federation of Labour",
        ),
        # the speech verb outside the quotation decides, not one inside it
        (
            'The port authority said its land was safe. "They are both promising the moon," said Ada Marsh.',
            "Ada Marsh",
        ),
    ],
)
def test_the_speaker_named_beside_a_description(text: str, source: str) -> None:
    claims = read_article(Article.from_text(text)).claims
    assert source in [c.source for c in claims], [(c.source, c.statement) for c in claims]


def test_a_pronoun_is_the_person_just_introduced_and_a_title_its_holder() -> None:
    text = (
        "Finance minister Odile Strand said the freeze would save money. "
        "Prime Minister Jonas Evrard defended his minister on Tuesday. "
        "He insisted the freeze was temporary. "
        "Interior ministry spokeswoman Ilse Varga said the ban would end. "
        '"We will study the ruling carefully," the spokeswoman said.'
    )
    reading = read_article(Article.from_text(text))
    assert reading.claims[0].source == "Odile Strand"
    insisted = next(c for c in reading.claims if c.cue == "insisted")
    assert insisted.source == "Jonas Evrard"
    carefully = next(c for c in reading.claims if "carefully" in c.statement)
    assert carefully.source == "Ilse Varga"
    assert any("'spokeswoman' taken to be Ilse Varga" in w for w in reading.warnings)


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a pronoun is never a person the article shows is the other
        (
            "Senator Maria Lopez said the bill was flawed. Governor Tom Reed signed it on Friday. "
            "She said she would seek its repeal.",
            ["Maria Lopez", "Maria Lopez"],
        ),
        # a name inside a quotation is not who the next "she" means
        (
            'Karen Bose said the strike would go on. "Paul Hart signed nothing." She added that talks were over.',
            ["Karen Bose", "Karen Bose"],
        ),
        # "a spokesman" is not the spokesman named before; "the spokeswoman" is the one named last
        (
            "Army spokesman Col. Ivan Petrov said the road was open. "
            "A spokesman for the Red Cross said aid convoys were blocked.",
            ["Ivan Petrov", "spokesman for the Red Cross"],
        ),
        (
            "Ministry spokeswoman Ilse Varga said the march was banned. Opposition spokeswoman Dana Kroll "
            "rejected the figure. The spokeswoman said the arrests were illegal.",
            ["Ilse Varga", "Dana Kroll"],
        ),
        # "the senator" is the one named "Sen." before
        (
            "Sen. Dale Huckaby said the delay was unacceptable. The senator told reporters the agency was "
            "playing politics.",
            ["Dale Huckaby", "Dale Huckaby"],
        ),
        # a nationality in apposition is no name
        ("The driver, a Canadian, told police the brakes had failed.", ["driver"]),
    ],
)
def test_pronouns_and_titles_do_not_jump_to_the_wrong_person(text: str, sources: list[str]) -> None:
    assert [c.source for c in read_article(Article.from_text(text)).claims] == sources


def test_according_to_a_rule_is_no_source() -> None:
    text = 'The office said the president "will act according to his constitutional duties".'
    assert [c.source for c in read_article(Article.from_text(text)).claims] == ["office"]
    text = "Everything went according to plan, officials said."
    assert "plan" not in [c.source for c in read_article(Article.from_text(text)).claims]


@pytest.mark.parametrize(
    ("text", "source", "statement"),
    [
        # an anonymous source keeps how the article vouches for it
        (
            "Two people familiar with the talks said the leadership had floated a plan.",
            "two people familiar with the talks",
            "the leadership had floated a plan",
        ),
        (
            "A Democratic official briefed on the deliberations, who requested anonymity, said the list was final.",
            "a Democratic official briefed on the deliberations",
            "the list was final",
        ),
        ("A senior Republican strategist said the race was over.", "a senior Republican strategist", None),
        # a text's finding; its author when the sentence names one
        ("The committee's report found that the agency steered $340 million to donors.", "committee", None),
        (
            "A survey released Friday by the Hadley Institute found her at 31 percent.",
            "Hadley Institute",
            None,
        ),
        ('"Agencies should assume the worst," the memo says.', "memo", None),
        (
            "A leaked internal letter seen by Sky News says the claim may be withdrawn.",
            "leaked internal letter",
            None,
        ),
        (
            "Sources close to the commissioner said she had serious reservations.",
            "sources close to the commissioner",
            None,
        ),
        (
            "A senior official in the Department of Agriculture said the Government was worried.",
            "a senior official in the Department of Agriculture",
            None,
        ),
        (
            "An analysis by the Environment Observatory found that four countries were on course.",
            "Environment Observatory",
            None,
        ),
        (
            "According to a tally by the Local Government Data Centre, the party lost 311 seats.",
            "Local Government Data Centre",
            None,
        ),
        # the clause that hangs on the message is the statement
        (
            "The Whitcomb campaign said in a statement that the ad was false.",
            "Whitcomb campaign",
            "the ad was false",
        ),
        # the author of a survey or results "by" someone; a finding in a subordinate clause; a body noun
        (
            "A survey by the Ashford Falls Civic Institute, conducted in June, found that 54% opposed the cuts.",
            "Ashford Falls Civic Institute",
            "54% opposed the cuts",
        ),
        (
            "According to the results declared by the Chief Electoral Officer, Anil Mehra, the JVM won 112 seats.",
            "Anil Mehra",
            None,
        ),
        (
            "Pressure has grown since a report by the Murrumbeena Institute found last year that patients "
            "waited longer.",
            "Murrumbeena Institute",
            "patients waited longer",
        ),
        (
            "In a statement issued on Tuesday, the municipality said the outages were caused by pump failures.",
            "municipality",
            None,
        ),
        (
            "Two councillors familiar with the negotiations said the mayor had secured the votes.",
            "two councillors familiar with the negotiations",
            None,
        ),
        # an abbreviated title before the name is its role
        (
            'Gov. Dale Whitcomb campaigned in Ames. "Polls tell you nothing," the governor told reporters.',
            "Dale Whitcomb",
            None,
        ),
    ],
)
def test_unnamed_sources_texts_and_titles(text: str, source: str, statement: str | None) -> None:
    claims = read_article(Article.from_text(text)).claims
    assert [c.source for c in claims] == [source]
    assert statement is None or claims[0].statement == statement


@pytest.mark.parametrize(
    "text",
    [
        "The Justice Department declined to comment on the report and the matter.",
        "Lindqvist did not respond to phone calls and text messages on Sunday.",
        "Police found that the door of the house was open.",  # a person's finding is no claim
        "The government will hold two referendums, although a recent poll found little support.",
    ],
)
def test_nothing_said_is_no_claim(text: str) -> None:
    claims = read_article(Article.from_text(text)).claims
    assert [c.source for c in claims if "poll" not in c.source] == []
    assert all(not c.statement.startswith("The government") for c in claims)


def test_a_name_inside_a_quotation_cut_by_the_splitter_is_not_who_he_is() -> None:
    text = (
        "The deputy leader, Callum Rafferty, spoke to reporters. Rafferty said the party was united. "
        '"Miriam has my full support. Anyone briefing against her is doing their job for them," he added.'
    )
    sources = [c.source for c in read_article(Article.from_text(text)).claims]
    assert "Miriam" not in sources and sources.count("Callum Rafferty") >= 1


def test_a_main_clause_figure_is_not_the_subordinate_findings() -> None:
    text = (
        "The government will hold two referendums at a cost of $26 million, although a recent poll found that "
        "a quarter of citizens favoured a change."
    )
    reading = read_article(Article.from_text(text))
    assert [c.statement for c in reading.claims] == ["a quarter of citizens favoured a change"]
    money = next(f for f in reading.figures if f.unit == "USD")
    assert money.source is None
