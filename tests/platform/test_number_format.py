"""Numbers on pages follow the reader's language; what is not a quantity is printed as it is.

With USE_THOUSAND_SEPARATOR, a template prints 2024 as "2,024" or "2 024" and a key of 1234 as
"1 234": years, keys and pixel sizes must go through |unlocalize. A key only reaches 1,000 in
a database that has lived, never in a test, so the templates are read rather than rendered:
an expression naming a year, a key (pk, id) or a width or height must say how it is printed.
"""

import re
import sys
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Filters that print a value as something other than a localised number.
AS_IS = {"unlocalize", "stringformat", "date", "time", "urlencode", "json_script", "yesno", "length_is"}
# The parts of a form field that hold text, not its value.
TEXT_PARTS = {"label", "help_text", "errors", "auto_id", "id_for_label", "html_name", "name", "placeholder"}
TEXT_PARTS |= {"as_field_group"}
NOT_A_QUANTITY = re.compile(r"^(pk|id|width|height)$|_pk$|year")

VARIABLE = re.compile(r"\{\{\s*(.*?)\s*\}\}")
BLOCK_VALUES = re.compile(r"\{%\s*(?:blocktranslate|blocktrans|with)\b(.*?)%\}")
ASSIGNMENT = re.compile(r"(\w+)=(\S+)")


def _printed_as_number(expression: str) -> bool:
    """Whether an expression that names a year, key or size is printed through the number format."""
    value, *filters = [part.strip() for part in expression.split("|")]
    if any(f.split(":", 1)[0] in AS_IS for f in filters):
        return False
    if not re.fullmatch(r"[\w.]+", value):
        return False  # a literal or something this check does not read
    parts = value.split(".")
    if parts[-1] in TEXT_PARTS or parts[-1].startswith("get_") or parts[-1] == "count":
        return False
    return any(NOT_A_QUANTITY.search(part) for part in parts)


def offending_expressions() -> list[str]:
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt", ".svg", ".xml"}:
            continue
        text = path.read_text()
        named = set()  # names given by {% with %} or {% blocktranslate with %}, checked where they are set
        for block in BLOCK_VALUES.finditer(text):
            for name, expression in ASSIGNMENT.findall(block.group(1)):
                named.add(name)
                if _printed_as_number(expression):
                    found.append(f"{path.relative_to(TEMPLATES)}: {name}={expression}")
        for match in VARIABLE.finditer(text):
            expression = match.group(1)
            if expression.split("|")[0].strip() in named:
                continue
            if _printed_as_number(expression):
                found.append(f"{path.relative_to(TEMPLATES)}: {{{{ {expression} }}}}")
    return found


def test_templates_print_years_keys_and_sizes_without_the_number_format():
    assert offending_expressions() == []


def test_the_check_finds_a_year_or_a_key_printed_as_a_number(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "TEMPLATES", tmp_path)
    (tmp_path / "page.html").write_text(
        '<p id="row-{{ row.pk }}">'
        "{% blocktranslate with year=city.designation_year %}since {{ year }}{% endblocktranslate %}"
        "{{ city.population }} {{ city.designation_year|unlocalize }} {{ form.year.label }}</p>"
    )
    assert offending_expressions() == ["page.html: year=city.designation_year", "page.html: {{ row.pk }}"]
