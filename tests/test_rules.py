"""Every check rule is a named function in one of three tables; docs/rules.md lists them all.

Refresh the page after adding a rule: `JXS_UPDATE_DOCS=1 python -m pytest tests/test_rules.py`.
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable
from typing import Any

import pytest

from jxs_catalog.checking import WORKSPACE_RULES
from jxs_catalog.merging import MERGE_RULES
from jxs_catalog.messages import MESSAGES
from jxs_catalog.validation import FILE_RULES
from tests.conftest import REPO

DOC = REPO / "docs" / "rules.md"
TABLES: list[tuple[str, str, list[tuple[str, Callable[..., Any]]]]] = [
    ("File rules", "`validation.FILE_RULES`: one file at a time, after its model's types (`jxs validate`).",
     [(kind, rule) for kind, rules in FILE_RULES.items() for rule in rules]),
    ("Merge rules", "`merging.MERGE_RULES`: a township's exclusions, changes and additions against the "
     "county standard (`jxs validate` and `jxs build`).", [("township", rule) for rule in MERGE_RULES]),
    ("Workspace rules", "`checking.WORKSPACE_RULES`: the files together, after merging (`jxs check`).",
     [("workspace", rule) for rule in WORKSPACE_RULES]),
]


def _codes(rule: Callable[..., Any]) -> list[str]:
    return re.findall(r"JXS\d{3}", inspect.getdoc(rule) or "")


def _what(rule: Callable[..., Any]) -> str:
    text = " ".join((inspect.getdoc(rule) or "").split())
    return re.sub(r"\s*\((?:JXS\d{3}(?:, )?)+(?:, a warning)?\)", "", text).rstrip(". ")


def rules_page() -> str:
    lines = ["# Check rules", "",
             "Generated from the rule tables by `tests/test_rules.py` (`JXS_UPDATE_DOCS=1` to refresh); "
             "each rule is a small function in the module named, and each code is explained, in Chinese "
             "and English, in `jxs_catalog/messages.py`.", ""]
    for title, intro, rules in TABLES:
        lines += [f"## {title}", "", intro, "", "| applies to | rule | codes | what it asks |", "|---|---|---|---|"]
        for applies, rule in rules:
            codes = ", ".join(f"{c} ({MESSAGES[c][0]})" for c in _codes(rule))
            lines.append(f"| {applies} | `{rule.__name__}` | {codes} | {_what(rule)} |")
        lines.append("")
    return "\n".join(lines)


def test_rules_page_matches_the_tables() -> None:
    if os.environ.get("JXS_UPDATE_DOCS"):
        DOC.write_text(rules_page(), encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == rules_page(), "run JXS_UPDATE_DOCS=1 python -m pytest tests/test_rules.py"


ALL_RULES = [rule for _, _, rules in TABLES for _, rule in rules]


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.__name__ for r in ALL_RULES])
def test_every_rule_names_its_codes_and_each_code_has_a_test(rule: Callable[..., Any]) -> None:
    codes = _codes(rule)
    assert codes, f"{rule.__name__}'s docstring names no code"
    tests = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "tests").rglob("*"))
                      if p.suffix in (".py", ".yaml") and p.name not in ("test_rules.py", "test_messages.py"))
    for code in codes:
        assert code in MESSAGES, code
        assert re.search(rf"\b{code}\b", tests), f"no test case for {code} ({rule.__name__})"


def test_no_module_keeps_a_second_set_of_domain_or_township_rules() -> None:
    for name in ("validation.py", "checking.py", "merging.py"):
        text = (REPO / "jxs_catalog" / name).read_text(encoding="utf-8")
        assert "def _domain_rules" not in text and "def _township_rules" not in text, name
