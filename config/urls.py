from allauth import urls as allauth_urls
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from creative_cities.api.api import api
from creative_cities.cities import views as cities_views
from creative_cities.core import media as core_media
from creative_cities.core import views as core_views

# The admin's own sign-in form is replaced by the platform's, so that e-mail
# verification, rate limits and the second factor apply to the admin too.
admin.site.login = login_required(admin.site.login)

# allauth also serves unnamed redirects from its old /accounts/social/... addresses;
# the platform never published those, so only its named pages (each with a policy) are kept.
ALLAUTH_URLPATTERNS = [entry for entry in allauth_urls.urlpatterns if getattr(entry, "name", "") is not None]

urlpatterns = [
    path("api/v1/", api.urls),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("field-colours.css", cities_views.field_colours_css, name="field_colours_css"),
    path("covers/", include("creative_cities.cities.cover_urls")),
    # Uploaded files; off (404) with SERVE_MEDIA=false, when nginx serves MEDIA_ROOT.
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", core_media.media, name="media"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include(ALLAUTH_URLPATTERNS)),
    path("secretariat/audit/", include("creative_cities.audit.urls")),
    path("secretariat/", include("creative_cities.accounts.secretariat_urls")),
    path("styleguide/", core_views.styleguide, name="styleguide"),
    path("", include("creative_cities.accounts.urls")),
    path("", include("creative_cities.knowledge.urls")),
    path("", include("creative_cities.organisations.urls")),
    path("", include("creative_cities.projects.urls")),
    path("", include("creative_cities.board.urls")),
    path("", include("creative_cities.cooperation.urls")),
    path("monitoring/", include("creative_cities.monitoring.urls")),
    path("indicators/", include("creative_cities.indicators.urls")),
    path("", include("creative_cities.matchmaking.urls")),
    path("", include("creative_cities.notifications.urls")),
    path("", include("creative_cities.cities.urls")),
    prefix_default_language=True,
)
