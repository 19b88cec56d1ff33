import pytest


@pytest.fixture
def music(db):
    from creative_cities.cities.models import CreativeField

    return CreativeField.objects.get(code="music")


@pytest.fixture
def draft(db, focal_point_lyon_user, lyon):
    """A draft good practice of Lyon, in French."""
    from creative_cities.cities.models import CreativeField
    from creative_cities.knowledge.services import item_create

    literature = CreativeField.objects.get(code="literature")
    return item_create(
        by=focal_point_lyon_user,
        owner_city=lyon,
        data={
            "kind": "practice",
            "title": "Des livres dans les bus de nuit",
            "summary": "Des lectures à voix haute dans les bus de nuit, par des autrices et auteurs de la ville.",
            "body": "## Le projet\n\nChaque vendredi, **deux lignes** de bus accueillent une lecture.",
            "language": "fr",
            "keywords": ["lecture", "transports"],
        },
        relations={"fields": [literature]},
        figures=[{"label": "Passagers", "value": 4200, "unit": "personnes", "position": 1}],
        partners=[{"name": "Réseau de transports", "sector": "public"}],
    )


@pytest.fixture
def coordinator_literature(db, django_user_model):
    from conftest import _person
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from creative_cities.cities.models import CreativeField
    from tests.second_factor import second_factor_activate

    user = _person(django_user_model, "coord.literature@example.org", full_name="Ines Duarte")
    role_grant(
        user=user, kind=RoleKind.COORDINATOR, field=CreativeField.objects.get(code="literature"), granted_by=None
    )
    second_factor_activate(user)  # coordinators must have one
    return user


@pytest.fixture
def coordinator_music(db, django_user_model, music):
    from conftest import _person
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from tests.second_factor import second_factor_activate

    user = _person(django_user_model, "coord.music@example.org", full_name="Kofi Mensah")
    role_grant(user=user, kind=RoleKind.COORDINATOR, field=music, granted_by=None)
    second_factor_activate(user)
    return user


@pytest.fixture
def submitted_music(db, focal_point_lyon_user, lyon, music):
    """A good practice of Lyon in music, sent for review."""
    from creative_cities.knowledge.services import item_create, item_submit

    item = item_create(
        by=focal_point_lyon_user,
        owner_city=lyon,
        data={
            "kind": "practice",
            "title": "Concerts in courtyards",
            "summary": "Neighbours open their courtyards to young bands on summer evenings.",
            "language": "en",
        },
        relations={"fields": [music]},
    )
    return item_submit(item=item, by=focal_point_lyon_user)
