"""Shared fixtures: the shipped workspace, the small example workspace, a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

# jxs's default language is what the tests expect. The command line reads JXS_LANG when it is
# imported, so a JXS_LANG set in the developer's shell is dropped before that import.
os.environ.pop("JXS_LANG", None)

from jxs_catalog.cli import cli

REPO = Path(__file__).resolve().parent.parent
SMALL = Path(__file__).resolve().parent / "fixtures" / "small"


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect jxs's default language: a JXS_LANG set in the developer's shell must not leak in."""
    monkeypatch.delenv("JXS_LANG", raising=False)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A private copy of the small example workspace."""
    target = tmp_path / "ws"
    shutil.copytree(SMALL, target)
    return target


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


@pytest.fixture
def jxs():  # type: ignore[no-untyped-def]
    return run
