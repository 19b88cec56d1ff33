from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "creative_cities.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .models import SearchDocument

        # Rewritten in bulk by the services, which forget the version themselves.
        versions.define("search", [SearchDocument], signals=False)
        _limit_blas_threads(getattr(settings, "SEARCH_BLAS_THREADS", 1))


def _limit_blas_threads(threads: int) -> None:
    """One BLAS thread per process unless configured otherwise (see SEARCH_BLAS_THREADS in settings)."""
    if not threads:
        return
    import numpy  # noqa: F401 - its BLAS must be loaded for the limit to reach it
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
