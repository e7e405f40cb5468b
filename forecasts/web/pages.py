"""The pages (GET): dashboard, claims, one claim, review queue, speakers, outlets, reports, feeds.

Each handler reads through ``store`` / ``verdicts`` / ``reports`` in one read session and hands
plain data to a template; with ``?format=json`` the same data goes out as JSON instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from forecasts.daemon.status import daemon_view, job_rows
from forecasts.db import session
from forecasts.errors import InputError, NotFoundError
from forecasts.models import ClaimStatus
from forecasts.questions import views as question_views
from forecasts.reports import aggregate, charts, html
from forecasts.reports.layout import month_name, sections
from forecasts.reports.model import parse_month, previous_month, shift_month, to_json
from forecasts.store import claim_edits, claim_lists, report_figures, web_queries
from forecasts.store import dashboard as store
from forecasts.store import feeds as feed_store
from forecasts.store.claim_lists import ClaimFilter
from forecasts.store.claims import ACTIVE, get_claim
from forecasts.store.web_queries import Page, QuestionFilter
from forecasts.verdicts import views
from forecasts.web import params, security
from forecasts.web.app import ctx, json_response, local_target, render, wants_json
from forecasts.web.context import in_context

DUE_DAYS = 30
STYLE = html.CSS + "\n" + (Path(__file__).parent / "static" / "web.css").read_text(encoding="utf-8")
DASHBOARD_ROWS = 10


def page_links(request: Request) -> Callable[[int], str]:
    """The current query string with another page number (for the pager's links)."""
    base = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return lambda page: urlencode([*base, ("page", page)])


def statuses() -> list[str]:
    return [s.value for s in ClaimStatus]


def _today(request: Request) -> Any:
    web = ctx(request)
    return web.clock.now().astimezone(web.settings.zone).date()


def _feed_row(feed: Any) -> dict[str, Any]:
    return {
        "name": feed.name,
        "url": feed.url,
        "origin": feed.origin,
        "last_poll_at": feed.last_poll_at,
        "last_success_at": feed.last_success_at,
        "items": feed.item_count,
        "consecutive_errors": feed.consecutive_errors,
        "last_error": feed.last_error,
        "disabled": feed.disabled_reason,
        "next_poll_at": None if feed.disabled_reason else feed.next_poll_at,
        "healthy": not (feed.consecutive_errors or feed.disabled_reason),
    }


def dashboard(request: Request) -> Response:
    from forecasts.jobs.registry import JOBS  # the jobs layer, loaded with the first page

    web = ctx(request)
    today = _today(request)
    with session(web.engine) as s:
        conn = s.connection()
        counts = store.counts_by_status(conn)
        question_counts = web_queries.question_counts(conn)
        due, due_total = store.due_between(
            conn, today, today + timedelta(days=DUE_DAYS), ACTIVE, DASHBOARD_ROWS
        )
        latest = store.latest_changes(conn, DASHBOARD_ROWS)
        feeds = [_feed_row(f) for f in feed_store.list_feeds(s) if f.origin != "search"]
        daemon = daemon_view(s, web.settings, web.clock.now())
        jobs = job_rows(s, [j.name for j in JOBS], daemon.running)
    doc: dict[str, Any] = {
        "claims_by_status": counts,
        "claims_total": sum(counts.values()),
        "questions_by_status": question_counts,
        "questions_total": sum(question_counts.values()),
        "due_soon": due,
        "due_soon_total": due_total,
        "latest_changes": latest,
        "feeds": feeds,
        "daemon": asdict(daemon),
        "jobs": jobs,
    }
    if wants_json(request):
        return json_response(doc)
    return render(request, "dashboard.html", today=today, due_days=DUE_DAYS, **doc)


def _list_links(request: Request) -> dict[str, Any]:
    return {
        "page_query": page_links(request),
        "json_query": urlencode([*request.query_params.multi_items(), ("format", "json")]),
    }


def claims(request: Request) -> Response:
    web = ctx(request)
    f, sort, page = params.claim_filter(request.query_params, statuses())
    with web.engine.connect() as conn:
        rows, total = web_queries.list_claims(conn, f, sort, page)
    return _list_page(request, "claims", rows, total, f, sort, page, web_queries.CLAIM_SORTS)


def questions(request: Request) -> Response:
    web = ctx(request)
    f, sort, page = params.question_filter(request.query_params, statuses())
    with web.engine.connect() as conn:
        rows, total = web_queries.list_questions(conn, f, sort, page)
        families = web_queries.event_types(conn)
    return _list_page(
        request,
        "questions",
        rows,
        total,
        f,
        sort,
        page,
        web_queries.QUESTION_SORTS,
        families=families,
    )


def _list_page(
    request: Request,
    kind: str,
    rows: list[dict[str, Any]],
    total: int,
    f: ClaimFilter | QuestionFilter,
    sort: str,
    page: Page,
    sorts: Iterable[str],
    **extra: Any,
) -> Response:
    """One page of a list (claims, questions): JSON for scripts, else its template."""
    if wants_json(request):
        return json_response(
            {kind: rows, "total": total, "page": page.number, "per_page": page.size}
        )
    return render(
        request,
        f"{kind}.html",
        rows=rows,
        total=total,
        f=f,
        sort=sort,
        page=page,
        pages=max(1, -(-total // page.size)),
        statuses=statuses(),
        sorts=list(sorts),
        **extra,
        **_list_links(request),
    )


def question(request: Request) -> Response:
    web = ctx(request)
    question_id = params.path_id(request, "question_id")
    with session(web.engine) as s:
        try:
            row = question_views.question_view(s, question_id)
        except NotFoundError as exc:
            raise HTTPException(404, str(exc)) from None
        outlets = {
            r["id"]: r["outlet"]
            for r in web_queries.claims_by_ids(s.connection(), [c["id"] for c in row["claims"]])
        }
    for c in row["claims"]:
        c["outlet"] = outlets.get(c["id"], "")
    if wants_json(request):
        return json_response(row)
    return render(request, "question.html", qn=row, statuses=statuses())


def claim(request: Request) -> Response:
    web = ctx(request)
    claim_id = params.path_id(request, "claim_id")
    with session(web.engine) as s:
        try:
            row = views.claim_view(s, claim_id)
        except NotFoundError as exc:
            raise HTTPException(404, str(exc)) from None
        claim_obj = get_claim(s, claim_id)
        row["statement"] = claim_obj.statement or row["claim"]
        row["tags"] = claim_edits.tags_of(s, claim_id)
        row["edits"] = [
            {
                "at": e.at,
                "field": e.field_name,
                "from": e.from_value,
                "to": e.to_value,
                "by": e.by,
                "reason": e.reason,
            }
            for e in claim_edits.edits_of(s, claim_id)
        ]
        article = store.article_text(s.connection(), claim_obj.article_id)
    if article is not None:
        row["article"] = {k: v for k, v in article.items() if k != "text"}
    if wants_json(request):
        return json_response(row)
    context = in_context(article["text"] if article else "", row["sentence"])
    back = local_target(request.query_params.get("back", ""), "/claims")
    return render(
        request,
        "claim.html",
        c=row,
        article=article,
        context=context,
        back=back,
        polarities=claim_edits.POLARITIES,
    )


def review(request: Request) -> Response:
    web = ctx(request)
    today = _today(request)
    page = params.number(request.query_params.get("page"), "page", 1, 1, 1_000_000)
    per = 25
    f = store.ClaimFilter(status=ClaimStatus.NEEDS_REVIEW.value, page=page, per_page=per)
    with session(web.engine) as s:
        conn = s.connection()
        waiting, waiting_total = store.list_claims(conn, f)
        due, due_total = store.due_between(
            conn, today, today + timedelta(days=DUE_DAYS), (ClaimStatus.OPEN.value,), per
        )
        waiting, due = _cards(s, waiting), _cards(s, due)
    if wants_json(request):
        return json_response(
            {
                "needs_review": waiting,
                "needs_review_total": waiting_total,
                "due_soon": due,
                "due_soon_total": due_total,
                "page": page,
            }
        )
    return render(
        request,
        "review.html",
        waiting=waiting,
        waiting_total=waiting_total,
        due=due,
        due_total=due_total,
        page=page,
        pages=max(1, -(-waiting_total // per)),
        due_days=DUE_DAYS,
        page_query=page_links(request),
        polarities=claim_edits.POLARITIES,
    )


def _cards(s: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Review cards: each listed claim whole (for its edit form), its tags and best evidence."""
    ids = [r["id"] for r in rows]
    claims = claim_edits.claims_by_id(s, ids)
    tags = claim_lists.tags_of(s.connection(), ids)
    out = []
    for row in rows:
        claim = claims[row["id"]]
        card = views.claim_row(claim)
        card.update(
            statement=claim.statement or claim.claim,
            outlet=row["outlet"],
            tags=tags.get(row["id"], []),
            evidence=views.claim_evidence(s, row["id"])[:3],
        )
        out.append(card)
    return out


def _track(request: Request, kind: str) -> Response:
    web = ctx(request)
    name = request.path_params["name"]
    key = {"speaker": name} if kind == "speaker" else {"outlet": name}
    f = store.ClaimFilter(per_page=50, sort="-due", **key)
    with session(web.engine) as s:
        conn = s.connection()
        groups = store.scored_groups_for(conn, **key)
        rows, total = store.list_claims(conn, f)
    if not groups:
        raise HTTPException(404, f"no claims by the {kind} '{name}'")
    (record,) = aggregate.speaker_records(groups)
    cal = aggregate.calibration(groups)
    doc = {
        "kind": kind,
        "name": name,
        "record": asdict(record),
        "calibration": asdict(cal),
        "claims": rows,
        "claims_total": total,
    }
    if wants_json(request):
        return json_response(doc)
    return render(request, "track.html", r=record, cal=cal, **doc)


def speaker(request: Request) -> Response:
    return _track(request, "speaker")


def outlet(request: Request) -> Response:
    return _track(request, "outlet")


def reports_index(request: Request) -> Response:
    web = ctx(request)
    month = previous_month(web.clock.now(), web.settings.timezone)
    return RedirectResponse(f"/reports/{month}", status_code=303)


def _month(value: str) -> str:
    try:
        parse_month(value)
    except InputError as exc:
        raise HTTPException(400, str(exc).replace("--month: ", "month: ")) from None
    return value


def report(request: Request) -> Response:
    from forecasts.jobs.report import monthly_report

    web = ctx(request)
    month = _month(request.path_params["month"])
    built = monthly_report(web.engine, web.settings, web.clock, month=month)
    if wants_json(request):
        return Response(to_json(built), media_type="application/json")
    return render(
        request,
        "report.html",
        report=built,
        outline=sections(built),
        title=f"Forecast accuracy — {month_name(month)}",
        month_name=month_name,
        table_html=lambda table: Markup(html.table_html(table)),  # noqa: S704  (escaped inside)
        previous=shift_month(month, -1),
        following=shift_month(month, 1),
    )


def chart(request: Request) -> Response:
    """A chart as an SVG image: reliability/trend of a month, or calibration of a speaker/outlet."""
    web = ctx(request)
    kind = request.path_params["kind"]
    q = request.query_params
    if kind in ("reliability", "trend"):
        month = _month(q.get("month", ""))
        start, end = parse_month(month)
        # Only the figures this chart draws, by the report's own functions (not the whole report).
        with web.engine.connect() as conn:
            if kind == "reliability":
                fig = charts.reliability_diagram(
                    aggregate.calibration(report_figures.scored_groups(conn, start, end)),
                    f"Reliability, {month_name(month)}",
                    aggregate.calibration(report_figures.scored_groups(conn, None, end)),
                )
            else:
                points = report_figures.trend(conn, month)
                fig = charts.trend_chart(points, "Hit rate and Brier score by month")
    elif kind == "calibration" and (q.get("speaker") or q.get("outlet")):
        key = {"speaker": q["speaker"]} if q.get("speaker") else {"outlet": q.get("outlet", "")}
        with session(web.engine) as s:
            groups = store.scored_groups_for(s.connection(), **key)
        name = next(iter(key.values()))
        fig = charts.reliability_diagram(aggregate.calibration(groups), f"Calibration: {name}")
    else:
        raise HTTPException(404, f"no chart '{kind}'")
    svg = charts.to_svg(fig, salt=kind)
    response = Response(svg, media_type="image/svg+xml")
    response.headers["content-security-policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def feeds(request: Request) -> Response:
    web = ctx(request)
    with session(web.engine) as s:
        rows = [_feed_row(f) for f in feed_store.list_feeds(s) if f.origin != "search"]
    if wants_json(request):
        return json_response({"feeds": rows})
    return render(request, "feeds.html", feeds=rows)


def stylesheet(request: Request) -> Response:
    """The HTML report's stylesheet followed by the dashboard's own rules: one look for both."""
    return Response(STYLE, media_type="text/css", headers={"cache-control": "max-age=3600"})


def login_form(request: Request) -> Response:
    if not security.login_required(ctx(request).settings.web):
        return RedirectResponse("/", status_code=303)  # nothing to log in to
    target = local_target(request.query_params.get("next", ""), "/")
    return render(request, "login.html", error="", next=target)
