"""Reading a basis text: the documents it cites (《title》) and the numbers (文号) it gives them.

A basis is written the way Chinese official texts cite documents:
《中华人民共和国政府信息公开条例》（国务院令第711号）, 《关于…的通知》（财社〔2017〕164号）,
《…公告》（国家税务总局公告2025年第12号）, with titles nested in 〈〉 inside a notice's own
title. Nothing here knows the register; it only reads text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_OPEN, _CLOSE = "《〈", "》〉"
# Brackets around a document number's year: 〔2019〕, [2019], ［2019］, 【2019】, ﹝2019﹞, (2019).
_CN_DIGITS = "〇零一二三四五六七八九十百千"
# The end of a number, which names its kind; the issuer in front is taken by walking left (linear, and
# a small pattern that compiles fast: validate compiles it on every run).
_NUMBER_TAIL = re.compile(
    r"〔\s*\d{4}\s*〕\s*第?\s*\d+\s*号"                          # 财社〔2017〕164号
    rf"|令\s*第\s*[\d{_CN_DIGITS}]+\s*号"                       # 国务院令第711号, 主席令第四十七号
    r"|第\s*\d+\s*号令"                                         # 发展改革委第10号令
    rf"|公告\s*(?:\d{{4}}\s*年\s*)?第\s*[\d{_CN_DIGITS}]+\s*号"  # 国家税务总局公告2025年第12号, 省人大常委会公告第52号
)
_YEAR_IN_PARENS = re.compile(r"[(（\[［【﹝]\s*(\d{4})\s*[)）\]］】﹝﹞]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
                         "〈": "《", "〉": "》", "<": "《", ">": "》", "‹": "《", "›": "》",
                         "—": "-", "–": "-", "―": "-", "－": "-", "~": "-", "～": "-", "〜": "-",
                         "•": "·", "・": "·", "‧": "·", "∙": "·"})
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Cited:
    """One document named in a basis: its title as written and the number written beside it."""

    title: str
    number: str | None
    start: int  # offset of 《 in the basis text
    end: int  # offset just past the closing 》

    @property
    def key(self) -> str:
        return title_key(self.title)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A registered document as the outputs show it beside a basis text."""

    title: str
    number: str | None
    status: str
    url: str | None


@lru_cache(maxsize=16384)
def title_key(title: str) -> str:
    """What two spellings of one title share: width, blanks, quote and bracket styles ignored."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES)
    text = _BLANKS.sub("", text)
    return text.strip("《》")


@lru_cache(maxsize=16384)
def number_key(number: str) -> str:
    """A document number with width, blanks and the brackets around its year made uniform."""
    text = _BLANKS.sub("", unicodedata.normalize("NFKC", number))
    text = _YEAR_IN_PARENS.sub(lambda m: f"〔{m.group(1)}〕", text)
    text = re.sub(r"第(\d+)号令$", r"令第\1号", text)  # 第10号令 is 令第10号
    for word in ("公布", "发布", "印发"):
        text = text.removesuffix(word)
    return text


def same_number(written: str, registered: str) -> bool:
    """Whether a cited number names the registered one; an issuer left off in front is fine."""
    a, b = number_key(written), number_key(registered)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long.endswith(short)


def _titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost 《…》, nesting with 〈〉 or 《》 inside respected."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                if ch != "《":
                    continue  # a stray 〈 outside any title is not a citation
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def numbers_in(text: str) -> list[str]:
    """Every document number written in a piece of text, in order."""
    scanned = text.translate(_YEAR_BRACKETS_FOR_SCAN)
    found = []
    floor = 0
    for match in _NUMBER_TAIL.finditer(scanned):
        start = match.start()
        while start > floor and _is_issuer_char(scanned[start - 1]):
            start -= 1
        if match.group(0).startswith("〔") and start == match.start():
            continue  # 〔2019〕5号 needs its issuer's abbreviation in front (国发, 财社 …)
        found.append(_clean_number(scanned[start:match.end()]))
        floor = match.end()
    return found


def _is_issuer_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) or ch in "、·"


# Scanning turns only the brackets right around a four-digit year into 〔〕 (see _YEAR_IN_PARENS).
_YEAR_BRACKETS_FOR_SCAN = str.maketrans({"［": "〔", "］": "〕", "【": "〔", "】": "〕", "﹝": "〔", "﹞": "〕"})


_LEADING_DATE = re.compile(r"^\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?")


def _clean_number(raw: str) -> str:
    text = _BLANKS.sub("", raw).lstrip("、·")
    return _LEADING_DATE.sub("", text)  # （2020年3月27日国务院令第726号）: the date is not the number


def parse_basis(text: str) -> list[Cited]:
    """The documents a basis text cites, each with the number written right after its title."""
    out: list[Cited] = []
    spans = _titles(text)
    for n, (start, end) in enumerate(spans):
        following = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        tail = _YEAR_IN_PARENS.sub(lambda m: f"〔{m.group(1)}〕", text[end:following])
        numbers = numbers_in(tail)
        out.append(Cited(text[start + 1:end - 1].strip(), numbers[0] if numbers else None, start, end))
    return out
