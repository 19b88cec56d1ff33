"""Every error under /api/ in the API's JSON shape, whoever answered it.

Most errors come from the API's own handlers (errors.py). The rest are answered
by Django or by Ninja before or after an operation runs, as HTML or plain text: an
unknown address, a method the address does not take, a request Django refuses, a
server error. Those are rewritten here, by status, with nothing of their content:
a server error's page must not tell a client anything of its cause (the cause is
logged by Django, as for any page).
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

from .errors import error_payload

API_PREFIX = "/api/"

# (code, message) by status; any other status gets the generic one.
ERRORS = {
    400: ("bad_request", _("The request is malformed.")),
    403: ("forbidden", _("You may not do this.")),
    404: ("not_found", _("Nothing was found at this address.")),
    405: ("method_not_allowed", _("This address does not take this method; the Allow header lists those it takes.")),
    500: ("server_error", _("The server failed to answer. The error is recorded; please try again later.")),
}
GENERIC = ("http_error", _("The request failed."))
# Headers that still tell the client something useful once the body is replaced.
KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


class ApiErrorShapeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_api_request(request) and "\x00" in request.path_info:
            # Nothing is at an address holding NUL (%00), and PostgreSQL would refuse to look it up.
            return self.shaped(404)
        response = self.get_response(request)
        if response.status_code < 400 or not is_api_request(request):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response  # already the API's own
        shaped = self.shaped(response.status_code)
        for name in KEPT_HEADERS:
            if name in response:
                shaped[name] = response[name]
        return shaped

    @staticmethod
    def shaped(status: int) -> JsonResponse:
        code, message = ERRORS.get(status, GENERIC)
        return JsonResponse(error_payload(status, code, str(message)), status=status)
