"""Import of the member registry (data/members.csv): validate everything, then write.

The file is checked as a whole first. Any error (unknown field or country, bad year,
duplicate city, missing column, no coordinates) is reported with its line and
column, and nothing is written. Only then are cities created or updated, in one
transaction, so that running the import twice changes nothing the second time.
"""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from creative_cities.core.text import fold

from .gazetteer import Gazetteer, default_gazetteer
from .models import FIRST_DESIGNATION_YEAR, City, Country, CreativeField
from .services import city_change_field, city_create, city_update

DATA_DIR = Path(settings.BASE_DIR) / "data"
MEMBERS_FILE = DATA_DIR / "members.csv"
FIELD_CHANGES_FILE = DATA_DIR / "field_changes.csv"
REQUIRED_COLUMNS = ("city", "country", "iso2", "field", "year")


@dataclass(frozen=True)
class RegistryIssue:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Line %(line)s, column “%(column)s”: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class RegistryInvalid(Exception):
    """The file has errors; nothing was written."""

    def __init__(self, issues: list[RegistryIssue]):
        super().__init__("\n".join(str(issue) for issue in issues))
        self.issues = issues


@dataclass(frozen=True)
class RegistryRow:
    line: int
    city: str
    iso2: str
    field: str
    year: int


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    not_in_file: list[str] = field(default_factory=list)


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [(reader.line_num, row) for row in reader]
        return list(reader.fieldnames or []), rows


def registry_parse(path: Path, *, fields: dict[str, CreativeField], countries: set[str]) -> list[RegistryRow]:
    """Read and check the whole file; raise RegistryInvalid listing every problem."""
    try:
        columns, raw_rows = _read_csv(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise RegistryInvalid([RegistryIssue(0, "-", _("the file cannot be read: %s") % error)]) from error
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise RegistryInvalid([RegistryIssue(1, name, _("this column is missing.")) for name in missing])

    issues: list[RegistryIssue] = []
    rows: list[RegistryRow] = []
    seen: dict[str, int] = {}
    this_year = date.today().year
    for line, raw in raw_rows:
        values = {key: (raw.get(key) or "").strip() for key in REQUIRED_COLUMNS}
        row_issues = []
        if not values["city"]:
            row_issues.append(RegistryIssue(line, "city", _("the city name is empty.")))
        elif fold(values["city"]) in seen:
            row_issues.append(
                RegistryIssue(
                    line,
                    "city",
                    _("“%(city)s” is already on line %(first)s.")
                    % {"city": values["city"], "first": seen[fold(values["city"])]},
                )
            )
        else:
            seen[fold(values["city"])] = line
        if values["iso2"] not in countries:
            row_issues.append(
                RegistryIssue(line, "iso2", _("“%s” is not an ISO 3166-1 country code.") % values["iso2"])
            )
        known_field = fields.get(values["field"])
        if known_field is None:
            row_issues.append(
                RegistryIssue(
                    line,
                    "field",
                    _("“%(value)s” is not a creative field (known: %(known)s).")
                    % {"value": values["field"], "known": ", ".join(sorted(fields))},
                )
            )
        try:
            year = int(values["year"])
        except ValueError:
            row_issues.append(RegistryIssue(line, "year", _("“%s” is not a year.") % values["year"]))
        else:
            if not FIRST_DESIGNATION_YEAR <= year <= this_year:
                row_issues.append(
                    RegistryIssue(
                        line,
                        "year",
                        _("%(year)s is not between %(first)s and %(last)s.")
                        % {"year": year, "first": FIRST_DESIGNATION_YEAR, "last": this_year},
                    )
                )
            elif known_field is not None and year < known_field.year_introduced:
                row_issues.append(
                    RegistryIssue(
                        line,
                        "year",
                        _("%(field)s became a field of the network only in %(introduced)s.")
                        % {"field": known_field.name, "introduced": known_field.year_introduced},
                    )
                )
        if row_issues:
            issues.extend(row_issues)
        else:
            rows.append(RegistryRow(line, values["city"], values["iso2"], values["field"], year))
    if issues:
        raise RegistryInvalid(issues)
    return rows


def field_changes_parse(path: Path, *, fields: dict[str, CreativeField]) -> dict[str, list[tuple]]:
    """The field history of cities that changed field, keyed by folded registry name.

    Checked like the registry itself: every problem is reported with its line and column.
    """
    if not path.exists():
        return {}
    columns, raw_rows = _read_csv(path)
    missing = [name for name in ("city", "field", "start_year", "end_year") if name not in columns]
    if missing:
        raise RegistryInvalid([RegistryIssue(1, name, _("this column is missing.")) for name in missing])
    history: dict[str, list[tuple]] = {}
    issues = []
    for line, raw in raw_rows:
        code = (raw["field"] or "").strip()
        if code not in fields:
            issues.append(RegistryIssue(line, "field", _("“%s” is not a creative field.") % code))
        years = {}
        for column in ("start_year", "end_year"):
            value = (raw[column] or "").strip()
            if column == "end_year" and not value:
                years[column] = None
                continue
            try:
                years[column] = int(value)
            except ValueError:
                issues.append(RegistryIssue(line, column, _("“%s” is not a year.") % value))
        if code in fields and len(years) == 2:
            history.setdefault(fold(raw["city"]), []).append((fields[code], years["start_year"], years["end_year"]))
    if issues:
        raise RegistryInvalid(issues)
    return {name: sorted(periods, key=lambda period: period[1]) for name, periods in history.items()}


def members_import(
    *,
    path: Path = MEMBERS_FILE,
    field_changes_path: Path = FIELD_CHANGES_FILE,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> ImportReport:
    """Import the registry file; raise RegistryInvalid (writing nothing) if it has errors."""
    fields = {f.code: f for f in CreativeField.objects.all()}
    countries = {c.iso2: c for c in Country.objects.all()}
    rows = registry_parse(path, fields=fields, countries=set(countries))
    histories = field_changes_parse(field_changes_path, fields=fields)
    existing = {city.registry_name: city for city in City.objects.select_related("country", "field")}

    # Only new cities need the gazetteer, which takes seconds to load: a second
    # import of an unchanged file does not open it.
    new_rows = [row for row in rows if row.city not in existing]
    places = {}
    if new_rows:
        gazetteer = gazetteer or default_gazetteer()
        missing = []
        for row in new_rows:
            place = gazetteer.locate(row.city, row.iso2)
            if place is None:
                missing.append(
                    RegistryIssue(
                        row.line,
                        "city",
                        _("no coordinates found for “%s”: add it to data/gazetteer_aliases.csv.") % row.city,
                    )
                )
            places[row.line] = place
        if missing:
            raise RegistryInvalid(missing)

    report = ImportReport()
    with transaction.atomic():
        for row in progress(rows):
            history = histories.get(fold(row.city))
            field = fields[row.field]
            city = existing.get(row.city)
            if city is None:
                place = places[row.line]
                city_create(
                    name=row.city,
                    registry_name=row.city,
                    country=countries[row.iso2],
                    field=field,
                    designation_year=row.year,
                    latitude=place.latitude,
                    longitude=place.longitude,
                    population=place.population,
                    gazetteer_id=place.geonameid,
                    field_history=history,
                )
                report.created.append(row.city)
                continue
            changed = city_update(city=city, country=countries[row.iso2], designation_year=row.year)
            if city.field_id != field.pk:
                change_year = history[-1][1] if history else date.today().year
                city_change_field(city=city, field=field, year=change_year)
                changed.append("field")
            (report.updated if changed else report.unchanged).append(row.city)
        listed = {row.city for row in rows}
        report.not_in_file = sorted(name for name in existing if name not in listed)
    return report
