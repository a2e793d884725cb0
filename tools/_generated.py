"""What the tools that write generated files share: the ``--check`` comparison."""

from __future__ import annotations

import sys
from pathlib import Path


def check_current(out: Path, text: str, remedy: str) -> int:
    """0 when ``out`` holds exactly ``text``; else 1, saying on stderr how to
    regenerate it (``remedy``)."""
    current = out.read_text(encoding="utf-8") if out.exists() else None
    if current != text:
        print(f"{out} is stale: {remedy}", file=sys.stderr)
        return 1
    print(f"{out} is up to date")
    return 0
