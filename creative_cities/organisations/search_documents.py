"""What the search index holds of an organisation: one document, with its facets.

Organisations are public. Their description carries no language of its own, so the
document takes the language of the projects the organisation led (most often), else
English; matchmaking reads its vector, which the multilingual model makes whatever the
language.
"""

from collections import Counter

from django.utils import translation

KIND = "organisation"


def organisation_documents(object_id: int) -> list:
    return organisations_documents([object_id]).get(object_id, [])


def organisations_documents(object_ids: list[int]) -> dict[int, list]:
    """The document of each organisation among the ids (a few queries for them all)."""
    from creative_cities.core.markdown import markdown_to_text
    from creative_cities.search.providers import DocumentData

    from .models import Organisation

    organisations = Organisation.objects.filter(pk__in=object_ids).select_related(
        "country__region", "member_city__field"
    )
    languages = {}
    for pk, language in Organisation.objects.filter(pk__in=object_ids).values_list("pk", "led_projects__language"):
        if language:
            languages.setdefault(pk, Counter())[language] += 1
    found = {}
    for organisation in organisations:
        country, city = organisation.country, organisation.member_city
        text = "\n".join(
            part
            for part in [
                organisation.name,
                markdown_to_text(organisation.description),
                organisation.town,
                city.name if city else "",
                " / ".join(dict.fromkeys([country.name_en, country.name_fr, country.name_es])),
            ]
            if part
        )
        with translation.override("en"):
            url = organisation.get_absolute_url()
        counted = languages.get(organisation.pk)
        language = counted.most_common(1)[0][0] if counted else "en"
        found[organisation.pk] = [
            DocumentData(
                language=language,
                title=organisation.name,
                url=url,
                text=text,
                facets={
                    "type": "organisation",
                    "sector": organisation.sector,
                    "region": [country.region.code],
                    "country": [country.iso2],
                    "city": [city.slug] if city else [],
                    "field": [city.field.code] if city else [],
                    "language": language,
                },
            )
        ]
    return found


def organisation_ids():
    from .models import Organisation

    return Organisation.objects.values_list("pk", flat=True).iterator()


def organisations_by_id(ids) -> dict:
    from .models import Organisation

    return Organisation.objects.in_bulk(ids)


def register() -> None:
    """Make organisations searchable: see creative_cities.search.providers."""
    from creative_cities.search import providers

    providers.register(
        KIND,
        documents=organisation_documents,
        documents_many=organisations_documents,
        all_ids=organisation_ids,
        load=organisations_by_id,
    )
