"""Reads of the knowledge base."""

from django.db.models import Count, Prefetch, QuerySet

from creative_cities.cities import selectors as city_selectors
from creative_cities.frameworks import selectors as framework_selectors

from .choices import ItemStatus
from .models import ItemTranslation, KnowledgeItem


def item_list(*, published_only: bool = True) -> QuerySet[KnowledgeItem]:
    items = KnowledgeItem.objects.select_related("owner_city__country__region", "adapted_from__owner_city")
    if published_only:
        items = items.filter(status=ItemStatus.PUBLISHED)
    return items


def item_queryset() -> QuerySet[KnowledgeItem]:
    """Items, whatever their status, with everything an item's page shows: to pick one from."""
    return item_list(published_only=False).prefetch_related(
        "cities__country",
        "fields",
        "objectives",
        "areas",
        "sdg_goals",
        "sdg_targets__goal",
        "partners",
        "figures",
        "links",
        "attachments",
        Prefetch("translations", queryset=ItemTranslation.objects.order_by("language")),
        "adaptations__owner_city",
    )


def item_get(*, slug: str) -> KnowledgeItem:
    """One item with everything its page shows."""
    return item_queryset().get(slug=slug)


def items_by_ids(ids) -> dict[int, KnowledgeItem]:
    """Published items by id, for search results: with their owner city, and nothing else to fetch.

    A page of hits shows each item's kind, city and demo mark. The status is checked
    here rather than in SQL, where SQLite may prefer the status index to the primary
    key and read every published item (13 ms at 50,000 instead of 1).
    """
    items = KnowledgeItem.objects.filter(pk__in=list(ids)).select_related("owner_city").order_by()
    return {item.pk: item for item in items if item.status == ItemStatus.PUBLISHED}


def item_list_for_city(*, city) -> QuerySet[KnowledgeItem]:
    return item_list().filter(cities=city).distinct().prefetch_related("fields")


def item_list_for_field(*, field) -> QuerySet[KnowledgeItem]:
    return item_list().filter(fields=field).distinct().select_related("owner_city").prefetch_related("fields")


def _waiting_for(user) -> QuerySet[KnowledgeItem] | None:
    """Items waiting for review that this person may review, or None if they review nothing.

    Roles come from the person's memo (read once per request), so this costs no query.
    """
    from creative_cities.accounts.choices import FIELD_ROLES
    from creative_cities.accounts.selectors import user_field_ids, user_is_secretariat

    items = KnowledgeItem.objects.filter(status=ItemStatus.SUBMITTED)
    if user_is_secretariat(user):
        return items
    fields = user_field_ids(user, FIELD_ROLES)
    return items.filter(fields__in=fields) if fields else None


def item_list_to_review(*, user) -> QuerySet[KnowledgeItem]:
    """Items waiting for review that this person may review: all for the Secretariat, their fields' for coordinators."""
    waiting = _waiting_for(user)
    if waiting is None:
        return KnowledgeItem.objects.none()
    ids = waiting.values("pk")
    return item_list(published_only=False).filter(pk__in=ids).prefetch_related("fields").order_by("submitted_at")


def item_count_to_review(*, user) -> int:
    """How many items wait for this person's review: one query for those who review, none for anyone else."""
    waiting = _waiting_for(user)
    return 0 if waiting is None else waiting.values("pk").distinct().count()


def item_list_for_team(*, cities) -> QuerySet[KnowledgeItem]:
    """Everything a city team wrote, whatever its status."""
    return item_list(published_only=False).filter(owner_city__in=cities).order_by("-updated_at")


def transfer_counts() -> dict:
    """Practices adapted from another city's, counted by the city, field and region they came from and went to."""
    adapted = item_list().filter(adapted_from__isnull=False, adapted_from__status=ItemStatus.PUBLISHED)
    total = adapted.count()

    def by(path: str, label: str):
        rows = adapted.values(path, label).annotate(count=Count("pk", distinct=True)).order_by("-count", label)
        return [(row[label], row["count"]) for row in rows if row[path] is not None]

    from creative_cities.cities.models import CreativeField, Region

    regions = {region.code: region.name for region in Region.objects.all()}
    fields = {field.code: field.name for field in CreativeField.objects.all()}

    def named(rows, names):
        return [(names.get(code, code), count) for code, count in rows]

    return {
        "total": total,
        "from_cities": by("adapted_from__owner_city", "adapted_from__owner_city__name"),
        "to_cities": by("owner_city", "owner_city__name"),
        "from_regions": named(
            by("adapted_from__owner_city__country__region", "adapted_from__owner_city__country__region__code"), regions
        ),
        "to_regions": named(by("owner_city__country__region", "owner_city__country__region__code"), regions),
        "fields": named(by("fields", "fields__code"), fields),
    }


def item_form_choices() -> dict:
    """What the item form offers to choose from (its pages and the API validate with the same)."""
    return {
        "cities": city_selectors.city_list(status="all").order_by("name"),
        "fields": city_selectors.creative_fields(),
        "objectives": framework_selectors.objective_list(),
        "areas": framework_selectors.area_list(),
        "sdg_goals": framework_selectors.sdg_goal_list(),
        "sdg_targets": framework_selectors.sdg_target_list(),
        "adapted_from": item_list().order_by("title"),
    }
