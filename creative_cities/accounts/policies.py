"""Who may use the account pages.

The account pages are allauth's views; they enforce these rules themselves. The
table names each route's rule so that the permission test can check every one of
them, as it checks the platform's own views.
"""

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # anonymous visitors are sent to the sign-in page
SIGN_IN_STAGE = "sign_in_stage"  # only during a sign-in in progress (second factor, code)
EMAILED_KEY = "emailed_key"  # anyone holding the key sent by e-mail
# Single sign-on: anyone may start a sign-in with a configured provider (an unknown
# one is a 404), and its answer is accepted only with the state and PKCE verifier that
# this browser's own start stored in its session.
PROVIDER_HANDSHAKE = "provider_handshake"
SIGN_IN_FAILED = "sign_in_failed"  # anyone; only says that a sign-in failed, with status 401

ACCOUNT_ROUTE_POLICIES = {
    "account_login": PUBLIC,
    "account_signup": PUBLIC,
    "account_logout": PUBLIC,  # signed-out visitors are simply sent home
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_change_password": SIGNED_IN,
    "account_set_password": SIGNED_IN,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_confirm_login_code": SIGN_IN_STAGE,
    "account_confirm_email": EMAILED_KEY,
    "account_reset_password_from_key": EMAILED_KEY,
    "account_reset_password_from_key_done": PUBLIC,
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": SIGN_IN_STAGE,
    "mfa_reauthenticate": SIGNED_IN,
    "mfa_activate_totp": SIGNED_IN,
    "mfa_deactivate_totp": SIGNED_IN,
    "mfa_view_recovery_codes": SIGNED_IN,
    "mfa_generate_recovery_codes": SIGNED_IN,
    "mfa_download_recovery_codes": SIGNED_IN,
    "socialaccount_connections": SIGNED_IN,
    "socialaccount_signup": SIGN_IN_STAGE,  # finishes a sign-up begun at a provider
    "socialaccount_login_cancelled": PUBLIC,
    "socialaccount_login_error": SIGN_IN_FAILED,
    "openid_connect_login": PROVIDER_HANDSHAKE,
    "openid_connect_callback": PROVIDER_HANDSHAKE,
}


def invitable_roles(user) -> list[tuple[str, object]]:
    """(role, city) pairs a person may invite others to: the Secretariat any role,
    a focal point the team of their own city. Empty for everyone else."""
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.selectors import role_list_current, user_is_secretariat

    if not user.is_authenticated:
        return []
    if user_is_secretariat(user):
        return [(kind, None) for kind in RoleKind.values]
    return [(RoleKind.CITY_TEAM, role.city) for role in role_list_current(user=user).filter(kind=RoleKind.FOCAL_POINT)]


def can_invite(user) -> bool:
    return bool(invitable_roles(user))


def secretariat_only(request, **_kwargs) -> bool:
    """The rule of every Secretariat page: people, roles, the audit trail, change requests."""
    from creative_cities.accounts.selectors import user_is_secretariat

    return user_is_secretariat(request.user)
