from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.static import serve

from creative_cities.api.api import api
from creative_cities.cities import views as cities_views
from creative_cities.core import views as core_views

# The admin's own sign-in form is replaced by the platform's, so that e-mail
# verification, rate limits and the second factor apply to the admin too.
admin.site.login = login_required(admin.site.login)

urlpatterns = [
    path("api/v1/", api.urls),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("field-colours.css", cities_views.field_colours_css, name="field_colours_css"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("creative_cities.accounts.urls")),
    path("", include("creative_cities.api.urls")),
    path("", include("creative_cities.cities.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
