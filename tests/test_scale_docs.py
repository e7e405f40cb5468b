"""docs/scaling.md stays honest: every [scale] setting, every `db copy` option, the unit file."""

from __future__ import annotations

from pathlib import Path

from forecasts.cli.db_cmd import copy_cmd
from forecasts.config import ScaleSettings

REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")


def test_every_scale_setting_is_documented() -> None:
    for key in ScaleSettings.model_fields:
        assert f"`{key}`" in DOC, key


def test_every_db_copy_option_is_documented() -> None:
    for param in copy_cmd.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in DOC, opt


def test_the_template_unit_runs_the_daemon_per_instance() -> None:
    unit = (REPO / "deploy" / "forecasts@.service").read_text(encoding="utf-8")
    assert "ExecStart=" in unit and " daemon" in unit and "%i" in unit
    assert "forecasts@.service" in DOC
