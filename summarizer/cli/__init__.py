"""The command line, thin over the library: parse flags, call it, print. Errors are one line and an exit code.

One module per command group registers its commands on `app` (cli/app.py); this module imports them all and
holds `main`, the entry point that turns every error into one line. May import anything in the package.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from summarizer.cli import batch as _batch  # noqa: F401  (registers its commands)
from summarizer.cli import brief as _brief  # noqa: F401
from summarizer.cli import eval as _eval  # noqa: F401
from summarizer.cli import schema as _schema  # noqa: F401
from summarizer.cli import story as _story  # noqa: F401
from summarizer.cli import view as _view  # noqa: F401
from summarizer.cli.app import app
from summarizer.errors import SummarizerError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> Any:
    """Entry point: turn our errors into one line and a non-zero exit, never a traceback."""
    import logging

    logging.basicConfig(format="summarizer: warning: %(message)s", level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.ERROR)
    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
        return None
    except SummarizerError as exc:
        typer.echo(f"summarizer: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("summarizer: interrupted", err=True)
        sys.exit(130)
    except typer.Abort:
        sys.exit(1)
    except Exception as exc:  # usage errors and anything unexpected
        if _usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        typer.echo(
            f"summarizer: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}", err=True
        )
        sys.exit(70)


def _usage_error(exc: Exception) -> bool:
    """An unknown option, a missing argument, a bad value: click's `ClickException`, from click itself or from
    the copy of click that newer typers bundle (whose classes are not click's), told apart by name so that
    neither copy has to be imported."""
    return any(cls.__name__ == "ClickException" for cls in type(exc).__mro__)
