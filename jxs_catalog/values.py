"""The kinds of value a clerk writes: text, lists of text, vocabulary choices, dates, links.

Each is a check (see checks.py) whose rule raises an error whose type is a jxs
diagnostic code, so the mapping to a located, translated message stays
mechanical (see validation.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from pydantic_core import PydanticCustomError

from jxs_catalog import vocab
from jxs_catalog.checks import Context, Rule, TupleOf
from jxs_catalog.messages import Phrase, phrase

PLACEHOLDER = re.compile(
    r"^\s*(?:todo|tbd|fixme|xxx+|x+|待定|待补充|待填|待填写|暂无|略|无|某某|\.{2,}|…+|-+|—+|\?+|？+)\s*$",
    re.IGNORECASE,
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BAD_TEXT = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\ufeff]")


def _kind(value: object) -> Phrase:
    if isinstance(value, dict):
        return phrase("found.mapping")
    if isinstance(value, (list, tuple)):
        return phrase("found.list")
    return phrase("found.value", value=value)


def _text(value: Any) -> str:
    if value is None:
        raise PydanticCustomError("JXS106", "empty", {"value": phrase("found.blank")})
    if not isinstance(value, str):
        hint = phrase("hint.multiline")
        raise PydanticCustomError("JXS104", "text", {"found": _kind(value), "hint": hint})
    text = value.strip()
    if not text or PLACEHOLDER.match(text):
        raise PydanticCustomError("JXS106", "empty", {"value": value or phrase("found.blank")})
    if _BAD_TEXT.search(text):
        raise PydanticCustomError("JXS117", "bad", {"what": phrase("found.invisible")})
    return text


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or value is None:
        return (_text(value),)
    if not isinstance(value, list):
        raise PydanticCustomError("JXS105", "list", {"found": _kind(value)})
    if not value:
        raise PydanticCustomError("JXS106", "empty", {"value": "[]"})
    return tuple(value)  # each element is checked by the Text annotation below


def _choices(canonical: tuple[str, ...], variants: dict[str, str]) -> Callable[[Any], tuple[str, ...]]:
    def check(value: Any) -> tuple[str, ...]:
        if isinstance(value, dict):
            raise PydanticCustomError("JXS105", "list", {"found": _kind(value)})
        values = value if isinstance(value, list) else [value]
        if not values:
            raise PydanticCustomError("JXS106", "empty", {"value": "[]"})
        out: list[str] = []
        for v in values:
            if not isinstance(v, str) or not v.strip():
                raise PydanticCustomError("JXS104", "text", {"found": _kind(v), "hint": ""})
            norm = vocab.normalize_choice(v, canonical, variants)
            if norm is None:
                raise _not_in_vocab(v, canonical, variants)
            if norm not in out:
                out.append(norm)
        return tuple(sorted(out, key=canonical.index))
    return check


def _not_in_vocab(value: str, canonical: tuple[str, ...], variants: dict[str, str]) -> PydanticCustomError:
    guess = vocab.nearest(value, canonical, variants)
    hint = phrase("hint.did-you-mean-value", guess=guess) if guess else ""
    return PydanticCustomError("JXS107", "vocab", {"value": value, "hint": hint, "choices": "、".join(canonical)})


def _channels(value: Any, ctx: Context) -> tuple[str, ...]:
    extra = ctx.extra_channels
    if isinstance(value, dict):
        raise PydanticCustomError("JXS105", "list", {"found": _kind(value)})
    values = value if isinstance(value, list) else [value]
    if not values or values == [None]:
        raise PydanticCustomError("JXS106", "empty", {"value": "[]"})
    out: list[str] = []
    for v in values:
        if not isinstance(v, str) or not v.strip():
            raise PydanticCustomError("JXS104", "text", {"found": _kind(v), "hint": ""})
        norm = vocab.normalize_channel(v, extra)
        if norm is None:
            raise _not_in_vocab(v, vocab.all_channels(extra), vocab.CHANNEL_VARIANTS)
        if norm not in out:
            out.append(norm)
    return tuple(sorted(out, key=lambda c: vocab.channel_order_key(c, extra)))


TEXT = Rule(_text)
TEXTS = Rule(_texts, each=TEXT)
METHODS = Rule(_choices(vocab.METHODS, vocab.METHOD_VARIANTS))
AUDIENCES = Rule(_choices(vocab.AUDIENCES, vocab.AUDIENCE_VARIANTS))
LEVELS = Rule(_choices(vocab.LEVELS, vocab.LEVEL_VARIANTS))
CHANNELS = Rule(_channels, with_context=True)
VILLAGE_KINDS = Rule(_choices(vocab.VILLAGE_KINDS, {}))
TEXT_LIST = TupleOf(TEXT)


def _village_kind(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("JXS104", "text", {"found": _kind(value), "hint": ""})
    return _choices(vocab.VILLAGE_KINDS, {})(value)[0]


VILLAGE_KIND = Rule(_village_kind)


def _date(value: Any) -> str:
    text = _text(value)
    if len(text) > 2 and text[0] in "“”‘’" and text[-1] in "“”‘’":
        raise PydanticCustomError("JXS112", "date", {"value": text[1:-1], "problem": phrase(
            "date.chinese-quotes", value=text[1:-1])})
    if not _DAY.match(text):
        raise PydanticCustomError("JXS112", "date", {"value": text, "problem": phrase("date.shape")})
    year, month, day = (int(p) for p in text.split("-"))
    try:
        dt.date(year, month, day)  # 2026-02-30 has the shape of a date but is none
    except ValueError:
        why = phrase("date.no-such-day", year=year, month=month, day=day) if 1 <= month <= 12 else phrase(
            "date.no-such-month", month=month)
        raise PydanticCustomError("JXS112", "date", {"value": text, "problem": phrase("date.does-not-exist",
                                                                                       why=why)}) from None
    return text


DATE = Rule(_date)
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _partial_date(value: Any) -> str:
    """A year, a month or a day: many documents are known only as "2021年6月印发"."""
    text = _text(value)
    if len(text) == 10:
        return _date(text)
    if not _PARTIAL_DATE.match(text) or (len(text) == 7 and not 1 <= int(text[5:]) <= 12):
        raise PydanticCustomError("JXS112", "date", {"value": text, "problem": phrase("date.partial-shape")})
    return text


def _one_of(canonical: tuple[str, ...], variants: dict[str, str]) -> Callable[[Any], str]:
    """One word of a vocabulary, a known variant written as its canonical spelling."""
    def rule(value: Any) -> str:
        text = _text(value)
        norm = vocab.normalize_choice(text, canonical, variants)
        if norm is None:
            raise _not_in_vocab(text, canonical, variants)
        return norm
    return rule


PARTIAL_DATE = Rule(_partial_date)
STATUS = Rule(_one_of(vocab.STATUSES, vocab.STATUS_VARIANTS))
PAPER = Rule(_one_of(vocab.PAPERS, {}))


_LINK = re.compile(r"^https?://[^\s/?#]+\S*$", re.IGNORECASE)


def _link(value: Any) -> str:
    text = _text(value)
    if not _LINK.match(text):
        raise PydanticCustomError("JXS118", "link", {"value": text})
    return text


LINK = Rule(_link)

