"""Golden tests: the small example workspace's outputs compared with files kept in tests/golden/.

After an intended change of the output format, refresh them with
    JXS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from jxs_catalog.build import run_build
from tests.xlsx_dump import dump_workbook

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("JXS_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import SMALL
    ws = tmp_path_factory.mktemp("golden") / "ws"
    shutil.copytree(SMALL, ws)
    report = run_build(ws)
    assert report.written, report.diagnostics
    return ws / "out"


def compare(name: str, actual: str) -> None:
    target = GOLDEN / name
    if UPDATE:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(actual.encode("utf-8"))
        return
    assert target.is_file(), f"missing {target}: run JXS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"
    assert actual == target.read_bytes().decode("utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("book", ["county", "dong", "xi"])
def test_workbook_matches_golden(built: Path, book: str) -> None:
    dump = dump_workbook(built / "xlsx" / f"{book}.xlsx")
    compare(f"{book}.xlsx.json", json.dumps(dump, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


@pytest.mark.parametrize("data", ["county.json", "townships/dong.json", "townships/dong.csv",
                                  "villages/dong.json", "villages/dong.csv"])
def test_data_matches_golden(built: Path, data: str) -> None:
    text = (built / "data" / data).read_bytes().decode("utf-8-sig")
    if data.endswith(".json"):  # written compact; compared indented so a diff is readable
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    compare("data-" + data.replace("/", "-"), text)


def test_manifest_matches_golden(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    manifest["inputs"] = [i["path"] for i in manifest["inputs"]]
    manifest["outputs"] = [[o["path"], o["kind"]] for o in manifest["outputs"]]
    for cat in manifest["catalogs"]:
        cat["fingerprint"] = len(cat["fingerprint"])  # a sha256, which depends on the tool version
    compare("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
