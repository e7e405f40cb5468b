"""The forms: decide, edit and tag a claim; decide, merge and split a question; add/remove a
feed; log in and out.

Every change goes through the function the CLI uses (``verdicts.views.resolve``,
``store.claim_edits``, ``questions.views.decide`` / ``merge`` / ``split``,
``store.feeds.add_feed`` / ``remove_feed``) inside ``write_session``, so it is audited the same
way; they are passed ``by="user via web"``, so their history rows say it came from the web. Each POST must carry the session's
CSRF token (403 otherwise) and then redirects (303) back to a page of this site.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from typing import Any

import httpx
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from forecasts.db import write_session
from forecasts.errors import InputError, NotFoundError
from forecasts.feeds.opml import name_for_url
from forecasts.questions import views as question_views
from forecasts.store import claim_edits
from forecasts.store import claims as claim_store
from forecasts.store import feeds as feed_store
from forecasts.verdicts import views
from forecasts.web import params, security
from forecasts.web.app import WebContext, ctx, local_target, render

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
    claim_id = params.path_id(request, "claim_id")
    data = await checked_form(request)
    action = data.get("action", "")
    event_date = params.day(data.get("event_date"), "event_date")
    note = data.get("note", "").strip()[:2000]
    web = ctx(request)

    def decide() -> None:
        with write_session(web.engine) as s:
            views.resolve(
                s,
                claim_id,
                action,
                now=web.clock.now(),
                note=note,
                evidence_url=data.get("evidence_url", "").strip(),
                event_date=event_date,
                by=VIA_WEB,
            )

    try:
        await run_in_threadpool(decide)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except InputError as exc:
        raise HTTPException(400, str(exc).replace("--evidence", "evidence")) from None
    return _back(data, f"/claims/{claim_id}")


async def _write(web: WebContext, change: Callable[[Any], None]) -> None:
    """Run ``change(session)`` in one write transaction off the event loop; the library's
    errors become 404 (unknown id) or 400 (one readable message), nothing written."""

    def run() -> None:
        with write_session(web.engine) as s:
            change(s)

    try:
        await run_in_threadpool(run)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except InputError as exc:
        raise HTTPException(400, str(exc).removeprefix("--")) from None


def _note(data: dict[str, str]) -> str:
    return data.get("note", "").strip()[:2000]


# Claims: edits and tags ------------------------------------------------------------------

TEXT_FIELDS = ("statement", "event", "place", "speaker", "hedge", "polarity")


def _probability(value: str) -> float | None:
    if not value.strip():
        return None
    try:
        p = float(value)
    except ValueError:
        raise params.bad(f"probability: '{value}' is not a number between 0 and 1") from None
    if not 0.0 <= p <= 1.0:
        raise params.bad(f"probability: {value} is outside 0..1")
    return p


async def edit(request: Request) -> Response:
    """Correct a claim's fields (``store.claim_edits.edit_claim``, as `forecasts edit`): only the
    fields whose value differs are recorded, each as an edit row by "user via web"."""
    claim_id = params.path_id(request, "claim_id")
    data = await checked_form(request)
    web = ctx(request)
    dates = {name: params.day(data.get(name), name) for name in ("due_earliest", "due_latest")}
    probability = _probability(data.get("probability", ""))

    def change(s: Any) -> None:
        claim = claim_store.get_claim(s, claim_id)
        changes: dict[str, Any] = {
            name: data[name].strip()[:2000] for name in TEXT_FIELDS if name in data
        }
        # The form shows the claim text where there is no statement: sending it back unchanged
        # is not an edit.
        if not claim.statement and changes.get("statement") == claim.claim:
            del changes["statement"]
        if "actors" in data:
            changes["actors"] = data["actors"][:2000].split(",")
        changes.update({name: day for name, day in dates.items() if day is not None})
        hedge = changes.get("hedge")
        if probability is not None:
            changes["probability"] = probability
        if hedge and hedge != claim.hedge and probability in (None, claim.probability):
            known = web.settings.hedges.get(hedge.lower())  # the hedge sets it, as in the CLI
            if known is not None:
                changes["probability"] = known
        claim_edits.edit_claim(
            s, claim_id, changes, by=VIA_WEB, reason=_note(data), now=web.clock.now()
        )

    await _write(web, change)
    return _back(data, f"/claims/{claim_id}")


async def tags(request: Request) -> Response:
    """Add comma-separated tags, or remove one (``store.claim_edits``, as `forecasts tag`)."""
    claim_id = params.path_id(request, "claim_id")
    data = await checked_form(request)
    web = ctx(request)
    added = [t for t in data.get("add", "")[:2000].split(",") if t.strip()]
    removed = [t for t in (data.get("remove", "")[:200],) if t.strip()]
    if not (added or removed):
        raise params.bad("tags: name a tag to add or remove")

    def change(s: Any) -> None:
        claim_edits.add_tags(s, claim_id, added)
        claim_edits.remove_tags(s, claim_id, removed)

    await _write(web, change)
    return _back(data, f"/claims/{claim_id}")


# Questions: decide, merge, split ----------------------------------------------------------


async def decide(request: Request) -> Response:
    """A user's decision on a question (``questions.views.decide``, as `forecasts decide`)."""
    question_id = params.path_id(request, "question_id")
    data = await checked_form(request)
    web = ctx(request)
    action = data.get("action", "")
    event_date = params.day(data.get("event_date"), "event_date")
    note = _note(data)

    def change(s: Any) -> None:
        question_views.decide(
            s,
            question_id,
            action,
            now=web.clock.now(),
            note=note,
            event_date=event_date,
            by=VIA_WEB,
        )

    await _write(web, change)
    return _back(data, f"/questions/{question_id}")


def _required_id(data: dict[str, str], name: str, what: str) -> int:
    value = params.number(data.get(name), name, 0, 0, params.MAX_ID)
    if not value:
        raise params.bad(f"{name}: give the id of {what}")
    return value


async def merge(request: Request) -> Response:
    """Merge another question into this one (``questions.views.merge``, as `forecasts merge`)."""
    question_id = params.path_id(request, "question_id")
    data = await checked_form(request)
    web = ctx(request)
    other = _required_id(data, "other", "a question")

    def change(s: Any) -> None:
        question_views.merge(s, question_id, other, now=web.clock.now(), by=VIA_WEB)

    await _write(web, change)
    return _back(data, f"/questions/{question_id}")


async def split(request: Request) -> Response:
    """Split a claim off this question (``questions.views.split``, as `forecasts split`)."""
    question_id = params.path_id(request, "question_id")
    data = await checked_form(request)
    web = ctx(request)
    claim_id = _required_id(data, "claim", "the claim to split off")
    made: list[int] = []

    def change(s: Any) -> None:
        row = question_views.split(s, question_id, claim_id, now=web.clock.now(), by=VIA_WEB)
        made.append(int(row["new_question"]))

    await _write(web, change)
    return _back(data, f"/questions/{made[0]}")


# Feeds -------------------------------------------------------------------------------------


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
