"""The package's shape, as rules a test can hold: no import cycle (imports inside functions
count; ``if TYPE_CHECKING:`` blocks do not), the library never imports click, renderers never
import the calculator, and every module imports in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import chuangye_cli

PACKAGE = Path(chuangye_cli.__file__).resolve().parent
#: the stages in pipeline order; a module may import from its own stage and the ones before it
LIBRARY = ("core", "plan", "reports", "rosters", "judge", "render")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules this module imports at run time (at the top or inside functions)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name and t != "chuangye_cli":
                found.add(t)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(name, path, known) for name, path in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def stage(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def test_library_never_imports_click() -> None:
    offenders = []
    for name, path in modules().items():
        if stage(name) in LIBRARY:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in _runtime_nodes(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                    if any(m == "click" or m.startswith("click.") for m in mods):
                        offenders.append(name)
    assert offenders == []


#: the one edge against the stage order: the plan's metrics name report columns, so the plan
#: reads the row model's column vocabulary (reports.rows imports nothing from plan/)
VOCABULARY = "chuangye_cli.reports.rows"


def test_stages_import_only_earlier_stages() -> None:
    """core <- plan <- reports <- rosters <- judge <- render <- cli: nothing imports a later stage."""
    order = {s: i for i, s in enumerate(LIBRARY)}
    order["cli"] = len(LIBRARY)
    g = graph()
    wrong = [
        (a, b)
        for a, targets in g.items()
        for b in targets
        if stage(a) in order and stage(b) in order and order[stage(b)] > order[stage(a)] and b != VOCABULARY
    ]
    assert wrong == []
    assert not any(stage(b) == "plan" for b in g[VOCABULARY])


def test_renderers_compute_nothing() -> None:
    """Renderers read result objects: no import of the calculator or the pipeline."""
    g = graph()
    wrong = [(a, b) for a, targets in g.items() if stage(a) == "render" for b in targets if b in ("chuangye_cli.judge.calculator", "chuangye_cli.judge.pipeline")]
    assert wrong == []


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    names = sorted(n for n in modules() if not n.endswith("__main__"))
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\nprint('ok')"
    proc = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True)
    assert proc.stderr == "" and proc.stdout == "ok\n"
