"""The import rules of the package's layout, read from the modules' own imports.

The stages (docs/architecture.md): the event model and exceptions at the
bottom; the parse view (``_tokens``); dates, actors and rules above it; the
parser backend (``_nlp``) beside them; the extractor and the one-shot API on
top; outputs and the command line at the edge.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

import diplo_events

PACKAGE = Path(diplo_events.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterable[str]:
    """Every module a file imports, anywhere in it (functions and TYPE_CHECKING blocks too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            yield target
            # "from . import store" imports the module store
            yield from (f"{target}.{alias.name}" for alias in node.names)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (names of modules that exist)."""
    files = {_module_name(p): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        graph[name] = {t for t in _imports(path) if t in files and t != name}
    return graph


def third_party(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the top-level names of what it imports from outside the package."""
    out: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        out[_module_name(path)] = {
            t.split(".")[0] for t in _imports(path) if t and not t.startswith("diplo_events")
        }
    return out


GRAPH = import_graph()


def _in(module: str, *rooms: str) -> bool:
    return any(
        module == f"diplo_events.{r}" or module.startswith(f"diplo_events.{r}.") for r in rooms
    )


def _violations(rule: str, graph: dict[str, set[str]] | None = None) -> list[str]:
    graph = GRAPH if graph is None else graph
    bad = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            if _breaks(rule, module, target):
                bad.append(f"{module} -> {target}")
    return bad


def _breaks(rule: str, module: str, target: str) -> bool:
    if rule == "model":  # the event model and the exceptions import nothing of the package
        return _in(module, "_events", "exceptions")
    if rule == "dates":  # dates know nothing of actors or the parser
        return _in(module, "_dates") and _in(target, "_actors", "_nlp")
    if rule == "rules":  # the rules read parse views only
        return _in(module, "_rules") and _in(target, "_nlp")
    if rule == "edge":  # outputs and the command line are at the edge
        if _in(target, "_cli"):
            return module != "diplo_events.__main__"
        if _in(target, "_outputs"):
            return module not in ("diplo_events", "diplo_events._cli")
        return False
    raise ValueError(rule)


@pytest.mark.parametrize("rule", ["model", "dates", "rules", "edge"])
def test_import_rules_hold(rule: str) -> None:
    assert _violations(rule) == []


def test_a_wrong_import_is_caught() -> None:
    """The rules see an import added where it must not be."""
    graph = {k: set(v) for k, v in GRAPH.items()}
    graph["diplo_events._dates.anchoring"].add("diplo_events._actors.mentions")
    graph["diplo_events._rules.engine"].add("diplo_events._nlp.driver")
    graph["diplo_events._events"].add("diplo_events._text")
    graph["diplo_events._extractor"].add("diplo_events._outputs")
    assert _violations("dates", graph) == [
        "diplo_events._dates.anchoring -> diplo_events._actors.mentions"
    ]
    assert _violations("rules", graph) == ["diplo_events._rules.engine -> diplo_events._nlp.driver"]
    assert _violations("model", graph) == ["diplo_events._events -> diplo_events._text"]
    assert _violations("edge", graph) == ["diplo_events._extractor -> diplo_events._outputs"]
    looped = {k: set(v) for k, v in GRAPH.items()}
    looped["diplo_events._tokens"].add("diplo_events._rules.triggers")
    loop = {"diplo_events._rules", "diplo_events._tokens"}
    assert any(loop <= set(c) for c in _cycles(_rooms(looped)))


def test_only_the_parser_backend_imports_stanza_or_torch() -> None:
    heavy = {
        module: sorted(names & {"stanza", "torch"})
        for module, names in third_party().items()
        if names & {"stanza", "torch"} and not _in(module, "_nlp")
    }
    assert heavy == {}


def _rooms(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph between rooms: top-level modules and sub-packages (faces left out)."""

    def room(module: str) -> str:
        parts = module.split(".")
        return ".".join(parts[:2])

    out: dict[str, set[str]] = {}
    for module, targets in graph.items():
        if module == "diplo_events":
            continue  # the face imports every room
        out.setdefault(room(module), set()).update(
            room(t) for t in targets if t != "diplo_events" and room(t) != room(module)
        )
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_between_modules_or_rooms() -> None:
    modules = {m: t - {"diplo_events"} for m, t in GRAPH.items() if m != "diplo_events"}
    assert _cycles(modules) == []
    assert _cycles(_rooms(GRAPH)) == []


def test_importing_the_package_loads_neither_torch_nor_stanza() -> None:
    code = (
        "import sys, diplo_events; "
        "print(sorted(m for m in ('torch', 'stanza', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
