"""zipfill: copies of an archive filled in from a mark on read back as the archive with the names put in."""

from __future__ import annotations

import io
import zipfile

from jxs_catalog.rendering.zipfill import Prototype


def _archive(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_filled_copy_reads_back_with_the_names_put_in() -> None:
    body = "".join(f"<row r='{i}'>事项{i}</row>" for i in range(2000)).encode()
    members = {"a.xml": body + b"<footer>NAME0x7</footer>", "b.xml": b"MARK0x7 first" + body,
               "c.bin": body, "d.xml": b""}
    proto = Prototype(_archive(members), (b"NAME0x7", b"MARK0x7"))
    for village in ("柳沟村", "A&B"):
        copy = proto.fill(lambda name, rest, v=village: rest.replace(b"NAME0x7", v.encode()).replace(
            b"MARK0x7", v.encode()))
        with zipfile.ZipFile(io.BytesIO(copy)) as z:
            assert z.testzip() is None
            assert z.namelist() == list(members)
            got = {n: z.read(n) for n in z.namelist()}
        assert got == {n: d.replace(b"NAME0x7", village.encode()).replace(b"MARK0x7", village.encode())
                       for n, d in members.items()}


def test_a_member_without_a_mark_is_not_asked_for() -> None:
    asked: list[str] = []
    proto = Prototype(_archive({"x.xml": b"plain", "y.xml": b"a MARK"}), (b"MARK",))
    proto.fill(lambda name, rest: asked.append(name) or rest)
    assert asked == ["y.xml"]
