"""Write an imported domain as YAML in the workspace's own style.

Every scalar is written plain when that reads back as the same text, and
double-quoted otherwise; multi-line content is a literal block. Whether a
plain form is safe is decided by reading it back, not by a list of rules; the
one shortcut is text YAML cannot read otherwise (see _HARMLESS), and a test
holds it to the read-back.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from jxs_catalog import vocab
from jxs_catalog.fields import ELEMENTS
from jxs_catalog.importing.model import ImportedDomain
from jxs_catalog.loading.yamltree import prescan

try:  # libyaml is several times faster; both give the same answer
    from yaml import CSafeLoader as _Safe
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Safe  # type: ignore[assignment]

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/domain.schema.json"
_FLOW_KEYS = ("method", "channels", "audience", "levels")
_ITEM_INDENT = "    "
_NEEDS_ESCAPE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\u200b-\u200f\u202a-\u202e\"\\]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def quoted(text: str) -> str:
    """A double-quoted YAML scalar: every control or invisible character escaped."""
    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        return _ESCAPES.get(ch, f"\\u{ord(ch):04x}")
    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


# Text with a CJK ideograph (so no YAML boolean, number, date or null) made only of ideographs,
# full-width punctuation other than the colon (the loader takes `名称：` for a key), ASCII letters
# and digits: YAML reads it back as itself wherever jxs writes it plain, without asking the parser.
_SAFE = "\u4e00-\u9fff、。，；！？（）《》〈〉「」『』【】A-Za-z0-9"
_HARMLESS = re.compile(f"[{_SAFE}]*[\u4e00-\u9fff][{_SAFE}]*")


@lru_cache(maxsize=65536)
def _plain(form: str, key: str, text: str) -> bool:
    """Whether text may stand plain as a `scalar` (key: text), a list `entry` (- text) or in a `flow` list."""
    if not _plain_candidate(text):
        return False
    if _HARMLESS.fullmatch(text):
        return True
    if form == "scalar":
        return _reads_back(f"{_ITEM_INDENT}{key}: {text}", {key: text})
    if form == "entry":
        return _reads_back(f"{_ITEM_INDENT}  - {text}", [text])
    return _reads_back(f"{_ITEM_INDENT}{key}: [{text}]", {key: [text]})


def _reads_back(line: str, expected: object) -> bool:
    if prescan(line, "")[0]:
        return False  # the loader would take `名称：…` for a key written with a full-width colon
    try:
        return bool(yaml.load(line.strip(), Loader=_Safe) == expected)
    except yaml.YAMLError:
        return False


def _plain_candidate(text: str) -> bool:
    return bool(text) and text == text.strip() and "\n" not in text and not _NEEDS_ESCAPE.search(text)


def scalar(text: str, key: str) -> str:
    """The value of `key: …` at an item's indentation: plain if that reads back unchanged, else quoted."""
    return text if _plain("scalar", key, text) else quoted(text)


def list_entry(text: str) -> str:
    """One entry of a block list (`- …`), plain if that reads back unchanged."""
    return text if _plain("entry", "", text) else quoted(text)


def flow(values: list[str], key: str) -> str:
    return "[" + ", ".join(value if _plain("flow", key, value) else quoted(value) for value in values) + "]"


def _text_entry(prefix: str, key: str, text: str) -> list[str]:
    if "\n" not in text:
        return [f"{prefix}{key}: {scalar(text, key)}"]
    lines = text.split("\n")
    body = _ITEM_INDENT + "  "
    block_ok = (
        not _NEEDS_ESCAPE.search(text.replace("\n", ""))
        and all(line and line == line.strip() for line in lines)
        and not any(prescan(body + line, "")[0] for line in lines if not _HARMLESS.fullmatch(line))
    )
    if block_ok:
        return [f"{prefix}{key}: |-", *(body + line for line in lines)]
    return [f"{prefix}{key}: {quoted(text)}"]


def _entry(prefix: str, key: str, value: object) -> list[str]:
    if isinstance(value, list):
        values = [str(v) for v in value]
        if key in _FLOW_KEYS:
            if key in ("method", "audience") and len(values) == 1:
                return [f"{prefix}{key}: {scalar(values[0], key)}"]
            return [f"{prefix}{key}: {flow(values, key)}"]
        return [f"{prefix}{key}:", *(f"{_ITEM_INDENT}  - {list_entry(v)}" for v in values)]
    return _text_entry(prefix, key, str(value))


def domain_levels(domain: ImportedDomain) -> list[str]:
    found = {str(level) for item in domain.items for level in _as_list(item.get("levels"))}
    return [level for level in vocab.LEVELS if level in found]


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else []


def domain_yaml(domain: ImportedDomain) -> str:
    """The domain file's text: schema line, name, reference, department, levels, then the items."""
    lines = [SCHEMA_LINE]
    if domain.title:
        lines.append("# " + " ".join(domain.title.split()))
    lines.append(f"name: {scalar(domain.name, 'name')}")
    for key in ("reference", "department"):
        value = getattr(domain, key)
        if value:
            lines.append(f"{key}: {scalar(value, key)}")
    levels = domain_levels(domain)
    if levels:
        lines.append(f"levels: {flow(levels, 'levels')}")
    if not domain.items:
        lines.append("items: []")
    else:
        lines.append("items:")
    for item in domain.items:
        prefix = "  - "
        for key in (e.key for e in ELEMENTS):
            value = item.get(key)
            if value is None or value == [] or value == "":
                continue
            if key == "subject" and value == domain.department:
                continue
            lines.extend(_entry(prefix, key, value))
            prefix = _ITEM_INDENT
    return "\n".join(lines) + "\n"
