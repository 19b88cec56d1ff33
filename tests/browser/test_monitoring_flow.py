"""A monitoring cycle from end to end in a real browser.

Lyon's focal point drafts the report in French, links the city's practice and project,
fills a plan of three commitments and submits; the Secretariat returns it with a
comment; the focal point answers it and submits again; the Secretariat accepts it. The
public page, the PDF and the city's indicator dashboard show it, and the next cycle's
draft carries the three commitments forward.
"""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect
from pypdf import PdfReader

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.knowledge.services import item_create
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import Report
from creative_cities.projects.services import project_create
from tests.second_factor import current_code

from .conftest import _new_page, assert_accessible
from .pickers import pick

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"
GENERAL = (
    "Lyon, ville créative de la littérature, fait de la lecture une politique publique : bibliothèques "
    "ouvertes le dimanche, lectures dans les transports, festival du livre dans chaque quartier. "
) * 3
NETWORK = "Lyon a participé aux conférences annuelles et accueilli la réunion du sous-réseau de la littérature. " * 3
LOCAL = "Les initiatives locales ont porté la lecture dans les quartiers périphériques et les écoles de la ville. " * 3
ABROAD = "À l'international, Lyon a conduit des résidences d'écriture avec des villes membres d'autres régions. " * 3
PLAN = "Le plan des quatre prochaines années élargit l'accès à la lecture et mesure ses effets chaque année."
COMMITMENTS = [
    ("Un livre pour chaque enfant", "Enfants ayant reçu un livre"),
    ("Dix résidences d'écriture avec l'Afrique", "Résidences accueillies"),
    ("Publier nos pratiques chaque année", "Pratiques publiées"),
]


def _person(email: str, name: str) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _sign_in(page, email: str, secret: str | None = None) -> None:
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    if secret:
        page.locator("#id_code").fill(current_code(secret))
        page.locator("#id_code").press("Enter")
    expect(page.locator("form[action*='logout']")).to_have_count(1)


def _section(page, name: str, text: str) -> None:
    page.get_by_role("navigation", name="Sections of the report").get_by_role("link", name=name).click()
    page.get_by_label("Text").fill(text)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The section is saved.")).to_be_visible()


def _initiative(page, section: str, title: str, *, practice: str | None, project: str) -> None:
    page.get_by_role("navigation", name="Sections of the report").get_by_role("link", name=section).click()
    page.get_by_role("link", name="Add an initiative").click()
    page.get_by_label("Title").fill(title)
    if practice:
        page.get_by_role("checkbox", name=practice).check()
    page.get_by_role("checkbox", name=project).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name=project).first).to_be_visible()


def _commitment(page, objective: str, indicator: str) -> None:
    page.get_by_role("link", name="Add a commitment").click()
    page.get_by_label("Objective").fill(objective)
    page.get_by_label("Area of action").select_option(label="Sharing experiences, knowledge and good practices")
    pick(page, "SDG targets", "11.4", "11.4")
    page.get_by_label("Budget").fill("25000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_label("Partners", exact=True).fill("Bibliothèques municipales, associations de quartier")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name=f"Add an indicator to “{objective}”").click()
    page.get_by_label("Indicator", exact=True).fill(indicator)
    page.get_by_label("Baseline", exact=True).fill("10")
    page.get_by_label("Baseline year").fill("2023")
    page.get_by_label("Target", exact=True).fill("40")
    page.get_by_label("Target year").fill("2027")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name=f"Change “{indicator}”")).to_be_visible()


def test_a_report_goes_from_lyons_draft_to_publication_and_its_plan_into_the_next_report(
    page, browser, live_server, lyon
):
    claire = _person("claire@lyon.fr", "Claire Martin")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    sofia = _person("sofia@example.org", "Sofia Reyes")
    role_grant(user=sofia, kind=RoleKind.SECRETARIAT, granted_by=None)
    secret = generate_totp_secret()
    TOTP.activate(sofia, secret)
    practice = {"kind": "practice", "title": "Lire dans le bus", "summary": "Des lectures.", "language": "fr"}
    item_create(by=claire, owner_city=lyon, data=practice, relations={})
    project_create(by=claire, data={"title": "Lectures partagées", "summary": "Lire.", "lead_city": lyon})

    # The focal point drafts the report in French.
    _sign_in(page, claire.email)
    page.goto("/en/monitoring/cities/lyon/report/")
    page.get_by_role("button", name="Start the report").click()
    expect(page).to_have_url(re.compile(r"/monitoring/reports/lyon-2020-2023/edit/$"))
    page.get_by_role("link", name="General information").first.click()
    page.get_by_label("The report is written in").select_option("fr")
    page.get_by_label("Text").fill(GENERAL)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The section is saved.")).to_be_visible()
    _section(page, "Contribution to the network's global management", NETWORK)
    _section(page, "Major initiatives at local level", LOCAL)
    _initiative(
        page,
        "Major initiatives at local level",
        "Lire partout",
        practice="Lire dans le bus",
        project="Lectures partagées",
    )
    _section(page, "Major initiatives at international level", ABROAD)
    _initiative(
        page,
        "Major initiatives at international level",
        "Résidences croisées",
        practice=None,
        project="Lectures partagées",
    )
    _section(page, "Action plan for the next four years", PLAN)
    for objective, indicator in COMMITMENTS:
        _commitment(page, objective, indicator)
    page.goto("/en/monitoring/reports/lyon-2020-2023/edit/")
    page.get_by_role("button", name="Submit the report to the Secretariat").click()
    report = Report.objects.get(city=lyon, cycle=4)
    assert report.status == ReportStatus.SUBMITTED, "the checklist found something missing"

    # The Secretariat, at its own desk (a second browser), returns it with a comment on the general section.
    desk_context, desk = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    _sign_in(desk, sofia.email, secret)
    desk.goto(f"/en/monitoring/review/{report.slug}/")
    desk.get_by_label("Comment on “General information”").fill("Précisez le budget de la désignation.")
    desk.get_by_role("button", name="Return with comments").click()
    expect(desk.get_by_text("The report is returned to the city with your comments.")).to_be_visible()

    # The focal point reads the comment, answers it and submits again.
    page.goto("/en/monitoring/reports/lyon-2020-2023/edit/")
    expect(page.get_by_text("Précisez le budget de la désignation.")).to_be_visible()
    page.get_by_role("link", name="General information").first.click()
    page.get_by_label("Text").fill(GENERAL + "La désignation dispose de 400 000 euros par an.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto("/en/monitoring/reports/lyon-2020-2023/edit/")
    page.get_by_role("button", name="Submit the report to the Secretariat").click()
    report.refresh_from_db()
    assert (report.status, report.submissions) == (ReportStatus.SUBMITTED, 2)

    # The Secretariat accepts it: it is published.
    desk.goto(f"/en/monitoring/review/{report.slug}/")
    desk.get_by_role("button", name="Accept and publish").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Monitoring report of Lyon, 2020–2023")
    desk_context.close()

    # The public reads the report, its PDF and the city's dashboard.
    public_context, public = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    public.goto(f"/fr/monitoring/reports/{report.slug}/")
    for objective, _indicator in COMMITMENTS:
        expect(public.get_by_role("rowheader", name=objective)).to_be_visible()
    expect(public.get_by_role("link", name="Lire dans le bus").first).to_be_visible()
    assert_accessible(public)
    pdf = public.request.get(f"/en/monitoring/reports/{report.slug}/pdf/")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Lyon" in text and "Un livre pour chaque enfant" in text
    public.goto("/en/indicators/cities/lyon/")
    expect(public.get_by_role("link", name="2020–2023")).to_be_visible()
    public_context.close()

    # The next cycle's draft asks what became of each of the three commitments.
    page.goto("/en/monitoring/cities/lyon/report/")
    page.get_by_role("button", name="Start the report").click()
    expect(page).to_have_url(re.compile(r"/monitoring/reports/lyon-2024-2027/edit/$"))
    page.get_by_role("link", name="The previous action plan: what became of each commitment").first.click()
    for objective, _indicator in COMMITMENTS:
        expect(page.get_by_text(objective).first).to_be_visible()
    following = Report.objects.get(city=lyon, cycle=5)
    assert following.previous == report
    assert sorted(r.commitment.objective for r in following.commitment_reviews.all()) == sorted(
        objective for objective, _ in COMMITMENTS
    )
