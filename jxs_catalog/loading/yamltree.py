"""Read YAML text into a tree that remembers where every key and value stood.

The tree is built from the parser's event stream, not by PyYAML's constructor:
no YAML 1.1 type guessing (every scalar stays the text that was typed), no
recursion (thousands of nesting levels cannot overflow the stack), duplicate
keys are seen at the second key, and alias expansion is counted and bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:  # libyaml's parser is several times faster; the pure one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.keys import all_key_words

MAX_DEPTH = 64
_DUPLICATE = "\x00duplicate"
MAX_ALIAS_NODES = 10_000


@dataclass(slots=True)
class YScalar:
    text: str | None  # None for an empty plain value (`key:`)
    line: int
    col: int


@dataclass(slots=True)
class YSeq:
    items: list[YNode]
    line: int
    col: int


@dataclass(slots=True)
class YMap:
    # Keys are kept with their own positions; values follow in order.
    entries: list[tuple[YScalar, YNode]] = field(default_factory=list)
    line: int = 0
    col: int = 0


YNode = YScalar | YSeq | YMap


def kind_of(node: YNode) -> dict[str, str]:
    """How to name a node's kind in a message, in both languages."""
    if isinstance(node, YMap):
        return {"zh": "“键: 值”的结构", "en": "a mapping"}
    if isinstance(node, YSeq):
        return {"zh": "列表", "en": "a list"}
    if node.text is None:
        return {"zh": "空值", "en": "empty"}
    return {"zh": f"文字“{node.text}”", "en": f"the text '{node.text}'"}


class YamlProblem(Exception):
    """A located reason why a document could not be read."""

    def __init__(self, code: str, line: int, col: int, params: dict[str, object]) -> None:
        super().__init__(code)
        self.code, self.line, self.col, self.params = code, line, col, params


# A key written with a full-width colon: `名称：值` or `- 名称：值` where no ASCII colon
# follows the key. Only letters count as the key, so `其他：办税服务厅` inside a
# list of channels (after "- " with nothing else) is flagged only when it stands
# where a key must be; see _looks_like_key_line.
_FW_KEY = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff（）()]*)：")


def prescan(text: str, path: str) -> tuple[list[Diagnostic], str]:
    """Find the typing mistakes that break YAML structure before the parser sees them.

    Returns the diagnostics and the text with those mistakes mended in memory, so
    the rest of the file can still be checked in the same run.
    """
    diags: list[Diagnostic] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        lineno = index + 1
        stripped = line.lstrip(" \t\u3000")
        lead = line[: len(line) - len(stripped)]
        if "\t" in lead:
            diags.append(Diagnostic("JXS005", path, lineno, lead.index("\t") + 1))
        if "\u3000" in lead:
            diags.append(Diagnostic("JXS004", path, lineno, lead.index("\u3000") + 1))
        if lead.strip(" "):
            line = lead.replace("\t", "  ").replace("\u3000", " ") + stripped
        if stripped and not stripped.startswith("#"):
            m = _FW_KEY.match(line)
            if m and _looks_like_key_line(line, m):
                diags.append(Diagnostic("JXS003", path, lineno, m.end("key") + 1, {"key": m.group("key")}))
                line = line[: m.end("key")] + ": " + line[m.end():].lstrip(" ")
        lines[index] = line
    return diags, "\n".join(lines) if diags else text


def _looks_like_key_line(line: str, m: re.Match[str]) -> bool:
    after = line[m.end():]
    head = line[: m.end()]
    if ":" in head:
        return False
    # `- 其他：办税服务厅` in a list is a value, not a key; a key line has no dash
    # or has further text that reads as a value after the colon.
    if m.group("indent").strip().startswith("-"):
        return m.group("key") in _KNOWN_KEY_WORDS
    return ": " not in after or m.group("key") in _KNOWN_KEY_WORDS


# Every key and alias a clerk may write.
_KNOWN_KEY_WORDS: frozenset[str] = frozenset(all_key_words())


def parse(text: str, problems: list[YamlProblem] | None = None) -> YNode | None:
    """Parse one YAML document into a located tree; raise YamlProblem when impossible.

    Problems that leave the tree usable (a duplicate key: the first one is kept)
    are appended to `problems` instead of stopping the parse.
    """
    stack: list[YMap | YSeq] = []
    pending_key: list[YScalar | None] = []  # per open mapping: the key awaiting its value
    anchors: dict[str, tuple[YNode, int]] = {}
    anchor_open: list[tuple[str, YMap | YSeq, int]] = []
    node_count = 0
    alias_budget = MAX_ALIAS_NODES
    root: YNode | None = None
    seen_keys: list[dict[str, int]] = []
    documents = 0

    def attach(node: YNode, size: int) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, YSeq):
            parent.items.append(node)
            return
        key = pending_key[-1]
        if key is None:
            if not isinstance(node, YScalar):
                raise YamlProblem("JXS002", node.line, node.col, {"problem": {
                    "zh": "键只能是文字，不能是列表或映射", "en": "a key must be text"}})
            pending_key[-1] = node
            first = seen_keys[-1].get(node.text or "")
            if first is not None:
                dup = YamlProblem("JXS006", node.line, node.col, {"key": node.text or "", "first_line": first})
                if problems is None:
                    raise dup
                problems.append(dup)
                node.text = _DUPLICATE  # its value is parsed, then dropped
            else:
                seen_keys[-1][node.text or ""] = node.line
        else:
            if key.text is not _DUPLICATE:
                parent.entries.append((key, node))
            pending_key[-1] = None

    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            if isinstance(event, yaml.ScalarEvent):
                node_count += 1
                value: str | None = event.value
                if value == "" and event.implicit[0] and event.style is None:
                    value = None
                scalar = YScalar(value, line, col)
                if event.anchor:
                    anchors[event.anchor] = (scalar, 1)
                attach(scalar, 1)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                node_count += 1
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem("JXS008", line, col, {"limit": MAX_DEPTH})
                coll: YMap | YSeq = YMap([], line, col) if isinstance(event, yaml.MappingStartEvent) else YSeq([], line, col)
                attach(coll, 1)
                stack.append(coll)
                if isinstance(coll, YMap):
                    pending_key.append(None)
                    seen_keys.append({})
                if event.anchor:
                    anchor_open.append((event.anchor, coll, node_count))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                closed = stack.pop()
                if isinstance(closed, YMap):
                    pending_key.pop()
                    seen_keys.pop()
                if anchor_open and anchor_open[-1][1] is closed:
                    name, node, start = anchor_open.pop()
                    anchors[name] = (node, node_count - start + 1)
            elif isinstance(event, yaml.AliasEvent):
                target = anchors.get(event.anchor or "")
                if target is None:
                    raise YamlProblem("JXS002", line, col, {"problem": {
                        "zh": f"找不到锚点 &{event.anchor}", "en": f"no anchor &{event.anchor}"}})
                aliased, size = target
                node_count += size  # expansions count, so nested aliases add up
                alias_budget -= size
                if alias_budget < 0:
                    raise YamlProblem("JXS007", line, col, {"limit": MAX_ALIAS_NODES})
                attach(aliased, size)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem("JXS002", line, col, {"problem": {
                        "zh": "一个文件只能有一个文档（不要用“---”分隔多个）",
                        "en": "one document per file (no '---' separators)"}})
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last_line = len(text.rstrip().split("\n"))
        if exc.context_mark is not None and (mark is None or mark.line + 1 > last_line):
            mark = exc.context_mark  # an unclosed bracket or quote: point where it opened
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if "nesting depth" in (exc.problem or ""):  # libyaml's own limit, in newer builds
            raise YamlProblem("JXS008", line, col, {"limit": MAX_DEPTH}) from None
        raise YamlProblem("JXS002", line, col, {"problem": _explain(exc)}) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("JXS002", 0, 0, {"problem": str(exc)}) from None
    return root


_PROBLEMS_ZH = {
    "mapping values are not allowed here": "这里不能出现“键: 值”（常见原因：上一行缩进不对，或值里含有“: ”需要加引号）",
    "could not find expected ':'": "找不到键后面的英文冒号“:”",
    "found character '\\t' that cannot start any token": "出现了制表符（Tab），请改成空格",
    "expected <block end>, but found '-'": "列表项“- ”的缩进与上文不一致",
    "did not find expected key": "缩进不一致，找不到预期的键",
    "found undefined alias": "使用了未定义的别名",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "found unknown escape character": "双引号内有无法识别的反斜杠转义，请改用单引号",
    "expected ',' or ']', but got": "方括号列表 [ ] 没有正确闭合",
    "expected ',' or '}', but got": "花括号 { } 没有正确闭合",
    "while scanning a quoted scalar": "引号没有闭合",
}


def _explain(exc: yaml.MarkedYAMLError) -> dict[str, str]:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    zh = next((v for k, v in _PROBLEMS_ZH.items() if problem.startswith(k) or context.startswith(k)), None)
    en = problem or context or "unreadable YAML"
    return {"zh": zh or f"无法解析（{en}）", "en": en}
