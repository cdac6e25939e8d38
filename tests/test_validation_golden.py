"""Validation gives the diagnostics the pydantic-based validator gave, file for file.

tests/golden/validation-generated.json holds, for each generated file (tests/generated_sources.py),
a digest of its diagnostics (code, place, severity, Chinese and English text) and of whether it
yielded a model, with and without a channel that jxs.yaml adds. It was written by the validator
that checked through pydantic models (the version before checks.py), by running this module:

    PYTHONPATH=EARLIER_CHECKOUT:. python -P -m tests.test_validation_golden

It was written again once, on purpose, when jxs.yaml's `paper` became a vocabulary: the 154
settings files with a wrong paper value had JXS119 with a library's English sentence and now get
JXS107, JXS104 or JXS106 like every other value; no other file's digest changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.validation import validate_tree
from tests.generated_sources import generated

GOLDEN = Path(__file__).parent / "golden" / "validation-generated.json"
# (seed, files, whether the mistakes are in the item-wide rules)
SETS = ((1, 600, False), (2, 600, False), (3, 600, True))


def digest(kind: str, text: str) -> str:
    source, diags = parse_bytes(text.encode("utf-8"), f"f.{kind}.yaml")
    lines = [f"{d.code} {d.line}:{d.column} {d.severity.value} {d.message('zh')} | {d.message('en')}" for d in diags]
    if source.tree is not None:
        for channels in ((), ("办税服务厅",)):
            loaded = validate_tree(source.tree, kind, f"f.{kind}.yaml", "f", {"extra_channels": channels})
            lines += [f"{d.code} {d.line}:{d.column} {d.severity.value} {d.message('zh')} | {d.message('en')}"
                      for d in loaded.diagnostics]
            lines.append("model" if loaded.model is not None else "no model")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def digests() -> dict[str, list[str]]:
    return {f"{seed}-{count}-{rules}": [digest(kind, text) for kind, text in generated(seed, count, rules)]
            for seed, count, rules in SETS}


def test_generated_files_get_the_diagnostics_they_got_before() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = digests()
    for name, expected in golden["digests"].items():
        differ = [i for i, (a, b) in enumerate(zip(now[name], expected, strict=True)) if a != b]
        assert differ == [], f"set {name}: files {differ[:10]} differ"


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps({"digests": digests()}, indent=0) + "\n", encoding="utf-8")
