"""The record of what was done to which value, kept alongside every result."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Step:
    """One thing done: ``step`` (impute, winsorise, log, normalise, weight, coverage, …) to ``node``,
    for one ``unit`` (or all units when None), from ``before`` to ``after``, explained in ``note``."""

    step: str
    node: str
    unit: str | None
    before: float | None
    after: float | None
    note: str

    def to_dict(self) -> dict:
        values = asdict(self)
        for key in ("before", "after"):
            if values[key] is not None:
                values[key] = json_number(values[key])
        return values


def json_number(value) -> float | int | None:
    """A number JSON can carry: NaN and infinities become None, numpy scalars plain Python."""
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number):
        return None
    return int(number) if isinstance(value, int) and not isinstance(value, bool) else number
