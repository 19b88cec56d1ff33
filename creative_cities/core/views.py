from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render

from .policies import public


@public
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: /{code}/admin/" for code, _name in settings.LANGUAGES), "Disallow: /api/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@public
def healthz(request):
    """For load balancers and monitoring: the process answers and the database too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@public
def styleguide(request):
    """The catalogue of the design system: every component with sample data (docs/developers.md).

    Open where DEBUG is on or STYLEGUIDE is set, and not found (404) elsewhere: a production
    site has no use for it. ``?example=list`` shows the list page layout, which is a whole page.
    """
    if not (settings.DEBUG or settings.STYLEGUIDE):
        raise Http404
    from . import styleguide as samples

    if request.GET.get("example") == "list":
        return render(request, "core/styleguide_list.html", samples.list_context(request))
    return render(request, "core/styleguide.html", samples.context())
