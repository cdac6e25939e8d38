"""The command line. Thin: parse options into a plain object, call the core, report.

Only this module imports click; the core modules are imported inside each
command so `jxs validate` never pays for Excel or HTML libraries.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from jxs_catalog import __version__
from jxs_catalog.messages import framework_word, phrase, say

F = TypeVar("F", bound=Callable[..., Any])
ENVIRONMENT_CODES = frozenset({"JXS013"})


def _lang_in(args: list[str]) -> str | None:
    """--lang as written on the command line: help and usage errors come before options are parsed."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# The reader's language: Chinese until the command line (or JXS_LANG) says otherwise.
_lang: list[str] = ["zh"]


def _set_lang(lang: str | None) -> str:
    _lang[0] = "en" if lang == "en" else "zh"
    return _lang[0]


def _click_gettext(message: str) -> str:
    return framework_word(message, _lang[0])


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return framework_word(singular if n == 1 else plural, _lang[0], singular)


def _speak_chinese_in_click() -> None:
    """click looks its words up through gettext at the moment it prints them; answer in our language."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                   click.termui, click.types):
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


_speak_chinese_in_click()


class _Option(click.Option):
    """An option whose help is a key of messages.WORDS, worded in the reader's language."""

    def __init__(self, *args: Any, help_key: str, **kwargs: Any) -> None:
        kwargs["help"] = say(help_key)
        super().__init__(*args, **kwargs)
        self.help_key = help_key


class _Argument(click.Argument):
    def __init__(self, *args: Any, metavar_key: str, **kwargs: Any) -> None:
        kwargs["metavar"] = say(metavar_key)
        super().__init__(*args, **kwargs)
        self.metavar_key = metavar_key


class _Command(click.Command):
    def __init__(self, *args: Any, help_key: str = "", **kwargs: Any) -> None:
        if help_key:
            kwargs["help"] = say(help_key)
        kwargs["options_metavar"] = say("meta.options")
        super().__init__(*args, **kwargs)
        self.help_key = help_key

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if _lang_in(args):
            _localise(self, _set_lang(_lang_in(args)))
        return super().parse_args(ctx, args)


def _localise(command: click.Command, lang: str) -> None:
    """Word the help of a command, its parameters and its subcommands in the reader's language."""
    if getattr(command, "help_key", ""):
        command.help = say(command.help_key, lang)  # type: ignore[attr-defined]
    command.options_metavar = say("meta.options", lang)
    if hasattr(command, "_help_option"):
        command._help_option = None  # click words its --help option once and keeps it
    for param in command.params:
        if isinstance(param.type, click.Path):  # click names a path's kind when the type is made
            kind = param.type
            english = "file" if kind.file_okay and not kind.dir_okay else (
                "directory" if kind.dir_okay and not kind.file_okay else "path")
            kind.name = framework_word(english, lang)
        if isinstance(param, _Option):
            param.help = say(param.help_key, lang)
        elif isinstance(param, _Argument):
            param.metavar = say(param.metavar_key, lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = say("meta.command", lang)
        for sub in command.commands.values():
            _localise(sub, lang)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args: Any, help_key: str = "", **kwargs: Any) -> None:
        if help_key:
            kwargs["help"] = say(help_key)
        kwargs.update(options_metavar=say("meta.options"), subcommand_metavar=say("meta.command"))
        super().__init__(*args, **kwargs)
        self.help_key = help_key

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _localise(self, _set_lang(_lang_in(args) or os.environ.get("JXS_LANG")))
        return super().parse_args(ctx, args)


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # click's own version option words its message once, when the command is defined.
    if value and not ctx.resilient_parsing:
        click.echo(framework_word("%(prog)s, version %(version)s", _lang[0]) % {"prog": "jxs", "version": __version__})
        ctx.exit()


def _option(*decls: str, help_key: str, **kwargs: Any) -> Callable[[F], F]:
    return click.option(*decls, cls=_Option, help_key=help_key, **kwargs)


def _argument(name: str, metavar_key: str, **kwargs: Any) -> Callable[[F], F]:
    return click.argument(name, cls=_Argument, metavar_key=metavar_key, **kwargs)


@dataclass(slots=True)
class Options:
    """What every command needs to know, parsed once."""

    root: Path | None
    lang: str
    fmt: str
    strict: bool
    quiet: bool
    debug: bool


def _common(func: F) -> F:
    func = _option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help_key="help.opt.root")(func)
    func = _option("--lang", type=click.Choice(["zh", "en"]), default=None, envvar="JXS_LANG",
                        help_key="help.opt.lang")(func)
    func = _option("--debug", is_flag=True, help_key="help.opt.debug")(func)
    return func


def _reporting(func: F) -> F:
    func = _option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]),
                        default="text", show_default=True,
                        help_key="help.opt.format")(func)
    func = _option("--strict", is_flag=True, help_key="help.opt.strict")(func)
    return func


def _force(func: F) -> F:
    return _option("--force", is_flag=True, help_key="help.opt.force")(func)


def _options(kw: dict[str, Any]) -> Options:
    group = click.get_current_context().find_root().obj or {}
    opts = Options(root=kw.pop("root", None), lang=kw.pop("lang", None) or group.get("lang") or _lang[0],
                   fmt=kw.pop("fmt", "text"), strict=kw.pop("strict", False),
                   quiet=kw.pop("quiet", False), debug=kw.pop("debug", False))
    _set_lang(opts.lang)
    return opts


def _root(opts: Options, near: tuple[Path, ...] = ()) -> Path:
    """The workspace: --root, else walking up from the first path named, else from here."""
    from jxs_catalog.errors import UsageProblem
    from jxs_catalog.loading.files import find_root
    if opts.root is not None:
        return find_root(opts.root)
    if near:
        start = near[0] if near[0].is_dir() else near[0].parent
        try:
            return find_root(start)
        except UsageProblem:
            pass
    return find_root(Path.cwd())


def _fail(opts: Options, exc: BaseException) -> NoReturn:
    from jxs_catalog.errors import UsageProblem
    if isinstance(exc, UsageProblem):
        click.echo(say("cli.error", opts.lang, message=exc.message(opts.lang)), err=True)
        sys.exit(2)
    if opts.debug:
        traceback.print_exception(exc)
    else:
        click.echo(say("cli.internal-error", opts.lang, kind=type(exc).__name__, error=exc), err=True)
    sys.exit(3)


def _guard(opts: Options, body: Callable[[], int]) -> NoReturn:
    try:
        code = body()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        from jxs_catalog.errors import UsageProblem
        click.echo(UsageProblem("interrupted").message(opts.lang), err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`jxs ... | head`): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces stdout for the rest of the process
        sys.exit(0)
    except BaseException as exc:
        _fail(opts, exc)
    sys.exit(code)


def _report(opts: Options, diags: list[Any], files: int, err: bool = False, unwritten: int = 0) -> int:
    from jxs_catalog.diagnostics import DiagnosticList
    from jxs_catalog.reporters import REPORTERS, summary_line
    dl = DiagnosticList(diags)
    ordered = dl.sorted()
    text = REPORTERS[opts.fmt](ordered, files, opts.lang)
    if unwritten and opts.fmt == "text":
        # What is left is counted on the repaired text: say so, never "no problems" over unwritten repairs.
        head = text[: len(text) - len(summary_line(ordered, files, opts.lang))]
        after = (phrase("cli.unwritten-clean") if not ordered else
                 phrase("cli.unwritten-left", errors=len(dl.errors), warnings=len(dl.warnings)))
        text = head + say("cli.unwritten", opts.lang, files=files, unwritten=unwritten, after=after)
    click.echo(text, err=err)
    if any(d.code in ENVIRONMENT_CODES for d in ordered):
        return 2  # a path that cannot be read is the environment's problem, not the data's
    return 1 if dl.has_errors(opts.strict) else 0


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help_key="help.jxs")
@_option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
         help_key="help.opt.version")
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, envvar="JXS_LANG",
              help_key="help.opt.lang")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    # `jxs --lang en validate` as well as `jxs validate --lang en`.
    ctx.obj = {"lang": lang}


@cli.command(help_key="help.validate")
@_argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar_key="meta.paths")
@_reporting
@_common
def validate(paths: tuple[Path, ...], **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.pipeline import compile_workspace
        root = _root(opts, paths)
        only = _only(paths, root)
        result = compile_workspace(root, only)
        return _report(opts, result.diagnostics, result.files)

    _guard(opts, body)


def _only(paths: tuple[Path, ...], root: Path) -> list[Path] | None:
    if not paths:
        return None
    if any(p.resolve() == root.resolve() for p in paths):
        return None
    return list(paths)


def main() -> None:
    cli(prog_name="jxs")


@cli.command(help_key="help.schema")
@_option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help_key="help.opt.schema-out")
@_force
@_common
def schema(out_dir: Path | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.scaffold import write_schemas
        folder = out_dir if out_dir is not None else _root(opts) / "schemas"
        for path in write_schemas(folder, force):
            click.echo(str(path))
        return 0

    _guard(opts, body)


@cli.command(help_key="help.init")
@_argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".",
                metavar_key="meta.directory")
@_force
@_common
def init(directory: Path, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.scaffold import init_workspace
        written = init_workspace(directory, force)
        for path in written:
            click.echo(str(path))
        click.echo(say("cli.created", opts.lang, directory=directory))
        return 0

    _guard(opts, body)


@cli.command(help_key="help.build")
@_option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help_key="help.opt.build-out")
@_option("--quiet", "-q", is_flag=True, help_key="help.opt.quiet")
@_option("--force", is_flag=True, help_key="help.opt.build-force")
@_reporting
@_common
def build(out_dir: Path | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.build import run_build
        root = _root(opts)
        from jxs_catalog.terminal import ProgressBar
        show = not opts.quiet and sys.stderr.isatty()
        with ProgressBar(show, say("cli.building", opts.lang)) as progress:
            report = run_build(root, out_dir, strict=opts.strict, progress=progress, force=force)
        if report.diagnostics or not report.written:
            code = _report(opts, report.diagnostics, report.files)
            if not report.written:
                click.echo(say("cli.nothing-written", opts.lang), err=True)
                return 1
            if code:
                return code
        if not opts.quiet:
            cats = report.catalogs
            click.echo(say("cli.built", opts.lang, out=report.out, townships=cats.get("township", 0),
                           villages=cats.get("village", 0), items=report.items, files=report.outputs), err=True)
        return 0

    _guard(opts, body)


@cli.command(help_key="help.check")
@_option("--report", is_flag=True, help_key="help.opt.report")
@_option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help_key="help.opt.today")
@_option("--report-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help_key="help.opt.report-dir")
@_force
@_reporting
@_common
def check(report: bool, report_dir: Path | None, force: bool, today: Any, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.checking import run_check
        root = _root(opts)
        result = run_check(root, today.date() if today else None)
        code = _report(opts, result.diagnostics, result.files)
        if report:
            from jxs_catalog.terminal import write_reports
            problems = write_reports(result, root, report_dir or root / "reports", opts.lang, force)
            if problems:
                code = max(code, _report(opts, problems, 0, err=True))
        return code

    _guard(opts, body)


@cli.command(help_key="help.fix")
@_argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar_key="meta.paths")
@_option("--write", is_flag=True, help_key="help.opt.write")
@_reporting
@_common
def fix(paths: tuple[Path, ...], write: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.fixing import fix_files
        root = _root(opts, paths)
        run = fix_files(root, _only(paths, root), write)
        if opts.fmt == "text":
            for result in run.repaired:
                click.echo(say("cli.fix-file", opts.lang, path=result.display))
                for change in result.changes:
                    click.echo("  - " + change.render(opts.lang))
                click.echo(result.unified_diff(), nl=False)
            repaired = len(run.repaired)
            if repaired and not write:
                click.echo(say("cli.can-repair", opts.lang, count=repaired))
            elif repaired:
                click.echo(say("cli.repaired", opts.lang, count=repaired))
            elif not run.diagnostics:
                click.echo(say("cli.nothing-to-repair", opts.lang))
        return _report(opts, run.diagnostics, run.files, unwritten=0 if write else len(run.repaired))

    _guard(opts, body)


@cli.command(help_key="help.diff")
@click.argument("a")
@click.argument("b", default=".")
@_option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help_key="help.opt.diff-format")
@_option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help_key="help.opt.output")
@_force
@_common
def diff(a: str, b: str, output: Path | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.diffing import diff_revisions
        result, text = diff_revisions(a, b, opts.root or Path.cwd(), opts.fmt, opts.lang, output, force)
        if output is None:
            click.echo(text, nl=not text.endswith("\n"))
        return 1 if result.has_errors else 0

    _guard(opts, body)


@cli.command("import", help_key="help.import")
@_argument("file", type=click.Path(path_type=Path), metavar_key="meta.workbook")
@_option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help_key="help.opt.import-output")
@_option("--sheet", default=None, help_key="help.opt.sheet")
@_force
@_option("--domain", default=None, help_key="help.opt.domain")
@_reporting
@_common
def import_(file: Path, output: Path | None, sheet: str | None, domain: str | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.importing.output import run_import
        run = run_import(file, output, sheet, domain, force, opts.root)
        if run.stdout:
            click.echo(run.stdout, nl=False)
        for path in run.written:
            click.echo(say("cli.wrote", opts.lang, path=path), err=True)
        if not run.result.domains:
            click.echo(say("cli.no-table", opts.lang), err=True)
        # With the YAML on standard output (`> x.yaml`), everything else goes to standard error.
        return _report(opts, run.diagnostics, 1, err=bool(run.stdout))

    _guard(opts, body)
