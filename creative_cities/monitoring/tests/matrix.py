"""Who may use the monitoring routes: rows of the permission matrix (see tests/platform/permission_matrix.py).

The rows come in two parts, the editor's (``matrix_editor``) and the cycles', review's
and publication's (``matrix_cycles``); each builds the objects its rows need.
"""

from . import matrix_cycles, matrix_editor

ROUTES = [*matrix_editor.ROUTES, *matrix_cycles.ROUTES]
OPERATIONS = [*matrix_editor.OPERATIONS, *matrix_cycles.OPERATIONS]


def build(world) -> None:
    matrix_editor.build(world)
    matrix_cycles.build(world)
