"""Say what a YAML syntax error is, in Chinese, at the line where the clerk made it.

The parser stops where it notices trouble, which is often a few lines after the
mistake: an unclosed quote is noticed at the next quote, a list entry without
`- ` at the next key. So the file's own lines are read to find the mistake
itself; the parser's words (libyaml's or PyYAML's) only choose the explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from jxs_catalog.messages import Phrase, phrase

# Characters that YAML reads as syntax when a value starts with them.
SPECIAL_STARTS = "*&@!%`|>"

# The parser's problem wordings (libyaml first, then PyYAML's) and the key of their explanation.
_PROBLEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("could not find expected ':'",),
     "yaml.neither-key-nor-entry"),
    (("mapping values are not allowed",),
     "yaml.mapping-here"),
    (("mapping keys are not allowed",),
     "yaml.question-key"),
    (("block sequence entries are not allowed",),
     "yaml.entry-here"),
    (("did not find expected key", "expected <block end>"),
     "yaml.indent"),
    (("did not find expected '-' indicator",),
     "yaml.list-indent"),
    (("did not find expected ',' or ']'", "expected ',' or ']'"),
     "yaml.bracket"),
    (("did not find expected ',' or '}'", "expected ',' or '}'"),
     "yaml.brace"),
    (("did not find expected node content", "expected the node content"),
     "yaml.missing-value"),
    (("found unexpected end of stream",),
     "yaml.unclosed"),
    (("found unknown escape character", "did not find expected hexdecimal number",
      "found invalid Unicode character escape code", "expected escape sequence of"),
     "yaml.escape"),
    (("found a tab character", "found character '\\t'"),
     "yaml.tab"),
    (("did not find expected comment or line break", "expected a comment or a line break"),
     "yaml.text-after"),
    (("did not find expected <document start>", "expected '<document start>'", "expected a single document",
      "expected nothing after", "expected DOCUMENT", "did not find expected <stream-start>", "expected STREAM"),
     "yaml.several-documents"),
    (("found unexpected document indicator", "found unexpected document separator"),
     "yaml.document-marker"),
    (("found undefined alias",),
     "yaml.alias"),
    (("found an indentation indicator equal to 0", "expected indentation indicator",
      "expected chomping or indentation indicators"),
     "yaml.block-indicator"),
    (("found unexpected ':'",),
     "yaml.colon"),
    (("found incorrect", "found an incorrect", "invalid leading UTF-8", "invalid trailing UTF-8",
      "invalid length of a UTF-8", "invalid Unicode character", "unexpected low surrogate",
      "control characters are not allowed", "unacceptable character"),
     "yaml.bad-characters"),
    (("did not find expected alphabetic or numeric character", "expected alphabetic or numeric character",
      "found character that cannot start any token", "did not find expected whitespace", "expected ' '",
      "did not find expected tag URI", "did not find URI escaped octet", "did not find expected '!'",
      "did not find the expected '>'", "expected '!'", "expected '>'", "expected URI",
      "found undefined tag handle", "found non-specific tag", "found duplicate", "found incompatible",
      "found unknown directive name", "could not find expected directive name",
      "did not find expected version number", "did not find expected digit", "expected a digit",
      "found extremely long version number", "found unexpected non-alphabetical character",
      "found character"),
     "yaml.special-start"),
)

# Contexts where the parser's context mark, not its problem mark, shows the mistake.
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar", "while scanning a double-quoted",
               "while scanning an alias", "while scanning an anchor", "while scanning a tag",
               "while scanning a block scalar", "while parsing a flow sequence", "while parsing a flow mapping")


@dataclass(frozen=True, slots=True)
class Located:
    line: int
    col: int
    problem: Phrase


def wording(problem: str) -> Phrase:
    """The explanation of one of the parser's problem wordings."""
    for prefixes, key in _PROBLEMS:
        if problem.startswith(prefixes):
            return phrase(key)
    return phrase("yaml.other")


def explain(exc: yaml.MarkedYAMLError, text: str) -> Located:
    """Where the mistake behind a parser error stands, and what it is."""
    lines = text.split("\n")
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    pmark, cmark = exc.problem_mark, exc.context_mark
    pline = pmark.line + 1 if pmark else 1
    found = _unclosed_quote(lines, pline) or _unclosed_flow(lines, pline)
    if found is not None:
        return found
    use_context = cmark is not None and (context.startswith(_AT_CONTEXT) or pmark is None)
    mark = cmark if use_context else pmark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    for rule in (_fullwidth_in_brackets, _text_after_quote, _special_start, _missing_space_or_dash, _orphan_entry, _colon_in_value):
        found = rule(lines, line, col, row, problem, context)
        if found is not None:
            return found
    return Located(line, col, wording(problem))


_VALUE_START = re.compile(r"^(?P<lead>\s*(?:-\s+)*(?:[^\s#'\"][^#]*?:\s+)?)(?P<q>[\"'])")


def _unclosed_quote(lines: list[str], upto: int) -> Located | None:
    """The first line, up to the parser's, whose value opens a quote that the line never closes."""
    for index in range(min(upto, len(lines))):
        row = lines[index]
        if row.lstrip().startswith("#"):
            continue
        m = _VALUE_START.match(row)
        if not m:
            continue
        quote, rest = m.group("q"), row[m.end():]
        closed = rest.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in closed:
            kind = phrase("yaml.double-quote" if quote == '"' else "yaml.single-quote")
            return Located(index + 1, m.end("lead") + 1, phrase("yaml.unclosed-quote", line=index + 1, kind=kind,
                                                                 quote=quote))
    return None


_FLOW_START = re.compile(r"^(?P<lead>\s*(?:-\s+)*(?:[^\s#'\"\[{][^#]*?:\s+)?)(?P<bracket>[\[{])")


def _unclosed_flow(lines: list[str], upto: int) -> Located | None:
    """A `[` or `{` opening a value on a line up to the parser's that is still open at the end of the file.

    The parser only notices at the end of the file, past the last line, so the clerk is
    sent to the bracket itself.
    """
    index = 0
    while index < min(upto, len(lines)):
        m = _FLOW_START.match(lines[index])
        if not m or lines[index].lstrip().startswith("#"):
            index += 1
            continue
        closed_on = _flow_end(lines, index, m.start("bracket"))
        if closed_on is None:
            key = "yaml.bracket" if m.group("bracket") == "[" else "yaml.brace"
            return Located(index + 1, m.start("bracket") + 1, phrase(key))
        index = closed_on + 1
    return None


def _flow_end(lines: list[str], first: int, col: int) -> int | None:
    """The line on which the bracket at (first, col) closes, skipping quoted text and comments."""
    depth, quote = 0, ""
    for index in range(first, len(lines)):
        row = lines[index]
        start = col if index == first else 0
        i = start
        while i < len(row):
            ch = row[i]
            if quote:
                if quote == '"' and ch == "\\":
                    i += 1
                elif ch == quote and not (quote == "'" and row[i + 1:i + 2] == "'"):
                    quote = ""
                elif ch == quote:
                    i += 1  # '' inside single quotes is one quote
            elif ch in "'\"" and (i == start or row[i - 1] in " \t[{,:"):
                quote = ch  # a quote opens text only where a value starts; it's in a plain word
            elif ch == "#" and (i == 0 or row[i - 1] in " \t"):
                break
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return index
            i += 1
    return None


def _fullwidth_in_brackets(lines: list[str], line: int, col: int, row: str, problem: str,
                           context: str) -> Located | None:
    """`{name: 新庄村，code: …}`: a full-width comma or colon inside brackets on the line."""
    if not context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")):
        return None
    opened = row.find("{" if "mapping" in context else "[", max(col - 1, 0))
    at = next((i for i in range(max(opened, 0), len(row)) if row[i] in "，："), -1)
    if opened < 0 or at < 0:
        return None
    mark = row[at]
    return Located(line, at + 1, phrase("yaml.fullwidth-comma" if mark == "，" else "yaml.fullwidth-colon"))


def _text_after_quote(lines: list[str], line: int, col: int, row: str, problem: str,
                      context: str) -> Located | None:
    """`name: "柳沟乡"人民政府`: text after the closing quote."""
    m = _VALUE_START.match(row)
    if not m:
        return None
    quote = m.group("q")
    end = row.find(quote, m.end())
    after = row[end + 1:].strip() if end >= 0 else ""
    if not after or after.startswith("#") or after.startswith((",", "]", "}")):
        return None
    return Located(line, m.end("lead") + 1, phrase("yaml.text-after-quote"))


def _special_start(lines: list[str], line: int, col: int, row: str, problem: str, context: str) -> Located | None:
    """A value starting with *, &, !, @, %, `, | or > is read as YAML syntax."""
    m = re.match(r"^(\s*(?:-\s+)*(?:[^\s#][^#]*?:\s+)?)(\S.*)$", row)
    if not m or m.group(2)[0] not in SPECIAL_STARTS:
        return None
    if m.group(2)[0] in "|>" and not context.startswith("while scanning a block scalar"):
        return None
    value = m.group(2).rstrip()
    short = value if len(value) <= 12 else value[:12] + "…"
    return Located(line, len(m.group(1)) + 1, phrase("yaml.starts-with-symbol", value=short, symbol=value[0]))


_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"\-][^\s:#]*):(?=[^\s/])")


def _missing_space_or_dash(lines: list[str], line: int, col: int, row: str, problem: str,
                           context: str) -> Located | None:
    if not context.startswith("while scanning a simple key"):
        return None
    m = _KEY_NO_SPACE.match(row)
    if m:
        key = m.group("key")
        return Located(line, m.end("key") + 1, phrase("yaml.colon-space", key=key))
    body = row.strip()
    if body and ":" not in body and not body.startswith("-"):
        indent = len(row) - len(row.lstrip(" "))
        shown = body if len(body) <= 12 else body[:12] + "…"
        if _neighbour_is_entry(lines, line, indent):
            return Located(line, indent + 1, phrase("yaml.missing-dash", shown=shown))
        return Located(line, indent + 1, phrase("yaml.bare-line", shown=shown))
    return None


def _neighbour_is_entry(lines: list[str], line: int, indent: int) -> bool:
    for step in (-1, 1):
        index = line - 1 + step
        while 0 <= index < len(lines):
            row = lines[index]
            if row.strip() and not row.lstrip().startswith("#"):
                return len(row) - len(row.lstrip(" ")) == indent and row.lstrip().startswith("- ")
            index += step
    return False


def _orphan_entry(lines: list[str], line: int, col: int, row: str, problem: str, context: str) -> Located | None:
    """Keys standing where list entries are expected: the `- ` line above them was deleted."""
    if not problem.startswith(("did not find expected key", "expected <block end>")):
        return None
    if not row.lstrip().startswith("- "):
        return None
    dash = len(row) - len(row.lstrip(" "))
    first = None
    for index in range(line - 2, -1, -1):
        text = lines[index]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent <= dash:
            break
        first = index
    if first is None or lines[first].lstrip().startswith("- "):
        return None
    body = lines[first].strip()
    shown = body if len(body) <= 16 else body[:16] + "…"
    indent = len(lines[first]) - len(lines[first].lstrip(" "))
    return Located(first + 1, indent + 1, phrase("yaml.orphan-entry", shown=shown))


def _colon_in_value(lines: list[str], line: int, col: int, row: str, problem: str, context: str) -> Located | None:
    """`note: 时间: 2024` — a second ': ' on a line makes the value look like a key."""
    if not problem.startswith("mapping values are not allowed"):
        return None
    head = row[: max(col - 1, 0)]
    if re.match(r"^\s*(?:-\s+)?[^\s#][^#]*?:\s+\S", head):
        return Located(line, col, phrase("yaml.colon-in-value"))
    indent = len(row) - len(row.lstrip(" "))
    return Located(line, indent + 1, phrase("yaml.indented-further"))
