"""The contract (docs/CONTRACT.md): a brief (§1) and a story brief (§4) as pydantic models, with every enum.

This is the one home of the output shapes and their vocabularies (entity, place and figure kinds, `approx`
values): every other module imports them from here. These models describe what the library *returns*; the
language model never writes them whole (see `llm/answers.py` for the small schemas it fills). Descriptions are
for people and for tools that read the JSON schema (`summarizer schema`).
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "APPROX_VALUES",
    "ENTITY_KINDS",
    "FIGURE_KINDS",
    "PLACE_KINDS",
    "SCHEMA_VERSION",
    "Approx",
    "Brief",
    "Claim",
    "Dispute",
    "EntityKind",
    "Figure",
    "FigureKind",
    "Meta",
    "Person",
    "Place",
    "PlaceKind",
    "StoryArticle",
    "StoryBrief",
    "StoryClaim",
    "StoryFigure",
    "StoryPerson",
    "StoryPlace",
    "StoryReport",
    "StoryWhen",
    "TimelineEntry",
    "Value",
    "When",
]

SCHEMA_VERSION = "1"

EntityKind = Literal["person", "organization", "group", "government", "country", "other"]
PlaceKind = Literal["country", "region", "city", "site", "other"]
Approx = Literal["exact", "approximate", "at_least", "more_than", "at_most", "fewer_than", "range"]
FigureKind = Literal[
    "killed",
    "injured",
    "missing",
    "displaced",
    "arrested",
    "people",
    "money",
    "percent",
    "age",
    "distance",
    "duration",
    "quantity",
    "count",
    "other",
]
"""A figure's category: casualty kinds first; "people" = other counts of people; "count" = other things."""

ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
APPROX_VALUES: tuple[str, ...] = get_args(Approx)
FIGURE_KINDS: tuple[str, ...] = get_args(FigureKind)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json_dict(self) -> dict[str, object]:
        """The contract object: spans as lists, whole `value` and `upper` numbers as integers."""
        data: dict[str, object] = self.model_dump(mode="json")
        _whole_numbers(data)
        return data


class Person(_Model):
    """Someone or something that acts, speaks or is acted upon (the contract calls the list `who`)."""

    name: str = Field(description="Fullest name the article gives.")
    kind: EntityKind = Field(description="person, organization, group, government, country or other.")
    role: str | None = Field(default=None, description="Role or title as the article gives it.")
    aliases: list[str] = Field(
        default_factory=list, description="Other forms of the name used in the article."
    )
    main: bool = Field(
        default=False,
        description="An actor of the main event; an unnamed one is named as the article describes it.",
    )


class Place(_Model):
    name: str = Field(description="Place name as written in the article.")
    kind: PlaceKind = Field(description="country, region, city, site or other.")
    within: str | None = Field(default=None, description="The larger place it lies in, if the article says.")


class When(_Model):
    text: str = Field(description="The time expression as written in the article.")
    date: str | None = Field(default=None, description="YYYY-MM-DD, resolved against the article date.")


class Figure(_Model):
    text: str = Field(description="The number as written: 'more than three dozen', '50', '1.2 million'.")
    value: float | None = Field(
        description="Normalised value; the lower bound for 'more than', a range's low end."
    )
    upper: float | None = Field(default=None, description="Upper end of a range, else null.")
    approx: Approx = Field(default="exact")
    counts: str = Field(description="What is counted: 'militants killed'.")
    kind: FigureKind = Field(default="other", description="The figure's category, for filtering.")
    unit: str | None = Field(default=None, description="'km', 'USD', '%' ...; null for plain counts.")
    source: str | None = Field(default=None, description="Who claims it; null is the article's own voice.")
    evidence: str = Field(description="Verbatim span of the article that contains the figure.")
    span: tuple[int, int] = Field(description="Character offsets of evidence in the article text.")


class Claim(_Model):
    source: str = Field(description="Who says it.")
    cue: str | None = Field(default=None, description="'said', 'according to', 'warned' ...")
    statement: str = Field(description="What is claimed, paraphrased.")
    quote: str | None = Field(default=None, description="Verbatim direct quote, if the article quotes one.")
    evidence: str = Field(description="Verbatim span of the article.")
    span: tuple[int, int]


class Dispute(_Model):
    """Two or more sources that disagree on one matter (an addition to the contract, optional for readers)."""

    topic: str
    sources: list[str]
    claims: list[int] = Field(description="Indexes into `claims` of the statements that disagree.")


class Meta(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: str
    prompt: str
    article_sha256: str
    input_tokens: int | None = None
    output_tokens: int | None = None
    attempts: int = 0
    seconds: float = 0.0
    cached: bool = False
    article_date: str | None = None
    endpoint: str | None = None


class Brief(_Model):
    schema_version: str = SCHEMA_VERSION
    headline: str = Field(description="Neutral headline, at most 15 words.")
    what: str = Field(description="One to three sentences: the main event.")
    who: list[Person] = Field(default_factory=list)
    where: list[Place] = Field(default_factory=list)
    when: list[When] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    meta: Meta


class Value(_Model):
    """A figure's value without its wording: what a story's latest reports settle on."""

    value: float | None
    upper: float | None = None
    approx: Approx = "exact"


class StoryArticle(_Model):
    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    url: str | None = None
    sha256: str


class StoryPerson(Person):
    articles: list[str] = Field(default_factory=list, description="Ids of the articles it appears in.")


class StoryPlace(Place):
    aliases: list[str] = Field(
        default_factory=list, description="Other spellings the articles use: 'River Niger' for 'Niger River'."
    )
    articles: list[str] = Field(default_factory=list)


class StoryWhen(When):
    articles: list[str] = Field(default_factory=list)


class StoryReport(Value):
    """One article's report of a figure: the value as that article gives it, with its own evidence."""

    text: str
    unit: str | None = None
    source: str | None = None
    article: str = Field(description="Id of the article that reports it.")
    evidence: str
    span: tuple[int, int] = Field(description="Offsets of evidence in that article's text.")


class StoryFigure(_Model):
    counts: str
    kind: FigureKind
    reports: list[StoryReport]
    latest: Value | None = Field(description="What the latest-dated reports settle on.")
    conflict: bool = Field(description="Reports that cannot all be true at once.")


class StoryClaim(Claim):
    article: str


class TimelineEntry(_Model):
    date: str | None
    text: str
    article: str
    evidence: str
    span: tuple[int, int]


class StoryBrief(_Model):
    schema_version: str = SCHEMA_VERSION
    headline: str = Field(description="Neutral headline of the whole story, at most 15 words.")
    what: str = Field(description="The event across all articles; states no figure missing from `figures`.")
    articles: list[StoryArticle] = Field(description="The articles briefed, by date, then id.")
    who: list[StoryPerson] = Field(
        default_factory=list, description="People and bodies, merged across articles."
    )
    where: list[StoryPlace] = Field(default_factory=list, description="Places, merged across articles.")
    when: list[StoryWhen] = Field(default_factory=list, description="Dates, merged across articles.")
    figures: list[StoryFigure] = Field(
        default_factory=list,
        description="One group per thing counted and kind, every article's report in it.",
    )
    claims: list[StoryClaim] = Field(
        default_factory=list, description="Attributed claims, each with its article."
    )
    disputes: list[Dispute] = Field(default_factory=list, description="Sources that contradict each other.")
    timeline: list[TimelineEntry] = Field(
        default_factory=list, description="Dated statements, by date, then article and span."
    )
    warnings: list[str] = Field(default_factory=list)
    meta: Meta


def _whole_numbers(node: object) -> None:
    """JSON has one number type, but readers compare `12` and `12.0` as text: whole values print bare."""
    if isinstance(node, list):
        for child in node:
            _whole_numbers(child)
    elif isinstance(node, dict):
        for key, child in node.items():
            if key in ("value", "upper") and isinstance(child, float) and child.is_integer():
                node[key] = int(child)
            else:
                _whole_numbers(child)
