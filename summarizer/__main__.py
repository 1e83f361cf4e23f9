"""`python -m summarizer` is the same as the `summarizer` command."""

from .cli import main

main()
