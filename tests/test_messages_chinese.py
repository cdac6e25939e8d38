"""No untranslated English reaches a clerk: every message, rendered, is Chinese apart from key
names, quoted values, commands to type, file names and the names of programs."""

from __future__ import annotations

import re
import string

import pytest

from jxs_catalog.keys import all_key_words
from jxs_catalog.messages import MESSAGES, render_message
from tests.test_cases import INVALID, messages

# Words a Chinese message may carry: what the clerk types or sees on screen by that name.
ALLOWED = {
    "YAML", "UTF-", "Latin-", "GB", "Tab", "Excel", "WPS", "TODO", "CI", "BOM", "GBK", "NUL", "MB", "UUID",
    "jxs", "fix", "write", "init", "build", "validate", "check", "http", "https", "s", "o",
    "jxs.yaml", "bases.yaml", "yaml", "xls", "xlsx", "domains/", "out/", "libreoffice", "headless", "convert-to",
    "pip", "install", "xlrd",
} | {w for w in all_key_words() if w.isascii()}


def english_words(text: str) -> set[str]:
    bare = re.sub(r"“[^”]*”|\"[^\"]*\"|'[^']*'|《[^》]*》", "", text)  # quoted values are the clerk's own
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_./\-]*", bare) if w not in ALLOWED}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_rendered_with_sample_values_is_chinese(code: str) -> None:
    template = MESSAGES[code][1]
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    text = render_message(code, {f: "甲" for f in fields}, "zh")
    assert re.search(r"[\u4e00-\u9fff]", text)
    assert not english_words(text), (code, text)
    assert "\n" not in text  # one line each


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_the_messages_of_every_negative_example_are_chinese(path: object) -> None:
    for text in messages(path):  # type: ignore[arg-type]
        assert not english_words(text), (path, text)
        assert "\n" not in text


def test_the_check_finds_english() -> None:
    assert english_words("YAML 格式错误：mapping values are not allowed here") == {
        "mapping", "values", "are", "not", "allowed", "here"}
