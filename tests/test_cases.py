"""The folder of example files: each valid one passes, each invalid one is reported
with exactly the codes and lines its `# expect:` header states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jxs_catalog.loading.source import read_source
from jxs_catalog.validation import validate_tree

CASES = Path(__file__).parent / "cases"
VALID = sorted((CASES / "valid").glob("*.yaml"))
INVALID = sorted((CASES / "invalid").glob("*.yaml"))


def header(path: Path, key: str) -> str:
    data = path.read_bytes()
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig", "replace")
    m = re.search(rf"^# {key}: (.+)$", text, re.M)
    assert m, f"{path.name} has no '# {key}:' line"
    return m.group(1).strip()


def diagnose(path: Path) -> list[tuple[str, int]]:
    source, diags = read_source(path, path.name)
    found = list(diags)
    if source.tree is not None and not diags:
        loaded = validate_tree(source.tree, header(path, "kind"), path.name, path.stem, {})
        found += loaded.diagnostics
    return sorted((d.code, d.line) for d in found)


def expected(path: Path) -> list[tuple[str, int]]:
    out = []
    for part in header(path, "expect").split(","):
        code, line = part.strip().split("@")
        out.append((code, int(line)))
    return sorted(out)


def says(path: Path) -> str | None:
    try:
        return header(path, "says")
    except AssertionError:
        return None


def messages(path: Path) -> list[str]:
    source, diags = read_source(path, path.name)
    found = list(diags)
    if source.tree is not None and not diags:
        found += validate_tree(source.tree, header(path, "kind"), path.name, path.stem, {}).diagnostics
    return [d.message("zh") for d in found]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_examples_pass(path: Path) -> None:
    assert diagnose(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_examples_are_reported_at_their_line(path: Path) -> None:
    assert diagnose(path) == expected(path)
    wanted = says(path)
    if wanted is not None:  # the message names the mistake itself, in Chinese
        assert any(wanted in m for m in messages(path)), messages(path)


def test_every_message_is_rendered_in_both_languages() -> None:
    for path in INVALID:
        source, diags = read_source(path, path.name)
        found = list(diags)
        if source.tree is not None and not diags:
            found += validate_tree(source.tree, header(path, "kind"), path.name, path.stem, {}).diagnostics
        for d in found:
            zh, en = d.message("zh"), d.message("en")
            assert "{" not in zh and "{" not in en, (path.name, zh, en)
            assert re.search(r"[\u4e00-\u9fff]", zh)
