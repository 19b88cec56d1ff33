"""A cleaned PDF keeps its pages and plain links, and nothing that runs: no script, action, form or attachment.

Hostile documents are built with pypdf; the cleaned file is then read back and every
one of its objects inspected, not only the places the cleaning looks at.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from creative_cities.core.uploads import clean_pdf

SCRIPT = "app.alert('pwned')"
# What must not be left anywhere in a cleaned file.
FORBIDDEN_KEYS = {
    "/AA",
    "/OpenAction",
    "/JS",
    "/JavaScript",
    "/AcroForm",
    "/XFA",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/EF",
    "/RichMediaContent",
    "/RichMediaSettings",
    "/Names",
}
# Every kind of action of PDF 2.0; only links to an address or to a page are kept.
ACTIONS = {
    "/GoTo", "/GoToR", "/GoToE", "/GoToDp", "/Launch", "/Thread", "/URI", "/Sound", "/Movie", "/Hide", "/Named",
    "/SubmitForm", "/ResetForm", "/ImportData", "/JavaScript", "/SetOCGState", "/Rendition", "/Trans",
    "/GoTo3DView", "/RichMediaExecute",
}  # fmt: skip
SAFE_ACTIONS = {"/URI", "/GoTo"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")
RUNNING_ANNOTATIONS = {"/Widget", "/RichMedia", "/FileAttachment", "/Screen", "/Movie", "/Sound"}
FORBIDDEN_BYTES = (b"javascript", b"app.alert", b"/launch", b"calc.exe")


def _js(code: str = SCRIPT) -> dict:
    return {"/Type": "/Action", "/S": "/JavaScript", "/JS": code}


def _link(rect, **target) -> dict:
    return {"/Type": "/Annot", "/Subtype": "/Link", "/Rect": list(rect), "/Border": [0, 0, 0], **target}


def _hostile_pdf() -> bytes:
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=300, height=300)
    first, second = writer.pages
    annotations = [
        _link((10, 10, 50, 30), **{"/A": _js()}),
        _link((10, 40, 50, 60), **{"/A": {"/S": "/Launch", "/F": "calc.exe", "/Win": {"/F": "cmd.exe"}}}),
        _link((10, 70, 50, 90), **{"/A": {"/S": "/URI", "/URI": "javascript:app.alert(1)"}}),
        _link((10, 100, 50, 120), **{"/A": {"/S": "/SubmitForm", "/F": {"/FS": "/URL", "/F": "http://evil.example"}}}),
        _link((10, 130, 50, 150), **{"/A": {"/S": "/ImportData", "/F": "data.fdf"}}),
        _link((10, 160, 50, 180), **{"/A": {"/S": "/GoToR", "/F": "other.pdf", "/D": [0, "/Fit"]}}),
        # A safe link that also runs a script on hover, and one whose next action is a script.
        _link((60, 10, 100, 30), **{"/A": {"/S": "/URI", "/URI": "https://example.org/report"}, "/AA": {"/E": _js()}}),
        _link((60, 40, 100, 60), **{"/A": {"/S": "/URI", "/URI": "https://example.org/next", "/Next": _js()}}),
        _link((60, 70, 100, 90), **{"/A": {"/S": "/URI", "/URI": "mailto:team@example.org"}}),
        {"/Type": "/Annot", "/Subtype": "/Widget", "/FT": "/Tx", "/T": "name", "/Rect": [110, 10, 200, 30],
         "/AA": {"/K": _js(), "/F": _js()}},
        {"/Type": "/Annot", "/Subtype": "/RichMedia", "/Rect": [110, 40, 200, 60],
         "/RichMediaContent": {"/Assets": {"/Names": ["movie.swf", {"/Type": "/Filespec", "/F": "movie.swf"}]}}},
        {"/Type": "/Annot", "/Subtype": "/FileAttachment", "/Rect": [110, 70, 200, 90],
         "/FS": {"/Type": "/Filespec", "/F": "evil.exe"}},
        {"/Type": "/Annot", "/Subtype": "/Screen", "/Rect": [110, 100, 200, 120],
         "/A": {"/S": "/Rendition", "/JS": SCRIPT}},
        {"/Type": "/Annot", "/Subtype": "/Text", "/Rect": [110, 130, 200, 150], "/Contents": "a note",
         "/A": _js()},
    ]  # fmt: skip
    for annotation in annotations:
        writer.add_annotation(0, annotation)
    internal = writer.add_annotation(0, _link((60, 100, 100, 120)))
    internal[NameObject("/Dest")] = ArrayObject([second.indirect_reference, NameObject("/Fit")])
    first[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(_objectify(_js()))})
    # A script hidden where no reader looks, which must go as well.
    resources = first["/Resources"] if "/Resources" in first else DictionaryObject()
    resources[NameObject("/Hidden")] = _objectify(_js())
    first[NameObject("/Resources")] = resources
    second[NameObject("/AA")] = _objectify({"/C": _js()})
    widget = next(a.get_object() for a in first["/Annots"] if a.get_object()["/Subtype"] == "/Widget")
    xfa = StreamObject()
    xfa.set_data(b"<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([widget.indirect_reference]), NameObject("/XFA"): writer._add_object(xfa)}
    )
    writer.add_open_action(JavaScript(SCRIPT))
    writer.add_attachment("evil.exe", b"MZ not really a program")
    names = writer.root_object["/Names"]
    names[NameObject("/JavaScript")] = _objectify({"/Names": ["startup", _js()]})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _objectify(value):
    from pypdf._writer import _pdf_objectify

    return _pdf_objectify(value)


def _every_object(reader: PdfReader):
    """Every object of the file by its number, and what the trailer holds: the whole file, not what is reachable."""
    yield reader.trailer
    for number in range(1, int(reader.trailer["/Size"])):
        found = reader.get_object(number)
        if found is not None:
            yield found


def _walk(root):
    """Each dictionary and array inside an object, following nothing outside it (the file gives each object)."""
    stack = [root]
    while stack:
        value = stack.pop()
        if isinstance(value, IndirectObject):
            continue
        if isinstance(value, DictionaryObject):
            yield value
            stack.extend(value.values())
        elif isinstance(value, ArrayObject):
            stack.extend(value)


def _problems(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    problems = []
    for found in _every_object(reader):
        for dictionary in _walk(found):
            problems += [f"key {key}" for key in dictionary if key in FORBIDDEN_KEYS]
            if dictionary.get("/S") in ACTIONS - SAFE_ACTIONS:
                problems.append(f"action {dictionary['/S']}")
            uri = dictionary.get("/URI")
            if uri is not None and not str(uri).lower().startswith(SAFE_SCHEMES):
                problems.append(f"address {uri}")
            if dictionary.get("/Type") in ("/Filespec", "/EmbeddedFile"):
                problems.append(f"file {dictionary.get('/Type')}")
            if dictionary.get("/Subtype") in (
                "/Widget",
                "/RichMedia",
                "/FileAttachment",
                "/Screen",
                "/Movie",
                "/Sound",
            ):
                problems.append(f"annotation {dictionary.get('/Subtype')}")
    lowered = data.lower()
    problems += [
        f"bytes {word!r}" for word in (b"javascript", b"app.alert", b"/launch", b"calc.exe") if word in lowered
    ]
    return problems


def _links(data: bytes) -> list:
    """Each link of the first page: its address, or the number of the page it leads to."""
    reader = PdfReader(io.BytesIO(data))
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    found = []
    for reference in reader.pages[0].get("/Annots", []):
        annotation = reference.get_object()
        if "/A" in annotation:
            found.append(str(annotation["/A"]["/URI"]))
        else:
            found.append(pages[annotation["/Dest"][0].idnum])
    return found


@pytest.fixture
def hostile():
    data = _hostile_pdf()
    assert len(_problems(data)) > 20  # the checks see what is planted
    return data


def test_a_cleaned_pdf_holds_no_script_action_form_or_attachment_anywhere(settings, hostile):
    cleaned = clean_pdf(SimpleUploadedFile("plan.pdf", hostile, content_type="application/pdf")).read()
    assert _problems(cleaned) == []


def test_a_cleaned_pdf_keeps_its_pages_and_plain_links(settings, hostile):
    cleaned = clean_pdf(SimpleUploadedFile("plan.pdf", hostile, content_type="application/pdf")).read()
    assert len(PdfReader(io.BytesIO(cleaned)).pages) == 2
    assert sorted(map(str, _links(cleaned))) == sorted(
        ["https://example.org/report", "https://example.org/next", "mailto:team@example.org", "1"]
    )


def test_a_link_to_a_named_destination_leads_to_its_page(settings):
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=300, height=300)
    writer.add_named_destination("results", 2)
    writer.add_annotation(0, _link((10, 10, 50, 30), **{"/A": {"/S": "/GoTo", "/D": TextStringObject("results")}}))
    out = io.BytesIO()
    writer.write(out)
    cleaned = clean_pdf(SimpleUploadedFile("plan.pdf", out.getvalue(), content_type="application/pdf")).read()
    assert _links(cleaned) == [2]
    assert _problems(cleaned) == []
