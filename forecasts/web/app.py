"""The Starlette application: routes, the session/login middleware, errors, rendering helpers.

``create_app(settings, engine, clock)`` builds it; ``forecasts serve`` and the daemon run it
under uvicorn, tests call it through ``httpx.ASGITransport``. Pages are rendered on the server
from Jinja2 templates packaged beside this module (autoescaped), styled by one stylesheet from
``static/``: nothing is fetched from elsewhere and no page needs JavaScript.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.web import security

HERE = Path(__file__).parent
NAV = (
    ("/", "Dashboard"),
    ("/claims", "Claims"),
    ("/questions", "Questions"),
    ("/review", "Review"),
    ("/reports", "Reports"),
    ("/feeds", "Feeds"),
)
# Paths anyone may load before logging in: the login form and the stylesheet it uses.
PUBLIC = ("/login", "/static/")


class WebContext:
    """What every handler needs: settings, database, clock, templates and the cookie signer."""

    def __init__(self, settings: Settings, engine: Engine, clock: Clock, *, secure: bool) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.secure = secure
        self.signer = security.Signer()
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.filters.update(
            when=fmt_when, day=fmt_day, pct=fmt_pct, status=fmt_status, href=safe_href, q=quote_path
        )


def safe_href(url: str | None) -> str:
    """The URL when it is http(s), else '' (templates link only when this is not empty)."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def quote_path(value: str) -> str:
    return quote(value, safe="")


def fmt_when(value: datetime | None) -> Markup:
    """Date and time, each kept whole: a narrow cell breaks between them, never inside one."""
    if value is None:
        return Markup("—")
    return Markup('<span class="nw">{}</span> <span class="nw">{}</span>').format(
        value.strftime("%Y-%m-%d"), value.strftime("%H:%M")
    )


def fmt_day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def fmt_pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def fmt_status(value: str) -> str:
    return value.replace("_", " ")


def ctx(request: Request) -> WebContext:
    context: WebContext = request.app.state.web
    return context


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> Response:
    web = ctx(request)
    page = web.templates.get_template(template).render(
        request=request,
        path=request.url.path,
        nav=NAV,
        csrf=request.state.session.csrf,
        logged_in=request.state.session.user,
        login_required=security.login_required(web.settings.web),
        **values,
    )
    return Response(page, status_code=status_code, media_type="text/html; charset=utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_response(document: Any, status_code: int = 200) -> Response:
    body = json.dumps(document, default=_json_default, ensure_ascii=False)
    return Response(body, status_code=status_code, media_type="application/json")


def wants_json(request: Request) -> bool:
    return request.query_params.get("format") == "json"


class SessionMiddleware(BaseHTTPMiddleware):
    """Session cookie, login gate and security headers around every request."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        web = ctx(request)
        now = web.clock.now().timestamp()
        raw = request.cookies.get(security.COOKIE, "")
        session = web.signer.load(raw, now) if raw else None
        fresh = session is None
        if session is None:
            session = security.new_session(web.settings.web.session_hours, now)
        request.state.session = session
        request.state.bearer = security.bearer_ok(
            web.settings.web, request.headers.get("authorization", "")
        )
        request.state.session_changed = fresh
        path = request.url.path
        needs_login = security.login_required(web.settings.web) and not path.startswith(PUBLIC)
        if needs_login and not (session.user or request.state.bearer):
            if wants_json(request) or request.headers.get("authorization"):
                response: Response = json_response({"error": "login required"}, 401)
            else:
                response = RedirectResponse(f"/login?next={quote(_local(request))}", 303)
        else:
            response = await call_next(request)
        if request.state.session_changed:
            response.set_cookie(
                security.COOKIE,
                web.signer.dump(request.state.session),
                max_age=int(web.settings.web.session_hours * 3600),
                path="/",
                httponly=True,
                samesite="strict",
                secure=web.secure,
            )
        response.headers.setdefault("content-security-policy", security.CSP)
        for name, value in security.HEADERS.items():
            response.headers.setdefault(name, value)
        if response.media_type and response.media_type.startswith("text/html"):
            response.headers.setdefault("cache-control", "no-store")
        return response


def _local(request: Request) -> str:
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{request.url.path}{query}"


def local_target(value: str, default: str) -> str:
    """A redirect or back-link target: only a path on this site ('/x', never '//host' or
    'http:'). Browsers drop tabs and newlines from URLs and read a backslash as a slash, so
    '/<TAB>/host' or '/<BACKSLASH>host' would leave the site: any space, control character or
    backslash is refused."""
    if (
        value.startswith("/")
        and not value.startswith("//")
        and len(value) <= 2000
        and not any(ch <= " " or ch in "\\\x7f" for ch in value)
    ):
        return value
    return default


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if not hasattr(request.state, "session"):  # raised before the middleware ran (404 on route)
        request.state.session = security.new_session(1)
        request.state.session_changed = False
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if wants_json(request):
        return json_response({"error": message}, exc.status_code)
    return render(request, "error.html", exc.status_code, status=exc.status_code, message=message)


def create_app(
    settings: Settings,
    engine: Engine,
    clock: Clock,
    *,
    secure: bool = False,
    host: str = "127.0.0.1",
) -> Starlette:
    """The dashboard over ``engine``; ``secure`` marks cookies Secure (off loopback: HTTPS);
    ``host`` is the address served, one of the Host names answered when there is no login."""
    from forecasts.web import actions, pages

    routes = [
        Route("/", pages.dashboard),
        Route("/claims", pages.claims),
        Route("/claims/{claim_id:int}", pages.claim),
        Route("/claims/{claim_id:int}/resolve", actions.resolve, methods=["POST"]),
        Route("/claims/{claim_id:int}/edit", actions.edit, methods=["POST"]),
        Route("/claims/{claim_id:int}/tags", actions.tags, methods=["POST"]),
        Route("/questions", pages.questions),
        Route("/questions/{question_id:int}", pages.question),
        Route("/questions/{question_id:int}/decide", actions.decide, methods=["POST"]),
        Route("/questions/{question_id:int}/merge", actions.merge, methods=["POST"]),
        Route("/questions/{question_id:int}/split", actions.split, methods=["POST"]),
        Route("/review", pages.review),
        Route("/speakers/{name:path}", pages.speaker),
        Route("/outlets/{name:path}", pages.outlet),
        Route("/reports", pages.reports_index),
        Route("/reports/{month}", pages.report),
        Route("/charts/{kind}.svg", pages.chart),
        Route("/feeds", pages.feeds),
        Route("/feeds/add", actions.add_feed, methods=["POST"]),
        Route("/feeds/remove", actions.remove_feed, methods=["POST"]),
        Route("/login", pages.login_form),
        Route("/static/style.css", pages.stylesheet),
        Route("/login", actions.login, methods=["POST"]),
        Route("/logout", actions.logout, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    # Without a login, answer only to loopback names: a page elsewhere that rebinds its own
    # host name to 127.0.0.1 (DNS rebinding) then gets 400, not the dashboard and its tokens.
    hosts = ["*"] if security.login_required(settings.web) else [*security.LOOPBACK_NAMES, host]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
            Middleware(SessionMiddleware),
        ],
        exception_handlers={HTTPException: http_error},
    )
    app.state.web = WebContext(settings, engine, clock, secure=secure)
    return app
