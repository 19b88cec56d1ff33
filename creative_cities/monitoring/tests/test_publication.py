import io

import pytest
from django.test import Client
from pypdf import PdfReader

from creative_cities.monitoring import pdf, search_documents
from creative_cities.monitoring.choices import ReportStatus

from .conftest import add_commitment, make_report

pytestmark = pytest.mark.django_db


def test_an_accepted_report_is_public_with_its_plan(anonymous, accepted_lyon):
    page = anonymous.get(accepted_lyon.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "<strong>Lyon</strong> lit et écrit." in html  # the section's Markdown, rendered
    assert "Ouvrir dix bibliothèques de quartier" in html
    assert "100 (2024) → 500" in " ".join(html.split())  # the indicator, baseline to target
    assert "is not published" not in html
    assert "None" not in html  # an indicator without target year says nothing of it


def test_a_draft_is_hidden_from_the_public_and_labelled_for_its_team(focal_point_lyon, lyon):
    draft = make_report(lyon, 4)
    public = Client()
    assert public.get(draft.get_absolute_url()).status_code == 404
    assert public.get(f"/en/monitoring/reports/{draft.slug}/pdf/").status_code == 404
    page = focal_point_lyon.get(draft.get_absolute_url())
    assert page.status_code == 200 and "This report is not published" in page.content.decode()


def test_the_list_shows_published_reports_only_with_filters(anonymous, accepted_lyon, dakar):
    make_report(dakar, 1, status=ReportStatus.SUBMITTED)
    page = anonymous.get("/en/monitoring/reports/")
    assert list(page.context["reports"]) == [accepted_lyon]
    assert list(anonymous.get("/en/monitoring/reports/", {"field": "music"}).context["reports"]) == []
    assert list(anonymous.get("/en/monitoring/reports/", {"period": "2023"}).context["reports"]) == [accepted_lyon]


def test_the_pdf_is_a_real_pdf_with_the_city_and_its_commitments(anonymous, accepted_lyon):
    response = anonymous.get(f"/en/monitoring/reports/{accepted_lyon.slug}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="monitoring-report-lyon-2020-2023.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Lyon" in text
    assert "Ouvrir dix bibliothèques de quartier" in text
    assert "Lyon · 2020–2023" in text and "1 / 1" in text  # the running header and the page's number
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_the_pdf_fetcher_serves_static_files_and_refuses_any_other_url():
    fetcher = pdf.static_only_fetcher()
    served = fetcher.fetch(pdf.BASE_URL + "static/css/monitoring-print.css")
    assert b"@page" in served.read()
    for url in (
        "https://example.org/tracker.png",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        pdf.BASE_URL + "media/secret.pdf",
        pdf.BASE_URL + "static/../config/settings.py",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_an_external_image_in_a_report_does_not_stop_the_pdf(anonymous, lyon):
    report = make_report(lyon, 4, status=ReportStatus.ACCEPTED)
    report.sections.update(text="![pixel](https://example.org/pixel.png) Texte.")
    add_commitment(report, "Lire")
    response = anonymous.get(f"/en/monitoring/reports/{report.slug}/pdf/")
    assert response.content.startswith(b"%PDF")


def test_the_search_has_a_document_for_accepted_reports_only(lyon, dakar, accepted_lyon):
    draft = make_report(dakar, 1)
    (document,) = search_documents.report_document(accepted_lyon.pk)
    assert document.language == "fr"
    assert "Ouvrir dix bibliothèques" in document.text and "Lyon" in document.title
    assert document.facets["city"] == ["lyon"]
    assert search_documents.report_document(draft.pk) == []
    assert list(search_documents.report_ids()) == [accepted_lyon.pk]


def test_the_city_page_shows_its_last_report_and_plan(anonymous, accepted_lyon):
    page = anonymous.get("/en/cities/lyon/")
    html = page.content.decode()
    assert accepted_lyon.get_absolute_url() in html
    assert "Traduire cinquante autrices" in html


def test_the_city_page_shows_the_next_due_date_when_nothing_is_published(anonymous, lyon):
    html = " ".join(anonymous.get("/en/cities/lyon/").content.decode().split())
    assert "No monitoring report of the city is published yet" in html
    assert "Nov. 30, 2024" in html


def test_the_city_pages_block_reads_three_queries_and_writes_nothing(lyon, accepted_lyon, django_assert_num_queries):
    from creative_cities.monitoring.models import MonitoringCalendar
    from creative_cities.monitoring.selectors import city_monitoring

    with django_assert_num_queries(3):
        block = city_monitoring(lyon)
    assert [c.objective for c in block["commitments"]] == [
        "Ouvrir dix bibliothèques de quartier",
        "Traduire cinquante autrices",
    ]
    accepted_lyon.status = ReportStatus.SUBMITTED
    accepted_lyon.save()
    with django_assert_num_queries(3):
        assert city_monitoring(lyon)["next_cycle"].number == 4
    assert not MonitoringCalendar.objects.exists()


def test_only_web_addresses_of_evidence_become_links(anonymous, lyon):
    from .conftest import add_review

    old = make_report(lyon, 4, status=ReportStatus.ACCEPTED)
    new = make_report(lyon, 5, status=ReportStatus.ACCEPTED, previous=old)
    review = add_review(new, add_commitment(old, "Lire"))
    review.evidence_links = ["https://lyon.fr/lecture", "javascript:alert(1)"]
    review.save()
    html = anonymous.get(new.get_absolute_url()).content.decode()
    assert '<a href="https://lyon.fr/lecture"' in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html


def test_rendering_a_pdf_leaves_damaged_uploads_refused(anonymous, accepted_lyon):
    from django import forms

    from creative_cities.core.tests.test_uploads import encode, halves, upload
    from creative_cities.core.uploads import clean_image

    assert anonymous.get(f"/en/monitoring/reports/{accepted_lyon.slug}/pdf/").status_code == 200
    data = encode(halves((400, 400)), "PNG")
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(data[: len(data) // 2], name="cut.png"), max_edge=512)
    assert refused.value.code == "unreadable"
