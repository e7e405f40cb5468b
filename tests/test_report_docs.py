"""docs/reports.md keeps up with the code: every option and every [reports] setting is there."""

from __future__ import annotations

import click

from forecasts.cli.report import export_cmd, report_cmd
from forecasts.config import ReportSettings
from tests.conftest import REPO

DOC = (REPO / "docs" / "reports.md").read_text(encoding="utf-8")


def test_every_option_of_report_and_export_is_documented() -> None:
    for command in (report_cmd, export_cmd):
        assert f"forecasts {command.name}" in DOC
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    assert f"`{opt}`" in DOC, f"{command.name} {opt} is not in docs/reports.md"


def test_every_reports_setting_is_documented() -> None:
    for key in ReportSettings.model_fields:
        assert f"`{key}`" in DOC, f"reports.{key} is not in docs/reports.md"
