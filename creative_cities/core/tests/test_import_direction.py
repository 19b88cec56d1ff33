"""Imports point one way: core → domain apps → api and demo (pyproject.toml's import-linter contracts)."""

import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

import creative_cities

PACKAGE = Path(creative_cities.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _apps() -> set[str]:
    return {f"creative_cities.{path.name}" for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}


def _contracts() -> list[dict]:
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]


def test_the_code_keeps_the_contracts():
    # import-linter prints which import breaks which contract.
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True) == 0


def test_every_app_has_its_place_in_the_layers():
    """A new app that no layer names would escape the contract."""
    (layers,) = [contract["layers"] for contract in _contracts() if contract["type"] == "layers"]
    named = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    assert _apps() == named


def test_search_knows_no_app():
    """Apps feed search through providers they register; search itself names none."""
    (forbidden,) = [
        c for c in _contracts() if c["type"] == "forbidden" and c["source_modules"] == ["creative_cities.search"]
    ]
    assert set(forbidden["forbidden_modules"]) == _apps() - {"creative_cities.search", "creative_cities.core"}
