"""Values imported from a CSV or XLSX file: read, validated as a whole, then written by services.values_write.

The file is judged by its content (an XLSX file is a zip archive; anything else must be
UTF-8 text), refused by its size before it is parsed (``core.uploads.read_capped``), and
every row is checked before anything is written. Each problem names its row as a
spreadsheet shows it (the header is row 1).
"""

import csv
import io
import math
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from creative_cities.core.uploads import read_capped

from . import selectors
from .policies import can_enter_values
from .services import Entry, WriteCounts, values_compare

COLUMNS = ["city", "indicator", "year", "value", "source", "note"]
REQUIRED = ["city", "indicator", "year", "value"]
# A file of indicator values is small text: a megabyte holds some 20,000 rows.
IMPORT_MAX_BYTES = 1_000_000
IMPORT_MAX_ROWS = 50_000
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Problem:
    row: int
    message: str


@dataclass
class ImportPlan:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: WriteCounts | None = None
    cities: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def read_upload(file) -> bytes:
    """The file's bytes, refused beyond the size an import allows."""
    return read_capped(file, max_bytes=IMPORT_MAX_BYTES)


def read_table(data: bytes) -> list[dict]:
    """Rows of the file as dicts of text keyed by lower-case column names; ValidationError if it cannot be read."""
    rows = _read_xlsx(data) if data.startswith(ZIP_MAGIC) else _read_csv(data)
    if not rows:
        raise ValidationError(_("The file is empty."), code="empty")
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ValidationError(
            _("The file has no column named %(columns)s. The first row must name the columns: %(expected)s."),
            code="columns",
            params={"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)},
        )
    if len(rows) - 1 > IMPORT_MAX_ROWS:
        raise ValidationError(
            _("The file has more than %(limit)s rows: please split it."), code="rows", params={"limit": IMPORT_MAX_ROWS}
        )
    table = []
    for cells in rows[1:]:
        values = ["" if cell is None else cell for cell in cells]
        table.append({name: values[index] if index < len(values) else "" for index, name in enumerate(header) if name})
    return table


def _read_csv(data: bytes) -> list[list]:
    if b"\x00" in data:
        raise ValidationError(_("This file is neither a CSV text file nor an XLSX workbook."), code="format")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("This CSV file is not encoded in UTF-8."), code="encoding") from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError(_("This file is neither a CSV text file nor an XLSX workbook."), code="format") from error
    try:
        sheet = book.worksheets[0]
        rows = []
        for cells in sheet.iter_rows(values_only=True):
            if len(rows) > IMPORT_MAX_ROWS + 1:
                break
            if any(cell not in (None, "") for cell in cells):
                rows.append(list(cells))
        return rows
    finally:
        book.close()


def _text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def import_plan(*, table: list[dict], framework, user) -> ImportPlan:
    """Every row checked: the entries to write, or every problem with its row number; counts for the preview."""
    plan = ImportPlan()
    leaves = {node.code: node for node in selectors.leaf_list(framework=framework)}
    codes = {node.code for node in framework.nodes.all()}
    keys = selectors.city_keys()
    allowed: dict[int, bool] = {}
    seen: dict[tuple, int] = {}
    for index, row in enumerate(table, start=2):

        def problem(message, index=index):
            plan.problems.append(Problem(index, message))

        city_text = _text(row.get("city", ""))
        city = keys.slugs.get(city_text.lower())
        if city is None and city_text:
            name, _sep, country = city_text.rpartition(",")
            city = keys.names.get((name.casefold().strip(), country.strip().upper()))
        if city is None:
            problem(
                _(
                    "Unknown city “%(city)s”: give its address on the platform (lyon) "
                    "or its name and country (Lyon, FR)."
                )
                % {"city": city_text}
            )
        elif city.pk not in allowed:
            allowed[city.pk] = can_enter_values(user, city)
        if city is not None and not allowed[city.pk]:
            problem(_("You may not enter values for %(city)s.") % {"city": city.name})
        code = _text(row.get("indicator", ""))
        node = leaves.get(code)
        if node is None:
            if code in codes:
                problem(
                    _("“%(code)s” groups other indicators: values go to the indicators themselves.") % {"code": code}
                )
            else:
                problem(_("Unknown indicator “%(code)s” in this framework.") % {"code": code})
        year = _year(_text(row.get("year", "")))
        if year is None:
            problem(
                _("The year must be a whole number from %(first)s to %(last)s.")
                % {"first": selectors.FIRST_YEAR, "last": selectors.LAST_YEAR}
            )
        value = _number(row.get("value", ""))
        if value is None:
            problem(_("The value “%(value)s” is not a number.") % {"value": _text(row.get("value", ""))})
        source, note = _text(row.get("source", ""))[:300], _text(row.get("note", ""))[:2000]
        if city is not None and node is not None and year is not None:
            key = (city.pk, node.pk, year)
            if key in seen:
                problem(_("The same city, indicator and year as row %(row)s.") % {"row": seen[key]})
            else:
                seen[key] = index
        if not plan.problems or plan.problems[-1].row != index:
            plan.entries.append(Entry(node=node, city=city, year=year, value=value, source=source, note=note))
    if plan.ok:
        plan.counts, _existing = values_compare(entries=plan.entries)
        plan.cities = len({entry.city.pk for entry in plan.entries})
    return plan


def _year(text: str) -> int | None:
    try:
        year = int(float(text)) if text and float(text).is_integer() else None
    except ValueError:
        return None
    if year is None or not selectors.FIRST_YEAR <= year <= selectors.LAST_YEAR:
        return None
    return year


def _number(cell) -> float | None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        number = float(cell)
    else:
        text = str(cell).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def template_rows(*, framework, city_slug: str = "", year: int | str = "") -> list[list]:
    """The rows of the downloadable template: the header, and one row per indicator."""
    return [COLUMNS] + [
        [city_slug, node.code, year, "", "", node.name] for node in selectors.leaf_list(framework=framework)
    ]


def template_xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("values")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
