"""CSV downloads streamed row by row, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse
from django.utils import translation

# A cell starting with one of these is read as a formula by spreadsheets; names and
# labels typed by people must stay text (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object that hands back what the csv writer writes, so each row is yielded at once."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value) -> str:
    """A value as CSV text: empty for None, and text starting like a formula quoted so it stays text."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_stream_response(*, header: list[str], rows: Iterable[Iterable], filename: str) -> StreamingHttpResponse:
    """A CSV attachment written while it is sent: a large selection never sits in memory whole."""
    writer = csv.writer(_Echo())
    # The rows are written after the view has returned: keep the request's language
    # for the translated names they contain.
    language = translation.get_language()

    def lines():
        with translation.override(language):
            yield writer.writerow(header)
            for row in rows:
                yield writer.writerow([csv_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
