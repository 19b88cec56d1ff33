"""A PDF rewritten with its pages and plain links only: nothing in it can run, submit, launch or attach.

Used by ``uploads.clean_pdf``. Three steps, each a net under the previous one:

1. Each page is copied with its content, resources and boxes only, and without the
   keys that hold actions, scripts, forms or attachments at any depth.
2. Everything the copy holds is then walked, and any action, script, file
   specification or annotation still found under another key is cut off.
3. The links worth keeping (to an http, https or mailto address, or to a page of the
   document) are written anew, and the file is copied once more, so that only what
   the pages reach is in it.

Form fields, comments, multimedia, attachments, bookmarks and metadata are left out.
"""

import io
from urllib.parse import urlsplit

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NullObject,
    NumberObject,
    PdfObject,
)

# What a copied page keeps; everything else (/AA, /Annots, /Metadata, /PieceInfo,
# /Thumb, /B, /Trans...) stays behind.
PAGE_KEYS = {
    "/Type",
    "/MediaBox",
    "/CropBox",
    "/BleedBox",
    "/TrimBox",
    "/ArtBox",
    "/Rotate",
    "/Contents",
    "/Resources",
    "/UserUnit",
    "/Group",
}
# Keys that hold actions, scripts, forms, attachments or metadata, wherever they are.
DROPPED_KEYS = {
    "/A",
    "/AA",
    "/Annots",
    "/OpenAction",
    "/Next",
    "/JS",
    "/JavaScript",
    "/Names",
    "/Dests",
    "/AcroForm",
    "/XFA",
    "/EmbeddedFiles",
    "/EF",
    "/FS",
    "/RichMediaContent",
    "/RichMediaSettings",
    "/Metadata",
    "/PieceInfo",
}
# Every kind of action of PDF 2.0: a dictionary with one of these as /S is an action,
# and none is kept as it was (links are written anew).
ACTION_TYPES = {
    "/GoTo",
    "/GoToR",
    "/GoToE",
    "/GoToDp",
    "/Launch",
    "/Thread",
    "/URI",
    "/Sound",
    "/Movie",
    "/Hide",
    "/Named",
    "/SubmitForm",
    "/ResetForm",
    "/ImportData",
    "/JavaScript",
    "/SetOCGState",
    "/Rendition",
    "/Trans",
    "/GoTo3DView",
    "/RichMediaExecute",
}
RUNNABLE_TYPES = {"/Action", "/Filespec", "/EmbeddedFile", "/Annot"}
SAFE_SCHEMES = {"http", "https", "mailto"}


def pdf_without_scripts(reader: PdfReader) -> bytes:
    """The pages of ``reader`` and their plain links, as a new PDF in which nothing can run."""
    page_numbers = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    links = [_links(reader, page, page_numbers) for page in reader.pages]
    writer = PdfWriter()
    for page in reader.pages:
        for key in [key for key in page if key not in PAGE_KEYS]:
            del page[key]
        writer.add_page(page, excluded_keys=sorted(DROPPED_KEYS))
    _cut_runnables(writer.root_object)
    for number, page_links in enumerate(links):
        for link in page_links:
            writer.add_annotation(number, link)
    # Written and copied again: the copy holds only what the document reaches, not
    # what step 2 cut off.
    first = io.BytesIO()
    writer.write(first)
    again = PdfWriter(clone_from=PdfReader(first))
    out = io.BytesIO()
    again.write(out)
    return out.getvalue()


def _get(dictionary: DictionaryObject, key: str):
    """A value of a dictionary, followed if it is a reference (as readers do), or None.

    Not ``dictionary.get``: pypdf's ``get`` is dict's, which hands back the reference.
    """
    return dictionary[key] if key in dictionary else None  # noqa: SIM401


def _runs(value: PdfObject) -> bool:
    """Whether a value is an action, a script, a file or an annotation: something a reader may run or open."""
    if not isinstance(value, DictionaryObject):
        return False
    return (
        _get(value, "/S") in ACTION_TYPES
        or _get(value, "/Type") in RUNNABLE_TYPES
        or any(key in value for key in ("/JS", "/EF", "/Launch"))
    )


def _cut_runnables(root: DictionaryObject) -> None:
    """Remove, from everything ``root`` reaches, the dropped keys and any value that runs."""
    seen: set[int] = set()
    stack: list[PdfObject] = [root]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, DictionaryObject):
            for key in list(current):
                value = current.raw_get(key).get_object()
                if key in DROPPED_KEYS or _runs(value):
                    del current[key]
                else:
                    stack.append(value)
        elif isinstance(current, ArrayObject):
            kept = [item for item in current if not _runs(item.get_object())]
            current[:] = kept
            stack.extend(item.get_object() for item in kept)


def _text(value) -> str:
    if isinstance(value, ByteStringObject):
        return bytes(value).decode("latin-1")
    return str(value)


def _safe_address(value) -> str | None:
    """An http, https or mailto address, or None; addresses with spaces or control characters are refused."""
    address = _text(value)
    if not address or any(character.isspace() or ord(character) < 32 for character in address):
        return None
    return address if urlsplit(address).scheme.lower() in SAFE_SCHEMES else None


def _rectangle(annotation: DictionaryObject) -> tuple[float, float, float, float] | None:
    rect = _get(annotation, "/Rect")
    if not isinstance(rect, ArrayObject) or len(rect) != 4:
        return None
    values = [item.get_object() for item in rect]
    if not all(isinstance(value, FloatObject | NumberObject) for value in values):
        return None
    return tuple(float(value) for value in values)


def _fit(destination: ArrayObject) -> Fit:
    """The view of an explicit destination when it is /XYZ with plain numbers; the whole page otherwise."""
    if len(destination) == 5 and destination[1] == "/XYZ":
        arguments = [item.get_object() for item in destination[2:]]
        if all(isinstance(value, FloatObject | NumberObject | NullObject) for value in arguments):
            left, top, zoom = (None if isinstance(value, NullObject) else float(value) for value in arguments)
            return Fit.xyz(left, top, zoom)
    return Fit.fit()


def _target_page(reader: PdfReader, destination, page_numbers: dict[int, int]) -> tuple[int, Fit] | None:
    """The page number and view a destination of this document leads to, or None."""
    destination = destination.get_object() if isinstance(destination, PdfObject) else destination
    if isinstance(destination, ArrayObject) and destination:
        page = destination[0]  # as written: a reference to a page object, or a page number
        if isinstance(page, IndirectObject):
            number = page_numbers.get(page.idnum)
        elif isinstance(page, NumberObject) and 0 <= int(page) < len(page_numbers):
            number = int(page)
        else:
            number = None
        return None if number is None else (number, _fit(destination))
    name = _text(destination)
    try:
        named = reader.named_destinations
    except Exception:  # a damaged name tree loses its links, not the document
        return None
    target = named.get(name) or named.get(name.lstrip("/")) or named.get(f"/{name}")
    if target is None:
        return None
    number = reader.get_destination_page_number(target)
    return None if number is None or number < 0 else (number, Fit.fit())


def _links(reader: PdfReader, page, page_numbers: dict[int, int]) -> list[Link]:
    """The links of a page worth keeping, made anew: to a safe address or to a page of the document."""
    annotations = _get(page, "/Annots")
    if not isinstance(annotations, ArrayObject):
        return []
    kept = []
    for item in annotations:
        annotation = item.get_object()
        if not isinstance(annotation, DictionaryObject) or _get(annotation, "/Subtype") != "/Link":
            continue
        rect = _rectangle(annotation)
        if rect is None:
            continue
        action = _get(annotation, "/A")
        if isinstance(action, DictionaryObject):
            kind = _get(action, "/S")
            if kind == "/URI" and "/URI" in action:
                address = _safe_address(action["/URI"])
                if address is not None:
                    kept.append(Link(rect=rect, url=address))
                continue
            if kind != "/GoTo" or "/D" not in action:
                continue
            destination = action.raw_get("/D")
        elif "/Dest" in annotation:
            destination = annotation.raw_get("/Dest")
        else:
            continue
        target = _target_page(reader, destination, page_numbers)
        if target is not None:
            kept.append(Link(rect=rect, target_page_index=target[0], fit=target[1]))
    return kept
