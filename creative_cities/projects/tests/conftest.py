import pytest

from creative_cities.projects import services


@pytest.fixture
def project(focal_point_lyon_user, lyon):
    """Lyon's project, started by its focal point."""
    return services.project_create(
        by=focal_point_lyon_user,
        data={"title": "Lectures partagées", "summary": "Lyon et Dakar lisent ensemble.", "lead_city": lyon},
    )


@pytest.fixture
def with_dakar(project, focal_point_lyon_user, dakar):
    """The project with Dakar as a partner."""
    services.project_partner_add(project=project, party=dakar, by=focal_point_lyon_user, contribution="Des lecteurs.")
    return project


@pytest.fixture
def person(db, django_user_model):
    """Someone with an account and no role, who reads French."""
    return django_user_model.objects.create_user(
        email="lea@example.org", password="a-long-passphrase-1", full_name="Léa Petit", preferred_language="fr"
    )
