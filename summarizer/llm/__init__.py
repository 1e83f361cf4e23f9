"""Model I/O: backends behind a registry, the embedded model, prompt templates, answer schemas, one call with
its re-asks, the call log and cache, and the OpenAI Batch API.

May import `summarizer.contract`, `summarizer.errors` and `summarizer.text`; never `briefing` or `cli`.
"""

__all__: list[str] = []
