"""Who may use the indicators routes: rows of the permission matrix (see tests/platform/permission_matrix.py)."""

ROUTES = []
OPERATIONS = []


def build(world) -> None:
    return None
