"""Workspace templates are untrusted input: they render in jinja2's sandbox.

A template can format the data it is given, not reach Python's internals or run
programs. Workspace templates are read by the same rules as every source
(regular files inside the workspace, size cap); any error in one (syntax, an
undefined name, a wrong encoding, a missing include, a forbidden attribute) is a
TemplateProblem that names the template file and line, reported with exit 1.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.loading.source import read_limited
from jxs_catalog.messages import Renderable, phrase


class TemplateProblem(Exception):
    """A template cannot be used; carries what the diagnostic needs (picklable for worker processes)."""

    def __init__(self, path: str, line: int, detail: Renderable | str) -> None:
        super().__init__(path, line, detail)
        self.path = path
        self.line = line
        self.detail = detail

    def diagnostic(self) -> Diagnostic:
        return Diagnostic("JXS019", self.path, self.line, 1 if self.line else 0, {"problem": self.detail})


class WorkspaceLoader(jinja2.BaseLoader):
    """templates/ of the workspace, read as any source is: no links out, no FIFOs, UTF-8 only."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "templates"

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Callable[[], bool] | None]:
        parts = template.split("/")
        if any(p in ("", ".", "..") for p in parts) or "\\" in template:
            raise jinja2.TemplateNotFound(template)
        path = self.folder.joinpath(*parts)
        if not path.exists() and not path.is_symlink():
            raise jinja2.TemplateNotFound(template)
        shown = f"templates/{template}"
        data, diags = read_limited(path, shown, self.root)
        if data is None:
            raise TemplateProblem(shown, 0, diags[0] if diags else "")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise TemplateProblem(shown, line, phrase("template.not-utf8")) from None
        return text, str(path), lambda: True

    def list_templates(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*")
                      if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(self.folder).parts))


def sandboxed(root: Path, packaged: Path) -> jinja2.Environment:
    """The environment pages are rendered in: workspace templates first, then jxs's own."""
    loaders: list[jinja2.BaseLoader] = []
    if (root / "templates").is_dir():
        loaders.append(WorkspaceLoader(root))
    loaders.append(jinja2.FileSystemLoader(str(packaged)))
    return SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                keep_trailing_newline=True)


def compile_all(env: jinja2.Environment, root: Path) -> None:
    """Compile every workspace page template up front, so a syntax error stops the build before it starts."""
    for name in WorkspaceLoader(root).list_templates():
        if name.endswith((".html", ".xml")):
            try:
                env.get_template(name)
            except Exception as exc:  # a template's own error, whatever its kind
                raise problem_of(exc, root, name) from None


def problem_of(exc: Exception, root: Path, template: str) -> TemplateProblem:
    """Where in which template an error while loading or rendering `template` arose."""
    if isinstance(exc, TemplateProblem):
        return exc
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateProblem(_shown(exc.filename or exc.name or template, root), exc.lineno or 0, exc.message or "")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateProblem(_shown(template, root), _line(exc, root),
                               phrase("template.not-found", name=exc.name))
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_template(f.filename, root)]
    where = frames[-1] if frames else None
    detail: Renderable | str = (str(exc) or type(exc).__name__).rstrip(".")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        detail = phrase("template.not-allowed", detail=detail)
    return TemplateProblem(_shown(where.filename if where else template, root), where.lineno or 0 if where else 0,
                           detail)


def _line(exc: BaseException, root: Path) -> int:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_template(f.filename, root)]
    return (frames[-1].lineno or 0) if frames else 0


def _is_template(filename: str, root: Path) -> bool:
    return filename.endswith((".html", ".css", ".js", ".xml", ".txt", ".j2")) and "site-packages/jinja2" not in filename


def _shown(filename: str, root: Path) -> str:
    path = Path(filename)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    if path.is_absolute():
        return f"templates/{path.name}" if path.parent.name == "templates" else path.name
    return filename if filename.startswith("templates/") else f"templates/{filename}"
