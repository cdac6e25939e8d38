"""The manifest's JSON text: what json.dumps(data, ensure_ascii=False, indent=2) writes, made fast.

With indent, json.dumps encodes in Python, a second or two for the manifest of a thousand
townships (tens of thousands of outputs); the values here go through the C encoder instead.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

_scalar = json.JSONEncoder(ensure_ascii=False).encode
# Scalars one to a line, by the C encoder: a JSON text never holds a raw line break.
_one_per_line = json.JSONEncoder(ensure_ascii=False, separators=("\n", ": ")).encode
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _is_scalar(value: object) -> bool:
    return type(value) in _SCALARS


def _flat_rows(value: object) -> bool:
    """A non-empty list of non-empty mappings of scalars (checked by type in C: a manifest has
    hundreds of thousands of values)."""
    return (isinstance(value, list) and bool(value) and set(map(type, value)) == {dict}
            and min(map(len, value)) > 0
            and set(map(type, itertools.chain.from_iterable(map(dict.values, value)))) <= _SCALARS)


def _row_texts(rows: list[dict[str, Any]]) -> list[str]:
    """Each row as json.dumps indents it inside the list; rows of one shape are filled into one
    pattern with every value encoded by one call."""
    shapes = set(map(tuple, rows))
    if len(shapes) == 1:
        keys = next(iter(shapes))
        values = _one_per_line(list(itertools.chain.from_iterable(map(dict.values, rows))))[1:-1].split("\n")
        width = len(keys)
        if len(values) == width * len(rows):
            pattern = "    {\n" + ",\n".join(f"      {_scalar(k).replace('%', '%%')}: %s" for k in keys) + "\n    }"
            return [pattern % tuple(values[i:i + width]) for i in range(0, len(values), width)]
    return ["    {\n" + ",\n".join(f"      {_scalar(k)}: {_scalar(v)}" for k, v in row.items()) + "\n    }"
            for row in rows]


def indented(data: dict[str, Any]) -> str:
    """What json.dumps(data, ensure_ascii=False, indent=2) gives, made with the C encoder for the
    manifest's shape (values, and lists of flat mappings): indent makes json.dumps encode in Python,
    a second or two for the manifest of a thousand townships. Any other shape goes to json.dumps."""
    if not data or not all(_is_scalar(v) or v == [] or _flat_rows(v) for v in data.values()):
        return json.dumps(data, ensure_ascii=False, indent=2)

    def value(v: Any) -> str:
        return "[\n" + ",\n".join(_row_texts(v)) + "\n  ]" if _flat_rows(v) else _scalar(v)
    return "{\n" + ",\n".join(f"  {_scalar(k)}: {value(v)}" for k, v in data.items()) + "\n}"
