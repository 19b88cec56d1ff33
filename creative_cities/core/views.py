from django.db import connection
from django.http import HttpResponse, JsonResponse

from .policies import public


@public
def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow: /admin/\nDisallow: /api/\n", content_type="text/plain")


@public
def healthz(request):
    """For load balancers and monitoring: the process answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
