import ast
from pathlib import Path

import pytest

from creative_cities.composite import Framework, Node

PACKAGE = Path(__file__).resolve().parent.parent


def small_tree() -> Framework:
    return Framework(
        [
            Node("index", "Index", None),
            Node("culture", "Culture", "index", weight=2),
            Node("economy", "Economy", "index"),
            Node("museums", "Museums", "culture"),
            Node("festivals", "Festivals", "culture"),
            Node("jobs", "Creative jobs", "economy"),
        ]
    )


def test_levels_run_from_the_indicators_up_to_the_index():
    framework = small_tree()

    assert framework.root == "index"
    assert framework.indicators == ["museums", "festivals", "jobs"]
    assert framework.levels == [["museums", "festivals", "jobs"], ["culture", "economy"], ["index"]]
    assert framework.level_of("jobs") == 1
    assert framework.level_of("index") == 3
    assert framework.children("culture") == ["museums", "festivals"]
    assert framework.ancestors("museums") == ["culture", "index"]


def test_an_unbalanced_tree_puts_each_aggregate_above_its_highest_child():
    framework = Framework(
        [
            Node("index", "Index", None),
            Node("culture", "Culture", "index"),
            Node("museums", "Museums", "culture"),
            Node("jobs", "Creative jobs", "index"),
        ]
    )

    assert framework.levels == [["museums", "jobs"], ["culture"], ["index"]]


def test_every_problem_of_a_framework_is_reported_at_once():
    nodes = [
        Node("index", "Index", None),
        Node("other", "Second root", None),
        Node("a", "A", "index", weight=0),
        Node("a", "A again", "index"),
        Node("b", "B", "ghost"),
        Node("c", "C", "d"),
        Node("d", "D", "c"),
        Node("e", "E", "index", direction=2),
    ]

    with pytest.raises(ValueError) as error:
        Framework(nodes)

    message = str(error.value)
    assert "duplicate code 'a'" in message
    assert "'b' has an unknown parent 'ghost'" in message
    assert "'a' has a non-positive weight (0)" in message
    assert "2 roots ('index', 'other')" in message
    assert "cycle: c → d → c" in message
    assert "'e' has direction 2" in message


def test_a_framework_without_root_is_refused():
    with pytest.raises(ValueError, match="no root"):
        Framework([Node("a", "A", "b"), Node("b", "B", "a")])


def test_negative_weights_and_reversed_goalposts_are_refused():
    with pytest.raises(ValueError) as error:
        Framework(
            [
                Node("index", "Index", None),
                Node("a", "A", "index", weight=-1),
                Node("b", "B", "index", goalposts=(10, 0)),
            ]
        )

    assert "'a' has a non-positive weight (-1)" in str(error.value)
    assert "'b' has goalposts (10, 0)" in str(error.value)


def test_a_framework_is_read_from_records_with_blanks_as_defaults():
    framework = Framework.from_records(
        [
            {"code": "index", "name": "Index", "parent": ""},
            {"code": "a", "name": "A", "parent": "index", "weight": "2", "direction": "-1", "unit": "%"},
            {"code": "b", "name": "B", "parent": "index", "goalpost_low": "0", "goalpost_high": "100"},
        ]
    )

    assert framework.node("index").parent is None
    assert framework.node("a").weight == 2.0
    assert framework.node("a").direction == -1
    assert framework.node("b").goalposts == (0.0, 100.0)
    assert framework.node("b").weight == 1.0


def test_the_engine_imports_neither_django_nor_the_platform():
    """The engine is a library of its own: the platform may use it, never the reverse."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                inside = name.startswith("creative_cities.composite")
                if top == "django" or (top == "creative_cities" and not inside):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []
