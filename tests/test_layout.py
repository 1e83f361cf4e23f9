"""The package's shape, as issue 11 fixes it: small modules and functions, one home per vocabulary."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "summarizer"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _literal_strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _declaring(vocabulary: set[str]) -> list[str]:
    """Modules with one statement (an assignment or annotation) that spells out the whole vocabulary."""
    found = []
    for path in MODULES:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Assign | ast.AnnAssign) and vocabulary <= _literal_strings(node):
                found.append(str(path.relative_to(PACKAGE)))
                break
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize(
    ("vocabulary", "home"),
    [
        ({"person", "organization", "group", "government", "country"}, "contract.py"),
        ({"exact", "approximate", "at_least", "more_than", "at_most", "fewer_than", "range"}, "contract.py"),
    ],
    ids=["entity kinds", "approx"],
)
def test_each_contract_vocabulary_is_declared_once(vocabulary: set[str], home: str) -> None:
    assert _declaring(vocabulary) == [home]


def test_number_words_are_declared_once() -> None:
    """ "three dozen", "seventeen": one lexicon; every reader imports it."""
    homes = [
        str(path.relative_to(PACKAGE))
        for path in MODULES
        if {"seventeen", "nineteen"} <= _literal_strings(_tree(path))
        or any("seventeen" in s and "nineteen" in s for s in _literal_strings(_tree(path)))
    ]
    assert homes == ["text/lexicon.py"]
