"""Demo content: reproducible from a seed, marked as demo, valid, and removable without touching real items."""

from collections import Counter
from datetime import UTC, datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from creative_cities.core import mail
from creative_cities.demo import knowledge as demo
from creative_cities.demo.knowledge import phrases
from creative_cities.knowledge import services
from creative_cities.knowledge.choices import ItemKind, ItemStatus
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.search.models import SearchDocument

FIELDS = [
    "slug", "kind", "status", "title", "summary", "body", "results", "language", "start_year", "end_year", "budget",
    "currency", "funding", "looking_for_partners", "keywords", "published_at", "is_demo", "review_comment",
]  # fmt: skip
RELATIONS = ["cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets"]


def _dump() -> list[dict]:
    """Everything the demo items are made of, without database ids (which differ between runs)."""
    items = (
        KnowledgeItem.objects.filter(is_demo=True)
        .select_related("owner_city", "adapted_from")
        .prefetch_related("partners", "figures", "links", "translations", "versions", *RELATIONS)
        .order_by("slug")
    )
    dump = []
    for item in items:
        versions = []
        for version in item.versions.all():
            data = dict(version.data)
            if data.get("adapted_from"):
                data["adapted_from"] = data["adapted_from"]["label"]
            versions.append((version.number, data))
        dump.append(
            {
                **{name: getattr(item, name) for name in FIELDS},
                "submitted": item.submitted_at is not None,
                "owner": item.owner_city.slug,
                "adapted_from": item.adapted_from.slug if item.adapted_from else None,
                **{name: sorted(obj.pk for obj in getattr(item, name).all()) for name in RELATIONS},
                "partners": sorted((p.name, p.sector) for p in item.partners.all()),
                "figures": [(f.label, f.value, f.unit, f.position) for f in item.figures.all()],
                "links": [(link.url, link.title) for link in item.links.all()],
                "translations": [(t.language, t.title, t.summary, t.body, t.results) for t in item.translations.all()],
                "versions": versions,
            }
        )
    return dump


@pytest.fixture
def real_item(db, lyon):
    """An item the city of Lyon wrote itself, published."""
    item = services.item_create(
        by=None,
        owner_city=lyon,
        data={
            "kind": ItemKind.PRACTICE,
            "title": "Reading in the parks",
            "summary": "Books on lawns.",
            "language": "en",
        },
        relations={},
    )
    return services.item_publish(item=item, by=None)


def test_the_same_seed_gives_the_same_items(db):
    demo.generate(items=60, seed=7)
    first = _dump()
    demo.generate(items=60, seed=7, clear=True)
    assert _dump() == first
    assert len(first) == 60


def test_another_seed_gives_other_items(db):
    demo.generate(items=30, seed=7)
    titles = {row["title"] for row in _dump()}
    demo.generate(items=30, seed=8, clear=True)
    assert {row["title"] for row in _dump()} != titles


def test_a_smaller_run_gives_the_first_items_of_a_larger_one(db):
    reference = demo.load_reference()
    languages = demo.parse_language_mix(None)
    small = demo.plan_items(20, seed=3, languages=languages, reference=reference)
    large = demo.plan_items(50, seed=3, languages=languages, reference=reference)
    assert [demo.render(plan, plan.language) for plan in small] == [
        demo.render(plan, plan.language) for plan in large[:20]
    ]


def test_the_bulk_writer_and_the_services_write_the_same_rows(db):
    items = demo.build_items(50, seed=5)
    # Among them: adapted practices, translations, drafts and items waiting for review.
    assert any(item.adapted_from is not None for item in items) and any(item.translation for item in items)
    assert {item.status for item in items} == set(demo.plans.STATUS_WEIGHTS)
    demo.write_bulk(items)
    bulk = _dump()
    demo.clear_demo_items()
    demo.write_with_services(items)
    assert _dump() == bulk


def test_items_written_through_the_services_are_marked_as_demo_and_tell_nobody(
    db, secretariat, focal_point_lyon_user, lyon, mailoutbox, monkeypatch
):
    # Mail goes out as soon as it is queued (a test makes no commit to wait for), so that all
    # the services would send is seen: to the reviewers of submitted items (the Secretariat)
    # and to the focal point of a city whose item is published.
    monkeypatch.setattr(mail, "transaction", SimpleNamespace(on_commit=lambda send: send()))
    items = demo.build_items(50, seed=5)
    assert any(item.status == ItemStatus.SUBMITTED for item in items)
    next(item for item in items if item.status == ItemStatus.PUBLISHED).owner_city_id = lyon.pk
    demo.write_with_services(items)
    assert KnowledgeItem.objects.filter(is_demo=True).count() == 50
    assert not KnowledgeItem.objects.filter(is_demo=False).exists()
    assert mailoutbox == []


def test_every_demo_item_is_marked_as_demo(db):
    report = demo.generate(items=25, seed=1)
    assert report.created == 25
    assert KnowledgeItem.objects.filter(is_demo=True).count() == 25
    assert not KnowledgeItem.objects.filter(is_demo=False).exists()


def test_demo_items_pass_the_models_validation(db):
    demo.generate(items=80, seed=5)
    for item in KnowledgeItem.objects.filter(is_demo=True).prefetch_related("partners", "figures", "links"):
        item.full_clean()
        for row in [*item.partners.all(), *item.figures.all(), *item.links.all(), *item.translations.all()]:
            row.full_clean()
        assert item.cities.filter(pk=item.owner_city_id).exists()
        assert item.fields.filter(pk=item.owner_city.field_id).exists()
        assert 1 <= item.objectives.count() <= 3 and 1 <= item.areas.count() <= 2
        assert item.sdg_targets.exists() and item.figures.exists() and len(item.keywords) >= 3


def test_clear_deletes_demo_items_only(db, real_item):
    demo.generate(items=30, seed=2)
    adapted = services.item_create(
        by=None,
        owner_city=real_item.owner_city,
        data={
            "kind": ItemKind.PRACTICE,
            "title": "Our own version",
            "summary": "Adapted from a demo practice.",
            "language": "fr",
            "adapted_from": KnowledgeItem.objects.filter(is_demo=True).first(),
        },
        relations={},
    )
    assert demo.clear_demo_items() == 30
    assert set(KnowledgeItem.objects.values_list("pk", flat=True)) == {real_item.pk, adapted.pk}
    adapted.refresh_from_db()
    assert adapted.adapted_from is None


def test_items_mix_languages_kinds_and_years(db):
    demo.generate(items=400, seed=4)
    items = KnowledgeItem.objects.filter(is_demo=True)
    languages = Counter(items.values_list("language", flat=True))
    assert {code for code, _count in languages.most_common(3)} == {"en", "fr", "es"}
    assert len(languages) >= 7
    assert set(items.values_list("kind", flat=True)) == set(ItemKind.values)
    statuses = Counter(items.values_list("status", flat=True))
    assert statuses[ItemStatus.PUBLISHED] > 0.8 * 400 and statuses[ItemStatus.DRAFT] > 0
    years = {moment.year for moment in items.exclude(published_at=None).values_list("published_at", flat=True)}
    assert min(years) == 2019 and max(years) == 2026
    assert items.filter(translations__isnull=False).count() > 40
    assert items.filter(adapted_from__isnull=False).count() > 5
    assert items.filter(looking_for_partners=True).exists() and items.exclude(budget=None).exists()


def test_the_language_mix_chooses_the_languages(db):
    demo.generate(items=40, seed=4, language_mix="fr:1,es:1")
    assert set(KnowledgeItem.objects.values_list("language", flat=True)) == {"fr", "es"}


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="xx"):
        demo.parse_language_mix("en,xx")


def test_translations_are_into_another_language_of_the_interface(db):
    demo.generate(items=150, seed=6)
    for item in KnowledgeItem.objects.filter(is_demo=True, translations__isnull=False).prefetch_related("translations"):
        for translation in item.translations.all():
            assert translation.language in ("en", "fr", "es") and translation.language != item.language
            assert translation.title != item.title


def test_practices_are_adapted_from_another_city_of_the_same_field(db):
    demo.generate(items=400, seed=9)
    adapted = KnowledgeItem.objects.filter(is_demo=True, adapted_from__isnull=False).select_related(
        "owner_city", "adapted_from__owner_city"
    )
    assert adapted.exists()
    for item in adapted:
        assert item.adapted_from.is_demo and item.adapted_from.status == ItemStatus.PUBLISHED
        assert item.adapted_from.owner_city != item.owner_city
        assert item.adapted_from.owner_city.field_id == item.owner_city.field_id


def test_texts_fit_the_creative_field_of_the_city(db):
    demo.generate(items=120, seed=12)
    for item in KnowledgeItem.objects.filter(is_demo=True).select_related("owner_city__field"):
        bank = phrases.bank(item.language)["fields"][item.owner_city.field.code]
        assert set(item.keywords) & set(bank["keywords"]), item.title


def test_every_language_renders_every_kind_of_item(db):
    reference = demo.load_reference()
    plans = demo.plan_items(150, seed=13, languages=demo.parse_language_mix(None), reference=reference)
    for plan in plans:
        for language in {plan.language, "en", "fr", "es"}:
            texts = demo.render(plan, language)
            assert texts["title"] and "{" not in texts["title"] + texts["summary"] + texts["body"]
            assert 2 <= texts["summary"].count(".") + texts["summary"].count("。") <= 8
            assert texts["body"].startswith("## ")


def test_the_command_adds_items_and_indexes_them(db):
    out = StringIO()
    call_command("generate_demo_content", items=15, seed=3, stdout=out, stderr=StringIO())
    assert "Added 15 demo items" in out.getvalue()
    assert "Search index rebuilt" in out.getvalue()
    published = KnowledgeItem.objects.filter(is_demo=True, status=ItemStatus.PUBLISHED)
    indexed = set(SearchDocument.objects.filter(kind="knowledge").values_list("object_id", flat=True))
    assert indexed == set(published.values_list("pk", flat=True))


def test_the_command_clears_without_indexing_when_asked(db, real_item):
    call_command("generate_demo_content", items=10, seed=3, no_index=True, stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("generate_demo_content", items=5, clear=True, no_index=True, stdout=out, stderr=StringIO())
    assert "Deleted 10 previous demo items" in out.getvalue()
    assert KnowledgeItem.objects.filter(is_demo=True).count() == 5
    assert KnowledgeItem.objects.filter(pk=real_item.pk).exists()
    assert not SearchDocument.objects.filter(kind="knowledge").exists()


def test_demo_dates_stay_in_the_past(db):
    demo.generate(items=100, seed=14)
    latest = KnowledgeItem.objects.filter(is_demo=True).exclude(published_at=None).latest("published_at")
    assert datetime(2019, 1, 1, tzinfo=UTC) <= latest.published_at <= demo.plans.LAST_PUBLICATION


def test_demo_texts_date_a_city_s_title_from_the_year_it_joined_its_field(db):
    """Lyon has been a City of Literature since 2023, although it joined the network in 2008."""
    from dataclasses import replace

    reference = demo.load_reference()
    lyon = next(city for city in reference.cities if city.slug == "lyon")
    assert (lyon.designation_year, lyon.field_since) == (2008, 2023)
    plans = demo.plan_items(200, seed=14, languages={"en": 1.0}, reference=reference)
    rendered = [
        demo.render(replace(plan, city=lyon, source=None), "en") for plan in plans if plan.field == "literature"
    ]
    texts = " ".join(text[part] for text in rendered for part in ("title", "summary", "body", "results"))
    assert "since 2023" in texts and "since 2008" not in texts
