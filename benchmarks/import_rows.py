"""How long `jxs import` takes on one sheet of N catalog rows, beside a floor.

Run by hand: python benchmarks/import_rows.py N [--inline] [--cli] [--floor] [--runs R]

The workbook (/tmp/jxs-import-N.xlsx, written once) is the published layout as Excel and
XlsxWriter write it: a merged title, the two-row header with its merged groups, shared strings,
and the 一级事项 merged over each five rows. --inline writes it as openpyxl's write-only mode does
(every text an inline string, no merges). Prints the seconds import_workbook() takes (best of R
runs, wall and CPU) and rows per second; --cli also times the whole command (`jxs import FILE -o
OUT`: reading, writing the YAML and validating it), --floor the floors for the same file: openpyxl's
read-only iteration over its rows, and inflating the sheet plus one regular-expression pass over it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_import import STANDARD_MERGES, STANDARD_SUB, STANDARD_TOP, standard_row  # noqa: E402

TITLE = "积石山县涉农补贴领域基层政务公开标准目录"


def published(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("涉农补贴")
    for col, label in enumerate(STANDARD_TOP):
        if label:
            sheet.write_string(1, col, label)
    for col, label in enumerate(STANDARD_SUB):
        if label:
            sheet.write_string(2, col, label)
    for i in range(rows):
        values = standard_row(i + 1, f"事项{i}", category=f"类别{i // 5}")
        for col, value in enumerate(values):
            if col != 1 and value != "":
                sheet.write(3 + i, col, value)
        if i % 5 == 0:
            last = min(3 + i + 4, 3 + rows - 1)
            if last > 3 + i:
                sheet.merge_range(3 + i, 1, last, 1, values[1])
            else:
                sheet.write_string(3 + i, 1, str(values[1]))
    for cells in STANDARD_MERGES:
        first, last = cells.split(":")
        sheet.merge_range(f"{first}:{last}", TITLE if first == "A1" else STANDARD_TOP[ord(first[0]) - 65])
    book.close()


def inline(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("涉农补贴")
    sheet.append([TITLE])
    sheet.append(STANDARD_TOP)
    sheet.append(STANDARD_SUB)
    for i in range(rows):
        sheet.append(standard_row(i + 1, f"事项{i}"))
    book.save(path)


def workbook(rows: int, kind: str = "published") -> Path:
    path = Path(f"/tmp/jxs-import-{kind}-{rows}.xlsx")
    if not path.exists():
        (published if kind == "published" else inline)(path, rows)
    return path


def best(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    """Best wall and CPU seconds of the runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def openpyxl_floor(path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    book.close()


def scan_floor(path: Path) -> None:
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/sheet") or name == "xl/sharedStrings.xml":
                re.findall(rb"<(?:c|si)[ >]", book.read(name))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    parser.add_argument("--inline", action="store_true")
    parser.add_argument("--cli", action="store_true")
    parser.add_argument("--floor", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from jxs_catalog.importing import import_workbook

    path = workbook(args.rows, "inline" if args.inline else "published")
    result = import_workbook(path)
    items = sum(len(d.items) for d in result.domains)
    wall, cpu = best(args.runs, lambda: import_workbook(path))
    print(f"{path.name}: {args.rows} rows, {items} items, {len(result.diagnostics)} diagnostics")
    print(f"  import_workbook   {wall:7.2f} s wall {cpu:7.2f} s CPU  {args.rows / wall:9,.0f} rows/s")
    if args.cli:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.yaml"
            command = [sys.executable, "-m", "jxs_catalog", "import", str(path), "-o", str(out), "--force"]
            seconds = min(_timed(command) for _ in range(args.runs))
        print(f"  jxs import -o     {seconds:7.2f} s wall                {args.rows / seconds:9,.0f} rows/s")
    if args.floor:
        for name, floor in (("openpyxl read-only", openpyxl_floor), ("inflate + regex", scan_floor)):
            floor_wall, floor_cpu = best(args.runs, lambda floor=floor: floor(path))  # type: ignore[misc]
            print(f"  {name:<17} {floor_wall:7.2f} s wall {floor_cpu:7.2f} s CPU  "
                  f"import ÷ floor {wall / floor_wall:.2f} wall, {cpu / floor_cpu:.2f} CPU")


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
