"""Syntax errors as a clerk makes them: the line of the mistake and Chinese that names it."""

from __future__ import annotations

import re

import pytest

from jxs_catalog.keys import all_key_words
from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.loading.yamlerrors import wording

# The problem wordings of libyaml (first) and PyYAML's pure parser, as they raise them.
PARSER_WORDINGS = (
    "block sequence entries are not allowed in this context", "could not find expected ':'",
    "could not find expected directive name", "did not find URI escaped octet", "did not find expected '!'",
    "did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
    "did not find expected <document start>", "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character", "did not find expected comment or line break",
    "did not find expected digit or '.' character", "did not find expected hexdecimal number",
    "did not find expected key", "did not find expected node content", "did not find expected tag URI",
    "did not find expected version number", "did not find expected whitespace",
    "did not find expected whitespace or line break", "did not find the expected '>'",
    "found a tab character that violates indentation", "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0", "found character that cannot start any token",
    "found duplicate %TAG directive", "found duplicate %YAML directive", "found extremely long version number",
    "found incompatible YAML document", "found invalid Unicode character escape code", "found undefined tag handle",
    "found unexpected ':'", "found unexpected document indicator", "found unexpected end of stream",
    "found unexpected non-alphabetical character", "found unknown directive name", "found unknown escape character",
    "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "control characters are not allowed",
    "mapping keys are not allowed in this context", "mapping values are not allowed in this context",
    "expected ',' or ']', but got '<scalar>'", "expected <block end>, but found '-'",
    "expected alphabetic or numeric character, but found '本'", "expected the node content, but found ':'",
    "found character '\\t' that cannot start any token", "mapping values are not allowed here",
    "expected a comment or a line break, but found 'x'", "found undefined alias 'x'",
    "expected a single document in the stream", "found unknown escape character 'q'",
)


@pytest.mark.parametrize("problem", PARSER_WORDINGS)
def test_every_parser_wording_has_its_own_chinese(problem: str) -> None:
    text = wording(problem).render("zh")
    assert re.search(r"[\u4e00-\u9fff]", text)
    words = set(re.findall(r"[A-Za-z]{3,}", text)) - {"YAML", "UTF", "Tab"} - all_key_words()
    assert not words, text
    assert text != wording("").render("zh"), f"{problem!r} falls back to the generic text"


BROKEN = [
    # (text, line, words the message must hold)
    ("name: 甲\nvillages:\n  - 柳沟村\n  新庄村\n\n# 注释\nnote: x\n", 4, "“新庄村”前面少了“- ”"),
    ("name: 甲\nnote: x\nsubject: \"甲乡人民政府\nreviewed: \"2026-01-01\"\ncode: x\n", 3, "第 3 行的英文双引号没有闭合"),
    ("name: 甲\nnote: '甲乡\nsubject: 乙\n", 2, "单引号没有闭合"),
    ("name: 甲\nnote: &甲\n", 2, "以“&”开头"),
    ("name: 甲\nnote: !甲\n", 2, "以“!”开头"),
    ("name: 甲\nnote: %甲\n", 2, "以“%”开头"),
    ("name: 甲\nnote: `甲`\n", 2, "以“`”开头"),
    ("name: 甲\nnote: >甲\nx: 1\n", 2, "以“>”开头"),
    ("name: 甲\n  code: 乙\n", 2, "多缩进了"),
    ("name: 甲\nexclusions:\n  - domain: a\n    reason: b\n   - domain: c\n", 5, "对不齐"),
    ("name: 甲\nvillages: {甲: 1\nnote: x\n", 2, "花括号"),
    ("name: 甲\nnote: \"a\\q\"\n", 2, "反斜杠"),
    ("name: 甲\nnote: a\n---\nname: 乙\n", 3, "文档"),
    ("name: 甲\nnote: \"甲\" 乙\n", 2, "引号"),
    # A bracket left open at the end of the file: named where it opens, not past the last line.
    ("domain: 测试\nitems:\n  - name: x\n    content: [\n", 4, "方括号"),
    ("domain: 测试\nitems:\n  - name: x\n    channels: [政府网站,\n      公开查阅点\n", 4, "方括号"),
    ("name: 甲\nvillages:\n  - {name: 新庄村, code: 1\n", 3, "花括号"),
]


@pytest.mark.parametrize(("text", "line", "words"), BROKEN)
def test_syntax_mistakes_are_named_at_their_line(text: str, line: int, words: str) -> None:
    _, diags = parse_bytes(text.encode("utf-8"), "t.yaml")
    assert diags, text
    d = diags[0]
    zh = d.message("zh")
    assert (d.line, words in zh) == (line, True), (d.line, zh)
    assert not re.search(r"\b(?:found|expected|while|could|mapping|allowed)\b", zh), zh
