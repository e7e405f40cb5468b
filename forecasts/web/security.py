"""Who may use the dashboard, and what the browser is told: sessions, CSRF, login, headers.

    request ──▶ session cookie (signed; new one if missing or forged)
            ──▶ login required? (a password or token is configured)
                  no session login and no valid "Authorization: Bearer TOKEN" ──▶ /login (or 401)
            ──▶ POST: form field csrf_token must equal the session's token ──▶ else 403
            ──▶ handler ──▶ security headers (CSP without inline script, no framing, no sniffing)

The session lives in the cookie itself: a JSON payload signed with HMAC-SHA256 under a key made
at start-up (a restart logs everyone out, which is fine for a local tool). The cookie is
HttpOnly and SameSite=Strict, and Secure unless the server listens on loopback. Secrets are
compared in constant time and never written into a page, a log line or an error.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import secrets
import time
from dataclasses import dataclass

from forecasts.config import WebSettings
from forecasts.errors import ConfigError

COOKIE = "forecasts_session"
CSRF_FIELD = "csrf_token"

# Strict: only our own files; no inline script or style anywhere (charts are <img> SVGs).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# A chart SVG is an image document: matplotlib styles its elements inline, and nothing runs.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"
# The Host header values a server without a login answers to.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and 'localhost' reach only this machine; anything else may not."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, web: WebSettings) -> None:
    """Refuse to listen beyond loopback without a password or a token."""
    if is_loopback(host):
        return
    if not (web.password.get_secret_value() or web.token.get_secret_value()):
        raise ConfigError(
            f"web: refusing to listen on {host} without a password: set [web] password "
            "(or token) in config.toml, or FORECASTS_WEB__PASSWORD; or listen on 127.0.0.1"
        )


def login_required(web: WebSettings) -> bool:
    return bool(web.password.get_secret_value() or web.token.get_secret_value())


def _same(given: str, secret: str) -> bool:
    return bool(secret) and hmac.compare_digest(given.encode(), secret.encode())


def password_ok(web: WebSettings, given: str) -> bool:
    """The login form takes the password, or the token for a setup that has only a token."""
    return _same(given, web.password.get_secret_value()) or _same(
        given, web.token.get_secret_value()
    )


def bearer_ok(web: WebSettings, authorization: str) -> bool:
    scheme, _, value = authorization.partition(" ")
    return scheme.lower() == "bearer" and _same(value.strip(), web.token.get_secret_value())


@dataclass
class WebSession:
    """What the cookie carries: the CSRF token, whether logged in, and until when."""

    csrf: str
    user: bool = False
    expires: float = 0.0


class Signer:
    """Signs and checks session cookies with a key that exists only in this process."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def _mac(self, payload: bytes) -> str:
        digest = hmac.new(self._key, payload, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def dump(self, session: WebSession) -> str:
        payload = base64.urlsafe_b64encode(
            json.dumps([session.csrf, session.user, session.expires]).encode()
        )
        return f"{payload.decode()}.{self._mac(payload)}"

    def load(self, value: str, now: float | None = None) -> WebSession | None:
        """The session in a cookie, or None when it is forged, malformed or expired."""
        payload, _, mac = value.partition(".")
        if not mac or not hmac.compare_digest(mac, self._mac(payload.encode())):
            return None
        try:
            csrf, user, expires = json.loads(base64.urlsafe_b64decode(payload.encode()))
        except (ValueError, TypeError):
            return None
        if not isinstance(csrf, str) or not isinstance(expires, int | float):
            return None
        if expires < (time.time() if now is None else now):
            return None
        return WebSession(csrf=csrf, user=bool(user), expires=float(expires))


def new_session(hours: float, now: float | None = None) -> WebSession:
    start = time.time() if now is None else now
    return WebSession(csrf=secrets.token_urlsafe(32), expires=start + hours * 3600)
