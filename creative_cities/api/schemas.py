"""Helpers for the API's query schemas."""

from collections.abc import Callable
from datetime import date


def form_checks(**constraints) -> dict:
    """JSON Schema constraints that the document declares and a page's form enforces.

    For filters validated by the pages' own forms: the document states the same
    limits as the form, and the form's refusal (a 400 ``invalid_filter`` naming the
    parameter) stays the one answer, rather than pydantic refusing first with
    another code.
    """
    return constraints


def up_to_this_year(schema: dict) -> None:
    """A year's upper limit, computed when the document is written, as the forms compute it."""
    schema["maximum"] = date.today().year


def form_checks_with(*adjust: Callable[[dict], None], **constraints) -> Callable[[dict], None]:
    """``form_checks`` with limits computed when the document is written."""

    def apply(schema: dict) -> None:
        schema.update(constraints)
        for step in adjust:
            step(schema)

    return apply
