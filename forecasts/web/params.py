"""Query strings and form bodies into checked values; anything malformed is a 400 with a message."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl

from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request

from forecasts.store.dashboard import SORTS, ClaimFilter

STATUS_NAME = re.compile(r"[a-z][a-z_]{0,39}")
MAX_FORM_BYTES = 64 * 1024
MAX_PER_PAGE = 200


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


def claim_filter(q: QueryParams, statuses: list[str]) -> ClaimFilter:
    """The claims list's filters, as the CLI names them (status, q, speaker, outlet, due dates)."""
    status = q.get("status") or None
    # Any well-formed status name: areas may add statuses the page was not written for.
    if status is not None and not STATUS_NAME.fullmatch(status):
        raise bad(f"status: '{status}' is not a status (such as {', '.join(statuses)})")
    sort = q.get("sort") or "due"
    if sort not in SORTS:
        raise bad(f"sort: '{sort}' is not one of {', '.join(SORTS)}")
    return ClaimFilter(
        status=status,
        text=(q.get("q") or "").strip()[:200],
        speaker=(q.get("speaker") or "").strip(),
        outlet=(q.get("outlet") or "").strip(),
        due_after=day(q.get("due_after"), "due_after"),
        due_before=day(q.get("due_before"), "due_before"),
        sort=sort,
        page=number(q.get("page"), "page", 1, 1, 1_000_000),
        per_page=number(q.get("per_page"), "per_page", 50, 1, MAX_PER_PAGE),
    )


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
