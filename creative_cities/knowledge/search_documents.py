"""What the search index holds of an item: one document per language version, with its facets.

Only published items are searchable; an item unpublished returns no document, so
the index forgets it.
"""

from django.urls import reverse
from django.utils import translation

from creative_cities.core.markdown import markdown_to_text

from .choices import ItemStatus
from .models import KnowledgeItem

KIND = "knowledge"


def _facets(item: KnowledgeItem) -> dict:
    cities = list(item.cities.all())
    return {
        "type": item.kind,
        "field": sorted({field.code for field in item.fields.all()}),
        "region": sorted({city.country.region.code for city in cities}),
        "country": sorted({city.country.iso2 for city in cities}),
        "city": sorted({city.slug for city in cities}),
        "objective": sorted(objective.code for objective in item.objectives.all()),
        "area": sorted(area.code for area in item.areas.all()),
        "sdg": sorted(
            {str(goal.number) for goal in item.sdg_goals.all()}
            | {target.code for target in item.sdg_targets.all()}
            | {target.code.split(".")[0] for target in item.sdg_targets.all()}
        ),
        "year": item.published_at.year if item.published_at else None,
        "language": item.language,
    }


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def item_documents(object_id: int) -> list:
    return items_documents([object_id]).get(object_id, [])


def items_documents(object_ids: list[int]) -> dict[int, list]:
    """The documents of each published item among the ids (a few queries for them all)."""
    items = (
        KnowledgeItem.objects.filter(pk__in=object_ids, status=ItemStatus.PUBLISHED)
        .select_related("owner_city__country")
        .prefetch_related(
            "cities__country__region", "fields", "objectives", "areas", "sdg_goals", "sdg_targets", "translations"
        )
    )
    with translation.override("en"):
        urls = {item.pk: reverse("knowledge:item_detail", kwargs={"slug": item.slug}) for item in items}
    return {item.pk: _documents(item, urls[item.pk]) for item in items}


def _documents(item: KnowledgeItem, url: str) -> list:
    from creative_cities.search.providers import DocumentData
    from creative_cities.search.snippets import UNSHOWN

    facets = _facets(item)
    places = " ".join(
        f"{city.name} {city.country.name_en} {city.country.name_fr} {city.country.name_es}"
        for city in item.cities.all()
    )
    keywords = " ".join(item.keywords or [])
    versions = [(item.language, item.title, item.summary, item.body, item.results)]
    versions += [(t.language, t.title, t.summary, t.body, t.results) for t in item.translations.all()]
    return [
        DocumentData(
            language=language,
            title=title,
            url=url,
            text=_text(title, summary, markdown_to_text(body), markdown_to_text(results))
            + f"\n{UNSHOWN}\n"
            + _text(keywords, places),
            published_at=item.published_at,
            facets=facets,
        )
        for language, title, summary, body, results in versions
    ]


def published_item_ids():
    return KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).values_list("pk", flat=True).iterator()


def load_items(ids) -> dict:
    from .selectors import items_by_ids

    return items_by_ids(ids)


def register() -> None:
    from creative_cities.search import providers

    providers.register(
        KIND, documents=item_documents, documents_many=items_documents, all_ids=published_item_ids, load=load_items
    )
