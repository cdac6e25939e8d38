"""An incremental build links an unchanged unit's files from the previous output: the new output is
still complete and listed in its manifest, and nothing is ever written through such a link."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from jxs_catalog.build import run_build


def _rename(ws: Path, name: str, old: str, new: str) -> None:
    town = ws / "townships" / name
    town.write_text(town.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_rebuild_never_writes_into_the_previous_output(small: Path, tmp_path: Path) -> None:
    run_build(small, jobs=1)
    out = small / "out"
    # A second name for every file of the first build: a rebuild that wrote through a link
    # (unchanged units' files are hard-linked into the new output) would change these.
    keep = tmp_path / "keep"
    before = {}
    for path in out.rglob("*"):
        if path.is_file():
            rel = path.relative_to(out).as_posix()
            (keep / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, keep / rel)
            before[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    _rename(small, "xi.yaml", "西乡", "西乡镇")
    assert run_build(small, jobs=1).rendered == 1
    _rename(small, "dong.yaml", "东村", "东一村")
    assert run_build(small, jobs=1).rendered == 1
    assert {rel: hashlib.sha256((keep / rel).read_bytes()).hexdigest() for rel in before} == before


def test_linked_outputs_are_complete_and_listed(small: Path) -> None:
    run_build(small, jobs=1)
    out = small / "out"
    reused = (out / "data" / "townships" / "dong.json").stat().st_ino
    _rename(small, "xi.yaml", "西乡", "西乡镇")
    assert run_build(small, jobs=1).rendered == 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["path"]: o["sha256"] for o in manifest["outputs"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    assert on_disk == set(listed)
    for rel, digest in listed.items():
        assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == digest, rel
    # The unchanged township's file is the same file, linked, not rendered again.
    assert (out / "data" / "townships" / "dong.json").stat().st_ino == reused
