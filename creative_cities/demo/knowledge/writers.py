"""Writing demo items, in bulk or through the knowledge services, and removing them.

Both writers give the same rows. The services create, translate, then publish
(or submit) each item, recording one version; the bulk writer computes the same
slugs, relations, rows and version in memory and inserts them by the thousand.
Neither indexes search: the command rebuilds the index once at the end.
"""

from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from creative_cities.audit.services import snapshot
from creative_cities.knowledge import services
from creative_cities.knowledge.choices import ItemStatus
from creative_cities.knowledge.models import (
    ItemFigure,
    ItemLink,
    ItemPartner,
    ItemTranslation,
    ItemVersion,
    KnowledgeItem,
)

from ..marks import mark_as_demo, quiet_mail
from .render import DemoItem

CHUNK = 2000
ROWS = [
    (ItemPartner, "partners", ["name", "sector"]),
    (ItemFigure, "figures", ["label", "value", "unit", "position"]),
    (ItemLink, "links", ["url", "title"]),
]
Progress = Callable[[int], None] | None


def unique_slug(title: str, taken: set[str]) -> str:
    """``services.item_unique_slug`` against a set of slugs in memory (and the new one added to it)."""
    base = (slugify(unidecode(title))[:100] or "item").strip("-")
    slug = base
    counter = 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    taken.add(slug)
    return slug


def _labels(model) -> dict[int, tuple[int, str]]:
    """pk -> (position in the model's own ordering, label): how ``item.<relation>.all()`` lists them."""
    return {obj.pk: (position, str(obj)) for position, obj in enumerate(model.objects.all())}


class _Versions:
    """The version ``item_publish`` records, computed without reading the item back."""

    def __init__(self):
        self.labels = {
            name: _labels(KnowledgeItem._meta.get_field(name).related_model) for name in services.ITEM_RELATIONS
        }

    def data(self, obj: KnowledgeItem, item: DemoItem) -> dict:
        relations = {
            name: [label for _position, label in sorted(self.labels[name][pk] for pk in item.relations[name])]
            for name in services.ITEM_RELATIONS
        }
        translations = {}
        if item.translation:
            translations[item.translation["language"]] = {
                "title": item.translation["title"],
                "summary": item.translation["summary"],
            }
        return {**snapshot(obj, services.ITEM_FIELDS), **relations, "translations": translations}


def _insert(model, fields: list[str], rows: list[tuple]) -> None:
    """Plain rows inserted with one statement run many times: several times faster than
    ``bulk_create`` for the many small rows of thousands of items (no model instances)."""
    if not rows:
        return
    meta, quote = model._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    values = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({values})"  # noqa: S608 - names from the models
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            cursor.executemany(sql, rows[start : start + CHUNK])


def _through_rows(name: str, pairs: list[tuple[int, int]]) -> None:
    relation = KnowledgeItem._meta.get_field(name)
    through = relation.remote_field.through
    _insert(through, [relation.m2m_field_name(), relation.m2m_reverse_field_name()], pairs)


def write_bulk(items: list[DemoItem], *, progress: Progress = None) -> list[KnowledgeItem]:
    """Insert the items and everything that hangs from them, a chunk at a time, in one transaction."""
    versions = _Versions()
    created: dict[int, KnowledgeItem] = {}
    with transaction.atomic():
        taken = set(KnowledgeItem.objects.values_list("slug", flat=True))
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            now = timezone.now()
            objects = []
            for item in chunk:
                obj = KnowledgeItem(
                    owner_city_id=item.owner_city_id,
                    is_demo=True,
                    status=item.status,
                    published_at=item.published_at,
                    submitted_at=now if item.status == ItemStatus.SUBMITTED else None,
                    **item.data,
                )
                obj.slug = unique_slug(obj.title, taken)
                objects.append(obj)
            KnowledgeItem.objects.bulk_create(objects, batch_size=500)
            created |= {item.index: obj for item, obj in zip(chunk, objects, strict=True)}
            adapted = []
            for item, obj in zip(chunk, objects, strict=True):
                if item.adapted_from is not None:
                    obj.adapted_from = created[item.adapted_from]
                    adapted.append(obj)
            KnowledgeItem.objects.bulk_update(adapted, ["adapted_from"], batch_size=500)
            pairs = list(zip(chunk, objects, strict=True))
            for name in services.ITEM_RELATIONS:
                _through_rows(name, [(obj.pk, pk) for item, obj in pairs for pk in item.relations[name]])
            for model, attribute, names in ROWS:
                rows = [(obj.pk, *(row[n] for n in names)) for item, obj in pairs for row in getattr(item, attribute)]
                _insert(model, ["item", *names], rows)
            ItemTranslation.objects.bulk_create(
                [ItemTranslation(item=obj, **item.translation) for item, obj in pairs if item.translation],
                batch_size=CHUNK,
            )
            ItemVersion.objects.bulk_create(
                [
                    ItemVersion(item=obj, number=1, created_by=None, data=versions.data(obj, item))
                    for item, obj in pairs
                    if item.status == ItemStatus.PUBLISHED
                ],
                batch_size=500,
            )
            if progress:
                progress(len(chunk))
    return list(created.values())


def write_with_services(items: list[DemoItem], *, progress: Progress = None) -> list[KnowledgeItem]:
    """Create each item as a city team would: create, translate, then publish or submit.

    Slow (each step is audited and versioned): for tests and small numbers. Each item
    is marked as demo as soon as it exists. The services tell people about what they
    write (reviewers, the city's focal point); demo content must not, so the mail goes
    nowhere: call this outside any transaction, so that the mail is sent before the
    block ends.
    """
    from creative_cities.cities.models import City

    cities = City.objects.in_bulk({item.owner_city_id for item in items})
    created: dict[int, KnowledgeItem] = {}
    with quiet_mail(), transaction.atomic(durable=True):
        for item in items:
            data = dict(item.data)
            if item.adapted_from is not None:
                data["adapted_from"] = created[item.adapted_from]
            obj = services.item_create(
                by=None,
                owner_city=cities[item.owner_city_id],
                data=data,
                relations=item.relations,
                partners=item.partners,
                figures=item.figures,
                links=item.links,
            )
            mark_as_demo(obj)
            if item.translation:
                services.item_translation_save(item=obj, by=None, **item.translation)
            if item.status == ItemStatus.PUBLISHED:
                obj.published_at = item.published_at  # item_publish keeps a date already set
                obj = services.item_publish(item=obj, by=None)
            elif item.status == ItemStatus.SUBMITTED:
                obj = services.item_submit(item=obj, by=None)
            created[item.index] = obj
            if progress:
                progress(1)
    return list(created.values())


def clear_demo_items() -> int:
    """Delete every demo item (with its rows and versions); real items are never touched."""
    with transaction.atomic():
        demo = KnowledgeItem.objects.filter(is_demo=True)
        count = demo.count()
        # Real items adapted from a demo one lose that link (SET_NULL), as when any item is deleted.
        demo.delete()
    return count
