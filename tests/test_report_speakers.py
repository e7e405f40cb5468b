"""Speakers are real names: variants of one speaker are one track record, generic sources none
(forecasts.reports.speakers)."""

from __future__ import annotations

import pytest

from forecasts.reports.speakers import canonical_speakers


@pytest.mark.parametrize(
    "variants",
    [
        ("U.S. Treasury", "Treasury Department", "the Treasury"),
        ("Treasury Secretary Janet Yellen", "Janet Yellen", "Yellen"),
        ("Bank of England Governor Andrew Bailey", "Andrew Bailey"),
        ("the Kremlin", "a Kremlin spokesman"),
        ("the State Department", "State Department", "Department of State"),
    ],
)
def test_variants_of_one_speaker_are_one_name(variants: tuple[str, ...]) -> None:
    """Determiners, titles, "Department", a spokesman and a lone surname do not split a record."""
    names = canonical_speakers(variants)
    assert len(set(names.values())) == 1, names
    assert None not in names.values()


@pytest.mark.parametrize(
    "generic",
    [
        "officials",
        "U.S. officials",
        "a senior U.S. official",
        "people familiar with the matter",
        "two people familiar with the arrangements",
        "analysts",
        "economists polled by Reuters",
        "Russian state media",
        "the article",
        "",
    ],
)
def test_generic_sources_are_nobody_in_particular(generic: str) -> None:
    """Generic sources: "officials" or "people familiar with the matter" get no track record."""
    assert canonical_speakers([generic])[generic] is None


def test_a_name_without_a_country_joins_only_an_unambiguous_one() -> None:
    """A name without a country ("Foreign Ministry") joins China's when only China's occurs, not when India's does too."""
    alone = canonical_speakers(["China's Foreign Ministry", "Foreign Ministry"])
    assert alone["Foreign Ministry"] == alone["China's Foreign Ministry"]
    both = canonical_speakers(
        ["China's Foreign Ministry", "India's Foreign Ministry", "Foreign Ministry"]
    )
    assert both["China's Foreign Ministry"] != both["India's Foreign Ministry"]
    assert both["Foreign Ministry"] not in {
        both["China's Foreign Ministry"],
        both["India's Foreign Ministry"],
    }


def test_the_most_frequent_spelling_names_the_group() -> None:
    """The record goes under the spelling used most often."""
    names = canonical_speakers(
        ["Treasury Department", "U.S. Treasury"], {"Treasury Department": 1, "U.S. Treasury": 5}
    )
    assert set(names.values()) == {"U.S. Treasury"}
