"""Corrections to claims by people: field edits (each one a ``claim_edit`` row) and tags.

An edited claim goes back to the automatic judge: its verification index is dropped and it is
marked unchecked, so the next pass indexes it with the corrected actors, event and window and
re-reads the stored items. A status decided automatically is reopened (audited in
``claim_history``); a status a person decided stays, since the judge never overrides a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from forecasts.errors import InputError
from forecasts.models import Claim, ClaimStatus
from forecasts.models.edits import ClaimEdit, ClaimTag
from forecasts.store import chunks
from forecasts.store import claims as claim_store
from forecasts.store.claim_lists import STATEMENT_COLUMN, normalise_tag

# Option name -> claim column. "statement" follows claim_lists.STATEMENT_COLUMN.
EDITABLE: dict[str, str] = {
    "statement": STATEMENT_COLUMN,
    "actors": "actors",
    "event": "event",
    "place": "location",
    "due_earliest": "due_earliest",
    "due_latest": "due_latest",
    "speaker": "speaker",
    "hedge": "hedge",
    "probability": "probability",
    "polarity": "polarity",
}
POLARITIES = ("positive", "negative")


@dataclass(frozen=True)
class EditResult:
    claim_id: int
    changed: dict[str, tuple[Any, Any]]  # field -> (from, to)
    reopened: bool
    status: str


def _shown(value: Any) -> str:
    """A field value as the history row keeps it."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def edit_claim(
    session: Session,
    claim_id: int,
    changes: Mapping[str, Any],
    *,
    by: str,
    reason: str,
    now: datetime,
) -> EditResult:
    """Apply ``changes`` (option name -> new value), record each, and hand the claim back."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InputError(f"cannot edit {', '.join(sorted(unknown))}")
    claim = claim_store.get_claim(session, claim_id)
    changed: dict[str, tuple[Any, Any]] = {}
    for name, value in changes.items():
        column = EDITABLE[name]
        old = getattr(claim, column)
        if name == "actors":
            value = [a for a in (v.strip() for v in value) if a]
        if name == "probability" and not 0.0 <= float(value) <= 1.0:
            raise InputError(f"--probability: {value} is outside 0..1")
        if name == "polarity" and value not in POLARITIES:
            raise InputError(f"--polarity: '{value}' (one of {', '.join(POLARITIES)})")
        if isinstance(value, str) and name in ("statement",) and not value.strip():
            raise InputError("--statement: the statement cannot be empty")
        if old != value:
            changed[name] = (old, value)
            setattr(claim, column, value)
    if claim.due_earliest > claim.due_latest:
        raise InputError(
            f"the due window would end ({claim.due_latest}) before it starts ({claim.due_earliest})"
        )
    if not changed:
        return EditResult(claim_id, {}, False, claim.status)
    why = reason or "corrected by hand"
    for name, (old, new) in changed.items():
        session.add(
            ClaimEdit(
                claim_id=claim_id,
                at=now,
                by=by,
                field_name=name,
                from_value=_shown(old),
                to_value=_shown(new),
                reason=why,
            )
        )
    reopened = False
    if claim.status != ClaimStatus.OPEN.value and claim.status_by == "auto":
        claim_store.change_status(
            session,
            claim,
            ClaimStatus.OPEN.value,
            # The edit rows name the person (the CLI: the login name); the status row the role,
            # and the channel when it was not the CLI.
            by=by if by.startswith("user" + claim_store.VIA) else "user",
            reason=f"edited ({', '.join(changed)}): judged again. {why}",
            evidence=[],
            now=now,
        )
        reopened = True
    claim_store.check_again(session, claim)
    return EditResult(claim_id, changed, reopened, claim.status)


def claims_by_id(session: Session, ids: Iterable[int]) -> dict[int, Claim]:
    """Whole claims for the given ids (for views that show every field)."""
    wanted = sorted(set(ids))
    out: dict[int, Claim] = {}
    for chunk in chunks(wanted):
        for claim in session.exec(select(Claim).where(col(Claim.id).in_(chunk))):
            if claim.id is not None:
                out[claim.id] = claim
    return out


def edits_of(session: Session, claim_id: int) -> list[ClaimEdit]:
    query = (
        select(ClaimEdit)
        .where(ClaimEdit.claim_id == claim_id)
        .order_by(col(ClaimEdit.at), col(ClaimEdit.id))
    )
    return list(session.exec(query).all())


def tags_of(session: Session, claim_id: int) -> list[str]:
    query = select(ClaimTag.tag).where(ClaimTag.claim_id == claim_id).order_by(col(ClaimTag.tag))
    return list(session.exec(query).all())


def add_tags(session: Session, claim_id: int, tags: Iterable[str]) -> list[str]:
    """Tag a claim; returns the tags that were new."""
    claim_store.get_claim(session, claim_id)
    have = set(tags_of(session, claim_id))
    added: list[str] = []
    for tag in dict.fromkeys(normalise_tag(t) for t in tags):
        if not tag:
            raise InputError("a tag cannot be empty")
        if len(tag) > 100:
            raise InputError(f"tag '{tag[:20]}...' is longer than 100 characters")
        if tag not in have:
            session.add(ClaimTag(claim_id=claim_id, tag=tag))
            added.append(tag)
    return added


def remove_tags(session: Session, claim_id: int, tags: Iterable[str]) -> list[str]:
    """Untag a claim; a tag it does not have is an InputError (and nothing is removed)."""
    claim_store.get_claim(session, claim_id)
    wanted = {normalise_tag(t) for t in tags}
    have = set(tags_of(session, claim_id))
    missing = sorted(wanted - have)
    if missing:
        shown = ", ".join(sorted(have)) or "none"
        raise InputError(f"claim {claim_id} has no tag {', '.join(missing)} (its tags: {shown})")
    gone = sorted(wanted)
    if gone:
        session.execute(
            sa.delete(ClaimTag).where(
                col(ClaimTag.claim_id) == claim_id, col(ClaimTag.tag).in_(gone)
            )
        )
    return gone
