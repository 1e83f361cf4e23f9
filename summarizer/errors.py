"""Typed errors. Each carries a one-line message that names the fix; the CLI prints it and exits non-zero."""

from __future__ import annotations

__all__ = [
    "AnswerPending",
    "ArticleError",
    "ConfigError",
    "ContextLengthError",
    "InvalidOutputError",
    "ModelFileError",
    "ModelNotInstalledError",
    "NLPModelError",
    "ProviderError",
    "RateLimitedError",
    "RefusalError",
    "ServerUnreachableError",
    "SummarizerError",
    "TimeoutError_",
    "TruncatedOutputError",
]


class SummarizerError(Exception):
    """Base class: `str(error)` is a single line fit for a terminal, never a secret."""

    exit_code = 1

    def __str__(self) -> str:
        return " ".join(super().__str__().split())


class ConfigError(SummarizerError):
    """A missing key, an unknown provider, a bad flag value."""

    exit_code = 2


class ArticleError(SummarizerError):
    """The input is not an article we can brief: empty, binary, not text, too large, unreadable."""

    exit_code = 3


class ModelNotInstalledError(SummarizerError):
    exit_code = 4


class ModelFileError(SummarizerError):
    exit_code = 4


class NLPModelError(ModelNotInstalledError):
    """The spaCy pipeline is missing or is not the pinned one."""


class ProviderError(SummarizerError):
    """The model endpoint failed in a way retries did not fix."""

    exit_code = 5


class ServerUnreachableError(ProviderError):
    pass


class RateLimitedError(ProviderError):
    pass


class TimeoutError_(ProviderError):
    pass


class RefusalError(ProviderError):
    pass


class TruncatedOutputError(ProviderError):
    pass


class ContextLengthError(ProviderError):
    pass


class InvalidOutputError(ProviderError):
    """The model's output stayed invalid after the re-asks."""


class AnswerPending(SummarizerError):
    """Not a failure: the Batch API path asked for an answer that a later batch will bring. Only that path
    raises it, and it catches it; a brief that meets it is finished in a later round."""

    exit_code = 6
