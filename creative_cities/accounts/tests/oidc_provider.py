"""A small OpenID Connect provider for the tests, served over real HTTP on the loopback.

It speaks the authorization code flow as a real provider does, so that allauth's
own client is tested end to end: discovery, an authorize endpoint that sends the
browser back with a code and the state for the person the test chooses, a token
endpoint that authenticates the client, checks the redirect URI and the PKCE
verifier and answers with an RS256 id_token, userinfo, and the JWKS with the public
key generated when the provider starts. Tests can make it misbehave (sign with
another key, name another audience) to check that the platform refuses.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote_plus, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

TOKEN_LIFETIME = 300


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Grant:
    """What an authorization code stands for until the client redeems it."""

    client_id: str
    redirect_uri: str
    claims: dict
    nonce: str | None
    code_challenge: str | None


@dataclass
class OIDCProvider:
    """The provider. ``person`` holds the claims of whoever signs in next."""

    client_id: str = "creative-cities"
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    redirect_uris: list[str] = field(default_factory=list)
    person: dict = field(default_factory=dict)
    # Misbehaviour on request: claims to overwrite in the id_token, another signing key.
    id_token_overrides: dict = field(default_factory=dict)
    signing_key: rsa.RSAPrivateKey | None = None

    def __post_init__(self):
        self.key = new_rsa_key()
        self.kid = secrets.token_hex(8)
        self.grants: dict[str, Grant] = {}
        self.access_tokens: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    # -- what the endpoints answer ------------------------------------------------

    def discovery(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "name"],
        }

    def jwks(self) -> dict:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def authorize(self, query: dict) -> tuple[int, dict]:
        """Sign the chosen person in at once (no login page) and send the browser back."""
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != self.client_id or redirect_uri not in self.redirect_uris:
            # Never redirect to an address the client did not register.
            return 400, {"error": "invalid_request", "error_description": "unknown client or redirect_uri"}
        back = {"state": query["state"]} if "state" in query else {}
        if query.get("response_type") != "code" or "openid" not in query.get("scope", "").split():
            return 302, {"Location": _with_query(redirect_uri, {"error": "invalid_request", **back})}
        if not self.person:
            return 302, {"Location": _with_query(redirect_uri, {"error": "access_denied", **back})}
        if query.get("code_challenge") and query.get("code_challenge_method") != "S256":
            return 302, {"Location": _with_query(redirect_uri, {"error": "invalid_request", **back})}
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.grants[code] = Grant(
                client_id=self.client_id,
                redirect_uri=redirect_uri,
                claims=dict(self.person),
                nonce=query.get("nonce"),
                code_challenge=query.get("code_challenge"),
            )
        return 302, {"Location": _with_query(redirect_uri, {"code": code, **back})}

    def token(self, form: dict, authorization: str) -> tuple[int, dict]:
        client_id, client_secret = _client_credentials(form, authorization)
        self.token_requests.append({"form": form, "client_id": client_id})
        if client_id != self.client_id or not secrets.compare_digest(client_secret or "", self.client_secret):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self.lock:
            grant = self.grants.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or grant.redirect_uri != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        if grant.code_challenge and _s256(form.get("code_verifier", "")) != grant.code_challenge:
            return 400, {"error": "invalid_grant", "error_description": "PKCE verification failed"}
        access_token = secrets.token_urlsafe(24)
        with self.lock:
            self.access_tokens[access_token] = grant.claims
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME,
            "id_token": self.id_token(grant),
        }

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {
            **grant.claims,
            "iss": self.url,
            "aud": grant.client_id,
            "iat": now,
            "exp": now + TOKEN_LIFETIME,
            "jti": secrets.token_hex(8),
        }
        if grant.nonce:
            claims["nonce"] = grant.nonce
        claims.update(self.id_token_overrides)
        key = self.signing_key or self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        scheme, _, token = authorization.partition(" ")
        claims = self.access_tokens.get(token) if scheme.lower() == "bearer" else None
        if claims is None:
            return 401, {"error": "invalid_token"}
        return 200, claims


def _with_query(url: str, params: dict) -> str:
    return f"{url}{'&' if urlsplit(url).query else '?'}{urlencode(params)}"


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _client_credentials(form: dict, authorization: str) -> tuple[str | None, str | None]:
    """client_secret_basic (form-encoded, RFC 6749 2.3.1) or client_secret_post, as the client chooses."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "basic":
        client_id, _, secret = base64.b64decode(value).decode().partition(":")
        return unquote_plus(client_id), unquote_plus(secret)
    return form.get("client_id"), form.get("client_secret")


def _handler_for(provider: OIDCProvider):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._json(200, provider.discovery())
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/authorize":
                status, answer = provider.authorize(query)
                if status == 302:
                    self._redirect(answer["Location"])
                else:
                    self._json(status, answer)
            elif url.path == "/userinfo":
                self._json(*provider.userinfo(self.headers.get("Authorization", "")))
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode()
            form = {name: values[0] for name, values in parse_qs(body).items()}
            if urlsplit(self.path).path == "/token":
                self._json(*provider.token(form, self.headers.get("Authorization", "")))
            else:
                self._json(404, {"error": "not_found"})

        def _json(self, status: int, data: dict):
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str):
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format, *args):
            """Quiet: the tests assert on what happened, not on a log."""

    return Handler
