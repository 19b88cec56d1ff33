"""The Secretariat reviews a monitoring report in a real browser: returns it with a comment, then,
once the city submitted it again, accepts it; the review page is accessible."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import Report, ReviewComment
from creative_cities.monitoring.tests.conftest import add_commitment, make_report
from tests.second_factor import current_code

from .conftest import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def secretary():
    user = User.objects.create_user(email="sofia@example.org", password=PASSWORD, full_name="Sofia Reyes")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    role_grant(user=user, kind=RoleKind.SECRETARIAT, granted_by=None)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def sign_in(page, email, secret):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.locator("#id_code").fill(current_code(secret))
    page.locator("#id_code").press("Enter")
    expect(page.locator("form[action*='logout']")).to_have_count(1)


def test_the_secretariat_returns_a_report_with_a_comment_then_accepts_it(page, secretary, lyon):
    report = make_report(lyon, 4, status=ReportStatus.SUBMITTED)
    add_commitment(report, "Ouvrir dix bibliothèques de quartier")
    user, secret = secretary
    sign_in(page, user.email, secret)
    page.goto("/en/monitoring/review/")
    page.get_by_role("link", name="Lyon 2020–2023").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review the report of Lyon")
    assert_accessible(page)
    page.get_by_label("Comment on “Action plan for the next four years”").fill("Chiffrez chaque engagement.")
    page.get_by_role("button", name="Return with comments").click()
    expect(page.get_by_text("The report is returned to the city with your comments.")).to_be_visible()
    assert ReviewComment.objects.get(report=report).body == "Chiffrez chaque engagement."

    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED, submissions=2)  # the city sends it again
    page.goto(f"/en/monitoring/review/{report.slug}/")
    expect(page.get_by_text("Comments of earlier rounds")).to_be_visible()
    page.get_by_role("button", name="Accept and publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring report of Lyon, 2020–2023")
    expect(page.get_by_role("rowheader", name="Ouvrir dix bibliothèques de quartier")).to_be_visible()
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
