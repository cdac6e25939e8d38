"""How long `jxs import` takes on one sheet of N catalog rows (is it linear in the rows?).

Run by hand: python benchmarks/import_rows.py N. Writes /tmp/jxs-import-N.xlsx once (the standard
two-row header and N rows) and prints the seconds import_workbook() takes to read it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jxs_catalog.importing import import_workbook  # noqa: E402
from tests.test_import import STANDARD_SUB, STANDARD_TOP, standard_row  # noqa: E402


def workbook(rows: int) -> Path:
    path = Path(f"/tmp/jxs-import-{rows}.xlsx")
    if not path.exists():
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("涉农补贴")
        sheet.append(["积石山县涉农补贴领域基层政务公开标准目录"])
        sheet.append(STANDARD_TOP)
        sheet.append(STANDARD_SUB)
        for i in range(rows):
            sheet.append(standard_row(i + 1, f"事项{i}"))
        book.save(path)
    return path


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    path = workbook(rows)
    start = time.perf_counter()
    result = import_workbook(path)
    seconds = time.perf_counter() - start
    items = len(result.domains[0].items) if result.domains else 0
    print(f"{rows} rows: {seconds:.2f} s, {items} items, {len(result.diagnostics)} diagnostics")


if __name__ == "__main__":
    main()
