"""Copies of a zip archive that differ only in a few names, made without compressing all of it again.

Each member is compressed once up to the first place where a name goes; a copy compresses only
what follows, continuing from the saved state of the compressor. A township's village workbooks
are one prototype filled in this way, so a name should stand as near the end of a member as it can.
"""

from __future__ import annotations

import copy
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # as zipfile writes a central directory entry
_END = struct.Struct("<4s4H2LH")
# The end of what Python's zipfile supports without ZIP64: a workbook is never near it.
_LIMIT = (1 << 31) - 1


@dataclass(slots=True)
class _Member:
    info: zipfile.ZipInfo
    head: bytes  # the compressed part before the first mark: the whole member when it has none
    crc: int  # of the uncompressed head
    size: int  # of the uncompressed head
    rest: bytes  # from the first mark on, uncompressed
    state: Any = None  # zlib's compressor after the head; None for a member with no mark


def _deflater() -> Any:
    # The level and raw stream zipfile itself uses for ZIP_DEFLATED.
    return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)


class Prototype:
    """A zip archive read once; fill() makes a copy with every member's part from the first mark on
    replaced by what the caller makes of it."""

    def __init__(self, archive: bytes, marks: tuple[bytes, ...]) -> None:
        self._members: list[_Member] = []
        with zipfile.ZipFile(io.BytesIO(archive)) as src:
            for info in src.infolist():
                content = src.read(info)
                at = min((i for mark in marks if (i := content.find(mark)) >= 0), default=-1)
                deflater = _deflater()
                if at < 0:
                    whole = deflater.compress(content) + deflater.flush()
                    self._members.append(_Member(info, whole, zlib.crc32(content), len(content), b""))
                else:
                    head = content[:at]
                    self._members.append(_Member(info, deflater.compress(head), zlib.crc32(head), len(head),
                                                 content[at:], deflater))

    def fill(self, rest: Callable[[str, bytes], bytes]) -> bytes:
        """The archive with each marked member's part from its first mark on given by rest(name, part)."""
        out, central = io.BytesIO(), io.BytesIO()
        for member in self._members:
            info = copy.copy(member.info)
            if member.state is None:
                data, crc, size = member.head, member.crc, member.size
            else:
                tail = rest(info.filename, member.rest)
                deflater = member.state.copy()
                data = member.head + deflater.compress(tail) + deflater.flush()
                crc, size = zlib.crc32(tail, member.crc), member.size + len(tail)
            if max(size, out.tell() + len(data)) > _LIMIT:
                raise ValueError("a filled archive this large needs ZIP64")
            info.compress_type, info.flag_bits = zipfile.ZIP_DEFLATED, 0
            info.CRC, info.compress_size, info.file_size, info.header_offset = crc, len(data), size, out.tell()
            out.write(info.FileHeader())
            out.write(data)
            central.write(_entry(info))
        start, entries = out.tell(), central.getvalue()
        out.write(entries)
        count = len(self._members)
        out.write(_END.pack(b"PK\005\006", 0, 0, count, count, len(entries), start, 0))
        return out.getvalue()


def _entry(info: zipfile.ZipInfo) -> bytes:
    """A member's central directory entry, as zipfile writes it."""
    year, month, day, hour, minute, second = info.date_time
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | second // 2
    name, flags = info._encodeFilenameFlags()  # type: ignore[attr-defined]  # zipfile's own name encoding
    head = _CENTRAL.pack(b"PK\001\002", info.create_version, info.create_system, info.extract_version,
                         info.reserved, flags, info.compress_type, dostime, dosdate, info.CRC,
                         info.compress_size, info.file_size, len(name), len(info.extra), len(info.comment),
                         0, info.internal_attr, info.external_attr, info.header_offset)
    return head + name + info.extra + info.comment
