"""The wheel: one top-level package, `forecasts`, with the repository's `jobs/` inside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (no stale build/ folder can leak into it)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("forecasts", "jobs"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    out = work / "dist"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--no-index",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("forecasts-*.whl")
    return built


@pytest.mark.slow
def test_wheel_has_one_top_level_package(wheel: Path) -> None:
    """Every file of the wheel lives under forecasts/ (or its metadata); jobs/ is forecasts/jobs/."""
    names = zipfile.ZipFile(wheel).namelist()
    tops = {
        name.split("/", 1)[0] for name in names if not name.split("/", 1)[0].endswith(".dist-info")
    }
    assert tops == {"forecasts"}
    top_level = next(name for name in names if name.endswith(".dist-info/top_level.txt"))
    assert zipfile.ZipFile(wheel).read(top_level).decode().split() == ["forecasts"]
    jobs = {Path(name).name for name in names if name.startswith("forecasts/jobs/")}
    assert jobs == {path.name for path in (ROOT / "jobs").glob("*.py")}
    # Every package of the source tree is in the wheel (the package list is written by hand).
    for init in (ROOT / "forecasts").rglob("__init__.py"):
        assert init.relative_to(ROOT).as_posix() in names
    assert any(name.startswith("forecasts/migrations/versions/") for name in names)


@pytest.mark.slow
def test_jobs_import_from_the_installed_package(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, `forecasts.jobs` imports from site-packages, not the checkout."""
    target = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    # -S: no site module, so the editable install's path hook is not loaded; the dependencies
    # come from this environment's site-packages, forecasts only from the installed wheel.
    deps = sysconfig.get_paths()["purelib"]
    code = (
        "import forecasts.jobs.registry as r, forecasts\n"
        "print(r.__file__); print(forecasts.__file__)\n"
        "import importlib.util; print(importlib.util.find_spec('jobs'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-S", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PYTHONPATH": f"{target}:{deps}", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    registry, package, jobs = run.stdout.split("\n")[:3]
    assert Path(registry) == target / "forecasts" / "jobs" / "registry.py"
    assert Path(package) == target / "forecasts" / "__init__.py"
    assert jobs == "None"  # no top-level `jobs` package was installed
