"""Shared fixtures: small workspaces written to tmp_path, and the CLI run in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bkind.cli import app

REPO = Path(__file__).resolve().parent.parent


def docs_text() -> str:
    """README.md and every page under docs/, as one text: the documentation a test checks
    against real output, wherever a section lives."""
    pages = [REPO / "README.md", *sorted(page for page in (REPO / "docs").rglob("*.md")
                                         if page.name != "cli-reference.md")]  # generated
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)

MINIMAL_TARGETS = """\
resolution:
  id: TEST-1
  title: {en: "Test resolution", vi: "Nghị quyết thử"}
  issued: 2021-08-12
  baseline_year: 2020
metrics:
  va_growth:
    name: {en: "VA growth", vi: "Tăng trưởng GTTT"}
    kind: growth
    prices: constant-2010
  va:
    name: {en: "Value added", vi: "Giá trị tăng thêm"}
    kind: level
    unit: bn VND
    prices: constant-2010
  grdp:
    name: {en: "GRDP", vi: "GRDP"}
    kind: level
    unit: bn VND
    prices: constant-2010
  share:
    name: {en: "Share", vi: "Tỷ trọng"}
    kind: share
    prices: constant-2010
    of: {numerator: va, denominator: grdp}
targets:
  - id: growth
    type: average_growth
    metric: va_growth
    period: [2021, 2025]
    above: 13%
  - id: share-2025
    type: level
    metric: share
    year: 2025
    between: [8%, 10%]
"""


def write_workspace(root: Path, targets: str, actuals: dict[int, str]) -> Path:
    """Write targets.yaml and actuals/YYYY.yaml (texts are dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "targets.yaml").write_text(textwrap.dedent(targets), encoding="utf-8")
    (root / "actuals").mkdir(exist_ok=True)
    for year, text in actuals.items():
        (root / "actuals" / f"{year}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def workspace(tmp_path: Path) -> Callable[..., Path]:
    def make(targets: str = MINIMAL_TARGETS, actuals: dict[int, str] | None = None,
             name: str = "ws") -> Path:
        return write_workspace(tmp_path / name, targets, actuals or {})

    return make


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch,
        tmp_path_factory: pytest.TempPathFactory) -> Callable[..., object]:
    """Run `bkind ARGS` in-process; returns the click Result (stdout, stderr, exit_code)."""
    for var in ("BKIND_WORKSPACE", "BKIND_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR",
                "BKIND_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)
    # a cache of the test's own, so tests never read or write the user's
    monkeypatch.setenv("BKIND_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))

    def run(*args: str, env: dict[str, str] | None = None) -> object:
        runner = CliRunner()
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return run
