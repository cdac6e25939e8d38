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

Text = dict[str, str]

# Characters that YAML reads as syntax when a value starts with them.
SPECIAL_STARTS = "*&@!%`|>"

# The parser's problem wordings (libyaml first, then PyYAML's) and what they mean.
_PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("could not find expected ':'",),
     "这一行既不是“键: 值”，也不是以“- ”开头的列表项：键后面要写英文冒号和一个空格，列表项前面要写“- ”",
     "this line is neither 'key: value' nor a list entry starting with '- '"),
    (("mapping values are not allowed",),
     "这里不能出现“键: 值”：这一行可能比上一行多缩进了，或者值里有“: ”（那样就要给整个值加英文引号）",
     "a 'key: value' cannot stand here: this line may be indented too far, or a value holds ': ' and needs quotes"),
    (("mapping keys are not allowed",),
     "这里不能出现以“?”开头的键：请删除问号，或者给这个值加英文引号",
     "a key starting with '?' cannot stand here: remove it or quote the value"),
    (("block sequence entries are not allowed",),
     "这里不能出现以“- ”开头的列表项：请把“- ”换到下一行并缩进，或者检查这一行的缩进",
     "a list entry '- ' cannot stand here: move it to its own line or check the indentation"),
    (("did not find expected key", "expected <block end>"),
     "这一行的缩进与上面的键对不齐：同一层的键要左端对齐，只用空格缩进",
     "this line's indentation does not match the keys above it: keys of one level start in the same column"),
    (("did not find expected '-' indicator",),
     "列表项的缩进对不齐：同一个列表的每一项都以“- ”开头，并且左端对齐",
     "the list entries are not aligned: each entry of one list starts with '- ' in the same column"),
    (("did not find expected ',' or ']'", "expected ',' or ']'"),
     "方括号 [ ] 没有闭合，或者里面用了中文逗号：写成 [甲, 乙]，用英文逗号和英文方括号",
     "the square brackets [ ] are not closed or hold a full-width comma: write [a, b]"),
    (("did not find expected ',' or '}'", "expected ',' or '}'"),
     "花括号 { } 没有闭合，或者里面用了中文逗号：写成 {name: 新庄村, kind: 村}，用英文逗号和英文花括号",
     "the braces { } are not closed or hold a full-width comma: write {name: a, kind: b}"),
    (("did not find expected node content", "expected the node content"),
     "这里缺少内容：请在“- ”或“键:”后面写上值",
     "a value is missing after '- ' or 'key:'"),
    (("found unexpected end of stream",),
     "文件在引号或括号闭合之前就结束了：请补上缺少的英文引号或括号",
     "the file ends before a quote or bracket is closed"),
    (("found unknown escape character", "did not find expected hexdecimal number",
      "found invalid Unicode character escape code", "expected escape sequence of"),
     "英文双引号里的反斜杠“\\”不能这样用：请把双引号换成单引号，或者删掉反斜杠",
     "a backslash inside double quotes starts an escape: use single quotes or remove the backslash"),
    (("found a tab character", "found character '\\t'"),
     "这里有制表符（Tab）：YAML 只能用空格，请把 Tab 换成空格",
     "there is a tab here: YAML uses spaces only"),
    (("did not find expected comment or line break", "expected a comment or a line break"),
     "引号或“|”“>”后面这一行还有别的文字：请把整个值放进一对英文引号里",
     "more text follows a closing quote or '|'/'>': put the whole value inside one pair of quotes"),
    (("did not find expected <document start>", "expected '<document start>'", "expected a single document",
      "expected nothing after", "expected DOCUMENT", "did not find expected <stream-start>", "expected STREAM"),
     "文件里有多余的部分（可能是“---”或“...”分隔线）：一个文件只写一份目录，请删除分隔线",
     "the file holds more than one document (a '---' or '...' line): keep one"),
    (("found unexpected document indicator", "found unexpected document separator"),
     "值里的“---”或“...”会被当作文档分隔线：请给这个值加英文引号",
     "'---' or '...' in a value reads as a document separator: quote the value"),
    (("found undefined alias",),
     "以“*”开头的值会被当作别名：请给这个值加英文引号",
     "a value starting with '*' reads as an alias: quote it"),
    (("found an indentation indicator equal to 0", "expected indentation indicator",
      "expected chomping or indentation indicators"),
     "“|”或“>”后面只能写数字 1–9 或“+”“-”：如果这是正文，请给值加英文引号",
     "'|' or '>' may be followed only by 1-9, '+' or '-': quote the value if it is text"),
    (("found unexpected ':'",),
     "冒号“:”的位置不对：如果值里有冒号，请给整个值加英文引号",
     "a ':' stands where it cannot: quote a value that contains a colon"),
    (("found incorrect", "found an incorrect", "invalid leading UTF-8", "invalid trailing UTF-8",
      "invalid length of a UTF-8", "invalid Unicode character", "unexpected low surrogate",
      "control characters are not allowed", "unacceptable character"),
     "文件里有无法识别的字符：请用记事本“另存为”，编码选 UTF-8 后再检查",
     "the file holds characters that cannot be read: save it as UTF-8 again"),
    (("did not find expected alphabetic or numeric character", "expected alphabetic or numeric character",
      "found character that cannot start any token", "did not find expected whitespace", "expected ' '",
      "did not find expected tag URI", "did not find URI escaped octet", "did not find expected '!'",
      "did not find the expected '>'", "expected '!'", "expected '>'", "expected URI",
      "found undefined tag handle", "found non-specific tag", "found duplicate", "found incompatible",
      "found unknown directive name", "could not find expected directive name",
      "did not find expected version number", "did not find expected digit", "expected a digit",
      "found extremely long version number", "found unexpected non-alphabetical character",
      "found character"),
     "这一行的值以 YAML 的特殊符号开头：请给整个值加英文引号",
     "this value starts with a YAML symbol: put it in quotes"),
)

_FALLBACK = ("无法读懂这一行的结构：请检查缩进（只用空格）、冒号（英文冒号后空一格）和引号是否成对",
             "the structure of this line cannot be read: check the indentation, colons and quotes")

# Contexts where the parser's context mark, not its problem mark, shows the mistake.
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar", "while scanning a double-quoted",
               "while scanning an alias", "while scanning an anchor", "while scanning a tag",
               "while scanning a block scalar", "while parsing a flow sequence", "while parsing a flow mapping")


@dataclass(frozen=True, slots=True)
class Located:
    line: int
    col: int
    problem: Text


def wording(problem: str) -> Text:
    """The Chinese (and English) for one of the parser's problem wordings."""
    for prefixes, zh, en in _PROBLEMS:
        if problem.startswith(prefixes):
            return {"zh": zh, "en": en}
    return {"zh": _FALLBACK[0], "en": _FALLBACK[1]}


def explain(exc: yaml.MarkedYAMLError, text: str) -> Located:
    """Where the mistake behind a parser error stands, and what it is."""
    lines = text.split("\n")
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    pmark, cmark = exc.problem_mark, exc.context_mark
    pline = pmark.line + 1 if pmark else 1
    found = _unclosed_quote(lines, pline)
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
            zh_q, en_q = ("双引号", "double quote") if quote == '"' else ("单引号", "single quote")
            return Located(index + 1, m.end("lead") + 1, {
                "zh": f"第 {index + 1} 行的英文{zh_q}没有闭合：请在值的末尾补上一个 {quote}",
                "en": f"the {en_q} opened on line {index + 1} is not closed: add {quote} at the end of the value"})
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
    return Located(line, at + 1, {
        "zh": f"括号里用了中文的“{mark}”：请换成英文{'逗号“,”' if mark == '，' else '冒号“:”'}，后面空一格",
        "en": "a full-width comma or colon inside the brackets: use the ASCII one followed by a space"})


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
    return Located(line, m.end("lead") + 1, {
        "zh": "引号闭合以后这一行还有文字：整个值都要放在一对英文引号里面（或者去掉引号）",
        "en": "text follows the closing quote: put the whole value inside one pair of quotes"})


def _special_start(lines: list[str], line: int, col: int, row: str, problem: str, context: str) -> Located | None:
    """A value starting with *, &, !, @, %, `, | or > is read as YAML syntax."""
    m = re.match(r"^(\s*(?:-\s+)*(?:[^\s#][^#]*?:\s+)?)(\S.*)$", row)
    if not m or m.group(2)[0] not in SPECIAL_STARTS:
        return None
    if m.group(2)[0] in "|>" and not context.startswith("while scanning a block scalar"):
        return None
    value = m.group(2).rstrip()
    short = value if len(value) <= 12 else value[:12] + "…"
    return Located(line, len(m.group(1)) + 1, {
        "zh": f"值“{short}”以“{value[0]}”开头，YAML 会把它当作特殊符号：请给整个值加英文引号，写成 \"{short}\"",
        "en": f"the value '{short}' starts with '{value[0]}', which YAML reads as syntax: put it in double quotes"})


_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"\-][^\s:#]*):(?=[^\s/])")


def _missing_space_or_dash(lines: list[str], line: int, col: int, row: str, problem: str,
                           context: str) -> Located | None:
    if not context.startswith("while scanning a simple key"):
        return None
    m = _KEY_NO_SPACE.match(row)
    if m:
        key = m.group("key")
        return Located(line, m.end("key") + 1, {
            "zh": f"“{key}:”后面要空一格：冒号和值之间加一个空格，写成“{key}: …”",
            "en": f"put a space after '{key}:'"})
    body = row.strip()
    if body and ":" not in body and not body.startswith("-"):
        indent = len(row) - len(row.lstrip(" "))
        shown = body if len(body) <= 12 else body[:12] + "…"
        if _neighbour_is_entry(lines, line, indent):
            return Located(line, indent + 1, {
                "zh": f"“{shown}”前面少了“- ”：列表的每一项都以“- ”开头（短横线后空一格）",
                "en": f"'{shown}' lacks its '- ': each list entry starts with a dash and a space"})
        return Located(line, indent + 1, {
            "zh": f"“{shown}”这一行既没有“键: ”也没有“- ”：列表项前面加“- ”，接着上一行写的内容请移到上一行末尾",
            "en": f"'{shown}' has neither 'key: ' nor '- ': add '- ' for a list entry or join it to the line above"})
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
    return Located(first + 1, indent + 1, {
        "zh": f"“{shown}”这一组前面少了以“- ”开头的一行：列表的每一条都以“- ”开头（例如“- domain: …”），请补上",
        "en": f"the block starting '{shown}' lacks the line starting with '- ' above it (e.g. '- domain: ...')"})


def _colon_in_value(lines: list[str], line: int, col: int, row: str, problem: str, context: str) -> Located | None:
    """`note: 时间: 2024` — a second ': ' on a line makes the value look like a key."""
    if not problem.startswith("mapping values are not allowed"):
        return None
    head = row[: max(col - 1, 0)]
    if re.match(r"^\s*(?:-\s+)?[^\s#][^#]*?:\s+\S", head):
        return Located(line, col, {
            "zh": "值里有“: ”（英文冒号加空格），会被当作又一个键：请给整个值加英文引号，或把它改成中文冒号“：”",
            "en": "the value holds ': ', which reads as another key: quote the value"})
    indent = len(row) - len(row.lstrip(" "))
    return Located(line, indent + 1, {
        "zh": "这一行比上一行多缩进了：同一层的键要左端对齐（如果上一行的值写到了这一行，请把它接回上一行）",
        "en": "this line is indented further than the line above: keys of one level start in the same column"})
