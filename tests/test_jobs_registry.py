"""Job names match their modules: a job lives in jobs/NAME.py, or beside the job its module is
named after (`search` in poll.py, `refresh` in report.py); no module is named after nothing."""

from __future__ import annotations

from pathlib import Path

import forecasts.jobs
from forecasts.config import DaemonSettings
from forecasts.jobs.registry import BY_NAME, JOBS

JOBS_DIR = Path(forecasts.jobs.__file__).parent


def _module(spec_name: str) -> str:
    return BY_NAME[spec_name].function.__module__.removeprefix("forecasts.jobs.")


def test_every_job_module_is_named_after_one_of_its_jobs() -> None:
    """The module holding a job's function is called after a job (no `extract_items`, no
    `monthly` holding the `report` job)."""
    for spec in JOBS:
        assert spec.function.__module__.startswith("forecasts.jobs."), spec.name
        assert _module(spec.name) in BY_NAME, f"{spec.name} lives in {_module(spec.name)}.py"


def test_a_job_with_a_module_of_its_name_lives_there() -> None:
    """When jobs/NAME.py exists, the job NAME is defined in it, not elsewhere."""
    for spec in JOBS:
        if (JOBS_DIR / f"{spec.name}.py").exists():
            assert _module(spec.name) == spec.name, f"{spec.name} lives in {_module(spec.name)}.py"


def test_the_renamed_modules_are_gone() -> None:
    """extract_items.py became extract.py; monthly.py was merged into report.py."""
    assert not (JOBS_DIR / "extract_items.py").exists()
    assert not (JOBS_DIR / "monthly.py").exists()


def test_interval_settings_exist() -> None:
    """Each job on an interval names a daemon setting (config keys unchanged by the renames)."""
    for spec in JOBS:
        if spec.interval_setting is not None:
            assert spec.interval_setting in DaemonSettings.model_fields, spec.name
