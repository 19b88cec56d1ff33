from django.conf import settings


def platform(request):
    """Values every template may need."""
    return {"MAP_TILE_URL": settings.MAP_TILE_URL, "SOURCE_CODE_URL": settings.SOURCE_CODE_URL}
