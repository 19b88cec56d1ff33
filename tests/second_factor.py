"""Second factors for test personas: activate one, and type the code an authenticator shows now."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


def second_factor_activate(user) -> str:
    """Give the person an authenticator app; its secret, to compute codes with."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    """The code the person's authenticator shows at this moment.

    The current 30-second step, not the first one the server would accept: that one is
    the previous step, which stops being accepted as soon as the next step begins, so a
    test typing it a second before a change would fail now and then.
    """
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
