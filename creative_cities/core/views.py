from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse

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
