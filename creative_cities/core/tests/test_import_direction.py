"""Imports point one way: core knows no app, and search knows no app but core.

Apps reach these through registration instead (a search provider, a notification
kind, a template library of their own), so a test reads the import statements.
"""

import ast
from pathlib import Path

import pytest

import creative_cities

PACKAGE = Path(creative_cities.__file__).parent
# What each package's own code (not its tests) may import from the project.
ALLOWED = {"core": {"core"}, "search": {"core", "search"}}


def _project_imports(path: Path) -> set[str]:
    """The apps of creative_cities a module imports, at its top or inside a function."""
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        apps |= {name.split(".")[1] for name in names if name.startswith("creative_cities.") and name.count(".")}
    return apps


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_shared_package_imports_no_app(package):
    wrong = {
        str(path.relative_to(PACKAGE)): sorted(apps - ALLOWED[package])
        for path in (PACKAGE / package).rglob("*.py")
        if "tests" not in path.relative_to(PACKAGE / package).parts
        and (apps := _project_imports(path)) - ALLOWED[package]
    }
    assert wrong == {}
