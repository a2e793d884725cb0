"""Sphinx configuration: MyST + furo, autodoc + napoleon + intersphinx, built with ``-W -n``.

Build::

    sphinx-build -W -n docs docs/_build

``taxonomy.md`` is regenerated from the bundled lexicon at every build
(``tools/gen_taxonomy.py``), so it cannot drift from the data.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import tomllib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _dist_version
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
# Document the checkout, installed or not.
sys.path.insert(0, str(REPO / "src"))

# -- Project -----------------------------------------------------------------

project = "diplo_events"
author = "diplo_events developers"
copyright = "diplo_events developers"


def _version() -> str:
    try:
        return _dist_version("diplo-events")
    except PackageNotFoundError:  # a source checkout that was never installed
        with (REPO / "pyproject.toml").open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])


release = _version()
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "conftest.py", "test_*.py", "**/.pytest_cache"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_default_options = {"members": True, "undoc-members": True}
autodoc_inherit_docstrings = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"diplo_events {release}"
html_static_path: list[str] = []

# -- Intersphinx, offline-safe ------------------------------------------------
#
# Inventories come from the web, or from a local copy: set
# DIPLO_EVENTS_INVENTORIES=DIR with python.inv / attrs.inv in it (Debian's
# python3-doc package has /usr/share/doc/python3/html/objects.inv).  With
# neither, the mapping is dropped and references to other projects are not
# checked (ours still are), so an offline build still passes ``-W -n``.

_INVENTORIES = {
    "python": "https://docs.python.org/3",
    "attrs": "https://www.attrs.org/en/stable",
}


def _local_inventory(name: str) -> str | None:
    candidates = []
    if os.environ.get("DIPLO_EVENTS_INVENTORIES"):
        candidates.append(Path(os.environ["DIPLO_EVENTS_INVENTORIES"]) / f"{name}.inv")
    candidates.append(DOCS / "_inventories" / f"{name}.inv")
    if name == "python":
        minor = f"{sys.version_info.major}.{sys.version_info.minor}"
        candidates += [Path(f"/usr/share/doc/python{minor}/html/objects.inv"),
                       Path("/usr/share/doc/python3/html/objects.inv")]
    return next((str(p) for p in candidates if p.is_file()), None)


def _online(url: str) -> bool:
    if os.environ.get("DIPLO_EVENTS_DOCS_OFFLINE"):
        return False
    host = urlparse(url).hostname or ""
    try:
        with socket.create_connection((host, 443), timeout=3):
            return True
    except OSError:
        return False


intersphinx_mapping: dict[str, tuple[str, Any]] = {}
_unchecked: list[str] = []
for _name, _url in _INVENTORIES.items():
    _local = _local_inventory(_name)
    if _local is not None:
        intersphinx_mapping[_name] = (_url, _local)
    elif _online(_url):
        intersphinx_mapping[_name] = (_url, None)
    else:
        _unchecked.append(_name)

nitpick_ignore_regex: list[tuple[str, str]] = [
    # Private helper classes that show up in public signatures (Extractor.parse's
    # Sentence, Lexicon.lookup's Trigger) have no page to link to; public names
    # defined in private modules are mapped to their public pages below. Any
    # depth: the private rooms are packages too (diplo_events._nlp.store.ModelInfo).
    (r"py:.*", r"diplo_events(\.\w+)*\._\w+(\.\w+)*"),
]
if _unchecked:
    # Offline: leave other projects' names unchecked, keep checking our own.
    nitpick_ignore_regex.append((r"py:.*", r"(?!diplo_events\b).*"))

# -- The generated taxonomy page -------------------------------------------------


def _generate_taxonomy() -> None:
    path = REPO / "tools" / "gen_taxonomy.py"
    spec = importlib.util.spec_from_file_location("gen_taxonomy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(DOCS / "taxonomy.md")


_generate_taxonomy()

# -- Names: private modules -> the public names --------------------------------------
#
# Annotations name classes where they are defined (diplo_events._events.Event);
# the docs describe them where users import them (diplo_events.Event).


def _public_target(target: str) -> str | None:
    import diplo_events
    import diplo_events.exceptions

    name = target.rsplit(".", 1)[-1]
    if not target.startswith("diplo_events.") or target.count(".") < 1:
        return None
    if name in diplo_events.exceptions.__all__:
        return f"diplo_events.exceptions.{name}"
    if name in diplo_events.__all__:
        return f"diplo_events.{name}"
    return None


def _missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    public = _public_target(target)
    if public is None or public == target:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node.get("refdoc", ""), app.builder, node["reftype"],
                               public, node, contnode)


def setup(app: Any) -> None:
    app.connect("missing-reference", _missing_reference)
