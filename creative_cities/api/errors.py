"""One JSON shape for every API error, so that clients handle them in one place.

{"error": {"status": 400, "code": "invalid_filter", "message": "...",
           "details": [{"field": "field", "message": "..."}]}}
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    status: int
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The error statuses an operation declares, each answered in the common shape: ``**errors(400, 404)``."""
    return dict.fromkeys(statuses, ErrorOut)


class ApiError(Exception):
    """Raised by endpoints to answer with an error of the common shape."""

    def __init__(self, status: int, code: str, message: str, details: list[dict] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []

    @classmethod
    def from_form(cls, form, code: str, message: str, details: list[dict] | None = None) -> "ApiError":
        """A 400 naming each field the form refused, after ``details`` found before the form ran."""
        refused = [{"field": name, "message": str(m)} for name, messages in form.errors.items() for m in messages]
        return cls(400, code, str(message), [*(details or []), *refused])

    @classmethod
    def from_validation_error(cls, error: DjangoValidationError, code: str, message: str) -> "ApiError":
        """A 400 from a service's refusal, naming its fields when it names any."""
        details = [{"field": f, "message": m} for f, ms in getattr(error, "message_dict", {}).items() for m in ms]
        return cls(400, code, " ".join(error.messages) or str(message), details)


def saved(call: Callable, code: str, message: str):
    """``call()``, a service that writes; its refusal (a ``ValidationError``) becomes a 400 in the common shape."""
    try:
        return call()
    except DjangoValidationError as error:
        raise ApiError.from_validation_error(error, code, message) from error


def error_payload(status: int, code: str, message: str, details: list[dict] | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


PARAMETER_ORIGINS = {"body", "query", "path", "header", "cookie", "form", "file"}


def _field(location) -> str:
    """A field's dotted path as the client wrote it: ("body", "payload", "sdg_goals", 0) is "sdg_goals.0"."""
    parts = list(location)
    origin = parts.pop(0) if parts and parts[0] in PARAMETER_ORIGINS else None
    if origin == "body" and len(parts) > 1:
        parts.pop(0)  # the operation's own name for the body
    return ".".join(map(str, parts)) or "body"


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, code: str, message: str, details=None):
        return api.create_response(request, error_payload(status, code, message, details), status=status)

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        details = [
            {"field": _field(error.get("loc", ())), "message": str(error.get("msg", ""))} for error in exc.errors
        ]
        return respond(request, 400, "invalid_request", _("The request has invalid values."), details)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return respond(request, 404, "not_found", _("Nothing was found at this address."))

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        response = respond(
            request, 401, "unauthorized", _("A valid API token is required: send “Authorization: Bearer <token>”.")
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        # Ninja wraps whatever the parser raises in "Cannot parse request body".
        if isinstance(exc.__cause__, ApiError):
            return on_api_error(request, exc.__cause__)
        if exc.__cause__ is not None:
            return respond(request, 400, "invalid_json", _("The body is not valid JSON."))
        return respond(request, exc.status_code, "http_error", str(exc))

    @api.exception_handler(RequestDataTooBig)
    def on_body_too_large(request, exc):
        message = _("The body is too large: at most %(size)s bytes.") % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        return respond(request, 413, "body_too_large", message)
