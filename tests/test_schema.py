"""The contract in one place: schemas/ is what the models generate, and the contract documents name no field the
models lack (docs/CONTRACT.md in this repository, shared/CONTRACT.md beside it when present)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.cli.schema import SCHEMAS, Target, schema_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "schemas"
DOCS_CONTRACT = ROOT / "docs" / "CONTRACT.md"
SHARED_CONTRACT = ROOT.parent / "shared" / "CONTRACT.md"
SECTIONS = {"1": Target.brief, "3": Target.run, "4": Target.story}

Path_ = tuple[str, ...]

# -- reading the contract's code blocks ------------------------------------------------------------------------

_TOKEN = re.compile(r'"(?P<string>[^"\n]*)"|(?P<punct>[{}\[\]:,])|(?P<other>[^\s"{}\[\]:,]+)')


def contract_blocks(markdown: str) -> dict[str, str]:
    """The first code block of each numbered section ("## 1. A brief" -> "1")."""
    blocks: dict[str, str] = {}
    for section in re.split(r"^## ", markdown, flags=re.MULTILINE)[1:]:
        number = section.split(".", 1)[0]
        found = re.search(r"^```[^\n]*\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
        if number.isdigit() and found:
            blocks[number] = found.group(1)
    return blocks


def contract_fields(block: str) -> dict[Path_, frozenset[str] | None]:
    """Every key of a block by its path ("who", "kind"), with the values it lists ("a|b|c") when it lists some.

    The blocks are JSON-like with comments, `...` and placeholders (str, [int, int]); keys are the quoted
    strings followed by a colon, and a list's objects share the list's path.
    """
    text = "\n".join(line.split("#", 1)[0] for line in block.splitlines())
    tokens = list(_TOKEN.finditer(text))
    fields: dict[Path_, frozenset[str] | None] = {}
    stack: list[Path_] = [()]
    pending: Path_ | None = None  # the key whose value comes next
    for i, token in enumerate(tokens):
        punct, string = token["punct"], token["string"]
        if string is not None and i + 1 < len(tokens) and tokens[i + 1]["punct"] == ":":
            pending = (*stack[-1], string)
            fields[pending] = None
        elif punct == ":":
            continue
        elif punct in ("{", "["):
            stack.append(pending if pending is not None else stack[-1])
            pending = None
        elif punct in ("}", "]"):
            stack.pop()
            pending = None
        else:
            if pending is not None and string is not None and "|" in string:
                fields[pending] = frozenset(string.split("|"))
            pending = None
    return fields


# -- reading the generated schemas -----------------------------------------------------------------------------


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref, the non-null member of an optional, and array items, to the node that describes a value."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            node = next(member for member in node["anyOf"] if member.get("type") != "null")
        elif node.get("type") == "array" and "items" in node:
            node = node["items"]
        else:
            return node


def schema_node(schema: dict[str, Any], path: Path_) -> dict[str, Any] | None:
    """The schema of the value at `path`; a free-form object (a dict of anything) answers for all below it."""
    node = schema
    for key in path:
        node = _resolve(schema, node)
        properties = node.get("properties")
        if properties is None:
            free = node.get("type") == "object" and node.get("additionalProperties", True) is not False
            return node if free else None
        if key not in properties:
            return None
        node = properties[key]
    return _resolve(schema, node)


def model_paths(schema: dict[str, Any], node: dict[str, Any] | None = None, prefix: Path_ = ()) -> set[Path_]:
    """Every field path of a schema's models (free-form objects end a path)."""
    node = _resolve(schema, schema if node is None else node)
    paths: set[Path_] = set()
    for key, child in node.get("properties", {}).items():
        paths.add((*prefix, key))
        paths |= model_paths(schema, child, (*prefix, key))
    return paths


def generated(target: Target) -> dict[str, Any]:
    return dict(json.loads(schema_text(target)))


def check(contract: str, exact: bool) -> list[str]:
    """What the contract names that the models lack: fields, and listed values (all of them when `exact`)."""
    problems = []
    blocks = contract_blocks(contract)
    assert set(SECTIONS) <= set(blocks), "the contract lost a section's code block"
    for number, target in SECTIONS.items():
        schema = generated(target)
        for path, values in contract_fields(blocks[number]).items():
            node = schema_node(schema, path)
            if node is None:
                problems.append(f"§{number} {'.'.join(path)}: not in the {target.value} models")
            elif values is not None and "enum" in node:
                enum = set(node["enum"])
                if not values <= enum or (exact and values != enum):
                    problems.append(
                        f"§{number} {'.'.join(path)}: lists {sorted(values)}, models {sorted(enum)}"
                    )
    return problems


# -- tests -----------------------------------------------------------------------------------------------------


def test_every_schema_target_has_a_model() -> None:
    assert set(SCHEMAS) == set(Target)


@pytest.mark.parametrize("target", list(Target), ids=lambda t: t.value)
def test_committed_schemas_are_what_the_models_generate(target: Target) -> None:
    committed = (SCHEMA_DIR / f"{target.value}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(target), (
        f"schemas/{target.value}.schema.json is stale: run "
        f"`summarizer schema {target.value} --out schemas/{target.value}.schema.json`"
    )


def test_the_cli_prints_and_writes_the_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(app, ["schema", "story"])
    assert printed.exit_code == 0 and json.loads(printed.stdout)["title"] == "StoryBrief"
    assert runner.invoke(app, ["schema"]).stdout == schema_text(Target.brief)  # brief by default
    out = tmp_path / "run.json"
    written = runner.invoke(app, ["schema", "run", "--out", str(out)])
    assert written.exit_code == 0 and written.stdout == ""
    assert out.read_text(encoding="utf-8") == schema_text(Target.run)
    assert runner.invoke(app, ["schema", "suitcase"]).exit_code != 0


def test_the_repository_contract_names_only_fields_the_models_have() -> None:
    assert check(DOCS_CONTRACT.read_text(encoding="utf-8"), exact=True) == []


@pytest.mark.parametrize("target", [Target.brief, Target.story], ids=lambda t: t.value)
def test_the_repository_contract_documents_every_field_of_the_models(target: Target) -> None:
    number = next(n for n, t in SECTIONS.items() if t is target)
    documented = set(contract_fields(contract_blocks(DOCS_CONTRACT.read_text(encoding="utf-8"))[number]))
    assert sorted(model_paths(generated(target)) - documented) == []


def test_the_shared_contract_names_only_fields_the_models_have() -> None:
    if not SHARED_CONTRACT.is_file():
        pytest.skip(f"no shared contract at {SHARED_CONTRACT} (CI lays shared/ beside the repository)")
    assert check(SHARED_CONTRACT.read_text(encoding="utf-8"), exact=False) == []


def test_the_block_reader_finds_nested_keys_and_listed_values() -> None:
    block = '{"a": str, "b": [ {"c": "x|y", "d": {...as above..., "e": [int, int]}} ], # "z": no\n "f": 1}'
    assert contract_fields(block) == {
        ("a",): None,
        ("b",): None,
        ("b", "c"): frozenset({"x", "y"}),
        ("b", "d"): None,
        ("b", "d", "e"): None,
        ("f",): None,
    }


def test_the_check_catches_a_field_the_models_lack() -> None:
    contract = DOCS_CONTRACT.read_text(encoding="utf-8").replace(
        '"what": str,', '"what": str, "mood": str,', 1
    )
    contract = contract.replace("person|organization", "person|robot|organization", 1)
    problems = check(contract, exact=True)
    assert any("§1 mood" in p for p in problems) and any("§1 who.kind" in p for p in problems)
