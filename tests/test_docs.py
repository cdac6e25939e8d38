"""Every command has help text (in both languages) and is documented in the README."""

from __future__ import annotations

import re

import click
import pytest

from jxs_catalog.cli import cli
from tests.conftest import REPO, run

COMMANDS = sorted(cli.commands)


def test_expected_commands_exist() -> None:
    assert {"init", "validate", "check", "build", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_documents_every_option(name: str, lang: str) -> None:
    result = run(name, "--help", "--lang", lang)
    assert result.exit_code == 0
    command = cli.commands[name]
    assert len(command.help or "") > 20
    flat = " ".join(result.output.split())
    # Help is in the language the command line asks for.
    assert (re.search(r"[\u4e00-\u9fff]", result.output) is not None) == (lang == "zh") or name == "import"
    assert ("Usage:" in result.output) == (lang == "en")
    assert " ".join((command.help or "").split())[:20] in flat
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        assert param.help, f"jxs {name} {param.opts[0]} has no help"
        assert param.opts[0] in result.output, f"jxs {name} --help does not show {param.opts[0]}"
        assert " ".join(param.help.split())[:20] in flat, f"{param.opts[0]}: {param.help!r} not in the help"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"jxs {name}" in readme, f"README.md does not document 'jxs {name}'"


def test_readme_starts_with_the_two_commands() -> None:
    head = (REPO / "README.md").read_text(encoding="utf-8").split("\n## ")[0]
    assert "jxs build" in head
    assert "pytest" in head


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"```sh\n(pip install -e \"\.\[test\]\" && python -m pytest[^\n]*)\n```", readme)
    assert command, "README has no test command block"
    assert command.group(1) in (REPO / ".ci" / "run").read_text(encoding="utf-8")
