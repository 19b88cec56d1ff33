"""Who may use the account pages.

The account pages are allauth's views; they enforce these rules themselves. The
table names each route's rule so that the permission test can check every one of
them, as it checks the platform's own views.
"""

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # anonymous visitors are sent to the sign-in page
SIGN_IN_STAGE = "sign_in_stage"  # only during a sign-in in progress (second factor, code)
EMAILED_KEY = "emailed_key"  # anyone holding the key sent by e-mail

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
}
