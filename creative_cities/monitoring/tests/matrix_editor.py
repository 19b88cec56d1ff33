"""Rows of the permission matrix for the monitoring editor routes (see matrix.py)."""

ROUTES = []
OPERATIONS = []


def build(world) -> None:
    return None
