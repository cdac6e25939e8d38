"""Validating one file stays on the quick path: no Excel or HTML libraries, nor the importer, nor
pydantic's model machinery (the checks run on the values read, see checks.py), are imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

PROBE = """
import sys
from jxs_catalog.cli import main
sys.argv = ["jxs", "validate", sys.argv[1]]
try:
    main()
except SystemExit as exc:
    heavy = sorted(m for m in ("openpyxl", "xlsxwriter", "jinja2", "rich", "jxs_catalog.importing", "pydantic.main",
                               "pydantic.fields") if m in sys.modules)
    print("EXIT", exc.code, "HEAVY", ",".join(heavy) or "-")
"""


# A domain file, a township without adjustments and one whose changes are resolved against the domains.
@pytest.mark.parametrize("file", ["domains/jiuzai.yaml", "townships/anji.yaml", "townships/liugou.yaml"])
def test_validate_one_file_imports_nothing_heavy(file: str) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE, file], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8")
    assert "EXIT 0 HEAVY -" in proc.stdout, proc.stdout + proc.stderr


REGISTER_PROBE = """
import sys
from jxs_catalog.cli import main
sys.argv = ["jxs", "validate", "townships/anji.yaml"]
try:
    main()
except SystemExit as exc:
    loaded = sorted(m for m in ("jxs_catalog.register", "jxs_catalog.citations", "jxs_catalog.merging",
                                "jxs_catalog.catalog") if m in sys.modules)
    print("EXIT", exc.code, "LOADED", ",".join(loaded) or "-")
"""


def test_a_township_that_cites_and_adjusts_nothing_leaves_the_register_and_merging_alone() -> None:
    proc = subprocess.run([sys.executable, "-c", REGISTER_PROBE], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8")
    assert "EXIT 0 LOADED -" in proc.stdout, proc.stdout + proc.stderr
