"""The package's layout is its data flow: imports point down it, never up and never in a circle.

file → log (read, check, cache) → views → render / write → cli. Every import counts, including
those inside functions (kept there for start-up speed) and those only for type checking.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rwpk_cli"

#: Each folder's place in the flow; a module may import only from a lower place or its own folder.
#: render and write share a place and may not import each other; read (the files `rwpk import` reads)
#: comes after both, and plans what import writes with their blocks.
LAYERS = {
    "errors": 0,
    "dates": 1,
    "log": 2,
    "views": 3,
    "render": 4,
    "write": 4,
    "read": 4.5,
    "draft": 4.6,
    "cli": 5,
    "__main__": 6,
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's own modules that ``name`` imports, wherever in the file the import is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # "from . import render"
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _folder(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_walk_finds_the_package() -> None:
    """The checks below would pass on nothing at all; make sure they see the real imports."""
    assert {"rwpk_cli.log.open", "rwpk_cli.log.cache", "rwpk_cli.cli.app", "rwpk_cli.views.summaries"} <= set(GRAPH)
    assert "rwpk_cli.log.cache" in GRAPH["rwpk_cli.log.open"]
    assert "rwpk_cli.log.parse" in GRAPH["rwpk_cli.log.open"]  # imported inside a function
    assert "rwpk_cli.render" in GRAPH["rwpk_cli.cli.options"]  # from .. import render


def test_no_import_cycle() -> None:
    """Tarjan's strongly connected components: any component of more than one module is a circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in GRAPH[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in GRAPH:
        if module not in index:
            visit(module)
    assert cycles == []


def test_imports_point_down_the_flow() -> None:
    upward = []
    for module, imported in GRAPH.items():
        folder = _folder(module)
        if folder not in LAYERS:
            assert module == "rwpk_cli", f"{module} is in no layer; add its folder to LAYERS"
            continue
        for other in imported:
            target = _folder(other)
            if target == folder or other == "rwpk_cli":  # its own folder, or the package's version
                continue
            if target not in LAYERS or LAYERS[target] >= LAYERS[folder]:
                upward.append(f"{module} imports {other}")
    assert upward == []


def test_one_files_cache_knows_nothing_of_includes() -> None:
    assert GRAPH["rwpk_cli.log.cache"].isdisjoint({"rwpk_cli.log.includes", "rwpk_cli.log.open"})
    assert not any(_folder(m) == "views" for m in GRAPH["rwpk_cli.log.cache"])


@pytest.mark.parametrize("module", [m for m in MODULES if _folder(m) not in ("cli", "__main__")])
def test_only_the_command_line_prints_or_exits(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("print", "exit", "input")
        ):
            found.append(f"line {node.lineno}: {node.func.id}()")
        if isinstance(node, ast.Attribute) and node.attr in ("exit", "stdout", "stderr") and (
            isinstance(node.value, ast.Name) and node.value.id == "sys"
        ):  # fmt: skip
            found.append(f"line {node.lineno}: sys.{node.attr}")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            allowed = ("rich",) if _folder(module) == "render" else ()  # renderers return Rich renderables
            for name in names:
                top = name.split(".")[0]
                if top in ("typer", "click", "rich") and top not in allowed:
                    found.append(f"line {node.lineno}: imports {name}")
    assert found == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_classes_stay_small(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    large = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.end_lineno is not None and node.end_lineno - node.lineno >= 200
    ]
    assert large == []


@pytest.mark.parametrize("init", sorted(PACKAGE.rglob("__init__.py")), ids=lambda p: str(p.parent.name))
def test_each_folder_says_what_it_owns(init: Path) -> None:
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring is not None
    assert len(docstring.splitlines()) >= 3
