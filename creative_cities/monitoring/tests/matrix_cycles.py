"""Rows of the permission matrix for the monitoring cycles routes (see matrix.py)."""

ROUTES = []
OPERATIONS = []


def build(world) -> None:
    return None
