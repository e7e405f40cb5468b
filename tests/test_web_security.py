"""The dashboard's defences: CSRF, login, cookies, headers, binding, and secrets kept secret."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from starlette.routing import Route

from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.db import session
from forecasts.errors import ConfigError
from forecasts.models import Claim
from forecasts.web import security
from forecasts.web.app import create_app
from tests.conftest import Result
from tests.report_data import NOW, small_db
from tests.web_client import WebClient

PASSWORD = "correct horse battery staple"
TOKEN = "t0ken-for-scripts-4f9a"


@pytest.fixture
def open_web(engine: Engine, settings: Settings) -> WebClient:
    small_db(engine)
    return WebClient(create_app(settings, engine, FixedClock(NOW)))


@pytest.fixture
def locked_settings(config_file: Path) -> Settings:
    with config_file.open("a", encoding="utf-8") as fh:
        fh.write(f'\n[web]\npassword = "{PASSWORD}"\ntoken = "{TOKEN}"\n')
    return load_settings(config_file)


@pytest.fixture
def locked_web(engine: Engine, locked_settings: Settings) -> WebClient:
    small_db(engine)
    app = create_app(locked_settings, engine, FixedClock(NOW), secure=True)
    return WebClient(app, base="https://127.0.0.1")


def status_of(engine: Engine, claim_id: int) -> str:
    with session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim.status


# --- CSRF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_form_without_the_right_csrf_token_is_403(
    open_web: WebClient, engine: Engine, token: str | None
) -> None:
    """Missing, empty or wrong token: 403 and nothing changes."""
    open_web.csrf("/claims/7")  # the session exists; only the token is wrong
    data = {"action": "void"} if token is None else {"action": "void", "csrf_token": token}
    response = open_web.post("/claims/7/resolve", data)
    assert response.status_code == 403 and "CSRF" in response.text
    assert status_of(engine, 7) == "open"


def test_a_token_from_another_session_is_refused(open_web: WebClient, engine: Engine) -> None:
    """A token is bound to its session: another browser's token does not work."""
    theirs = WebClient(open_web.app).csrf("/claims/7")
    open_web.csrf("/claims/7")
    response = open_web.post("/claims/7/resolve", {"action": "void", "csrf_token": theirs})
    assert response.status_code == 403 and status_of(engine, 7) == "open"


def test_every_form_checks_the_csrf_token(open_web: WebClient) -> None:
    """Each POST endpoint of the app (all of them, read from its routes) refuses a body
    without the token."""
    open_web.csrf()
    posts = [
        route.path.replace("{claim_id:int}", "7").replace("{question_id:int}", "1")
        for route in open_web.app.routes
        if isinstance(route, Route) and "POST" in (route.methods or ())
    ]
    assert {"/feeds/add", "/claims/7/edit", "/questions/1/merge", "/logout"} <= set(posts)
    for path in posts:
        form = {"name": "x", "url": "https://x.example/", "action": "void", "add": "t"}
        assert open_web.post(path, form).status_code == 403, path


def test_a_forged_session_cookie_is_replaced(open_web: WebClient) -> None:
    """A cookie whose signature does not match is ignored and a new session issued."""
    open_web.cookies.set(security.COOKIE, "eyJ4IjoxfQ.bad-signature", domain="127.0.0.1")
    response = open_web.get("/")
    assert response.status_code == 200
    assert "bad-signature" not in response.headers["set-cookie"]


def test_signed_sessions_expire() -> None:
    """A session past its expiry is not accepted, however well signed."""
    signer = security.Signer()
    value = signer.dump(security.new_session(1, now=1000.0))
    assert signer.load(value, now=1000.0 + 1800) is not None
    assert signer.load(value, now=1000.0 + 3601) is None
    assert security.Signer().load(value, now=1000.0) is None  # another key: not ours


# --- headers and cookies --------------------------------------------------------------------


def test_pages_carry_a_strict_content_security_policy(open_web: WebClient) -> None:
    """default-src 'self', no inline script or style, no framing; no sniffing, no referrer."""
    headers = open_web.get("/").headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style(open_web: WebClient) -> None:
    """Nothing the policy would block: no <script>, no style attribute, no <style>."""
    for path in ("/", "/claims", "/claims/1", "/review", "/speakers/Blinken", "/reports/2023-06"):
        text = open_web.get(path).text
        assert "<script" not in text and "<style" not in text and "style=" not in text, path


def test_the_session_cookie_is_httponly_and_samesite_strict(open_web: WebClient) -> None:
    """On loopback: HttpOnly and SameSite=Strict (no Secure: plain http://127.0.0.1 works)."""
    cookie = open_web.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie


def test_the_session_cookie_is_secure_off_loopback(locked_web: WebClient) -> None:
    """A server reachable from elsewhere marks the cookie Secure (serve it over HTTPS)."""
    cookie = locked_web.get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie


# --- login ----------------------------------------------------------------------------------


def test_with_a_password_every_page_asks_to_log_in(locked_web: WebClient) -> None:
    """Pages redirect to the login form; JSON gets 401; the stylesheet stays reachable."""
    response = locked_web.get("/claims?status=open")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/claims%3Fstatus%3Dopen"
    assert locked_web.get("/claims?format=json").status_code == 401
    assert locked_web.get("/static/style.css").status_code == 200


def test_wrong_password_is_401_and_does_not_log_in(locked_web: WebClient) -> None:
    """A wrong password shows the form again with a message; pages stay closed."""
    token = locked_web.csrf("/login")
    started = time.monotonic()
    response = locked_web.post("/login", {"csrf_token": token, "password": "guess"})
    assert response.status_code == 401 and "Wrong password." in response.text
    assert time.monotonic() - started >= 0.4  # each guess costs time
    assert locked_web.get("/").status_code == 303


def test_the_right_password_logs_in_and_rotates_the_csrf_token(locked_web: WebClient) -> None:
    """After login the pages open, and the pre-login token no longer works."""
    before = locked_web.csrf("/login")
    response = locked_web.post(
        "/login", {"csrf_token": before, "password": PASSWORD, "next": "/review"}
    )
    assert response.status_code == 303 and response.headers["location"] == "/review"
    assert locked_web.get("/").status_code == 200
    after = locked_web.csrf("/claims/7")
    assert after != before
    refused = locked_web.post("/claims/7/resolve", {"csrf_token": before, "action": "void"})
    assert refused.status_code == 403


def test_logout_ends_the_session(locked_web: WebClient) -> None:
    """Log out: the pages ask for the password again."""
    token = locked_web.csrf("/login")
    locked_web.post("/login", {"csrf_token": token, "password": PASSWORD})
    assert locked_web.post("/logout", {"csrf_token": locked_web.csrf("/")}).status_code == 303
    assert locked_web.get("/").status_code == 303


def test_a_bearer_token_opens_the_json_for_scripts(locked_web: WebClient) -> None:
    """Authorization: Bearer TOKEN reads the lists; a wrong token is 401."""
    good = locked_web.get("/claims?format=json", headers={"authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 200 and good.json()["total"] == 10
    bad = locked_web.get("/claims?format=json", headers={"authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_no_secret_from_the_config_is_ever_shown(locked_web: WebClient) -> None:
    """Neither password nor token appears in any page, error or JSON document."""
    token = locked_web.csrf("/login")
    bodies = [locked_web.post("/login", {"csrf_token": token, "password": "x"}).text]
    locked_web.post("/login", {"csrf_token": token, "password": PASSWORD})
    for path in ("/", "/?format=json", "/claims/999", "/claims?due_after=x", "/feeds", "/review"):
        bodies.append(locked_web.get(path).text)
    for body in bodies:
        assert PASSWORD not in body and TOKEN not in body


# --- binding --------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_needs_no_password(settings: Settings, host: str) -> None:
    """Loopback addresses reach only this machine."""
    security.check_bind(host, settings.web)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_any_other_address_needs_a_password(
    settings: Settings, locked_settings: Settings, host: str
) -> None:
    """Without a password or token the server refuses to listen there; with one it may."""
    with pytest.raises(ConfigError, match="refusing to listen"):
        security.check_bind(host, settings.web)
    security.check_bind(host, locked_settings.web)


def test_serve_refuses_a_public_address_without_a_password(run_cli) -> None:  # type: ignore[no-untyped-def]
    """`forecasts serve --host 0.0.0.0` exits 78 with one line saying what to set."""
    result: Result = run_cli("serve", "--host", "0.0.0.0", "--port", "8799")
    assert result.code == 78
    assert "refusing to listen on 0.0.0.0 without a password" in result.err


def test_the_login_page_redirects_when_there_is_nothing_to_log_in_to(open_web: WebClient) -> None:
    """Without a password or token, /login goes to the dashboard."""
    response = open_web.get("/login")
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_the_login_form_keeps_only_a_local_next(locked_web: WebClient) -> None:
    """?next=//evil.example is not carried into the login form."""
    page = locked_web.get("/login?next=//evil.example/")
    assert 'name="next" value="/"' in page.text


def test_without_a_login_only_loopback_host_names_are_answered(open_web: WebClient) -> None:
    """DNS rebinding: a request for another host name (resolved to 127.0.0.1) gets 400."""
    assert open_web.get("/", headers={"host": "evil.example"}).status_code == 400
    assert open_web.get("/", headers={"host": "localhost:8765"}).status_code == 200
