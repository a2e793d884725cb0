"""Run the documentation's examples as tests: ``pytest docs``.

Every ``python`` code block and doctest in the MyST pages is executed with
Sybil, each page in a fresh temporary working directory (so examples may
write files).  A ``{code-block} json`` with a ``:caption:`` is written to
the file it names, so the examples can load what the page shows.

Examples that need the parser model sit after a
``% skip: next if(SKIP_MODEL, ...)`` comment or between
``% skip: start if(SKIP_MODEL, ...)`` and ``% skip: end``; set
``DIPLO_EVENTS_SKIP_MODEL=1`` to skip them where the model is not available::

    DIPLO_EVENTS_SKIP_MODEL=1 pytest docs
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.parsers.myst import ClearNamespaceParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.myst.lexers import DirectiveLexer

SKIP_MODEL = os.environ.get("DIPLO_EVENTS_SKIP_MODEL", "") not in ("", "0")
# Plots in the examples render off-screen.
os.environ.setdefault("MPLBACKEND", "Agg")


def missing(*modules: str) -> bool:
    """Whether any of ``modules`` is not installed (for skip conditions)."""
    return any(importlib.util.find_spec(m) is None for m in modules)


def _write_file(example: Example) -> None:
    name, source = example.parsed
    Path(name).write_text(str(source), encoding="utf-8")


def _captioned_files(document: Document) -> Iterator[Region]:
    """Regions for ``{code-block} LANG`` blocks with a ``:caption:`` naming a file."""
    for lexed in DirectiveLexer(directive="code-block", arguments=r"(json|text|toml)")(document):
        caption = lexed.lexemes.get("options", {}).get("caption")
        if caption:
            yield Region(lexed.start, lexed.end, (caption, lexed.lexemes["source"]), _write_file)


def _setup(namespace: dict[str, Any]) -> None:
    namespace["SKIP_MODEL"] = SKIP_MODEL
    namespace["missing"] = missing
    namespace["_docs_cwd"] = os.getcwd()
    namespace["_docs_tmp"] = tempfile.mkdtemp(prefix="diplo_events_docs_")
    os.chdir(namespace["_docs_tmp"])


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_docs_cwd"])
    shutil.rmtree(namespace["_docs_tmp"], ignore_errors=True)


pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser(), ClearNamespaceParser(), _captioned_files],
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=_setup,
    teardown=_teardown,
).pytest()
