"""Reference dates: --published wins, then consistent metadata, then the text itself."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.articles.load import load_file
from forecasts.articles.refdate import Candidate, header_date, infer_reference_date
from forecasts.config import Settings

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds/articles/2023-06-18-japan-times-blinken-beijing-visit.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_seed_with_its_sidecar_is_dated_2023_06_18_and_the_header_is_set_aside() -> None:
    """The sidecar date wins; the page-save header is named as contradicting the text."""
    article = load_file(SEED, Settings())
    assert article.reference_date == date(2023, 6, 18)
    assert article.reference_date_basis.startswith("sidecar")
    assert "header 2024-07-18 contradicts future references to 2023-11" in (
        article.reference_date_basis
    )


def test_seed_without_sidecar_falls_back_to_the_date_in_its_file_name(tmp_path: Path) -> None:
    """With no sidecar the dated file name is the consistent metadata; the header is not."""
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    article = load_file(copy, Settings())
    assert article.reference_date == date(2023, 6, 18)
    assert article.reference_date_basis.startswith("filename")
    assert "header 2024-07-18 contradicts" in article.reference_date_basis


def test_seed_with_no_metadata_at_all_is_never_dated_by_its_page_save_header(
    tmp_path: Path,
) -> None:
    """Text only: the estimate lies before the November 2023 meeting, on the Sunday it names."""
    copy = tmp_path / "saved-page.txt"
    shutil.copy(SEED, copy)
    article = load_file(copy, Settings())
    assert article.reference_date is not None
    assert date(2023, 1, 1) <= article.reference_date < date(2023, 11, 1)
    assert article.reference_date.weekday() == 6  # Sunday, as the lead says
    assert article.reference_date_basis.startswith("text: header 2024-07-18 contradicts")


def test_published_option_beats_everything() -> None:
    got = infer_reference_date(
        SEED_TEXT, [Candidate(date(2023, 6, 18), "sidecar")], published=date(2023, 6, 19)
    )
    assert (got.day, got.basis) == (date(2023, 6, 19), "--published")


def test_the_first_consistent_candidate_wins_and_disagreement_is_reported() -> None:
    """Sidecar before feed; a consistent but different feed date is named in the basis."""
    got = infer_reference_date(
        SEED_TEXT,
        [Candidate(date(2023, 6, 18), "sidecar"), Candidate(date(2023, 6, 17), "feed")],
    )
    assert got.day == date(2023, 6, 18)
    assert "feed says 2023-06-17" in got.basis


def test_metadata_after_a_future_reference_is_rejected() -> None:
    text = (
        "The summit, scheduled for September 2024, will bring together leaders of 20 nations. "
        "Organisers said on Monday that preparations were on track."
    )
    got = infer_reference_date(
        text, [Candidate(date(2025, 1, 6), "html-meta"), Candidate(date(2024, 5, 6), "url")]
    )
    assert got.day == date(2024, 5, 6)
    assert got.basis.startswith("url")
    assert "html-meta 2025-01-06 contradicts future references to 2024-09" in got.basis


def test_metadata_before_an_event_reported_as_past_is_rejected() -> None:
    text = (
        "The treaty was signed on March 3, 2024 in Geneva. Parliament is expected to ratify "
        "it later this year, diplomats said on Friday."
    )
    got = infer_reference_date(text, [Candidate(date(2024, 1, 2), "feed")])
    assert got.day == date(2024, 3, 3)
    assert "feed 2024-01-02 comes before events the text reports as past (2024-03-03)" in (
        got.basis
    )


def test_a_date_line_at_the_top_is_the_header_candidate() -> None:
    day, span = header_date("Published: 2024-05-02\n\nOrbital startup sets a date\n")
    assert day == date(2024, 5, 2) and span == (0, 21)


def test_a_date_deep_in_the_text_is_not_a_header() -> None:
    text = "\n".join(f"Paragraph {n} of a long story about trade." for n in range(8))
    assert header_date(text + "\nJune 1, 2020")[0] is None


def test_text_with_no_date_at_all_has_no_reference_date() -> None:
    got = infer_reference_date("Diplomacy is an imperative, not a favor.", [])
    assert got.day is None and got.basis == "no date found"


def test_saved_page_with_a_dated_lead_takes_the_lead_date() -> None:
    """A page-save header contradicted by the text gives way to the latest date the text gives."""
    article = load_file(REPO / "tests/data/articles/ecb-saved-page.txt", Settings())
    assert article.reference_date == date(2024, 4, 11)
    assert "header 2025-03-03 contradicts future references to 2024-06" in (
        article.reference_date_basis
    )


def test_a_bare_year_does_not_overrule_metadata() -> None:
    """ "The 2023 election will be remembered..." says nothing precise enough to reject a date."""
    text = "The 2023 election will be remembered as a turning point, analysts said on Tuesday."
    got = infer_reference_date(text, [Candidate(date(2024, 3, 19), "html-meta")])
    assert got.day == date(2024, 3, 19) and got.basis.startswith("html-meta")


def test_the_nearest_cue_decides_the_tense() -> None:
    """Sales "were" strong in March 2024 (past) although a later clause says "will"."""
    text = "Sales in March 2024 were strong, and the company will report results in May."
    got = infer_reference_date(text, [Candidate(date(2024, 2, 1), "feed")])
    assert "comes before events the text reports as past (2024-03)" in got.basis


@settings(max_examples=200, deadline=None)
@given(
    event=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 1)),
    header=st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31)),
)
def test_a_header_date_is_kept_exactly_when_it_precedes_the_month_looked_forward_to(
    event: date, header: date
) -> None:
    """Property: the reference date never lies after a month the text looks forward to."""
    month = event.strftime("%B %Y")
    text = (
        f"{header.strftime('%A, %B %d, %Y').replace(' 0', ' ')}\n\n"
        f"Ministers met on Monday and said the summit in {month}, which leaders are "
        "expected to attend, could produce a deal on trade and climate finance."
    )
    got = infer_reference_date(text, [])
    end_of_month = (event.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert got.day is not None and got.day <= end_of_month
    if header <= end_of_month:
        assert (got.day, got.basis.split(" ")[0]) == (header, "header")
    else:
        assert "contradicts future references to " + event.strftime("%Y-%m") in got.basis


def test_an_undated_article_speaks_from_the_day_it_is_read() -> None:
    text = "The city council will vote on the new tram line, the mayor said on Monday."
    got = infer_reference_date(text, [Candidate(date(2024, 5, 6), "ingest date")])
    assert (got.day, got.basis) == (date(2024, 5, 6), "ingest date (a Monday, as the text says)")


def test_the_ingest_date_gives_way_to_metadata_and_to_the_text() -> None:
    """Today is a last resort: it loses to any metadata, and to a text that shows it is older."""
    today = Candidate(date(2026, 11, 29), "ingest date")
    got = infer_reference_date(SEED_TEXT, [today, Candidate(date(2023, 6, 18), "filename")])
    assert got.day == date(2023, 6, 18) and "ingest date" not in got.basis
    got = infer_reference_date(SEED_TEXT.split("\n", 1)[1], [today])
    assert got.day is not None and got.day < date(2023, 11, 1)


def test_the_consistency_check_keeps_the_true_date_of_labelled_passages() -> None:
    """Across the labelled extraction corpus, a correct feed date is (almost) never rejected."""
    import json

    passages = [
        json.loads(line)
        for path in sorted((REPO / "tests/corpus/extraction").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(passages) >= 40
    rejected = [
        p["id"]
        for p in passages
        if infer_reference_date(
            p["text"], [Candidate(date.fromisoformat(p["reference_date"]), "feed")]
        ).day
        != date.fromisoformat(p["reference_date"])
    ]
    assert len(rejected) <= 0.02 * len(passages), rejected
