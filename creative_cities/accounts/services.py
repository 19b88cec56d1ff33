"""Writes to accounts."""

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import User


@transaction.atomic
def user_create_secretariat(*, email: str, password: str, full_name: str = "") -> User:
    """Create a Secretariat account that can sign in at once: its address counts as verified.

    Everything is checked before anything is written; a ValidationError names the problem.
    """
    email = User.objects.normalize_email(email.strip())
    validate_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError("An account with this e-mail address already exists.", code="duplicate")
    user = User(email=email, full_name=full_name, is_staff=True, is_superuser=True)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
