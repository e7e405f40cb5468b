"""Months at the ends of the calendar get a clear refusal naming the month asked for (issue 17, item 8)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine


@pytest.mark.parametrize("month", ["9999-12", "0001-01"])
def test_a_month_at_the_end_of_the_calendar_is_one_clear_error(
    run_cli, engine: Engine, month: str
) -> None:  # type: ignore[no-untyped-def]
    """`report --month 9999-12` names 9999-12 (not 10000-01) in one line, exit 2."""
    result = run_cli("report", "--month", month)
    assert result.code == 2, result.err
    assert f"'{month}'" in result.err and "10000" not in result.err
    assert len(result.err.strip().splitlines()) == 1
