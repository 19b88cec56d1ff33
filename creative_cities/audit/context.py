"""Who is acting: set once per request, read by the audit service.

A context variable rather than an argument to every service: the person acting is
the same for every write of a request, and commands and tasks act as nobody.
"""

from contextvars import ContextVar

current_actor: ContextVar = ContextVar("current_actor", default=None)
current_ip: ContextVar = ContextVar("current_ip", default=None)


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        actor_token = current_actor.set(user if user is not None and user.is_authenticated else None)
        ip_token = current_ip.set(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            current_actor.reset(actor_token)
            current_ip.reset(ip_token)
