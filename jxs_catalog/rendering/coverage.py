"""The coverage report: townships × domains, as CSV and as a standalone HTML page."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from jxs_catalog.coverage import Coverage, cell_text, header, totals
from jxs_catalog.rendering.sandbox import problem_of, sandboxed
from jxs_catalog.rendering.site import packaged_templates


def coverage_csv(cov: Coverage) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header(cov))
    for town, row in cov.rows.items():
        writer.writerow([town, *(cell_text(row[d]) for d in cov.domains), *totals(cov, town)])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _rows(cov: Coverage) -> list[dict[str, Any]]:
    out = []
    for town, row in cov.rows.items():
        cells = [{"text": cell_text(row[d]), "css": "ex" if row[d].excluded else ("none" if not row[d].items else "")}
                 for d in cov.domains]
        out.append({"town": town, "cells": cells, "totals": totals(cov, town)})
    return out


def coverage_html(cov: Coverage, title: str, root: Path) -> bytes:
    """The page, from the template coverage.html, in the sandbox the site's pages render in."""
    env = sandboxed(root, packaged_templates())
    try:
        html = env.get_template("coverage.html").render(title=title, day=cov.day, header=header(cov), rows=_rows(cov))
    except Exception as exc:  # a workspace's own coverage.html is untrusted like every template
        raise problem_of(exc, root, "coverage.html") from None
    return html.encode("utf-8")
