"""What a number counts: the one result every reader of counts returns (counting.py, unnumbered.py, ages.py)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Counted"]


@dataclass(frozen=True)
class Counted:
    counts: str
    """What is counted and what happened to it: "people killed", "age of victims", "children"."""
    kind: str
    """The figure kind of the contract: "killed", "injured", "age", "people", "money", ..."""
