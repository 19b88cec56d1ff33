import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from creative_cities.audit.models import AuditEvent
from creative_cities.indicators.imports import IMPORT_MAX_BYTES
from creative_cities.indicators.models import Value

from .helpers import small_framework

pytestmark = pytest.mark.django_db


def _values_url(city, framework, year=2024):
    return reverse("indicators:city_values", kwargs={"slug": city.slug}) + f"?framework={framework.slug}&year={year}"


def _fields(framework, **values):
    data = {}
    for node in framework.nodes.filter(children__isnull=True):
        data[f"v_{node.pk}"] = values.get(node.code, "")
        data[f"s_{node.pk}"] = "Office of statistics"
        data[f"n_{node.pk}"] = ""
    return data


def test_a_focal_point_enters_the_values_of_a_year_at_once(focal_point_lyon, lyon):
    framework = small_framework()
    response = focal_point_lyon.post(_values_url(lyon, framework), _fields(framework, A1="1.5", A2="2", B1="3", B2="4"))
    assert response.status_code == 302
    values = dict(Value.objects.filter(city=lyon, year=2024).values_list("node__code", "value"))
    assert values == {"A1": 1.5, "A2": 2.0, "B1": 3.0, "B2": 4.0}
    assert set(Value.objects.filter(city=lyon).values_list("origin", flat=True)) == {"form"}


def test_one_wrong_value_refuses_the_whole_form_and_names_each_error(focal_point_lyon, lyon):
    framework = small_framework()
    response = focal_point_lyon.post(
        _values_url(lyon, framework), _fields(framework, A1="1", A2="many", B1="x", B2="4")
    )
    assert response.status_code == 200
    assert response.content.decode().count("Enter a number") >= 2
    assert not Value.objects.filter(city=lyon).exists()


def test_a_focal_point_cannot_enter_values_for_another_city(focal_point_lyon, dakar):
    framework = small_framework()
    response = focal_point_lyon.post(_values_url(dakar, framework), _fields(framework, A1="1"))
    assert response.status_code == 403
    assert not Value.objects.exists()


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("values.csv", text.encode(), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("values.xlsx", out.getvalue(), content_type="application/octet-stream")


def _import(client, framework, upload):
    return client.post(reverse("indicators:value_import"), {"framework": framework.slug, "file": upload})


def test_an_import_lists_every_problem_with_its_row_and_writes_nothing(secretariat):
    framework = small_framework()
    text = (
        "city,indicator,year,value,source,note\n"
        "lyon,A1,2024,1,,\n"
        "atlantis,A1,2024,1,,\n"
        "lyon,A,2024,1,,\n"
        "lyon,ZZ,2024,1,,\n"
        "lyon,A2,1700,1,,\n"
        "lyon,B1,2024,lots,,\n"
        "lyon,A1,2024,2,,\n"
    )
    response = _import(secretariat, framework, _csv(text))
    body = response.content.decode()
    for row in (3, 4, 5, 6, 7, 8):
        assert f"Row {row}:" in body
    assert "Row 2:" not in body
    assert "the same city, indicator and year as row 2" in body.lower()
    assert not Value.objects.exists()


def test_an_xlsx_import_shows_a_preview_then_writes_on_confirmation(secretariat, lyon):
    framework = small_framework()
    Value.objects.create(node=framework.nodes.get(code="A1"), city=lyon, year=2024, value=5)
    rows = [["city", "indicator", "year", "value", "source", "note"], ["lyon", "A1", 2024, 5, "", ""]]
    rows += [["Lyon, FR", "A2", 2024, 6.5, "INSEE", ""], ["lyon", "B1", 2024, "7,25", "", "estimate"]]
    response = _import(secretariat, framework, _xlsx(rows))
    plan = response.context["plan"]
    assert plan.ok and plan.counts.as_dict() == {"new": 2, "changed": 0, "unchanged": 1, "removed": 0}
    assert Value.objects.count() == 1
    payload = response.context["confirm"].initial
    confirmed = secretariat.post(reverse("indicators:value_import_confirm"), payload)
    assert confirmed.status_code == 302
    assert dict(Value.objects.values_list("node__code", "value")) == {"A1": 5, "A2": 6.5, "B1": 7.25}
    assert set(Value.objects.exclude(node__code="A1").values_list("origin", flat=True)) == {"import"}
    assert AuditEvent.objects.filter(action="indicators.values_import").exists()


def test_a_team_cannot_import_values_for_another_city(focal_point_lyon):
    framework = small_framework()
    response = _import(
        focal_point_lyon, framework, _csv("city,indicator,year,value\nlyon,A1,2024,1\ndakar,A1,2024,1\n")
    )
    assert "Row 3: You may not enter values for Dakar." in response.content.decode()
    assert not response.context.get("confirm")


def test_a_forged_confirmation_is_refused(focal_point_lyon):
    framework = small_framework()
    response = focal_point_lyon.post(
        reverse("indicators:value_import_confirm"), {"framework": framework.slug, "payload": "forged"}
    )
    assert response.status_code == 302
    assert not Value.objects.exists()


def test_an_oversized_or_fake_file_is_refused(secretariat):
    framework = small_framework()
    big = _csv("city,indicator,year,value\n" + "lyon,A1,2024,1\n" * (IMPORT_MAX_BYTES // 14 + 1))
    assert "too large" in _import(secretariat, framework, big).content.decode()
    fake = SimpleUploadedFile("values.xlsx", b"PK\x03\x04 not a workbook", content_type="application/zip")
    assert "neither a CSV text file nor an XLSX workbook" in _import(secretariat, framework, fake).content.decode()
    binary = SimpleUploadedFile("values.csv", b"\x89PNG\r\n\x00\x00", content_type="text/csv")
    assert "neither a CSV text file nor an XLSX workbook" in _import(secretariat, framework, binary).content.decode()


def test_the_import_template_lists_every_indicator(anonymous):
    framework = small_framework()
    response = anonymous.get(reverse("indicators:framework_template", args=[framework.slug, "csv"]))
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("city,indicator,year,value,source,note")
    assert [line.split(",")[1] for line in lines[1:]] == ["A1", "A2", "B1", "B2"]
    xlsx = anonymous.get(reverse("indicators:framework_template", args=[framework.slug, "xlsx"]))
    assert xlsx.content.startswith(b"PK")
