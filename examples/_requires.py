"""Check an example's optional dependencies before it does any work.

Each example that needs more than diplo-events itself calls :func:`require`
first, so a missing package is named at once, not after a long extraction.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def missing(*modules: str) -> list[str]:
    """The top-level packages among ``modules`` that are not installed."""
    return [m for m in modules if importlib.util.find_spec(m.partition(".")[0]) is None]


def require(extra: str, *modules: str) -> None:
    """Exit with a one-line hint unless every one of ``modules`` is installed."""
    absent = missing(*modules)
    if not absent:
        return
    script = Path(sys.argv[0]).name
    sys.exit(
        f"{script} needs {', '.join(absent)}, not installed here. From a clone of "
        f'diplo_events: pip install ".[{extra}]" (or ".[examples]" for every example); '
        f'from PyPI: pip install "diplo-events[{extra}]".'
    )
