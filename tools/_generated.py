"""What the tools that write generated files share: the ``--check`` comparison,
writing, and the layout of a generated JSON file (a header, then one row a line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
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


def write_or_check(out: Path, text: str, *, check: bool, remedy: str, summary: str = "") -> int:
    """With ``check``, :func:`check_current`; else write ``text`` to ``out`` and say so."""
    if check:
        return check_current(out, text, remedy)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}{': ' + summary if summary else ''}")
    return 0


def json_document(
    head: Mapping[str, object], key: str, rows: Sequence[str], *, brackets: str = "[]"
) -> str:
    """A generated JSON file: the ``head`` items one a line, then ``key`` holding
    ``rows`` (already JSON, one a line), so that a diff shows one entry a line."""
    lines = ["{"]
    lines.extend(f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items())
    lines.append(f"  {json.dumps(key)}: {brackets[0]}")
    lines.append(",\n".join(rows))
    lines.append(f"  {brackets[1]}")
    lines.append("}")
    return "\n".join(lines) + "\n"
