"""Demo content for the knowledge base: items of real member cities, in many languages, from a seed.

``plans.plan_items`` decides everything from the seed and the registry, without
writing: the same seed and registry give the same items, and the first N items of a
larger run are the items of a run of N. ``render`` writes a plan in a language from
the phrase banks of ``data/demo/knowledge/`` (read and checked by ``phrases``),
fitting the creative field of the city that writes it. ``writers`` creates the
items, in bulk for thousands or through the knowledge services for a few, with the
same rows either way. Every item is marked ``is_demo``, so that
``clear_demo_items`` removes them and only them.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .plans import Plan, Reference, load_reference, parse_language_mix, plan_items
from .render import DemoItem, build_item, render
from .writers import clear_demo_items, write_bulk, write_with_services

__all__ = [
    "DemoItem",
    "DemoReport",
    "Plan",
    "Reference",
    "build_items",
    "clear_demo_items",
    "generate",
    "load_reference",
    "parse_language_mix",
    "plan_items",
    "render",
    "write_bulk",
    "write_with_services",
]

# (description, total) -> a bar with update(n) and close(), such as tqdm.
ProgressFactory = Callable[[str, int], Any] | None


@dataclass
class DemoReport:
    created: int = 0
    cleared: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def build_items(n: int, *, seed: int, language_mix: str | None = None, progress: ProgressFactory = None) -> list:
    """The ``n`` demo items of a seed, ready to write (nothing is written)."""
    reference = load_reference()
    plans = plan_items(n, seed=seed, languages=parse_language_mix(language_mix), reference=reference)
    bar = progress("compose", n) if progress else _NoBar()
    items = []
    for plan in plans:
        items.append(build_item(plan, reference))
        bar.update(1)
    bar.close()
    return items


def generate(
    *,
    items: int,
    seed: int = 1,
    language_mix: str | None = None,
    clear: bool = False,
    via_services: bool = False,
    progress: ProgressFactory = None,
) -> DemoReport:
    """Add ``items`` demo items (after deleting the previous ones if ``clear``); search is not indexed."""
    from creative_cities.audit.services import audit_record

    report = DemoReport()
    started = time.perf_counter()
    if clear:
        report.cleared = clear_demo_items()
        audit_record(action="knowledge.demo_clear", label="demo content", after={"items": report.cleared})
        report.seconds["clear"] = time.perf_counter() - started
    started = time.perf_counter()
    demo_items = build_items(items, seed=seed, language_mix=language_mix, progress=progress)
    report.seconds["compose"] = time.perf_counter() - started
    started = time.perf_counter()
    bar = progress("write", items) if progress else _NoBar()
    writer = write_with_services if via_services else write_bulk
    created = writer(demo_items, progress=bar.update)
    bar.close()
    report.created = len(created)
    if created:
        audit_record(
            action="knowledge.demo_generate",
            label="demo content",
            after={"items": report.created, "seed": seed, "language_mix": language_mix or "default"},
        )
    report.seconds["write"] = time.perf_counter() - started
    return report
