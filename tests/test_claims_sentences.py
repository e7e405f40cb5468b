"""Sentence splitting: abbreviations, initials, quotes and paragraphs."""

from __future__ import annotations

from forecasts.claims.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    """'U.S.', 'Jan.', 'Mr.' and initials inside a sentence do not split it."""
    text = (
        "U.S. Secretary Antony Blinken met Mr. Qin on Jan. 5 in Beijing. M. Taylor Fravel said so."
    )
    assert texts(text) == [
        "U.S. Secretary Antony Blinken met Mr. Qin on Jan. 5 in Beijing.",
        "M. Taylor Fravel said so.",
    ]


def test_acronym_at_the_end_of_a_sentence() -> None:
    """'... flying over the U.S. The balloon ...' is two sentences."""
    assert len(texts("A balloon had been flying over the U.S. The incident raised tensions.")) == 2


def test_closing_quotes_stay_with_their_sentence() -> None:
    """A quotation's closing mark belongs to the sentence it ends."""
    text = "“It was embarrassing,” he said. “We will meet again.” Officials agreed."
    assert texts(text) == [
        "“It was embarrassing,” he said.",
        "“We will meet again.”",
        "Officials agreed.",
    ]


def test_paragraphs_never_share_a_sentence() -> None:
    """A line break ends a sentence even without punctuation (headlines)."""
    got = split_sentences("Headline Without Stop\nBody sentence one. Body two.")
    assert [s.text for s in got] == ["Headline Without Stop", "Body sentence one.", "Body two."]
    assert [s.paragraph for s in got] == [0, 1, 1]


def test_questions_and_exclamations_split() -> None:
    """'?' and '!' end sentences."""
    assert len(texts("Will the Fed cut? Nobody knows! Markets wait.")) == 3


def test_a_hard_wrapped_line_continues_its_sentence() -> None:
    """'... close in 2011, or in the\\nfirst quarter of 2012': one sentence; a line that ends a
    sentence or a bullet line still starts a new paragraph."""
    text = (
        "High Liner expects the deal to close in 2011, or in the\n"
        "first quarter of 2012, and will finance it.\n"
        "next line after a full stop.\n"
        "- bullet one\n"
        "- bullet two"
    )
    found = split_sentences(text)
    assert [s.paragraph for s in found] == [0, 1, 2, 3]
    assert found[0].text.endswith("first quarter of 2012, and will finance it.")
