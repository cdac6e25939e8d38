"""Reading files: encodings, YAML without type guessing, duplicates, aliases, nesting, hints."""

from __future__ import annotations

import time

import pytest

from jxs_catalog.loading.prescan import prescan
from jxs_catalog.loading.source import decode, parse_bytes
from jxs_catalog.loading.yamltree import YMap, YScalar, YSeq


def codes(data: bytes) -> list[tuple[str, int]]:
    _, diags = parse_bytes(data, "f.yaml")
    return [(d.code, d.line) for d in diags]


def tree(text: str) -> YMap:
    source, diags = parse_bytes(text.encode("utf-8"), "f.yaml")
    assert diags == []
    assert isinstance(source.tree, YMap)
    return source.tree


def test_scalars_stay_the_text_that_was_typed() -> None:
    t = tree("a: NO\nb: 0571\nc: 17:00\nd: 2021-04-28\ne: 1e3\nf: true\ng: ~\n")
    values = {k.text: v.text for k, v in t.entries if isinstance(v, YScalar)}
    assert values == {"a": "NO", "b": "0571", "c": "17:00", "d": "2021-04-28", "e": "1e3", "f": "true", "g": "~"}


def test_positions_of_keys_and_values() -> None:
    t = tree("name: 涉农补贴\nitems:\n  - category: 甲\n")
    key, value = t.entries[1]
    assert (key.line, key.col) == (2, 1)
    assert isinstance(value, YSeq)
    item = value.items[0]
    assert isinstance(item, YMap)
    assert (item.entries[0][1].line, item.entries[0][1].col) == (3, 15)


def test_bom_and_crlf_are_accepted() -> None:
    t = tree("\ufeffname: 甲\r\nitems: []\r\n")
    assert t.entries[0][1].text == "甲"  # type: ignore[union-attr]


@pytest.mark.parametrize(("data", "name"), [
    ("name: 涉农补贴\n".encode("gbk"), "GBK"),
    ("name: 䶮𠀀\n".encode("gb18030"), "GB18030"),
    ("name: 涉农补贴\n".encode("utf-16"), "UTF-16"),
    ("name: 涉农补贴\n".encode("utf-16-le"), "UTF-16（无 BOM）"),
    ("name: café\n".encode("latin-1"), "Latin-1 或其他非 UTF-8 编码"),
])
def test_wrong_encodings_are_named(data: bytes, name: str) -> None:
    text, wrong = decode(data)
    assert text is None
    assert wrong == name
    assert codes(data) == [("JXS001", 1)]


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    assert codes("name: 甲\nitems: []\nname: 乙\n".encode()) == [("JXS006", 3)]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    start = time.perf_counter()
    found = codes("\n".join(lines).encode())
    assert found[0][0] == "JXS007"
    assert time.perf_counter() - start < 5  # generous: a real expansion would never finish


def test_small_aliases_are_allowed() -> None:
    t = tree("x: &x [政府网站]\ny: *x\n")
    assert isinstance(t.entries[1][1], YSeq)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    assert codes(("a: " + "[" * 5000 + "]" * 5000 + "\n").encode())[0][0] == "JXS008"
    block = "".join("  " * i + f"k{i}:\n" for i in range(3000))
    assert codes(block.encode())[0][0] == "JXS008"


@pytest.mark.parametrize(("text", "expected"), [
    ("name: 甲\nitems:\n  - category：乙\n", [("JXS003", 3)]),
    ("name: 甲\n名称：乙\n", [("JXS003", 2)]),
    ("name: 甲\nitems:\n\t- a: b\n", [("JXS005", 3)]),
    ("name: 甲\nitems:\n\u3000 - a: b\n", [("JXS004", 3)]),
])
def test_typing_hints(text: str, expected: list[tuple[str, int]]) -> None:
    assert codes(text.encode()) == expected


def test_channel_with_fullwidth_colon_in_a_list_is_a_value() -> None:
    t = tree("channels:\n  - 其他：办税服务厅\n")
    seq = t.entries[0][1]
    assert isinstance(seq, YSeq)
    assert seq.items[0].text == "其他：办税服务厅"  # type: ignore[union-attr]


@pytest.mark.parametrize(("data", "code"), [
    (b"", "JXS009"),
    (b"# only a comment\n", "JXS009"),
    (b"name: a\x00b\n", "JXS011"),
    (b"name: a\x07b\n", "JXS011"),
    (b"name: [unclosed\n", "JXS002"),
    (b"a: 1\n---\nb: 2\n", "JXS002"),
])
def test_broken_files(data: bytes, code: str) -> None:
    assert codes(data)[0][0] == code


@pytest.mark.parametrize(("line", "found"), [
    ("名称：救灾", [("JXS003", 1)]),
    ("  - 事项名称：补贴", [("JXS003", 1)]),
    ("content: 电话：0930", []),  # a full-width colon inside a value is the clerk's text
    ("-name: 补贴", [("JXS030", 1)]),
    ("- {name: 东村, kind: 村}", []),
    ("- {name:/东村}", [("JXS031", 1)]),  # a slash after the colon still counts inside braces
    ("- {name：东村}", [("JXS003", 1)]),
    ("audience:全社会", [("JXS031", 1)]),
    ("link: https://example.org", []),
])
def test_each_structural_slip_is_found_on_its_own_line(line: str, found: list[tuple[str, int]]) -> None:
    assert [(d.code, d.line) for d in prescan(line + "\n", "f.yaml")[0]] == found
