"""docs/taxonomy.md is what tools/gen_taxonomy.py makes of the bundled lexicon."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_taxonomy_page_is_current() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_taxonomy.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert out.returncode == 0, out.stderr + "(run: python tools/gen_taxonomy.py)"
