"""The one CSV writer of the platform: streamed row by row, safe to open in a spreadsheet.

Every CSV download goes through ``csv_stream_response``: a test walks the URL
configuration and the admin and fails for a CSV that does not keep formulas out.
"""

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import translation

# A cell starting with one of these is read as a formula (or a command, in old spreadsheets)
# by spreadsheets; names and labels typed by people must stay text (OWASP "CSV injection").
# The full-width forms are turned into their ASCII twins by some spreadsheets' input methods.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


class _Echo:
    """A file-like object that hands back what the csv writer writes, so each row is yielded at once."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value) -> str | int | float | Decimal:
    """A value as a CSV cell: numbers as numbers, None as empty, anything else as text that cannot be a formula.

    Text is anything that is not a number: strings, lazy translations, dates, objects.
    Text that starts like a formula, even after spaces (which spreadsheets skip), is
    prefixed with an apostrophe so that it stays text.
    """
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.lstrip().startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_lines(*, header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """The header and each row as a line of CSV, every cell through ``csv_cell``."""
    writer = csv.writer(_Echo())
    yield writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def csv_stream_response(*, header: Iterable, rows: Iterable[Iterable], filename: str) -> StreamingHttpResponse:
    """A CSV attachment written while it is sent: a large selection never sits in memory whole."""
    # The rows are written after the view has returned: keep the request's language
    # for the translated names they contain.
    language = translation.get_language()

    def lines():
        with translation.override(language):
            yield from csv_lines(header=header, rows=rows)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
