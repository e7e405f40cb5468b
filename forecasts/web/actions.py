"""The forms: resolve/reopen/void a claim, add/remove a feed, log in and out.

Every change goes through the function the CLI uses (``verdicts.views.resolve``,
``store.feeds.add_feed`` / ``remove_feed``) inside ``write_session``, so it is audited the same
way; a decision's history row says it came from the web. Each POST must carry the session's
CSRF token (403 otherwise) and then redirects (303) back to a page of this site.
"""

from __future__ import annotations

import asyncio
import hmac

import httpx
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from forecasts.db import write_session
from forecasts.errors import InputError, NotFoundError
from forecasts.feeds.opml import name_for_url
from forecasts.store import feeds as feed_store
from forecasts.verdicts import views
from forecasts.web import params, security
from forecasts.web.app import ctx, local_target, render

VIA_WEB = "user via web"
WRONG_PASSWORD_DELAY = 0.5  # seconds: slows guessing without bothering a person


async def checked_form(request: Request) -> dict[str, str]:
    """The form, once its CSRF token matches the session's (a script with the token: exempt)."""
    data = await params.form(request)
    if request.state.bearer:
        return data
    given = data.get(security.CSRF_FIELD, "")
    if not given or not hmac.compare_digest(given, request.state.session.csrf):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return data


def _back(data: dict[str, str], default: str) -> RedirectResponse:
    return RedirectResponse(local_target(data.get("next", ""), default), status_code=303)


async def resolve(request: Request) -> Response:
    claim_id = int(request.path_params["claim_id"])
    data = await checked_form(request)
    action = data.get("action", "")
    event_date = params.day(data.get("event_date"), "event_date")
    note = data.get("note", "").strip()[:2000]
    reason = f"{note} ({VIA_WEB})" if note else f"decided by hand: {action} ({VIA_WEB})"
    web = ctx(request)

    def decide() -> None:
        with write_session(web.engine) as s:
            views.resolve(
                s,
                claim_id,
                action,
                now=web.clock.now(),
                note=reason,
                evidence_url=data.get("evidence_url", "").strip(),
                event_date=event_date,
            )

    try:
        await run_in_threadpool(decide)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except InputError as exc:
        raise HTTPException(400, str(exc).replace("--evidence", "evidence")) from None
    return _back(data, f"/claims/{claim_id}")


def _feed_url(url: str) -> str:
    """An http(s) URL with a host: the web form subscribes network feeds, never local files."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"'{url}' is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(f"'{url}': feed URLs must be http:// or https://")
    return url


async def add_feed(request: Request) -> Response:
    data = await checked_form(request)
    web = ctx(request)
    url = data.get("url", "").strip()
    interval = params.number(data.get("interval"), "interval", 0, 0, 100_000) or None

    def add() -> None:
        checked = _feed_url(url)
        name = data.get("name", "").strip() or name_for_url(checked)
        with write_session(web.engine) as s:
            feed_store.add_feed(s, name=name, url=checked, interval_minutes=interval)

    try:
        await run_in_threadpool(add)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse("/feeds", status_code=303)


async def remove_feed(request: Request) -> Response:
    data = await checked_form(request)
    web = ctx(request)
    name = data.get("name", "")

    def remove() -> None:
        with write_session(web.engine) as s:
            feed = feed_store.require_feed(s, name)
            if feed.origin == "config":
                raise InputError(f"'{name}' comes from config.toml: remove it there")
            feed_store.remove_feed(s, name)

    try:
        await run_in_threadpool(remove)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse("/feeds", status_code=303)


async def login(request: Request) -> Response:
    data = await checked_form(request)
    web = ctx(request)
    target = local_target(data.get("next", ""), "/")
    if not security.password_ok(web.settings.web, data.get("password", "")):
        await asyncio.sleep(WRONG_PASSWORD_DELAY)
        return render(request, "login.html", 401, error="Wrong password.", next=target)
    session = security.new_session(web.settings.web.session_hours, web.clock.now().timestamp())
    session.user = True  # a fresh CSRF token with the login: nothing from before carries over
    request.state.session = session
    request.state.session_changed = True
    return RedirectResponse(target, status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    web = ctx(request)
    request.state.session = security.new_session(
        web.settings.web.session_hours, web.clock.now().timestamp()
    )
    request.state.session_changed = True
    return RedirectResponse("/login" if security.login_required(web.settings.web) else "/", 303)
