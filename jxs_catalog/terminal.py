"""What jxs draws on a terminal with rich: the build's progress bar and the coverage table.

Kept apart from cli.py so that only the commands that draw pay for importing rich.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jxs_catalog.checking import CheckResult
from jxs_catalog.coverage import Coverage, cell_text
from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.messages import say
from jxs_catalog.register import Citing
from jxs_catalog.rendering.coverage import coverage_csv, coverage_html
from jxs_catalog.rendering.documents import documents_csv, documents_text
from jxs_catalog.rendering.sandbox import TemplateProblem
from jxs_catalog.writing import check_all, make_folder, write_file


class ProgressBar:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, show: bool, label: str) -> None:
        self.show = show
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        if not self.show:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task(self.label, total=None)

        def update(label: str, done: int, total: int) -> None:
            self.bar.update(task, completed=done, total=total, description=label or self.label)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


REPORT_MARKER = ".jxs-reports"


def write_coverage(cov: Coverage, root: Path, folder: Path, lang: str, force: bool = False) -> list[Diagnostic]:
    """Write the report as CSV and HTML, and draw it as a table on standard error.

    The report folder is marked as jxs's when jxs first writes there; only then (or with
    force) are earlier reports in it replaced.
    """
    from rich.console import Console
    from rich.table import Table

    title = say("coverage.title", lang)
    try:
        html = coverage_html(cov, title, root)
    except TemplateProblem as problem:  # the workspace's own coverage.html: reported like the site's templates
        return [problem.diagnostic()]
    files = {folder / "coverage.csv": coverage_csv(cov), folder / "coverage.html": html}
    ours = force or (folder / REPORT_MARKER).is_file()
    check_all(files, may_replace=ours)
    make_folder(folder)
    if not (folder / REPORT_MARKER).exists():
        write_file(folder / REPORT_MARKER, b"jxs check --report\n")
    for path, data in files.items():
        write_file(path, data, may_replace=ours)
    legend = "  ".join(f"{i} {d}" for i, d in enumerate(cov.domains, 1))
    table = Table(title=title, show_lines=False, padding=(0, 1),
                  caption=say("coverage.legend", lang, legend=legend))
    table.add_column(say("coverage.township", lang), no_wrap=True)
    for i, _ in enumerate(cov.domains, 1):
        table.add_column(str(i), justify="right", no_wrap=True)
    table.add_column(say("coverage.warnings", lang), justify="right")
    for town, row in cov.rows.items():
        cells = ["排" if row[d].excluded else cell_text(row[d]).replace("（排除", "-").rstrip("）")
                 for d in cov.domains]
        table.add_row(town, *cells, str(cov.warnings.get(town, 0)))
    # Off a terminal (a CI log, a file) rich would squeeze the table into 80 columns.
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
    console.print(table)
    console.print(say("coverage.written", lang, folder=folder))
    return []


def write_documents(rows: list[Citing], today: dt.date, folder: Path, lang: str, force: bool = False) -> None:
    """The cited documents, each with its status and the lines citing it: on standard error and as CSV."""
    target = folder / "documents.csv"
    ours = force or (folder / REPORT_MARKER).is_file()
    check_all([target], may_replace=ours)
    make_folder(folder)
    if not (folder / REPORT_MARKER).exists():
        write_file(folder / REPORT_MARKER, b"jxs check --report\n")
    write_file(target, documents_csv(rows), may_replace=ours)
    sys.stderr.write(documents_text(rows, today, lang))
    sys.stderr.write(say("documents.written", lang, target=target) + "\n")


def write_reports(result: CheckResult, root: Path, folder: Path, lang: str, force: bool = False) -> list[Diagnostic]:
    """`jxs check --report`: the coverage report and the cited documents, written and drawn."""
    problems: list[Diagnostic] = []
    if result.coverage is not None:
        problems = write_coverage(result.coverage, root, folder, lang, force)
    if result.documents and result.today:
        write_documents(result.documents, result.today, folder, lang, force)
    return problems
