"""People and parties of the board's tests.

Lyon's focal point reads French; Ana, who administers a music school of Medellín
(another region), reads Spanish; Dakar's focal point answers for Dakar.
"""

from datetime import timedelta

import pytest

from creative_cities.board import selectors, services


@pytest.fixture
def claire(focal_point_lyon_user):
    focal_point_lyon_user.preferred_language = "fr"
    focal_point_lyon_user.save()
    return focal_point_lyon_user


@pytest.fixture
def moussa(focal_point_dakar_user):
    return focal_point_dakar_user


@pytest.fixture
def ana(db, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        email="ana@example.org", password="a-long-passphrase-1", full_name="Ana Pérez", preferred_language="es"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def escuela(ana):
    from creative_cities.cities.models import City
    from creative_cities.organisations.services import organisation_create

    medellin = City.objects.select_related("country").get(slug="medellin")
    data = {"name": "Escuela de Música", "sector": "civil_society", "country": medellin.country}
    return organisation_create(by=ana, data={**data, "member_city": medellin})


@pytest.fixture
def today():
    return selectors.today()


def publish(by, party, *, today, days=30, **extra):
    data = {
        "kind": "need",
        "topic": "partners",
        "title": "Résidences croisées",
        "description": "Nous cherchons des villes pour des **résidences** d'écriture.",
        "language": "fr",
        "deadline": today + timedelta(days=days),
        **extra,
    }
    return services.call_create(by=by, party=party, data=data)


@pytest.fixture
def lyon_call(claire, lyon, today):
    """An open need of Lyon for partners, answerable for thirty days."""
    return publish(claire, lyon, today=today)
