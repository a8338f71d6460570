"""Documentation and code kept in step: every setting and CLI command is documented."""

import re
from pathlib import Path

import typer.main

from eventscope.cli import app
from eventscope.config import setting_names

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text()
    documented = set(re.findall(r"^\| `(\w+)` \|", doc, re.M))
    assert documented == set(setting_names())


def test_every_cli_command_is_documented():
    readme = (ROOT / "README.md").read_text()
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert commands == {"run", "export", "stats", "train"}
    for command in commands:
        assert f"`eventscope {command}" in readme, command


def test_every_cli_option_is_documented_in_its_command_row():
    """Each option of a command (one of its spellings, e.g. ``--quiet`` or ``-q``) appears in
    that command's row of the README command table."""
    readme = (ROOT / "README.md").read_text()
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]  # a group
    assert set(commands) == {"run", "export", "stats", "train"}
    for name, command in commands.items():
        rows = [line for line in readme.splitlines() if line.startswith(f"| `eventscope {name}")]
        assert len(rows) == 1, name
        options = [p for p in command.params if p.param_type_name == "option"]
        assert options, name
        for option in options:
            assert any(re.search(rf"{opt}\b", rows[0]) for opt in option.opts), (name, option.opts)


def test_readme_starts_with_the_two_commands():
    lines = [line for line in (ROOT / "README.md").read_text().splitlines() if line.strip()]
    assert lines[1] == "```sh"
    assert lines[2].startswith("make demo") and lines[3].startswith("make test")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
