"""The house rules that keep the product package the product: checked on the source, not by convention."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "job_assets"


def _imports(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    found: list[tuple[ast.AST, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node, node.module))
    return found


def test_only_the_demo_command_imports_the_sandbox_and_only_lazily() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        for node, module in _imports(tree):
            if not module.startswith("job_assets_sandbox"):
                continue
            relative = path.relative_to(PACKAGE).as_posix()
            if relative != "cli/demo.py" or id(node) in top_level:
                offenders.append(f"{relative}:{node.lineno} imports {module}")
    assert offenders == []


def test_the_store_and_the_queries_import_without_dagster() -> None:
    """A notebook reading the store must not pay for importing Dagster (seconds on a small machine)."""
    import subprocess
    import sys

    code = (
        "import sys, job_assets.store.queries, job_assets.store.snapshot, job_assets.config; "
        "assert 'dagster' not in sys.modules, sorted(m for m in sys.modules if m.startswith('dagster'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
