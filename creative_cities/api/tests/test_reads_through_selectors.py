"""The API reads through the apps' selectors, as the pages do: no model manager in its code."""

import ast
from pathlib import Path

import creative_cities.api

API = Path(creative_cities.api.__file__).parent


def test_no_api_module_queries_a_model_itself():
    uses = []
    for path in API.rglob("*.py"):
        if "tests" in path.relative_to(API).parts or "migrations" in path.relative_to(API).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Attribute) and node.attr == "objects":
                uses.append(f"{path.relative_to(API)}:{node.lineno}")
    assert uses == []
