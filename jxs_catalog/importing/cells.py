"""The meaning of one cell: marks, channel lists, bases, remarks, names, levels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jxs_catalog import vocab
from jxs_catalog.fields import BY_KEY, REMARKS
from jxs_catalog.models import PLACEHOLDER

# Marks that tick a column in published files, and what leaves it unticked.
TRUE_MARKS = frozenset("√✓✔■●☑▄◆◼▪✅") | {"是", "Y", "y", "V", "v", "对"}
FALSE_MARKS = frozenset({"□", "口", "☐", "×", "✗", "✘", "否", "-", "—", "/", "／", "N", "n", "无"})
SAME_AS_ABOVE = frozenset({"同上", "同上。", "〃"})

# Channel checklist markers: ticked, unticked (口 only where it stands like a box, see _split_checklist).
TICKS = "■☑▄◆◼▪√✓✔●✅"
BOXES = "□☐"
_SEPARATORS = " \t\n、，,；;。"
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")
SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"[（(][^）)]*[)）]")
_BRACKETED_END = re.compile(r"[（(][^）)]*[)）]$")
_ACTIVE = re.compile(r"(?<!不)主动")
# Outline numbers before a name or a basis: 1. / 1.1 / 一、 / （一） / (1) / ①
_OUTLINE = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:[.．]\d{1,2})*[、.．](?!\d)"
    r"|\d{1,2}(?:[.．]\d{1,2})+(?=\s)|[①-⑳])\s*"
)
_REASON_PREFIXES = (BY_KEY["reason"].remark or "", "不主动公开理由:", "不主动公开的理由：", "不主动公开的理由:", "不予主动公开理由：")


def clean(raw: str) -> str:
    """The text without invisible format characters, no-break spaces or blank edges."""
    return _INVISIBLE.sub("", raw).replace("\xa0", " ").replace("\u3000", " ").strip()


def lines_of(raw: str) -> list[str]:
    return [line.strip() for line in clean(raw).split("\n") if line.strip()]


def multiline(raw: str) -> str:
    """Content keeps its line breaks, without blank lines or trailing blanks."""
    return "\n".join(lines_of(raw))


def one_line(raw: str) -> str:
    """Names, time limits, subjects: a line break in the cell is only where the column wrapped."""
    parts = lines_of(raw)
    out = ""
    for part in parts:
        joiner = " " if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum() else ""
        out += joiner + part
    return out


def strip_outline(text: str) -> str:
    stripped = _OUTLINE.sub("", text, count=1).strip()
    return stripped or text


def is_same_as_above(raw: str) -> bool:
    if "〃" not in raw and ("同" not in raw or "上" not in raw):
        return False  # every spelling of 同上 has these characters; most cells have neither
    return SPACES.sub("", raw) in SAME_AS_ABOVE


@lru_cache(maxsize=4096)
def mark(raw: str) -> bool | None:
    """True for a tick, False for blank or a cross, None when the cell says something else."""
    text = SPACES.sub("", clean(raw))
    if not text or text in FALSE_MARKS:
        return False
    if text in TRUE_MARKS or all(ch in TRUE_MARKS for ch in text):
        return True
    return None


def bases(raw: str) -> list[str]:
    """One basis per line, outline numbers dropped."""
    out: list[str] = []
    for line in lines_of(raw):
        text = strip_outline(line)
        if text and text not in out:
            out.append(text)
    return out


def _prefixes(key: str, written: str) -> tuple[str, ...]:
    if key == "reason":
        return _REASON_PREFIXES
    return (written, written.replace("：", ":"))


# The elements jxs writes into 备注 behind a prefix of their own, with the prefixes read back.
_PREFIXED = tuple((e.key, _prefixes(e.key, e.remark)) for e in REMARKS if e.remark)
_PLAIN = next(e.key for e in REMARKS if e.remark == "")


def remark(raw: str) -> dict[str, str | None]:
    """The elements of a 备注 cell as jxs writes it: `不主动公开理由：…` and `网址：…` on lines of
    their own, the rest is the note."""
    found: dict[str, str | None] = {key: None for key, _ in _PREFIXED}
    notes: list[str] = []
    for line in lines_of(raw):
        for key, prefixes in _PREFIXED:
            prefix = next((p for p in prefixes if line.startswith(p)), None)
            if prefix is not None and found[key] is None and line[len(prefix):].strip():
                found[key] = line[len(prefix):].strip()
                break
        else:
            notes.append(line)
    note = "\n".join(notes)
    found[_PLAIN] = None if not note or PLACEHOLDER.match(note) else note
    return found


# --- levels ---------------------------------------------------------------------

_LEVEL_CHARS = {"县": "县级", "区": "县级", "乡": "乡级", "镇": "乡级", "街": "乡级", "村": "村级", "居": "村级", "嘎": "村级"}


def level_label(label: str) -> tuple[str, ...] | None:
    """The levels a 公开层级 sub-header or cell names: 县级, 镇级 (= 乡级), 乡、村级, 村（社区）级 …"""
    text = SPACES.sub("", label)
    text = _BRACKETED.sub("", text).replace("社区", "村").replace("街道", "街")
    if not text.endswith("级") and text not in ("县", "乡", "镇", "村"):
        return None
    text = text.rstrip("级")
    if not text or len(text) > 6:
        return None
    found: list[str] = []
    for ch in text:
        if ch in "、/，,和及与":
            continue
        level = _LEVEL_CHARS.get(ch)
        if level is None:
            if ch in "查级":  # 嘎查, 乡级、村级
                continue
            return None
        if level not in found:
            found.append(level)
    return tuple(sorted(found, key=vocab.LEVELS.index)) or None


def levels_text(raw: str) -> tuple[list[str], list[str]]:
    """Levels written out in one cell (县级、乡级); returns (levels, words not understood)."""
    found: list[str] = []
    unknown: list[str] = []
    for word in _split_words(clean(raw)):
        levels = level_label(word) or level_label(word + "级")
        if levels is None:
            unknown.append(word)
            continue
        found.extend(level for level in levels if level not in found)
    return sorted(found, key=vocab.LEVELS.index), unknown


def written_choices(raw: str, key: str) -> list[str]:
    """An audience or method written out in one cell: 全社会, 特定群众, 主动公开, 依申请公开."""
    text = clean(raw)
    if key == "audience":
        found = [("全社会", "全社会" in text or "社会公众" in text), ("特定群体", "特定" in text)]
    else:
        found = [("主动", _ACTIVE.search(text) is not None), ("依申请", "申请" in text)]
    return [value for value, present in found if present]


# --- channels -------------------------------------------------------------------


@dataclass(slots=True)
class Channels:
    """What a 公开渠道和载体 cell says: the channels used, and names that are not in the vocabulary."""

    used: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def channels(raw: str, extra: tuple[str, ...] = ()) -> Channels:
    """The channels a cell names; `extra` are the workspace's own channels (jxs.yaml)."""
    text = clean(raw)
    out = Channels()
    if not text:
        return out
    if any(ch in TICKS or ch in BOXES for ch in text) or text.startswith("口"):
        names = [name for ticked, name in _split_checklist(text) if ticked]
    else:
        names = [_unnumbered(word) for word in _split_words(text)]
    for name in names:
        channel = channel_name(name, extra)
        if not channel:
            continue
        if vocab.normalize_channel(channel, extra) is None:
            out.unknown.append(channel)
        if channel not in out.used:
            out.used.append(channel)
    order = vocab.all_channels(extra)
    out.used.sort(key=lambda c: vocab.channel_order_key(c, extra)[0] if _base(c) in order else len(order))
    return out


def _base(channel: str) -> str:
    return vocab.OTHER if channel.startswith(vocab.OTHER + "：") else channel


def channel_name(raw: str, extra: tuple[str, ...] = ()) -> str:
    """A channel's canonical name, or the cleaned text when it is not in the vocabulary."""
    name = raw.strip(_SEPARATORS + "_")
    if not name:
        return ""
    if name.startswith(vocab.OTHER):
        rest = name[len(vocab.OTHER):].strip()
        if rest[:1] in "（(" and rest[-1:] in "）)":
            rest = rest[1:-1]  # 其他（办税服务厅）
        rest = rest.lstrip(" ：:_-—").rstrip(" _").strip()
        return f"{vocab.OTHER}：{rest}" if rest.strip("_ ") else vocab.OTHER
    for candidate in (name, name.replace("(", "（").replace(")", "）"), name.rstrip("等")):
        found = vocab.normalize_channel(candidate, extra)
        if found is not None:
            return found
    bare = _BRACKETED_END.sub("", name)
    return vocab.normalize_channel(bare, extra) or name


def _split_checklist(text: str) -> list[tuple[bool, str]]:
    """■政府网站 □政府公报 …: each marker opens an entry that runs to the next marker."""
    entries: list[tuple[bool | None, str]] = []
    ticked: bool | None = None  # None: text before the first marker
    current = ""
    for i, ch in enumerate(text):
        box_like = ch == "口" and (i == 0 or text[i - 1] in _SEPARATORS) and i + 1 < len(text) \
            and text[i + 1] not in _SEPARATORS
        if ch in TICKS or ch in BOXES or box_like:
            if current.strip(_SEPARATORS):
                entries.append((ticked, current))
            ticked = ch in TICKS
            current = ""
        else:
            current += ch
    if current.strip(_SEPARATORS):
        entries.append((ticked, current))
    out: list[tuple[bool, str]] = []
    for state, entry in entries:
        if state is None:  # names the clerk wrote unmarked before the checklist
            out.extend((True, _unnumbered(word)) for word in _split_words(entry))
        else:
            out.append((state, entry.replace("/\n", "/")))  # a long name printed on two lines, broken after a slash
    return out


def _split_words(text: str) -> list[str]:
    """Split on blanks and list punctuation, but not inside brackets: 两微一端（政务微博、微信、客户端）."""
    words: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in "（([【":
            depth += 1
        elif ch in "）)]】":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            if current.strip():
                words.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        words.append(current.strip())
    return words


def _unnumbered(word: str) -> str:
    return strip_outline(word)
