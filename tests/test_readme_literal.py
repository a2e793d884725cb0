"""The CI script that follows the README literally reads the commands the README gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
rl = load_script(ROOT / ".ci" / "readme_literal.py")


def test_the_readmes_commands_in_order() -> None:
    commands = rl.readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert commands[0].startswith("python3 -m venv .venv")
    assert any('pip install ".[examples]"' in c for c in commands)
    assert "bash .ci/run" not in commands
    examples = [c for c in commands if c.startswith("python examples/")]
    shipped = {p.name for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_")}
    named = {c.split("/")[1] for c in examples} | {"quickstart.py"}
    assert named == shipped
    assert any("--group docs" in c for c in commands)
    assert commands[-1].startswith("python -m pytest")


def test_a_readme_without_commands_is_refused() -> None:
    with pytest.raises(SystemExit):
        rl.readme_commands("# nothing to run here\n")
