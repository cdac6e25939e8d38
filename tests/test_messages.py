"""The message catalogue: every code is emitted somewhere, every sentence lives in messages.py."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from jxs_catalog import messages as M
from tests.conftest import REPO, run

CODE = REPO / "jxs_catalog"
# Codes kept in the catalogue although nothing emits them, with the reason (none at present).
RESERVED: dict[str, str] = {}


def _sources() -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in sorted(CODE.rglob("*.py")) if p.name != "messages.py"}


def test_every_code_is_emitted_or_reserved() -> None:
    emitted = {c for text in _sources().values() for c in re.findall(r"\bJXS\d{3}\b", text)}
    assert sorted(set(M.MESSAGES) - emitted - set(RESERVED)) == []
    assert sorted(emitted - set(M.MESSAGES)) == []


def test_no_sentence_outside_the_catalogue() -> None:
    """Both languages side by side in code is the sign of a sentence that escaped the catalogue."""
    found = [f"{p.relative_to(REPO)}:{n}" for p, text in _sources().items()
             for n, line in enumerate(text.splitlines(), 1) if re.search(r"""["']zh["']\s*:""", line)]
    assert found == []


def test_every_key_named_in_code_is_in_the_catalogue() -> None:
    named = {k for text in _sources().values()
             for k in re.findall(r"""\b(?:phrase|say|_help)\(\s*["']([a-z][\w.-]*)["']""", text)}
    assert sorted(k for k in named if k not in M.WORDS and k not in M.PROBLEMS) == []


def _names(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("table", ["MESSAGES", "WORDS", "PROBLEMS"])
def test_every_template_formats_in_both_languages(table: str) -> None:
    for key, entry in getattr(M, table).items():
        zh, en = entry[-2:]
        values = dict.fromkeys(_names(zh) | _names(en), "x")
        assert zh.format(**values) and en.format(**values), key


def test_a_phrase_is_put_into_words_when_shown() -> None:
    hint = M.phrase("hint.did-you-mean", guess="政府网站")
    assert M.render_message("JXS107", {"key": "channels", "value": "政府网", "hint": hint, "choices": "…"},
                            "en").startswith("'政府网' is not an allowed value of 'channels'. Did you mean '政府网站'?")
    assert "是不是“政府网站”？" in M.render_message("JXS107", {"key": "channels", "value": "政府网", "hint": hint,
                                                            "choices": "…"})
    with pytest.raises(KeyError):
        M.phrase("no.such-key")


@pytest.mark.parametrize(("args", "env", "expected", "absent"), [
    (["validate", "--help"], {}, "检查目录文件", "Check catalog files"),
    (["validate", "--lang", "en", "--help"], {}, "Check catalog files", "检查目录文件"),
    (["--lang", "en", "build", "--help"], {}, "output folder (default out/)", "输出目录"),
    (["diff", "--help"], {"JXS_LANG": "en"}, "Compare two versions", "比较两个版本"),
    (["--help"], {}, "编制工具", "compiles the standard"),
    (["--lang", "en", "--help"], {}, "Show the version and exit.", "显示版本号"),
    (["--version"], {"JXS_LANG": "en"}, "jxs, version", "版本"),
    (["--version"], {}, "jxs，版本", "version"),
])
def test_help_is_in_the_language_the_command_line_asks_for(args: list[str], env: dict[str, str], expected: str,
                                                           absent: str) -> None:
    result = run(*args, env=env)
    assert result.exit_code == 0
    assert expected in result.output and absent not in result.output


@pytest.mark.parametrize("table", ["MESSAGES", "WORDS", "PROBLEMS"])
def test_both_languages_take_the_same_placeholders(table: str) -> None:
    differ = {key: (sorted(_names(entry[-2])), sorted(_names(entry[-1])))
              for key, entry in getattr(M, table).items() if _names(entry[-2]) != _names(entry[-1])}
    assert differ == {}


def test_every_entry_has_both_languages() -> None:
    for table in (M.MESSAGES, M.WORDS, M.PROBLEMS):
        for key, entry in table.items():
            zh, en = entry[-2:]
            assert zh.strip() and en.strip(), key


def test_every_key_of_the_catalogue_is_used() -> None:
    """A sentence nobody says is dead weight: every key is named in code (or built from a named prefix)."""
    text = "\n".join(_sources().values())
    named = set(re.findall(r"""["']([a-z][\w.-]*)["']""", text))
    catalogue = (CODE / "messages.py").read_text("utf-8")
    prefixes = tuple(re.findall(r"""f["']([a-z][\w-]*[.-])\{""", text + catalogue))
    unused = [k for k in (*M.WORDS, *M.PROBLEMS) if k not in named and not k.startswith(prefixes)]
    assert unused == []
