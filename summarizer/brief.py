"""The brief: the JSON object of the contract (shared/CONTRACT.md §1) as pydantic models.

These models describe what the library *returns*; the model never writes them whole (see `passes.py` for the
small per-pass schemas it fills). Descriptions here are for people and for tools that read the JSON schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_VERSION",
    "Approx",
    "Brief",
    "Claim",
    "Dispute",
    "EntityKind",
    "Figure",
    "Meta",
    "Person",
    "Place",
    "PlaceKind",
    "When",
]

SCHEMA_VERSION = "1"

EntityKind = Literal["person", "organization", "group", "government", "country", "other"]
PlaceKind = Literal["country", "region", "city", "site", "other"]
Approx = Literal["exact", "approximate", "at_least", "more_than", "at_most", "fewer_than", "range"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Person(_Model):
    """Someone or something that acts, speaks or is acted upon (the contract calls the list `who`)."""

    name: str = Field(description="Fullest name the article gives.")
    kind: EntityKind = Field(description="person, organization, group, government, country or other.")
    role: str | None = Field(default=None, description="Role or title as the article gives it.")
    aliases: list[str] = Field(
        default_factory=list, description="Other forms of the name used in the article."
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

    def to_json_dict(self) -> dict[str, object]:
        """The contract object: spans as lists, values as plain numbers."""
        data = self.model_dump(mode="json")
        for item in data["figures"]:
            for key in ("value", "upper"):
                number = item[key]
                if isinstance(number, float) and number.is_integer():
                    item[key] = int(number)
        return data
