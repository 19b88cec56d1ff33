"""Shared pieces of the API's schemas: the limits declared for filters that forms check, integers as stored."""

from collections.abc import Callable
from datetime import date
from typing import Annotated

from pydantic import Field


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


# Integers in bodies are what the database stores: 64 bits, signed. A larger number
# is refused by the schema (a 400 naming the field) before it reaches a query.
INTEGER_MAX = 2**63 - 1
Integer = Annotated[int, Field(ge=-INTEGER_MAX - 1, le=INTEGER_MAX)]
Id = Annotated[int, Field(ge=1, le=INTEGER_MAX)]
