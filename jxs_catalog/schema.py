"""JSON Schemas (draft 2020-12) of the source files, for editors and other tools.

Generated from the key tables and vocabularies, so they cannot drift from the
models; a test compares the committed files with a fresh generation.
"""

from __future__ import annotations

import json
from typing import Any

from jxs_catalog import keys as K
from jxs_catalog import vocab

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
FILES = {"domain": "domain.schema.json", "township": "township.schema.json", "settings": "settings.schema.json",
         "bases": "bases.schema.json"}

_TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [item, {"type": "array", "items": item, "minItems": 1, "uniqueItems": True}]}


def _value_schema(table: str, key: K.Key) -> dict[str, Any]:
    nested = K.NESTED.get((table, key.name))
    if nested is not None:
        ref: dict[str, Any] = {"$ref": f"#/$defs/{nested[0]}"}
        if (table, key.name) == ("township", "villages"):  # a bare name, or name with code and kind
            ref = {"oneOf": [_TEXT, ref]}
        return {"type": "array", "items": ref} if nested[1] else ref
    return dict(_BY_KIND.get(key.kind, _TEXT))


_CHANNEL = {"anyOf": [
    {"enum": [*vocab.STANDARD_CHANNELS, *vocab.VILLAGE_CHANNELS, *vocab.CHANNEL_VARIANTS]},
    {"type": "string", "pattern": "^其他[：:].+"},
    {"type": "string", "description": "jxs.yaml 中 channels 增加的本县渠道"},
]}
_URL: dict[str, Any] = {"type": "string", "pattern": "^https?://"}
_BY_KIND: dict[str, dict[str, Any]] = {
    "texts": _one_or_many(_TEXT),
    "method": _one_or_many({"enum": [*vocab.METHODS, *vocab.METHOD_VARIANTS]}),
    "audience": _one_or_many({"enum": [*vocab.AUDIENCES, *vocab.AUDIENCE_VARIANTS]}),
    "levels": {"type": "array", "minItems": 1, "items": {"enum": [*vocab.LEVELS, *vocab.LEVEL_VARIANTS]}},
    "channels": {"type": "array", "minItems": 1, "items": _CHANNEL},
    "village_kinds": _one_or_many({"enum": list(vocab.VILLAGE_KINDS)}),
    "village_kind": {"enum": list(vocab.VILLAGE_KINDS)},
    "text_list": {"type": "array", "items": _TEXT},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "code12": {"type": "string", "pattern": r"^\d{12}$"},
    "code6": {"type": "string", "pattern": r"^\d{6}$"},
    "partial_date": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
    "status": {"enum": [*vocab.STATUSES, *vocab.STATUS_VARIANTS]},
    "url": _URL,
    "link": _URL,
    "paper": {"enum": list(vocab.PAPERS)},
}


def _object(table: str) -> dict[str, Any]:
    spec = K.TABLES[table]
    props: dict[str, Any] = {}
    required: list[dict[str, Any]] = []
    for key in spec.values():
        value = _value_schema(table, key)
        for spelling in (key.name, *key.aliases):
            props[spelling] = {**value, "description": f"{key.label}（{key.name}）"}
        if key.required:
            required.append({"anyOf": [{"required": [s]} for s in (key.name, *key.aliases)]})
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["allOf"] = required
    return out


def _defs_for(table: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    pending = [table]
    while pending:
        current = pending.pop()
        for (parent, _), (child, _) in K.NESTED.items():
            if parent == current and child not in defs:
                defs[child] = _object(child)
                pending.append(child)
    return defs


_TITLES = {
    "domain": ("领域目录文件", "一个领域的县级标准目录：领域名称、参考目录、主管部门和事项。"),
    "township": ("乡镇目录文件", "一个乡镇：区划代码、公开主体、所辖村（社区），以及对县级标准的排除、调整和新增。"),
    "settings": ("全县设置 jxs.yaml", "县名、区划代码、目录名称、发布机关、本县增加的渠道和网站设置。"),
    "bases": ("法规文件库 bases.yaml", "事项公开依据引用的文件：标题、文号、发文机关、日期、状态、替代文件、有效期和链接。"),
}


def build_schema(kind: str) -> dict[str, Any]:
    title, description = _TITLES[kind]
    schema: dict[str, Any] = {
        "$schema": SCHEMA_URI,
        "$id": f"https://jxs.invalid/schemas/{FILES[kind]}",
        "title": title,
        "description": description,
        **_object(kind),
    }
    defs = _defs_for(kind)
    if defs:
        schema["$defs"] = defs
    return schema


def render_schemas() -> dict[str, str]:
    """File name -> JSON text, stable byte for byte."""
    return {FILES[kind]: json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n" for kind in FILES}
