"""Read YAML text into a tree that remembers where every key and value stood.

The tree is built from the parser's event stream, not by PyYAML's constructor:
no YAML 1.1 type guessing (every scalar stays the text that was typed), no
recursion (thousands of nesting levels cannot overflow the stack), duplicate
keys are seen at the second key, and alias expansion is counted and bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

try:  # libyaml's parser is several times faster; the pure one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from jxs_catalog.loading.prescan import prescan
from jxs_catalog.loading.yamlerrors import explain, wording
from jxs_catalog.messages import Phrase, phrase

__all__ = ["YMap", "YNode", "YScalar", "YSeq", "YamlProblem", "kind_of", "parse", "prescan"]

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


def kind_of(node: YNode) -> Phrase:
    """How to name a node's kind in a message."""
    if isinstance(node, YMap):
        return phrase("found.mapping")
    if isinstance(node, YSeq):
        return phrase("found.list")
    if node.text is None:
        return phrase("found.empty")
    return phrase("found.text", value=node.text)


class YamlProblem(Exception):
    """A located reason why a document could not be read."""

    def __init__(self, code: str, line: int, col: int, params: dict[str, object]) -> None:
        super().__init__(code)
        self.code, self.line, self.col, self.params = code, line, col, params


_KEEP_ONE = phrase("hint.keep-one")
_NEW_ENTRY = phrase("hint.new-entry")


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
                raise YamlProblem("JXS002", node.line, node.col, {"problem": phrase("yaml.key-not-text")})
            pending_key[-1] = node
            first = seen_keys[-1].get(node.text or "")
            if first is not None:
                in_list = len(stack) > 1 and isinstance(stack[-2], YSeq)
                dup = YamlProblem("JXS006", node.line, node.col, {
                    "key": node.text or "", "first_line": first, "hint": _NEW_ENTRY if in_list else _KEEP_ONE})
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
                    raise YamlProblem("JXS002", line, col, {"problem": phrase("yaml.no-anchor", anchor=event.anchor)})
                aliased, size = target
                node_count += size  # expansions count, so nested aliases add up
                alias_budget -= size
                if alias_budget < 0:
                    raise YamlProblem("JXS007", line, col, {"limit": MAX_ALIAS_NODES})
                attach(aliased, size)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem("JXS002", line, col, {"problem": phrase("yaml.one-document")})
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in (exc.problem or ""):  # libyaml's own limit, in newer builds
            mark = exc.problem_mark
            raise YamlProblem("JXS008", mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                              {"limit": MAX_DEPTH}) from None
        found = explain(exc, text)
        raise YamlProblem("JXS002", found.line, found.col, {"problem": found.problem}) from None
    except yaml.YAMLError:
        raise YamlProblem("JXS002", 1, 1, {"problem": wording("")}) from None
    return root
