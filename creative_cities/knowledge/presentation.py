"""Labels for what the search facets hold as codes."""

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
        "type": {**dict(ItemKind.choices), "city": _("City")},
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
