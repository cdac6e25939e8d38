"""Scan a worksheet's cells and a shared-string table with one regular expression each.

Excel, WPS, LibreOffice, XlsxWriter and openpyxl all write cells in one plain form:
`<c r="B4" s="3" t="s"><v>17</v></c>`. Building an element for each of them is most
of an import's time; a regular expression reads them several times faster. It is used
only where it is exact: the part must have no comment, DTD, processing instruction,
namespace prefix or redeclaration, and every cell tag must match the form. Otherwise
these functions return None and the caller parses the part as XML.
"""

from __future__ import annotations

import re

MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

# A cell: reference, style, kind, then nothing, a formula, a value, or an inline string.
_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?: s="([0-9]{1,9})")?(?: t="([A-Za-z]{1,9})")?'
    rb"\s*(?:/>|>(?:<f(?: [^<>]*)?(?:/>|>[^<]*</f>))?"
    rb'(?:<v>([^<]*)</v>|<v\s*/>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)')
_ANY_CELL = re.compile(rb"<c[\s/>]")
_ITEM = re.compile(rb'<si>(?:<t(?: xml:space="preserve")?>([^<]*)</t>|(.*?))</si>', re.S)
_ANY_ITEM = re.compile(rb"<si[\s/>]")
_PREFIXED = re.compile(rb"</?[A-Za-z_][\w.\-]*:")
_DECLARATION = re.compile(rb'^<\?xml[^>]*?encoding=["\']([^"\']+)["\']')
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

Cell = tuple[bytes, bytes, bytes, bytes, bytes, bytes]  # column, row, style, kind, value, inline text


def _plain_document(data: bytes) -> bool:
    """No DTD, comment or CDATA, one XML declaration at most (in UTF-8), the main namespace as the default."""
    if b"<!" in data or data.count(b"<?") > (1 if data.startswith(b"<?xml") else 0):
        return False
    declared = _DECLARATION.match(data)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    return MAIN_NS in data[:4096]


def _plain_body(body: bytes) -> bool:
    return b"xmlns" not in body and (b":" not in body or _PREFIXED.search(body) is None)


def sheet_cells(data: bytes) -> tuple[list[Cell], bytes] | None:
    """The cells of a worksheet part, and the part without its sheetData (for merges and links)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not _plain_document(data) or data.count(b"<sheetData") != 1:
        return None
    start = data.find(b"<sheetData>")
    if start < 0:
        empty = re.search(rb"<sheetData\s*/>", data)
        return ([], data[:empty.start()] + data[empty.end():]) if empty is not None else None
    end = data.find(b"</sheetData>", start)
    if end < 0:
        return None
    body = data[start + len(b"<sheetData>"):end]
    if not _plain_body(body):
        return None
    cells = _CELL.findall(body)
    if len(cells) != len(_ANY_CELL.findall(body)):
        return None  # some cell is written another way
    return cells, data[:start] + data[end + len(b"</sheetData>"):]


def shared_items(data: bytes) -> list[tuple[str | None, bytes]] | None:
    """Each string item: its text when it is one plain <t>, else its inner XML for the caller to read."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not _plain_document(data) or not _plain_body(data[data.find(b">", data.find(b"<sst")) + 1:]):
        return None
    items = _ITEM.findall(data)
    if len(items) != len(_ANY_ITEM.findall(data)):
        return None
    return [(unescape(simple) if not inner else None, inner) for simple, inner in items]


def unescape(raw: bytes) -> str:
    """Text as an XML parser gives it: UTF-8, entities and character references replaced, line ends as \\n."""
    text = raw.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED[name]
