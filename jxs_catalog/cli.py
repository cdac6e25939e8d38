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

F = TypeVar("F", bound=Callable[..., Any])
ENVIRONMENT_CODES = frozenset({"JXS013"})


def _lang_in(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _initial_lang() -> str:
    # Help texts are chosen before click parses anything.
    return _lang_in(sys.argv[1:]) or os.environ.get("JXS_LANG", "zh")


LANG = "en" if _initial_lang() == "en" else "zh"
_run_lang: list[str] = []  # set once a command's options are parsed (--lang, JXS_LANG)


def _t(zh: str, en: str) -> str:
    """Help texts use the language seen in argv; messages at run time the parsed --lang."""
    lang = _run_lang[-1] if _run_lang else LANG
    return en if lang == "en" else zh


def _click_gettext(message: str) -> str:
    from jxs_catalog.clicktext import ZH
    return _t(ZH.get(message, message), message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    from jxs_catalog.clicktext import ZH_PLURAL
    english = singular if n == 1 else plural
    return _t(ZH_PLURAL.get(singular, english), english)


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


def _usage_lang(args: list[str]) -> None:
    # Usage errors are raised while parsing, before a command has read its --lang.
    lang = _lang_in(args) or os.environ.get("JXS_LANG")
    _run_lang[:] = ["en" if lang == "en" else "zh"] if lang else []


class _Command(click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", _t("[选项]", "[OPTIONS]"))
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if _lang_in(args):
            _usage_lang(args)
        return super().parse_args(ctx, args)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", _t("[选项]", "[OPTIONS]"))
        kwargs.setdefault("subcommand_metavar", _t("命令 [参数]...", "COMMAND [ARGS]..."))
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _usage_lang(args)
        return super().parse_args(ctx, args)


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
    func = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help=_t("工作区根目录（默认从当前目录向上查找 jxs.yaml）",
                                "workspace root (default: walk up to jxs.yaml)"))(func)
    func = click.option("--lang", type=click.Choice(["zh", "en"]), default=None, envvar="JXS_LANG",
                        help=_t("提示信息的语言：zh（中文，默认）或 en", "message language: zh (default) or en"))(func)
    func = click.option("--debug", is_flag=True, help=_t("出现内部错误时显示完整的调用栈",
                                                         "show the traceback of an internal error"))(func)
    return func


def _reporting(func: F) -> F:
    func = click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]),
                        default="text", show_default=True,
                        help=_t("输出格式：text 给人看，json/github/junit 给 CI 用",
                                "output format: text for people, json/github/junit for CI"))(func)
    func = click.option("--strict", is_flag=True, help=_t("警告也算错误（退出码 1）",
                                                          "treat warnings as errors (exit 1)"))(func)
    return func


def _force(func: F) -> F:
    return click.option("--force", is_flag=True, help=_t(
        "允许覆盖已存在的文件（默认不覆盖不是 jxs 刚写的文件）",
        "overwrite existing files (by default jxs never overwrites a file it did not write)"))(func)


def _options(kw: dict[str, Any]) -> Options:
    group = click.get_current_context().find_root().obj or {}
    opts = Options(root=kw.pop("root", None), lang=kw.pop("lang", None) or group.get("lang") or LANG,
                   fmt=kw.pop("fmt", "text"), strict=kw.pop("strict", False),
                   quiet=kw.pop("quiet", False), debug=kw.pop("debug", False))
    _run_lang[:] = [opts.lang]
    return opts


def _root(opts: Options, near: tuple[Path, ...] = ()) -> Path:
    """The workspace: --root, else walking up from the first path named, else from here."""
    from jxs_catalog.errors import UsageProblem
    from jxs_catalog.loading.workspace import find_root
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
        click.echo(("error: " if opts.lang == "en" else "错误：") + exc.message(opts.lang), err=True)
        sys.exit(2)
    if opts.debug:
        traceback.print_exception(exc)
    else:
        click.echo(_t(f"jxs 内部错误（这是 jxs 的缺陷，不是数据的问题）：{type(exc).__name__}: {exc}\n"
                      "请加 --debug 重新运行，并把输出报告给维护者。",
                      f"jxs internal error (a bug in jxs, not in your data): {type(exc).__name__}: {exc}\n"
                      "Run again with --debug and report the output."), err=True)
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
        after = (_t("写入后没有其他问题。", "nothing else is left after writing them.") if not ordered else
                 _t(f"写入后还有 {len(dl.errors)} 个错误、{len(dl.warnings)} 个警告（见上）。",
                    f"after writing them, {len(dl.errors)} errors and {len(dl.warnings)} warnings are left (above)."))
        text = head + _t(f"已检查 {files} 个文件：{unwritten} 个文件的修复还没有写入，{after}",
                         f"{files} files checked: repairs to {unwritten} files are not written yet; {after}")
    click.echo(text, err=err)
    if any(d.code in ENVIRONMENT_CODES for d in ordered):
        return 2  # a path that cannot be read is the environment's problem, not the data's
    return 1 if dl.has_errors(opts.strict) else 0


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=_t("jxs：积石山县基层政务公开事项标准目录的编制工具。\n\n"
                     "用 YAML 维护县级标准目录和各乡镇目录，检查、合并，并生成 Excel、网站和数据。",
                     "jxs: compiles the standard catalogs of government-affairs disclosure.\n\n"
                     "Keeps the county standard and each township's catalog as YAML; validates, merges "
                     "and renders Excel workbooks, a static site and data."))
@click.version_option(__version__, prog_name="jxs")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, envvar="JXS_LANG",
              help=_t("提示信息的语言：zh（中文，默认）或 en", "message language: zh (default) or en"))
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    # `jxs --lang en validate` as well as `jxs validate --lang en`.
    ctx.obj = {"lang": lang}


@cli.command(help=_t("检查目录文件：每个问题都给出 文件:行:列、错误代码和修改方法。\n\n"
                     "不带参数时检查整个工作区；也可以只检查指定的文件或文件夹。",
                     "Check catalog files: each problem with path:line:col, a code and how to fix it.\n\n"
                     "Without arguments checks the whole workspace; or only the files or folders named."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar=_t("[文件或文件夹]...", "[PATHS]..."))
@_reporting
@_common
def validate(paths: tuple[Path, ...], **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.compile import compile_workspace
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


@cli.command(help=_t("生成领域、乡镇、jxs.yaml 和 bases.yaml 文件的 JSON Schema（供 VS Code 等编辑器提示和检查）。",
                     "Write the JSON Schemas of domain, township, jxs.yaml and bases.yaml files (for editors)."))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=_t("输出目录（默认为工作区的 schemas/）", "output folder (default: the workspace's schemas/)"))
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


@cli.command(help=_t("新建一个工作区：一个示例领域、一个示例乡镇，每个键都有中文注释。",
                     "Create a new workspace with one example domain and one example township."))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".",
                metavar=_t("[文件夹]", "[DIRECTORY]"))
@_force
@_common
def init(directory: Path, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.scaffold import init_workspace
        written = init_workspace(directory, force)
        for path in written:
            click.echo(str(path))
        click.echo(_t(f"已新建工作区 {directory}。下一步：cd {directory} && jxs validate && jxs build",
                      f"Created the workspace {directory}. Next: cd {directory} && jxs validate && jxs build"))
        return 0

    _guard(opts, body)


@cli.command(help=_t("生成目录：先检查，再合并县级标准和各乡镇调整，输出 Excel 工作簿、网站和 JSON/CSV 数据。\n\n"
                     "有错误时不写任何文件；新输出完整生成后才替换旧的 out/。",
                     "Build: validate, merge the county standard with each township, write Excel workbooks, "
                     "the site and JSON/CSV data.\n\nWrites nothing when there are errors; the previous out/ is "
                     "replaced only when the new output is complete."))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help=_t("输出目录（默认 out/）", "output folder (default out/)"))
@click.option("--quiet", "-q", is_flag=True, help=_t("不显示进度和摘要", "no progress bar or summary"))
@click.option("--force", is_flag=True, help=_t(
    "输出目录里有不是 jxs 生成的文件时也替换它（这些文件会被删除）",
    "replace the output directory even if it holds files jxs did not write (they are deleted)"))
@_reporting
@_common
def build(out_dir: Path | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.build import run_build
        root = _root(opts)
        from jxs_catalog.terminal import ProgressBar
        show = not opts.quiet and sys.stderr.isatty()
        with ProgressBar(show, _t("生成中", "building")) as progress:
            report = run_build(root, out_dir, strict=opts.strict, progress=progress, force=force)
        if report.diagnostics or not report.written:
            code = _report(opts, report.diagnostics, report.files)
            if not report.written:
                click.echo(_t("有错误，没有生成任何文件。", "There are errors; nothing was written."), err=True)
                return 1
            if code:
                return code
        if not opts.quiet:
            cats = report.catalogs
            click.echo(_t(
                f"已生成 {report.out}：县级目录 1 份、乡镇目录 {cats.get('township', 0)} 份、村（居）清单 "
                f"{cats.get('village', 0)} 份，县级事项 {report.items} 项，共 {report.outputs} 个文件。",
                f"Built {report.out}: 1 county catalog, {cats.get('township', 0)} township catalogs, "
                f"{cats.get('village', 0)} village lists, {report.items} county items, {report.outputs} files."),
                err=True)
        return 0

    _guard(opts, body)


@cli.command(help=_t("全面检查（供 CI 和县政务公开办监督使用）：validate 的全部检查，再加上完整性、一致性、"
                     "时效性检查。\n\n--report 输出乡镇 × 领域覆盖表，并写成 CSV 和 HTML。",
                     "Check for CI and supervision: everything validate does plus completeness, consistency and "
                     "currency rules.\n\n--report prints a townships × domains coverage table and writes it as "
                     "CSV and HTML."))
@click.option("--report", is_flag=True, help=_t("输出覆盖情况报告和引用文件清单（每份文件的状态和引用它的事项）",
                                               "print and write the coverage report and the cited documents list"))
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help=_t("按这一天判断时效（YYYY-MM-DD，默认今天），便于测试和 CI 复现",
                      "judge currency on this day (YYYY-MM-DD, default today), for tests and reproducible CI"))
@click.option("--report-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=_t("报告写入的目录（默认工作区的 reports/；不放在 out/ 里，下次生成不会删掉它）",
                      "where the report files go (default the workspace's reports/, outside out/ so a build "
                      "does not delete it)"))
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
        if report and result.coverage is not None:
            from jxs_catalog.terminal import write_coverage
            write_coverage(result.coverage, report_dir or root / "reports", opts.lang, force)
        if report and result.documents and result.today:
            from jxs_catalog.terminal import write_documents
            write_documents(result.documents, result.today, report_dir or root / "reports", opts.lang, force)
        return code

    _guard(opts, body)


@cli.command(help=_t("自动修复不需要猜测的问题：GBK/GB18030/UTF-16 编码转为 UTF-8，缩进中的 Tab 和全角空格、"
                     "键后的中文冒号，“政府网”“依申请公开”等非标准写法；有 bases.yaml 时，把已被替代的文件改为"
                     "替代文件的标题和文号，把与登记不一致的文号改为登记的文号。\n\n"
                     "默认只显示修改内容（diff），加 --write 才写入文件；注释、键的顺序和中英文键名都保持不变。"
                     "无法自动修复的问题照常报告。",
                     "Repair what needs no guessing: GBK/GB18030/UTF-16 to UTF-8, tabs and full-width spaces in "
                     "indentation, full-width colons after keys, vocabulary variants; with bases.yaml, citations "
                     "of replaced documents and numbers that contradict the register.\n\nShows the changes as "
                     "a diff; writes only with --write. Comments, key order and key language are kept. What "
                     "cannot be repaired is reported as by validate."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar=_t("[文件或文件夹]...", "[PATHS]..."))
@click.option("--write", is_flag=True, help=_t("把修复写入文件", "write the repairs to the files"))
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
                click.echo(_t(f"== {result.display}：", f"== {result.display}:"))
                for change in result.changes:
                    click.echo("  - " + change[opts.lang if opts.lang in change else "zh"])
                click.echo(result.unified_diff(), nl=False)
            repaired = len(run.repaired)
            if repaired and not write:
                click.echo(_t(f"可以修复 {repaired} 个文件。确认无误后加 --write 写入。",
                              f"{repaired} file(s) can be repaired. Add --write to apply."))
            elif repaired:
                click.echo(_t(f"已修复 {repaired} 个文件。", f"Repaired {repaired} files."))
            elif not run.diagnostics:
                click.echo(_t("没有需要修复的地方。", "Nothing to repair."))
        return _report(opts, run.diagnostics, run.files, unwritten=0 if write else len(run.repaired))

    _guard(opts, body)


@cli.command(help=_t("比较两个版本的目录：A、B 可以是工作区文件夹或 git 版本（如 HEAD~1、v2024、.）。\n\n"
                     "逐份目录列出新增、删除和调整的事项（调整了哪个要素、原内容 → 新内容）；"
                     "--format markdown 输出可直接粘贴到发布公告中的“目录更新说明”。",
                     "Compare two versions: A and B are workspace folders or git revisions (HEAD~1, v2024, .).\n\n"
                     "Per catalog: items added, removed and changed (which element, old → new); "
                     "--format markdown gives update notes to paste into the publication notice."))
@click.argument("a")
@click.argument("b", default=".")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help=_t("输出格式", "output format"))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_t("写入文件而不是显示", "write to a file instead of the screen"))
@_force
@_common
def diff(a: str, b: str, output: Path | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.diffing import diff_workspaces, render_json, render_markdown, render_text, resolve_side
        cwd = opts.root or Path.cwd()
        with resolve_side(a, cwd) as side_a, resolve_side(b, cwd) as side_b:
            result = diff_workspaces(side_a, side_b)
        renderers = {"text": render_text, "json": render_json, "markdown": render_markdown}
        text = renderers[opts.fmt](result, opts.lang)
        if output is not None:
            from jxs_catalog.writing import write_text
            write_text(output, text, may_replace=force)
        else:
            click.echo(text, nl=not text.endswith("\n"))
        return 1 if result.has_errors else 0

    _guard(opts, body)


@cli.command("import", help=_t(
    "把已有的 Excel 目录（发布格式的 .xlsx 或旧版 .xls）导入为领域 YAML 文件。\n\n"
    "自动找到表头，识别“特定群众”“依申请公开”“镇级/村级”、三级事项、■/□ 渠道清单、√✓■● 标记、“同上”等"
    "常见写法；无法识别的单元格按“工作表!单元格”报告，不会悄悄猜测。",
    "Import a catalog workbook in the published layout (.xlsx, or the older .xls) as domain YAML.\n\n"
    "Finds the header wherever it starts and understands the usual variants; what cannot be mapped is "
    "reported by its cell (e.g. 涉农补贴!H12) rather than guessed."))
@click.argument("file", type=click.Path(path_type=Path), metavar=_t("工作簿", "FILE"))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help=_t("输出的 .yaml 文件；工作簿有多个领域时给一个文件夹。不给时显示在屏幕上",
                      "the .yaml file to write; a folder when the workbook holds several domains"))
@click.option("--sheet", default=None, help=_t("只读这个工作表", "read only this sheet"))
@_force
@click.option("--domain", default=None, help=_t("领域名称（默认从标题或工作表名识别）",
                                                "the domain's name (default: from the title or sheet)"))
@_reporting
@_common
def import_(file: Path, output: Path | None, sheet: str | None, domain: str | None, force: bool, **kw: Any) -> None:
    opts = _options(kw)

    def body() -> int:
        from jxs_catalog.importing import import_workbook
        from jxs_catalog.importing.writing import write_imported
        extra = _workspace_channels(opts, output)
        if not file.exists():
            from jxs_catalog.errors import UsageProblem
            raise UsageProblem("no-such-path", str(file))
        result = import_workbook(file, sheet, domain, extra_channels=extra)
        written, diags, stdout = write_imported(result, file, output, extra, force)
        diags.extend(_unregistered_in_import(opts, output, result, file.name))
        if stdout:
            click.echo(stdout, nl=False)
        for path in written:
            click.echo(_t(f"已写入 {path}", f"Wrote {path}"), err=True)
        if not result.domains:
            click.echo(_t("没有读到任何目录表，没有写入文件。", "No catalog table was read; nothing was written."),
                       err=True)
        # With the YAML on standard output (`> x.yaml`), everything else goes to standard error.
        return _report(opts, diags, 1, err=bool(stdout))

    _guard(opts, body)


def _unregistered_in_import(opts: Options, near: Path | None, result: Any, source: str) -> list[Any]:
    """One warning naming every cited title that the workspace's bases.yaml does not know."""
    from jxs_catalog.errors import UsageProblem
    from jxs_catalog.loading.workspace import find_root
    from jxs_catalog.register import imported_unregistered, load_register
    try:
        register = load_register(find_root(opts.root or (near.parent if near else Path.cwd())))
    except UsageProblem:
        return []
    return imported_unregistered(result.domains, register, source) if register else []


def _workspace_channels(opts: Options, near: Path | None) -> tuple[str, ...]:
    """jxs.yaml's own channels when the import runs inside a workspace; none otherwise."""
    from jxs_catalog.errors import UsageProblem
    from jxs_catalog.loading.workspace import extra_channels, find_root
    try:
        root = find_root(opts.root or (near.parent if near else Path.cwd()))
    except UsageProblem:
        return ()
    return extra_channels(root)
