"""The knowledge base in a browser: a focal point writes in French, a coordinator publishes,
a search in Spanish finds it; every page passes axe."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.cities.models import CreativeField
from tests.second_factor import current_code, second_factor_activate

from .conftest import assert_accessible, sign_out

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


def person(email, name):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(page, email):
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def test_a_practice_written_in_french_is_published_and_found_in_spanish(page, lyon, semantic_search):
    literature = CreativeField.objects.get(code="literature")
    claire = person("claire@lyon.fr", "Claire Martin")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    ines = person("ines@example.org", "Inês Duarte")
    role_grant(user=ines, kind=RoleKind.COORDINATOR, field=literature, granted_by=None)
    ines_secret = second_factor_activate(ines)  # coordinators sign in with a second factor

    # Claire writes in French, in the French interface, and previews her text.
    sign_in(page, claire.email)
    page.goto("/fr/knowledge/new/")
    assert_accessible(page)
    page.locator("input[name=kind][value=practice]").check()
    page.locator("#id_title").fill("Des lectures à voix haute dans les bus de nuit")
    page.locator("#id_language").select_option("fr")
    page.locator("#id_summary").fill(
        "Chaque vendredi soir, des autrices et des auteurs lisent leurs textes aux passagers des bus de nuit."
    )
    page.locator("#id_body").fill("## Le projet\n\nLa littérature voyage avec les **voyageurs nocturnes**.")
    page.locator("button[name=preview]").click()
    expect(page.locator(".preview .prose h2")).to_have_text("Le projet")
    page.locator("button[name=save]").click()
    expect(page.locator("h1")).to_have_text("Des lectures à voix haute dans les bus de nuit")
    assert_accessible(page)
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    sign_out(page)

    # Inês, coordinator of literature, finds it in her queue and publishes it.
    sign_in(page, ines.email)
    page.locator("#id_code").fill(current_code(ines_secret))
    page.locator("#id_code").press("Enter")
    page.goto("/en/knowledge/review/")
    assert_accessible(page)
    page.get_by_role("link", name="Des lectures à voix haute dans les bus de nuit").click()
    page.get_by_label("Publish").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".messages")).to_contain_text("The item is published.")
    sign_out(page)

    # Anyone searching in Spanish finds it, with no word in common.
    page.goto("/es/knowledge/?q=lecturas+en+autobuses+nocturnos")
    expect(page.get_by_role("link", name="Des lectures à voix haute dans les bus de nuit")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Des lectures à voix haute dans les bus de nuit").click()
    expect(page).to_have_url(re.compile(r"/es/knowledge/"))
    assert_accessible(page)


def publish_practice_of_dakar():
    from creative_cities.cities.models import City
    from creative_cities.knowledge import services

    dakar = City.objects.get(slug="dakar")
    author = person("fp@dakar.sn", "Awa Ndiaye")
    item = services.item_create(
        by=author,
        owner_city=dakar,
        data={
            "kind": "practice",
            "title": "Ateliers de cinéma pour les jeunes de Dakar",
            "summary": "Des ateliers de tournage et de montage dans les quartiers, avec les écoles.",
            "language": "fr",
        },
        relations={"fields": [dakar.field]},
    )
    services.item_publish(item=item, by=author)
    return item


def test_the_search_page_works_without_javascript(no_script_page):
    publish_practice_of_dakar()
    page = no_script_page
    page.goto("/en/knowledge/")
    page.get_by_label("Search", exact=True).fill("Dakar")
    page.get_by_role("search", name="Search the knowledge base").get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name=re.compile("Ateliers de cinéma"))).to_be_visible()
    # A facet narrows the results, without JavaScript too.
    page.get_by_role("link", name=re.compile("Good practice")).click()
    expect(page.locator("#results-heading")).to_have_text("1 result")


def test_the_search_page_is_accessible_on_a_phone(phone_page):
    publish_practice_of_dakar()
    phone_page.goto("/fr/knowledge/?q=S%C3%A9n%C3%A9gal")
    expect(phone_page.get_by_role("link", name=re.compile("Ateliers de cinéma"))).to_be_visible()
    assert_accessible(phone_page)


def test_a_coordinator_is_led_to_an_item_sent_for_review_and_reviews_it_whole(page, lyon):
    """A focal point sends a draft for review; the coordinator, told in the platform, sets up the second
    factor the role needs, continues where she was going, and returns the item with the whole of it in view."""
    from creative_cities.knowledge import services

    literature = CreativeField.objects.get(code="literature")
    claire = person("claire@lyon.fr", "Claire Martin")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    ines = person("ines@example.org", "Inês Duarte")
    role_grant(user=ines, kind=RoleKind.COORDINATOR, field=literature, granted_by=None)
    item = services.item_create(
        by=claire,
        owner_city=lyon,
        data={
            "kind": "practice",
            "title": "Des livres dans les bus de nuit",
            "summary": "Des lectures à voix haute dans les bus de nuit, chaque vendredi.",
            "body": "## Le projet\n\nChaque vendredi, **deux lignes** de bus accueillent une lecture.",
            "language": "fr",
        },
        relations={"fields": [literature]},
        partners=[{"name": "Réseau de transports", "sector": "public"}],
    )

    # Claire sends her draft for review from its page, which shows where it stands.
    sign_in(page, claire.email)
    page.goto(f"/en/knowledge/{item.slug}/")
    expect(page.locator("[aria-current=step]")).to_contain_text("Draft")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("[aria-current=step]")).to_contain_text("Under review")
    sign_out(page)

    # Inês opens her notifications; her role needs a second factor first, then she continues there.
    sign_in(page, ines.email)
    page.goto("/en/me/notifications/")
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/$"))
    page.get_by_role("link", name="Activate").first.click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("link", name="Continue")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/en/me/notifications/$"))
    notification = page.get_by_role("link", name="Claire Martin sent “Des livres dans les bus de nuit” for review.")
    expect(notification).to_be_visible()

    # Her roles count what waits for her, and lead to the queue.
    page.goto("/en/me/")
    expect(page.locator(".review-signpost")).to_contain_text("1 item waits for your review.")
    assert_accessible(page)

    # The notification opens the review page, with the whole item to read.
    page.goto("/en/me/notifications/")
    notification.click()
    expect(page.locator("h1")).to_have_text("Review “Des livres dans les bus de nuit”")
    expect(page.locator("[aria-current=step]")).to_contain_text("Under review")
    expect(page.locator(".prose h2")).to_have_text("Le projet")
    expect(page.locator(".facts")).to_contain_text("Réseau de transports")
    assert_accessible(page)
    page.get_by_label("Return to the authors with comments").check()
    page.get_by_label("Comments for the authors").fill("Ajoutez le nombre de passagers.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".messages")).to_contain_text("The item is returned to its authors.")
    sign_out(page)

    # Claire is told in the platform, and her item's page says what to do next.
    sign_in(page, claire.email)
    page.goto("/en/me/notifications/")
    page.get_by_role("link", name=re.compile("is returned with comments")).click()
    expect(page.locator("[aria-current=step]")).to_contain_text("Returned with comments")
    expect(page.locator("main")).to_contain_text("Ajoutez le nombre de passagers.")
    assert_accessible(page)
