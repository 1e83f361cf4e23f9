"""Prompt templates as data: `prompts/<name>/` holds `prompt.toml` (name, version, passes) and Jinja files.

Templates render in a sandboxed Jinja environment with strict undefined variables, so a typo fails loudly and
a template cannot reach Python objects. The article always goes in through `article.jinja`, between two
marker lines that carry a random token per brief: text inside the article cannot close the fence because it
cannot know the token.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import re
import secrets
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

from summarizer.errors import ConfigError

__all__ = ["DEFAULT_PROMPT", "Fence", "Prompt", "list_prompts", "load_prompt", "prompts_dir"]

DEFAULT_PROMPT = "brief"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def prompts_dir() -> Path:
    """`$SUMMARIZER_PROMPTS`, else the repository's `prompts/`, else the copy installed with the package."""
    override = os.environ.get("SUMMARIZER_PROMPTS")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parents[1]
    checkout = package.parent / "prompts"
    if checkout.is_dir():
        return checkout
    return package / "_prompts"


@dataclass(frozen=True)
class Fence:
    """The marker lines around the article; the token is random per brief."""

    token: str

    @classmethod
    def new(cls, article: str, secret: bytes | None = None) -> Fence:
        """A token the article does not contain. With `secret`, the same article always gets the same token
        (the Batch API path rebuilds a brief's requests round after round and must find its answers); the
        article's author cannot know it either way."""
        for counter in itertools.count():
            if secret is None:
                token = secrets.token_hex(8)
            else:
                material = article.encode("utf-8", "surrogatepass") + counter.to_bytes(8, "big")
                token = hmac.new(secret, material, hashlib.sha256).hexdigest()[:16]
            if token not in article:
                return cls(token)
        raise AssertionError("unreachable")  # pragma: no cover

    @property
    def open(self) -> str:
        return f"<<<ARTICLE {self.token}>>>"

    @property
    def close(self) -> str:
        return f"<<<END ARTICLE {self.token}>>>"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    description: str
    passes: tuple[str, ...]
    templates: dict[str, str]

    @property
    def id(self) -> str:
        """Recorded in `meta.prompt` and in every cache key: `brief@1`."""
        return f"{self.name}@{self.version}"

    def render(self, part: str, **context: Any) -> str:
        if part not in self.templates:
            raise ConfigError(f"prompt {self.id} has no template {part!r}")
        return _compiled(self.templates[part]).render(**context).strip()

    def messages(
        self, task: str, *, fence: Fence, article: str, date: str | None, **context: Any
    ) -> list[dict[str, str]]:
        """System text, then one user message: the fenced article first (a prefix shared by every pass of a
        brief, so a local model reuses its cache of it) and the pass's task after it."""
        shared = {"open": fence.open, "close": fence.close}
        system = self.render("system", **shared)
        fenced = self.render("article", article=article, date=date, **shared)
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": f"{fenced}\n\n{self.render(task, **context)}"},
        ]


@lru_cache(maxsize=1)
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=256)
def _compiled(source: str) -> Template:
    """Compiling a template costs milliseconds; every pass of every brief renders the same few."""
    return _env().from_string(source)


def list_prompts() -> list[Prompt]:
    root = prompts_dir()
    if not root.is_dir():
        return []
    return [load_prompt(p.name) for p in sorted(root.iterdir()) if (p / "prompt.toml").is_file()]


@lru_cache(maxsize=16)
def load_prompt(name: str = DEFAULT_PROMPT) -> Prompt:
    """Load `prompts/<name>/`; `name@N` also checks the version on disk is N."""
    base, _, want = name.partition("@")
    if not _NAME.match(base):
        raise ConfigError(f"bad prompt name {name!r}: use a folder name under prompts/, e.g. --prompt brief")
    folder = prompts_dir() / base
    meta_file = folder / "prompt.toml"
    if not meta_file.is_file():
        known = ", ".join(p.name for p in list_prompts()) or "none"
        raise ConfigError(f"unknown prompt {base!r} (known: {known})")
    meta = tomllib.loads(meta_file.read_text(encoding="utf-8"))
    version = int(meta["version"])
    if want and want != str(version):
        raise ConfigError(f"prompt {base} is at version {version} here, not {want}")
    templates = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.jinja")}
    for required in ("system", "article", *meta["passes"]):
        if required not in templates:
            raise ConfigError(f"prompt {base} lacks {required}.jinja")
    return Prompt(
        name=str(meta.get("name", base)),
        version=version,
        description=str(meta.get("description", "")),
        passes=tuple(meta["passes"]),
        templates=templates,
    )
