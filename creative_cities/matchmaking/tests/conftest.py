import pytest

TOPICS = "creative_cities.search.tests.embedders.TopicEmbedder"


@pytest.fixture(autouse=True)
def fresh_matchmaking(settings):
    """No model by default (tests that compare texts choose the toy one), and no index kept from another test."""
    from creative_cities.matchmaking import index

    settings.SEARCH_EMBEDDER = ""
    index._current = None
    yield
    index._current = None


@pytest.fixture
def city(db):
    from creative_cities.cities.models import City

    return lambda slug: City.objects.select_related("country__region", "field").get(slug=slug)


@pytest.fixture
def field(db):
    from creative_cities.cities.models import CreativeField

    return lambda code: CreativeField.objects.get(code=code)


@pytest.fixture
def sdg(db):
    from creative_cities.frameworks.models import SdgGoal

    return lambda number: SdgGoal.objects.get(number=number)


@pytest.fixture
def make_project(db, focal_point_lyon_user, lyon):
    """A project led by Lyon (by default) with the given fields, SDGs and partners."""
    from creative_cities.projects.services import project_create, project_partner_add

    def make(title="Lectures partagées", *, lead=None, fields=(), sdgs=(), partners=(), language="fr", summary=""):
        lead = lead or lyon
        is_city = lead.__class__.__name__ == "City"
        project = project_create(
            by=focal_point_lyon_user,
            data={
                "title": title,
                "summary": summary or title,
                "language": language,
                "lead_city": lead if is_city else None,
                "lead_organisation": None if is_city else lead,
            },
            relations={"fields": list(fields), "sdg_goals": list(sdgs)},
        )
        for party in partners:
            project_partner_add(project=project, party=party, by=focal_point_lyon_user)
        return project

    return make


@pytest.fixture
def make_organisation(db, focal_point_lyon_user):
    from creative_cities.organisations.services import organisation_create

    def make(name, *, city, description=""):
        return organisation_create(
            by=focal_point_lyon_user,
            data={"name": name, "sector": "civil_society", "country": city.country, "member_city": city,
                  "town": city.name, "description": description},
        )  # fmt: skip

    return make


@pytest.fixture
def publish(db, focal_point_lyon_user):
    """A published good practice of the given city, in the given fields."""
    from creative_cities.knowledge.services import item_create, item_publish

    def make(owner, title, *, fields=(), summary="", language="en"):
        data = {"kind": "practice", "title": title, "summary": summary or title, "language": language}
        item = item_create(by=focal_point_lyon_user, owner_city=owner, data=data, relations={"fields": list(fields)})
        return item_publish(item=item, by=focal_point_lyon_user)

    return make


@pytest.fixture
def call_of(db):
    """An open call (a need) of the given city, in the given fields."""
    from datetime import date, timedelta

    from creative_cities.board.models import Call

    def make(owner, slug, *, fields=(), language="fr"):
        call = Call.objects.create(
            kind="need", slug=slug, title=slug.capitalize(), description=f"{slug}.", language=language, city=owner,
            deadline=date.today() + timedelta(days=9),
        )  # fmt: skip
        call.fields.set(fields)
        return call

    return make
