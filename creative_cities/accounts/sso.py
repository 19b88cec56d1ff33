"""Single sign-on through OpenID Connect: what the platform takes from the provider."""

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from .adapter import interface_language

FULL_NAME_MAX_LENGTH = 200


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """allauth's adapter, stricter about verified addresses and filling in the person's name."""

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        # allauth keeps the provider's `email_verified` claim as sent; some providers send
        # the string "false", which Python reads as true. Only the JSON value true counts,
        # since a verified address is what lets a provider sign into an existing account.
        for address in sociallogin.email_addresses:
            address.verified = address.verified is True
        name = data.get("name") or " ".join(part for part in (data.get("first_name"), data.get("last_name")) if part)
        user.full_name = (name or "").strip()[:FULL_NAME_MAX_LENGTH]
        # A new account speaks the language of the page where the person chose to sign in.
        user.preferred_language = interface_language()
        return user
