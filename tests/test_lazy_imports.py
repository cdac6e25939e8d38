"""Validating one file stays on the quick path: no Excel or HTML libraries, nor the importer, are imported."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

PROBE = """
import sys
from jxs_catalog.cli import main
sys.argv = ["jxs", "validate", "domains/jiuzai.yaml"]
try:
    main()
except SystemExit as exc:
    heavy = sorted(m for m in ("openpyxl", "xlsxwriter", "jinja2", "rich", "jxs_catalog.importing") if m in sys.modules)
    print("EXIT", exc.code, "HEAVY", ",".join(heavy) or "-")
"""


def test_validate_one_file_imports_nothing_heavy() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    assert "EXIT 0 HEAVY -" in proc.stdout, proc.stdout + proc.stderr


REGISTER_PROBE = """
import sys
from jxs_catalog.cli import main
sys.argv = ["jxs", "validate", "townships/anji.yaml"]
try:
    main()
except SystemExit as exc:
    loaded = sorted(m for m in ("jxs_catalog.register", "jxs_catalog.citations") if m in sys.modules)
    print("EXIT", exc.code, "LOADED", ",".join(loaded) or "-")
"""


def test_validating_a_file_that_cites_nothing_leaves_the_register_alone() -> None:
    proc = subprocess.run([sys.executable, "-c", REGISTER_PROBE], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8")
    assert "EXIT 0 LOADED -" in proc.stdout, proc.stdout + proc.stderr
