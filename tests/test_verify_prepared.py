"""Claims' prepared forms stored beside the index (``evidence.prepared_form``), and a pass's
use of them: read back when the current code made them, derived again when it did not."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.evidence.actors import Actor, Role
from forecasts.evidence.events import Trigger
from forecasts.evidence.judge import ClaimFacts, PreparedClaim, prepare
from forecasts.evidence.prepared_form import FINGERPRINT, claim_facts, decode, encode
from forecasts.jobs.verify import verify_claims
from forecasts.store import claims as store
from forecasts.verdicts.evaluation import load_pairs
from tests.test_verify_factories import make_article, make_claim, make_feed, make_item

CORPUS = Path(__file__).parent / "corpus"
PAIRS = (CORPUS / "real" / "verification" / "dev.jsonl", CORPUS / "verification" / "pairs.jsonl")


def at(y: int, m: int, d: int, h: int = 9) -> datetime:
    return datetime(y, m, d, h, tzinfo=UTC)


def test_every_dev_claim_reads_back_as_prepare_made_it() -> None:
    """Real claims (titles, countries, places, rival winners, generic triggers) round-trip."""
    prepared = [prepare(facts) for facts in {pair.claim for pair in load_pairs(*PAIRS)}]
    assert len(prepared) > 100
    assert any(pc.extra for pc in prepared) and any(pc.contest for pc in prepared)
    assert any(role for pc in prepared for a in pc.actors for role in a.roles)
    for pc in prepared:
        facts = pc.facts
        body = encode(pc)
        assert body is not None, facts.claim
        assert decode(body, facts) == pc


def test_read_back_forms_are_the_frozen_classes_themselves() -> None:
    """``decode`` builds its objects through unfrozen twins: what comes out is the judge's own
    classes, equal, hashing alike and still frozen."""
    prepared = [prepare(facts) for facts in {pair.claim for pair in load_pairs(*PAIRS)}]
    for pc in prepared:
        body = encode(pc)
        assert body is not None
        facts = claim_facts(*(getattr(pc.facts, f.name) for f in dataclasses.fields(ClaimFacts)))
        back = decode(body, facts)
        assert type(back) is PreparedClaim and type(back.facts) is ClaimFacts
        assert back == pc and hash(back) == hash(pc) and back.facts == pc.facts
        assert all(type(a) is Actor for a in back.actors)
        assert all(type(r) is Role for a in back.actors for r in a.roles)
        assert all(type(t) is Trigger for t in back.extra)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.family = "visit"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.facts.claim = "x"  # type: ignore[misc]


def test_places_that_are_not_the_locations_own_are_stored_as_they_are() -> None:
    pc = prepare(ClaimFacts(claim="Yellen to visit Beijing", actors=("Janet Yellen",)))
    odd = dataclasses.replace(pc, places=(("xanadu",),), region=(("mongolia",),))
    body = encode(odd)
    assert body is not None and decode(body, odd.facts) == odd


def test_a_form_the_encoding_cannot_write_is_not_stored() -> None:
    pc = prepare(ClaimFacts(claim="Yellen to visit Beijing", actors=("Janet Yellen",)))
    assert encode(dataclasses.replace(pc, objects=(object(),))) is None  # type: ignore[arg-type]


def _forms(engine: Engine) -> dict[int, str]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.text("SELECT claim_id, version FROM claim_prepared")).all())


def _store_form(engine: Engine, claim_id: int, version: str, facts: ClaimFacts) -> None:
    body = encode(prepare(facts))
    assert body is not None
    with write_session(engine) as s:
        store.save_prepared(s, [(claim_id, version, body)])


def test_a_pass_judges_with_the_stored_form_and_derives_a_stale_one_again(
    engine: Engine, settings: Settings
) -> None:
    """The stored form is what the item side reads (a planted form of another claim changes the
    outcome); under another fingerprint it is derived from the claim's text and replaced."""
    claim_id = make_claim(engine, make_article(engine))
    clock = FixedClock(at(2023, 6, 18, 12))
    verify_claims(engine, settings, clock)
    assert _forms(engine) == {claim_id: FINGERPRINT}  # stored when indexed
    other = ClaimFacts(claim="Olaf Scholz to visit Paris", actors=("Olaf Scholz",))
    _store_form(engine, claim_id, FINGERPRINT, other)
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen lands in Beijing for talks", at(2023, 7, 6))
    clock.set(at(2023, 7, 7))
    planted = verify_claims(engine, settings, clock)
    assert (planted.pairs_judged, planted.evidence_added) == (1, 0)

    _store_form(engine, claim_id, "stale", other)
    make_item(engine, feed, "Yellen arrives in Beijing", at(2023, 7, 8))
    clock.set(at(2023, 7, 9))
    assert verify_claims(engine, settings, clock).changes == {"fulfilled": 1}
    assert _forms(engine) == {}  # a decided claim leaves the index, its form with it


def test_a_pass_stores_the_forms_of_claims_indexed_before_forms_were_stored(
    engine: Engine, settings: Settings
) -> None:
    claim_id = make_claim(engine, make_article(engine))
    clock = FixedClock(at(2023, 6, 18, 12))
    verify_claims(engine, settings, clock)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM claim_prepared"))
    make_item(engine, make_feed(engine), "Yellen to visit China next month", at(2023, 6, 25))
    clock.set(at(2023, 6, 26))
    assert verify_claims(engine, settings, clock).evidence_added == 1
    assert _forms(engine) == {claim_id: FINGERPRINT}


def test_checking_a_claim_again_drops_its_form(engine: Engine, settings: Settings) -> None:
    """An edit hands the claim back: its text may have changed, so its form goes too."""
    claim_id = make_claim(engine, make_article(engine))
    verify_claims(engine, settings, FixedClock(at(2023, 6, 18, 12)))
    with write_session(engine) as s:
        store.check_again(s, store.get_claim(s, claim_id))
    assert _forms(engine) == {}
    with session(engine) as s:
        assert store.unchecked_claims(s)[0].id == claim_id


def test_judged_claim_rows_are_what_the_judge_reads_of_judged_claims_only(engine: Engine) -> None:
    """Plain tuples with typed values (whatever the database hands over raw), in the column
    order ``JUDGED_ROW`` names; claims a user or a decision closed are left out."""
    article = make_article(engine)
    open_id = make_claim(engine, article, actors=["Janet Yellen", "Li Qiang"])
    unresolved = make_claim(engine, article, status="unresolved")
    fulfilled = make_claim(engine, article, status="fulfilled")
    with write_session(engine) as s:
        store.save_prepared(s, [(open_id, "v1", b"\x00\x01")])
    with session(engine) as s:
        rows = {row[0]: row for row in store.judged_claim_rows(s, [fulfilled, unresolved, open_id])}
        claim = store.get_claim(s, open_id)
        reference = store.reference_dates(s, [article])[article]
    assert set(rows) == {open_id, unresolved}
    row = rows[open_id]
    assert len(row) == 1 + len(store.JUDGED_ROW) + 2
    values = dict(zip(store.JUDGED_ROW, row[1:], strict=False))
    assert values["actors"] == ("Janet Yellen", "Li Qiang")
    assert values["due_earliest"] == claim.due_earliest and values["due_latest"] == claim.due_latest
    assert values["reference_date"] == reference
    assert (values["sentence"], values["claim"], values["location"]) == (
        claim.sentence,
        claim.claim,
        claim.location,
    )
    assert (row[-2], bytes(row[-1])) == ("v1", b"\x00\x01")
    assert rows[unresolved][-2:] == (None, None)  # no stored form yet


@pytest.mark.parametrize(
    "actors",
    [
        [],
        [""],
        ["", ""],
        ["Janet Yellen"],
        ["Janet Yellen", "Li Qiang"],
        ['The "Quad"', "Li"],
        ["São Paulo FC"],
        ['", "'],
        ["a,b", "c\\d"],
        ["]", "["],
    ],
)
def test_actor_lists_read_back_whatever_their_text(actors: list[str]) -> None:
    """The stored JSON text of an actor list, however written, reads back as json.loads does
    (plain lists are split without the parser)."""
    import json

    for text in (
        json.dumps(actors),
        json.dumps(actors, ensure_ascii=False),
        json.dumps(actors, separators=(",", ":")),
    ):
        assert store._tuple(text) == tuple(json.loads(text))
    assert store._tuple(None) == () and store._tuple(actors) == tuple(actors)
