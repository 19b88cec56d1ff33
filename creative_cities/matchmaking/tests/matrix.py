"""Who may use the matchmaking routes: rows of the permission matrix (see core/tests/permission_matrix.py)."""

ROUTES = []
OPERATIONS = []


def build(world) -> None:
    """Add to the shared world the objects these rows need."""
