"""The sentence in its article (pure), and the web stack staying out of the other commands."""

from __future__ import annotations

import subprocess
import sys

from forecasts.web.context import in_context
from tests.conftest import REPO

TEXT = "First sentence here. Blinken will visit Beijing. Last words of the piece."


def test_the_sentence_comes_with_the_text_around_it() -> None:
    """'Blinken will visit Beijing.' with what precedes and follows it."""
    found = in_context(TEXT, "Blinken will visit Beijing.")
    assert found is not None
    assert (found.before, found.sentence, found.after) == (
        "First sentence here. ",
        "Blinken will visit Beijing.",
        " Last words of the piece.",
    )


def test_long_context_is_cut_at_word_boundaries() -> None:
    """Past the radius the text is cut at a space and marked with an ellipsis."""
    found = in_context(TEXT, "Blinken will visit Beijing.", radius=12)
    assert found is not None
    assert found.before == "…here. " and found.after == " Last words…"


def test_a_sentence_not_in_the_text_has_no_context() -> None:
    """An article whose text no longer holds the sentence (or no sentence): None."""
    assert in_context(TEXT, "Xi will attend.") is None
    assert in_context(TEXT, "") is None


def test_other_commands_do_not_load_the_web_stack() -> None:
    """Importing the CLI loads neither starlette, jinja2 nor uvicorn (serve imports them lazily)."""
    code = (
        "import sys, forecasts.cli; "
        "print(sorted(m for m in ('starlette', 'jinja2', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
