"""How much room text takes in a printed workbook cell.

Row heights are written into the workbook (neither Excel nor LibreOffice sizes wrapped rows
on opening), so they are computed here, calibrated to what LibreOffice prints (measured from
its PDFs: characters per line for each column width, and the line pitch). The workbooks'
default font is Arial 10 (Liberation Sans in LibreOffice), which fixes the column unit; with
Calibri, absent on most Linux systems, LibreOffice would draw every column a third wider.
Excel and WPS draw a column about 5 % narrower than LibreOffice does, so text is wrapped to the
narrower of the two: a row never clips there, at the cost of a little room in LibreOffice.
"""

from __future__ import annotations

from functools import lru_cache

UNIT_PT, PADDING_PT = 5.544, 4.0  # a column of width w is UNIT_PT * w + PADDING_PT points wide
# In Excel a width unit is the widest digit of Arial 10, 7 px, plus 5 px of padding, at 96 px an inch.
EXCEL_UNIT_PT, EXCEL_PADDING_PT = 5.25, 3.75
INSET_PT = 4.0  # what the cell's margins and borders take from that, with a margin for rounding
NARROW_EM = 0.65  # Latin letters, digits and ASCII punctuation, in em (LibreOffice draws them in DejaVu Sans)
LINE_EM = 1.28  # the pitch of wrapped lines, in em (LibreOffice: 12.6 pt at 10 pt)
ROW_PAD = 2.5  # points above and below the text of a row
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def column_pt(width: float) -> float:
    """A column's printed width in points before any scaling."""
    return UNIT_PT * width + PADDING_PT


def room_em(width: float, size: float) -> float:
    """How many em of text at size points fit on one line of a column, in Excel and in LibreOffice."""
    return (min(column_pt(width), EXCEL_UNIT_PT * width + EXCEL_PADDING_PT) - INSET_PT) / size


def _em(ch: str) -> float:
    return NARROW_EM if ch < "\u1100" else 1.0


def text_em(text: str) -> float:
    """The width of one line of text in em: characters beyond ASCII and Latin take a full em."""
    if text.isascii():
        return len(text) * NARROW_EM
    wide = (len(text.encode("utf-8")) - len(text)) // 2  # three-byte characters: CJK, ■ □ √
    return wide + (len(text) - wide) * NARROW_EM


OPENING = frozenset("（《〈〔「『【“‘([{")  # never last on a line: goes down with what follows
CLOSING = frozenset("）》〉〕」』】”’)]}、，。；：！？,.;:!?")  # never first on a line: stays with what precedes


def _tokens(line: str) -> list[str]:
    """Where a renderer may break a line: between wide characters and at spaces, but not inside a
    run of Latin letters and digits (2019年 keeps 2019 together), not after an opening bracket and
    not before a closing one or a comma (the rules of Chinese line breaking)."""
    out: list[str] = []
    glue = False  # the previous token was an opening bracket: this one joins it
    for ch in line:
        joins = out and (glue or ch in CLOSING or (ch.isascii() and not ch.isspace() and out[-1][-1:].isascii()
                                                     and not out[-1][-1:].isspace() and out[-1][-1] not in CLOSING))
        if joins:
            out[-1] += ch
        else:
            out.append(ch)
        glue = ch in OPENING
    return out


@lru_cache(maxsize=4096)  # reused while one sheet's widths are tried; a token list is large to keep long
def _measured(para: str) -> tuple[tuple[str, float], ...]:
    """A paragraph's tokens with their widths: the same at every column width tried."""
    return tuple((token, sum(_em(ch) for ch in token)) for token in _tokens(para))


@lru_cache(maxsize=65536)
def _para_lines(para: str, room: float) -> int:
    if text_em(para) <= room:
        return 1
    lines, used = 1, 0.0
    for token, w in _measured(para):
        if used + w <= room:
            used += w
            continue
        if token.isspace():  # a space at the end of a line takes no room
            continue
        if w > room:  # a run longer than a line breaks anywhere
            for ch in token:
                if used + _em(ch) > room:
                    lines, used = lines + 1, 0.0
                used += _em(ch)
            continue
        lines, used = lines + 1, w
    return lines


@lru_cache(maxsize=262144)
def line_count(text: str, width: float, size: float = 10) -> int:
    """Lines a text wraps to in a column of width units at size points."""
    room = room_em(width, size)
    return sum(_para_lines(para, room) for para in text.split("\n"))


def row_height(lines: int, size: float = 10) -> float:
    """Points a row needs for lines of text at size points."""
    return min(MAX_ROW_HEIGHT, lines * size * LINE_EM + ROW_PAD)


def pack(entries: list[str], width: float, size: float = 10) -> str:
    """Entries on as few lines as fit, a line breaking only between entries; an entry longer
    than a line breaks after one of its slashes (社区/企事业单位/村公示栏（电子屏）)."""
    room = room_em(width, size)
    lines: list[str] = []
    for entry in entries:
        first, *rest = _slash_pieces(entry, room)
        if lines and text_em(f"{lines[-1]} {first}") <= room:
            lines[-1] = f"{lines[-1]} {first}"
        else:
            lines.append(first)
        lines.extend(rest)
    return "\n".join(lines)


def _slash_pieces(entry: str, room: float) -> list[str]:
    """An entry as pieces that each end at a slash, joined back where they fit on one line."""
    if text_em(entry) <= room or "/" not in entry:
        return [entry]
    parts = entry.split("/")
    pieces = [p + "/" for p in parts[:-1]] + [parts[-1]]
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith("/") and text_em(out[-1] + piece) <= room:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def balance(rows: list[list[str]], widths: list[float], a: int, b: int, narrowest: float = 12,
            size: float = 10) -> list[float]:
    """The widths with the room of columns a and b shared between them so that the rows take the
    least height (a sheet whose contents are long and bases short gives the contents more room);
    the sum of the widths does not change, and a tie keeps the given split."""
    others = tuple(max((line_count(v, w, size) for i, (v, w) in enumerate(zip(row, widths, strict=True))
                        if i not in (a, b)), default=1) for row in rows)
    wa, wb = _split(others, tuple(row[a] for row in rows), tuple(row[b] for row in rows), widths[a], widths[b],
                    narrowest, size)
    best = list(widths)
    best[a], best[b] = wa, wb
    return best


@lru_cache(maxsize=1024)
def _split(others: tuple[int, ...], texts_a: tuple[str, ...], texts_b: tuple[str, ...], width_a: float,
           width_b: float, narrowest: float, size: float) -> tuple[float, float]:
    """balance's choice for one sheet, remembered: the townships' sheets mostly repeat the county's."""
    both = width_a + width_b
    best, best_height = (width_a, width_b), float("inf")
    steps = int(both - 2 * narrowest) // 2
    for shift in sorted(range(-steps * 2, steps * 2 + 1, 2), key=abs):  # two units at a time: enough, and half the work
        wa = width_a + shift
        wb = both - wa
        if wa < narrowest or wb < narrowest:
            continue
        height = sum(row_height(max(n, line_count(ta, wa, size), line_count(tb, wb, size)), size)
                     for n, ta, tb in zip(others, texts_a, texts_b, strict=True))
        if height < best_height:
            best, best_height = (wa, wb), height
    return best


def kept_breaks(heights: list[float], body: float, repeated: float, first: int, keep: frozenset[int]) -> list[int]:
    """The page breaks to force so that a row in keep never ends a page without the row under it:
    a domain's heading with its first item, or a sheet's last row with the one above it. Pages
    otherwise break where the application breaks them, row by row when the next one no longer
    fits: that is simulated here to know where the kept rows fall.

    heights are the rows' heights in points, body the printable height in the sheet's points,
    repeated the height of the heading rows printed again on every page, first the table's first row.
    """
    forced: list[int] = []
    used = sum(heights[:first])
    for i in range(first, len(heights)):
        h = heights[i]
        if used + h > body and used > repeated:
            used = repeated  # the application's own break
        elif i in keep and i + 1 < len(heights) and used + h + heights[i + 1] > body and used > repeated:
            forced.append(i)
            used = repeated
        used += h
    return forced
