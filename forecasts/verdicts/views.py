"""Claims as plain data for people and scripts, and the manual decisions a user makes.

The CLI prints what these return; ``resolve`` is the one place a user's decision is made
(through ``store.claims.change_status`` with ``by="user"``, so it is audited and final for the
automatic judge).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from forecasts.errors import InputError
from forecasts.models import Claim, ClaimStatus, Evidence, Item, claim_fields
from forecasts.store import claims as store

# The keys of `forecasts extract --json` (issue 2), which the backtest output repeats.
# The extract keys of `claims --json`: the claim's fields, event_type and verifiable shown
# after them with the verdict.
EXTRACT_KEYS = ("id", *(n for n in claim_fields.NAMES if n not in ("event_type", "verifiable")))

ACTIONS = {
    "fulfilled": ClaimStatus.FULFILLED.value,
    "unfulfilled": ClaimStatus.UNFULFILLED.value,
    "void": ClaimStatus.VOID.value,
    "reopen": ClaimStatus.OPEN.value,
}


def claim_row(claim: Claim) -> dict[str, Any]:
    """The extract keys plus the verdict: status, who decided, when it happened and was judged."""
    row: dict[str, Any] = {key: getattr(claim, key) for key in EXTRACT_KEYS}
    row["actors"] = list(claim.actors or [])
    row.update(
        event_type=claim.event_type,
        verifiable=claim.verifiable,
        status=claim.status,
        status_by=claim.status_by,
        event_date=claim.event_date,
        resolved_at=claim.resolved_at,
        question=claim.question_id,
    )
    return row


def evidence_row(ev: Evidence, item: Item | None) -> dict[str, Any]:
    return {
        "title": item.title if item else "",
        "link": (item.link if item else "") or ev.url,
        "published": item.published_at if item else None,
        "kind": ev.kind,
        "score": ev.score,
        "rule": ev.rule,
        "event_date": ev.event_date,
    }


def claim_evidence(s: Session, claim_id: int, kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    rows = [evidence_row(ev, item) for ev, item in store.evidence_for(s, claim_id)]
    return [r for r in rows if not kinds or r["kind"] in kinds]


def claim_view(s: Session, claim_id: int) -> dict[str, Any]:
    """One claim with its window, evidence (strongest first) and full history."""
    claim = store.get_claim(s, claim_id)
    row = claim_row(claim)
    row["window"] = {
        "earliest": claim.due_earliest,
        "latest": claim.due_latest,
        "basis": claim.due_basis,
    }
    row["evidence"] = claim_evidence(s, claim_id)
    row["history"] = [
        {
            "at": h.at,
            "from": h.from_status,
            "to": h.to_status,
            "by": h.by,
            "reason": h.reason,
            "evidence": h.evidence,
        }
        for h in store.history(s, claim_id)
    ]
    row["why"] = _why(claim, row["history"])
    return row


def _why(claim: Claim, history: list[dict[str, Any]]) -> dict[str, Any]:
    """Why the claim has its status: the change that set it, with the items it cites."""
    last = next((h for h in reversed(history) if h["to"] == claim.status), None)
    if last is None or claim.status == ClaimStatus.OPEN.value:
        return {
            "status": claim.status,
            "by": claim.status_by,
            "reason": f"no decisive evidence yet; the window runs to {claim.due_latest}",
            "evidence": [],
        }
    return {
        "status": claim.status,
        "by": last["by"],
        "at": last["at"],
        "reason": last["reason"],
        "evidence": list(last["evidence"]),
    }


def claims_view(s: Session, status: str | None = None) -> list[dict[str, Any]]:
    if status is not None and status not in {st.value for st in ClaimStatus}:
        allowed = ", ".join(st.value for st in ClaimStatus)
        raise InputError(f"--status: unknown status '{status}' (one of {allowed})")
    return [claim_row(c) for c in store.list_claims(s, status)]


def review_view(s: Session) -> list[dict[str, Any]]:
    """Claims waiting for a person, each with its best evidence first."""
    out = []
    for claim in store.list_claims(s, ClaimStatus.NEEDS_REVIEW.value):
        assert claim.id is not None
        row = claim_row(claim)
        row["evidence"] = claim_evidence(s, claim.id)[:3]
        out.append(row)
    return out


def resolve(
    s: Session,
    claim_id: int,
    action: str,
    *,
    now: datetime,
    note: str = "",
    evidence_url: str = "",
    event_date: date | None = None,
    by: str = "user",
) -> dict[str, Any]:
    """A user's decision: fulfilled, unfulfilled, void (superseded/withdrawn) or reopen
    (``by``: "user via web" from the dashboard, as its history row then says)."""
    if action not in ACTIONS:
        raise InputError(f"unknown decision '{action}' (one of {', '.join(ACTIONS)})")
    if evidence_url and not evidence_url.startswith(("http://", "https://")):
        raise InputError(f"--evidence: '{evidence_url}' is not an http(s) URL")
    claim = store.get_claim(s, claim_id)
    to_status = ACTIONS[action]
    if action == "reopen" and claim.status == ClaimStatus.OPEN.value:
        raise InputError(f"claim {claim_id} is already open")
    evidence: list[dict[str, Any]] = []
    if evidence_url:
        kind = "counter" if action == "unfulfilled" else "fulfilment"
        store.add_evidence(
            s, claim_id, item_id=None, url=evidence_url, kind=kind, score=1.0, rule="user", now=now
        )
        evidence.append({"link": evidence_url, "kind": kind, "by": "user"})
    if to_status == ClaimStatus.FULFILLED.value and event_date is None:
        best = claim_evidence(s, claim_id, ("fulfilment",))
        published = best[0]["published"] if best else None
        event_date = published.date() if isinstance(published, datetime) else None
    reason = note or f"decided by hand: {action}"
    store.change_status(
        s,
        claim,
        to_status,
        by=by,
        reason=reason,
        evidence=evidence,
        now=now,
        event_date=event_date,
    )
    if to_status == ClaimStatus.OPEN.value:
        # The next pass indexes it again and re-reads the stored items within its window.
        store.check_again(s, claim)
    return claim_row(claim)
