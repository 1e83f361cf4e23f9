"""Reading the article with code only: sentences, names, numbers, dates, who says what, evidence alignment.

Owns everything that can be decided from the text without a language model. Imports only the standard library,
third-party NLP libraries and `summarizer.contract` / `summarizer.errors`; never `llm`, `briefing` or `cli`.
"""

__all__: list[str] = []
