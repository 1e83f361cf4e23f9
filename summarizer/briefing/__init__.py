"""Composition: a brief from what `text` found and what `llm` answered, grounded and checked; story briefs
merged from several briefs.

May import `contract`, `errors`, `articles`, `text` and `llm`; never `cli` or `evaluation`.
"""

__all__: list[str] = []
