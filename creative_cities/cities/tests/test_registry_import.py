"""The registry import: a good file, each kind of bad file, and a second import."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from creative_cities.cities.gazetteer import Gazetteer
from creative_cities.cities.models import City
from creative_cities.cities.registry import RegistryInvalid, members_import

HEADER = "city,country,iso2,field,year\n"

# A gazetteer made of three places, so that these tests do not load GeoNames.
SMALL_GAZETTEER = Gazetteer(
    {
        1: {
            "geonameid": 1,
            "name": "Tampere",
            "latitude": 61.5,
            "longitude": 23.8,
            "countrycode": "FI",
            "population": 200000,
            "alternatenames": ["Tammerfors"],
        },
        2: {
            "geonameid": 2,
            "name": "Dakar",
            "latitude": 14.7,
            "longitude": -17.4,
            "countrycode": "SN",
            "population": 2500000,
            "alternatenames": [],
        },
        3: {
            "geonameid": 3,
            "name": "Hofuf",
            "latitude": 25.4,
            "longitude": 49.6,
            "countrycode": "SA",
            "population": 290000,
            "alternatenames": [],
        },
    },
    aliases={("al ahsa", "SA"): 3},
)


@pytest.fixture
def empty_registry(db):
    City.objects.all().delete()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "members.csv"
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path):
    return members_import(path=path, field_changes_path=path.with_name("none.csv"), gazetteer=SMALL_GAZETTEER)


def test_a_good_file_creates_every_city_with_coordinates(empty_registry, tmp_path):
    path = write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2021\nDakar,Senegal,SN,media_arts,2014\n")
    report = run(path)
    assert sorted(report.created) == ["Dakar", "Tampere"]
    dakar = City.objects.get(registry_name="Dakar")
    assert (dakar.latitude, dakar.longitude, dakar.population) == (14.7, -17.4, 2500000)
    assert dakar.field.code == "media_arts"
    assert list(dakar.field_periods.values_list("field__code", "start_year", "end_year")) == [
        ("media_arts", 2014, None)
    ]


def test_the_alias_table_finds_names_the_gazetteer_does_not_know(empty_registry, tmp_path):
    run(write(tmp_path, HEADER + "Al-Ahsa,Saudi Arabia,SA,crafts_folk_art,2015\n"))
    assert City.objects.get(registry_name="Al-Ahsa").latitude == 25.4


def test_a_second_import_of_the_same_file_changes_nothing(empty_registry, tmp_path):
    path = write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2021\n")
    run(path)
    stamp = City.objects.get().updated_at
    report = run(path)
    assert (report.created, report.updated, report.unchanged) == ([], [], ["Tampere"])
    assert City.objects.get().updated_at == stamp


def test_an_import_updates_a_changed_year_and_records_a_field_change(empty_registry, tmp_path):
    run(write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2021\n"))
    report = run(write(tmp_path, HEADER + "Tampere,Finland,FI,design,2019\n"))
    assert report.updated == ["Tampere"]
    tampere = City.objects.get()
    assert (tampere.designation_year, tampere.field.code) == (2019, "design")
    periods = list(tampere.field_periods.values_list("field__code", "end_year"))
    assert periods[0][0] == "media_arts" and periods[0][1] is not None
    assert periods[-1] == ("design", None)


@pytest.mark.parametrize(
    ("row", "line", "column", "fragment"),
    [
        ("Tampere,Finland,FI,poetry,2021", 3, "field", "“poetry” is not a creative field"),
        ("Tampere,Finland,XX,music,2021", 3, "iso2", "“XX” is not an ISO 3166-1 country code"),
        ("Tampere,Finland,FI,music,twenty", 3, "year", "“twenty” is not a year"),
        ("Tampere,Finland,FI,music,1999", 3, "year", "1999 is not between 2004"),
        ("Tampere,Finland,FI,architecture,2019", 3, "year", "became a field of the network only in 2025"),
        ("Dakar,Senegal,SN,music,2021", 3, "city", "“Dakar” is already on line 2"),
        (",Finland,FI,music,2021", 3, "city", "the city name is empty"),
        ("Nowhere,Finland,FI,music,2021", 3, "city", "no coordinates found for “Nowhere”"),
    ],
)
def test_a_bad_row_names_its_line_and_column_and_nothing_is_written(
    empty_registry, tmp_path, row, line, column, fragment
):
    path = write(tmp_path, HEADER + "Dakar,Senegal,SN,media_arts,2014\n" + row + "\n")
    with pytest.raises(RegistryInvalid) as raised:
        run(path)
    issue = raised.value.issues[0]
    assert (issue.line, issue.column) == (line, column)
    assert fragment in issue.message
    assert City.objects.count() == 0


def test_a_missing_column_is_reported_and_nothing_is_written(empty_registry, tmp_path):
    path = write(tmp_path, "city,country,iso2,field\nDakar,Senegal,SN,media_arts\n")
    with pytest.raises(RegistryInvalid) as raised:
        run(path)
    assert [(i.line, i.column) for i in raised.value.issues] == [(1, "year")]
    assert City.objects.count() == 0


def test_every_error_of_the_file_is_reported_at_once(empty_registry, tmp_path):
    path = write(tmp_path, HEADER + "A,x,XX,music,2021\nB,y,FI,nope,2021\nC,z,FI,music,0\n")
    with pytest.raises(RegistryInvalid) as raised:
        run(path)
    assert [(i.line, i.column) for i in raised.value.issues] == [(2, "iso2"), (3, "field"), (4, "year")]


def test_an_error_in_an_update_run_leaves_existing_cities_untouched(empty_registry, tmp_path):
    run(write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2021\n"))
    with pytest.raises(RegistryInvalid):
        run(write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2019\nDakar,Senegal,SN,opera,2014\n"))
    assert City.objects.get().designation_year == 2021


def test_the_command_reports_created_updated_and_unchanged(db, capsys):
    call_command("import_members", verbosity=0)
    out = capsys.readouterr().out
    assert "Created 0, updated 0, unchanged 405." in out


def test_the_command_fails_in_the_users_language_naming_the_line(empty_registry, tmp_path, capsys):
    path = write(tmp_path, HEADER + "Tampere,Finland,FI,poésie,2021\n")
    with pytest.raises(CommandError, match="rien n’a été importé"):
        call_command("import_members", str(path), language="fr", verbosity=0)
    err = capsys.readouterr().err
    assert "Ligne 2" in err and "field" in err
    assert City.objects.count() == 0


def test_a_bad_field_history_file_names_its_line_and_column(empty_registry, tmp_path):
    path = write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2021\n")
    history = tmp_path / "changes.csv"
    history.write_text("city,iso2,field,start_year,end_year\nTampere,FI,design,20O8,2021\n", encoding="utf-8")
    with pytest.raises(RegistryInvalid) as raised:
        members_import(path=path, field_changes_path=history, gazetteer=SMALL_GAZETTEER)
    assert [(i.line, i.column) for i in raised.value.issues] == [(2, "start_year")]
    assert City.objects.count() == 0


def test_a_field_history_file_gives_the_periods_of_a_new_city(empty_registry, tmp_path):
    path = write(tmp_path, HEADER + "Tampere,Finland,FI,media_arts,2013\n")
    history = tmp_path / "changes.csv"
    history.write_text(
        "city,iso2,field,start_year,end_year\nTampere,FI,design,2013,2020\nTampere,FI,media_arts,2020,\n",
        encoding="utf-8",
    )
    members_import(path=path, field_changes_path=history, gazetteer=SMALL_GAZETTEER)
    periods = list(City.objects.get().field_periods.values_list("field__code", "start_year", "end_year"))
    assert periods == [("design", 2013, 2020), ("media_arts", 2020, None)]
