"""Second factors for test personas: activate one, and type the code an authenticator shows now."""

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)


def second_factor_activate(user) -> str:
    """Give the person an authenticator app; its secret, to compute codes with."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    """The code the person's authenticator shows at this moment."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
