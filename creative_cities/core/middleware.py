"""Response headers that every page gets."""

from django.conf import settings


def _sso_origins() -> list[str]:
    """The single sign-on providers' origins: the sign-in buttons' forms are redirected there."""
    from urllib.parse import urlsplit

    apps = getattr(settings, "SOCIALACCOUNT_PROVIDERS", {}).get("openid_connect", {}).get("APPS", [])
    parts = [urlsplit(app["settings"]["server_url"]) for app in apps]
    return sorted({f"{part.scheme}://{part.netloc}" for part in parts})


def _content_security_policy() -> str:
    img_src = ["'self'", "data:"]
    connect_src = ["'self'"]
    if settings.MAP_TILE_URL:
        # Only the configured tile host is allowed, and only when an operator set one.
        from urllib.parse import urlsplit

        parts = urlsplit(settings.MAP_TILE_URL.replace("{s}", "a"))
        img_src.append(f"{parts.scheme}://{parts.netloc}".replace("//a.", "//*."))
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": img_src,
        "font-src": ["'self'"],
        "connect-src": connect_src,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # Chromium applies form-action to where a form's answer redirects too.
        "form-action": ["'self'", *_sso_origins()],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


class SecurityHeadersMiddleware:
    """Adds the Content Security Policy and a restrictive Permissions-Policy.

    No inline script or style is allowed anywhere, the admin and the API
    documentation included, so templates carry none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Built per response (a few string joins) so that it follows the settings.
        response.headers.setdefault("Content-Security-Policy", _content_security_policy())
        response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        return response
