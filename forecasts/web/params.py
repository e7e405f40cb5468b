"""Query strings and form bodies into checked values; anything malformed is a 400 with a message."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import parse_qsl

from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request

from forecasts.store.claim_lists import ClaimFilter
from forecasts.store.web_queries import CLAIM_SORTS, QUESTION_SORTS, Page, QuestionFilter

STATUS_NAME = re.compile(r"[a-z][a-z_]{0,39}")
MAX_FORM_BYTES = 64 * 1024
MAX_PER_PAGE = 200
# Ids are 32-bit on PostgreSQL (INTEGER): a larger one would be a database error, not a 404.
MAX_ID = 2**31 - 1


def bad(message: str) -> HTTPException:
    return HTTPException(400, message)


def day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(f"{name}: '{value}' is not a date (expected YYYY-MM-DD)") from None


def number(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if not value:
        return default
    try:
        n = int(value)
    except ValueError:
        raise bad(f"{name}: '{value}' is not a whole number") from None
    if not low <= n <= high:
        raise bad(f"{name}: {n} is not between {low} and {high}")
    return n


def _statuses(q: QueryParams, known: list[str]) -> tuple[str, ...]:
    chosen = tuple(s for s in q.getlist("status") if s)
    for status in chosen:
        if status not in known:
            shown = status if STATUS_NAME.fullmatch(status) else status[:40]
            raise bad(f"status: '{shown}' is not a status (one of {', '.join(known)})")
    return chosen


def _dates(q: QueryParams) -> tuple[date | None, date | None]:
    after, before = day(q.get("due_after"), "due_after"), day(q.get("due_before"), "due_before")
    if after and before and after > before:
        raise bad(f"due_after {after} is later than due_before {before}: nothing can match")
    return after, before


def _sort(q: QueryParams, sorts: Iterable[str]) -> str:
    sort = q.get("sort") or "due"
    if sort not in sorts:
        raise bad(f"sort: '{sort}' is not one of {', '.join(sorts)}")
    return sort


def page(q: QueryParams, default_size: int = 50) -> Page:
    return Page(
        number=number(q.get("page"), "page", 1, 1, 1_000_000),
        size=number(q.get("per_page"), "per_page", default_size, 1, MAX_PER_PAGE),
    )


def claim_filter(q: QueryParams, statuses: list[str]) -> tuple[ClaimFilter, str, Page]:
    """The claims list's filters as `forecasts claims` names them (``search``, ``speaker``,
    ``outlet``, ``tag`` and ``status`` repeatable, ``due_after``/``due_before``), sort, page.

    ``q`` is accepted for ``search`` (the search box's short name)."""
    after, before = _dates(q)
    f = ClaimFilter(
        search=(q.get("search") or q.get("q") or "").strip()[:200],
        speaker=(q.get("speaker") or "").strip()[:200],
        outlet=(q.get("outlet") or "").strip()[:200],
        tags=tuple(t.strip()[:100] for t in q.getlist("tag") if t.strip()),
        statuses=_statuses(q, statuses),
        due_after=after,
        due_before=before,
    )
    return f, _sort(q, CLAIM_SORTS), page(q)


def question_filter(q: QueryParams, statuses: list[str]) -> tuple[QuestionFilter, str, Page]:
    """The questions list's filters: ``status`` (repeatable, as `forecasts questions
    --status`), ``search`` words, ``event_type``, due dates; sort and page."""
    after, before = _dates(q)
    f = QuestionFilter(
        statuses=_statuses(q, statuses),
        search=(q.get("search") or q.get("q") or "").strip()[:200],
        event_type=(q.get("event_type") or "").strip()[:40],
        due_after=after,
        due_before=before,
    )
    return f, _sort(q, QUESTION_SORTS), page(q)


def path_id(request: Request, name: str) -> int:
    """An id from the path; one no row can have (past the database's integer) is a 404."""
    value = int(request.path_params[name])
    if not 1 <= value <= MAX_ID:
        raise HTTPException(404, f"no {name.removesuffix('_id')} with id {value}")
    return value


async def form(request: Request) -> dict[str, str]:
    """An application/x-www-form-urlencoded body (capped), last value of each field."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "form too large")
    try:
        return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        raise bad("the form is not UTF-8") from None
