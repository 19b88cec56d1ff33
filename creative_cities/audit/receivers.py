"""Sign-ins and failed sign-ins, recorded from the authentication signals."""

from contextlib import contextmanager

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .context import current_ip
from .services import audit_record


@contextmanager
def _from_address_of(request):
    """Attribute what is recorded to the request's IP address (signals may come before the middleware)."""
    token = current_ip.set(request.META.get("REMOTE_ADDR") if request is not None else current_ip.get())
    try:
        yield
    finally:
        current_ip.reset(token)


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    with _from_address_of(request):
        audit_record(action="auth.sign_in", obj=user, actor=user)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        with _from_address_of(request):
            audit_record(action="auth.sign_out", obj=user, actor=user)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def record_sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only the address tried: Django has already masked the password.
    tried = str(credentials.get("email") or credentials.get("username") or credentials.get("login") or "")
    with _from_address_of(request):
        audit_record(action="auth.sign_in_failed", label=tried, after={"email": tried})
