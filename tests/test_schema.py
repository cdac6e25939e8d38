"""The committed JSON Schemas are current and describe the shipped files."""

from __future__ import annotations

import json

from jxs_catalog.schema import render_schemas
from tests.conftest import REPO


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run 'jxs schema' and commit the result"


def test_schemas_are_draft_2020_12_with_chinese_descriptions() -> None:
    for text in render_schemas().values():
        schema = json.loads(text)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in schema["description"])


def test_domain_schema_lists_vocabularies() -> None:
    schema = json.loads(render_schemas()["domain.schema.json"])
    method = schema["$defs"]["item"]["properties"]["method"]
    assert "主动" in json.dumps(method, ensure_ascii=False)


def test_shipped_files_name_their_schema() -> None:
    for folder, name in (("domains", "domain"), ("townships", "township")):
        for path in (REPO / folder).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json", path


def test_vscode_settings_map_the_schemas() -> None:
    from jxs_catalog.scaffold import VSCODE_SETTINGS
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == VSCODE_SETTINGS
    for schema in settings["yaml.schemas"]:
        assert (REPO / schema).is_file()
