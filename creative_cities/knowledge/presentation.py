"""Labels for what the search facets hold as codes, and the steps of an item's review."""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from creative_cities.core.languages import language_label


@lru_cache(maxsize=8)
def _labels(language: str, version: str) -> dict:
    """Names of the facets' codes; ``version`` (the registry's) makes a renamed field show at once."""
    from creative_cities.cities.models import Country, CreativeField, Region
    from creative_cities.frameworks.models import AreaOfAction, Objective, SdgGoal, SdgTarget

    from .choices import ItemKind

    return {
        "type": {**dict(ItemKind.choices), "city": _("City"), "report": _("Monitoring report")},
        "field": {f.code: f.name for f in CreativeField.objects.all()},
        "region": {r.code: r.name for r in Region.objects.all()},
        "country": {c.iso2: c.name for c in Country.objects.all()},
        "objective": {o.code: o.name for o in Objective.objects.all()},
        "area": {a.code: a.name for a in AreaOfAction.objects.all()},
        "sdg": {
            **{str(g.number): f"{g.number}. {g.name}" for g in SdgGoal.objects.all()},
            **{t.code: f"{t.code} {t.label}" for t in SdgTarget.objects.all()},
        },
    }


def facet_label(name: str, value) -> str:
    if name == "language":
        return language_label(value)
    if name == "year":
        return str(value)
    from creative_cities.cities.selectors import registry_version

    labels = _labels(get_language() or "en", str(registry_version()))
    return str(labels.get(name, {}).get(str(value), value))


@dataclass(frozen=True)
class Step:
    """One step of an item's way to the public: ``state`` is "done", "current" or "to come"."""

    label: str
    state: str


def item_progress(status: str) -> dict:
    """The steps of an item in ``status`` (draft → under review → published, with a return or an unpublishing
    where they happened), and what the current step means for whoever reads it."""
    from .choices import ItemStatus

    draft, review, published = ItemStatus.DRAFT.label, _("Under review"), ItemStatus.PUBLISHED.label
    steps = {
        ItemStatus.DRAFT: [(draft, "current"), (review, "to come"), (published, "to come")],
        ItemStatus.SUBMITTED: [(draft, "done"), (review, "current"), (published, "to come")],
        ItemStatus.RETURNED: [
            (draft, "done"),
            (review, "done"),
            (ItemStatus.RETURNED.label, "current"),
            (published, "to come"),
        ],
        ItemStatus.PUBLISHED: [(draft, "done"), (review, "done"), (published, "current")],
        ItemStatus.UNPUBLISHED: [
            (draft, "done"),
            (review, "done"),
            (published, "done"),
            (ItemStatus.UNPUBLISHED.label, "current"),
        ],
    }[status]
    hints = {
        ItemStatus.DRAFT: _("Only the city's team sees it, until it is sent for review."),
        ItemStatus.SUBMITTED: _(
            "Not public yet: the coordinators of its creative fields, or the Secretariat, publish it or return it"
            " with comments."
        ),
        ItemStatus.RETURNED: _("Not public: the team changes it as the comments say, then sends it for review again."),
        ItemStatus.PUBLISHED: _("Everyone can read it and find it in any language."),
        ItemStatus.UNPUBLISHED: _("No longer public; sent for review again, it can be published anew."),
    }
    current = next(label for label, state in steps if state == "current")
    return {
        "steps": [Step(str(label), state) for label, state in steps],
        "current": str(current),
        "hint": hints[status],
    }
