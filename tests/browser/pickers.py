"""Choosing in a picker (core.widgets.Picker) as a person does: type, then choose the option."""

import re


def pick(page, label: str, typed: str, option: str):
    """Type ``typed`` into the picker labelled ``label`` and click the option whose name starts with ``option``."""
    # The input picker.js puts in place of the select (a select is a combobox too, until then).
    box = page.get_by_role("combobox", name=label, exact=True).and_(page.locator("input.picker-input"))
    box.fill(typed)
    page.get_by_role("option", name=re.compile("^" + re.escape(option))).click()
