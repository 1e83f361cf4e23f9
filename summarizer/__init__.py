"""summarizer: a news article in, a grounded brief out.

Every figure and attributed claim in a brief points at the article text it came from (`evidence`, `span`), and
an eval harness scores briefs field by field against hand-written references.
"""

from __future__ import annotations

from summarizer.api import Summarizer, asummarize, summarize, summarize_many, summarize_story
from summarizer.articles import Article, load_article
from summarizer.contract import Brief, Claim, Dispute, Figure, Meta, Person, Place, StoryBrief, When
from summarizer.errors import SummarizerError

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "Claim",
    "Dispute",
    "Figure",
    "Meta",
    "Person",
    "Place",
    "StoryBrief",
    "Summarizer",
    "SummarizerError",
    "When",
    "__version__",
    "asummarize",
    "load_article",
    "summarize",
    "summarize_many",
    "summarize_story",
]
