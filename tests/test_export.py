"""`forecasts export`: every claim with article, speaker, hedge, window, status and evidence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy.engine import Engine

from forecasts.db import write_session
from forecasts.reports.export import write_csv
from forecasts.store.claim_export import FIELDS, iter_claims
from tests.report_data import make_article, make_claim, small_db


def test_json_export_has_every_claim_with_its_evidence(engine: Engine, run_cli) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    result = run_cli("export", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert len(rows) == 10
    first = rows[0]
    assert set(FIELDS) <= set(first)
    assert first["article_source"] == "The Japan Times"
    assert first["event_date"] == "2023-06-18"
    assert first["due_latest"] == "2023-06-30"
    assert [e["kind"] for e in first["evidence"]] == ["signal", "fulfilment"]
    assert rows[1]["evidence"] == []


def test_csv_export_filters_by_status(engine: Engine, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    out = tmp_path / "claims.csv"
    result = run_cli(
        "export", "--status", "fulfilled", "--status", "unfulfilled", "--out", str(out)
    )
    assert result.code == 0, result.err
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6
    assert {r["status"] for r in rows} == {"fulfilled", "unfulfilled"}
    assert json.loads(rows[0]["evidence"])[1]["url"] == "https://news.example/blinken-arrives"
    assert "wrote 6 claims" in result.err


def test_since_keeps_claims_made_on_or_after_the_date(engine: Engine, run_cli) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    with write_session(engine) as s:
        make_claim(s, make_article(s, "Later", 3), claim="a later claim")
    with write_session(engine) as s:
        from forecasts.models import Article

        later = s.get(Article, 3)
        assert later is not None
        later.reference_date = later.reference_date.replace(year=2024)
    result = run_cli("export", "--format", "json", "--since", "2024-01-01")
    assert [r["claim"] for r in json.loads(result.out)] == ["a later claim"]


def test_bad_since_is_one_clear_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", "--since", "last week")
    assert result.code == 2
    assert "--since: 'last week' is not a date" in result.err


def test_spreadsheet_formulas_in_article_text_stay_text(engine: Engine) -> None:
    """A claim text starting with '=' is prefixed with an apostrophe (CSV injection)."""
    with write_session(engine) as s:
        make_claim(s, make_article(s, "X", 1), claim='=HYPERLINK("http://evil")')
    buf = io.StringIO()
    assert write_csv(iter_claims(engine), buf) == 1
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["claim"].startswith("'=")


def test_export_streams_in_chunks(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Evidence is attached per chunk, so exports stay in constant memory."""
    import forecasts.store.claim_export as export

    monkeypatch.setattr(export, "CHUNK", 3)
    small_db(engine)
    rows = list(iter_claims(engine))
    assert [r["id"] for r in rows] == list(range(1, 11))
    assert len(rows[0]["evidence"]) == 2
