"""The member cities as search documents: one each, in the three interface languages at once.

A city's facts are short and mostly names, so one document holds its name, its
country's and field's names in English, French and Spanish, and its descriptions:
"Sénégal", "Senegal" and "Dakar" all find Dakar. Former members are not found.
"""

from django.utils import translation

from creative_cities.search.providers import DocumentData

from .choices import CityStatus
from .models import City
from .selectors import city_queryset

KIND = "city"


def _cities():
    return City.objects.filter(status=CityStatus.MEMBER).select_related("country__region", "field")


def city_documents(object_id: int) -> list[DocumentData]:
    city = _cities().filter(pk=object_id).first()
    if city is None:
        return []
    country, field = city.country, city.field
    text = "\n".join(
        part
        for part in [
            city.name,
            city.registry_name if city.registry_name != city.name else "",
            " / ".join(dict.fromkeys([country.name_en, country.name_fr, country.name_es])),
            " / ".join(dict.fromkeys([field.name_en, field.name_fr, field.name_es])),
            city.description_en,
            city.description_fr,
            city.description_es,
        ]
        if part
    )
    with translation.override("en"):
        url = city.get_absolute_url()
    return [
        DocumentData(
            language="en",
            title=city.name,
            url=url,
            text=text,
            facets={
                "type": "city",
                "field": [field.code],
                "region": [country.region.code],
                "country": [country.iso2],
                "year": city.designation_year,
                "language": "en",
            },
        )
    ]


def city_ids() -> list[int]:
    return list(_cities().values_list("pk", flat=True))


def cities_by_id(ids: list[int]) -> dict[int, City]:
    """Cities by id, for search results' cards: with their country, field, year in it and pictures."""
    return city_queryset().prefetch_related("images").in_bulk(ids)


def register() -> None:
    from creative_cities.search import providers

    providers.register(KIND, documents=city_documents, all_ids=city_ids, load=cities_by_id)
