"""The HTML report in a real browser: headless Chromium renders the figures and charts.

Skipped only where no Chromium is installed and not under CI (CI=... set): .ci/run
installs the Debian package `chromium` when missing, so there it must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHART_BLUE = (0x1F, 0x5F, 0xA8)  # the first series' colour in bkind/render/formats/charts.py


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is required under CI (.ci/run installs it)")
    pytest.skip("no chromium binary on PATH (install the Debian package 'chromium')")


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from typer.testing import CliRunner

    from bkind.cli import app

    binary = chromium()
    tmp = tmp_path_factory.mktemp("browser")
    page = tmp / "r.html"
    env = {"BKIND_WORKSPACE": "", "BKIND_LANG": "en", "LC_ALL": "", "LANG": ""}
    cwd = os.getcwd()
    os.chdir(tmp)  # no targets.yaml here: the embedded workspace is used
    try:
        result = CliRunner().invoke(app, ["report", "--month", "2025-03", "--format", "html",
                                          "--output", str(page)], env=env)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    url = page.as_uri()
    dom = run_chromium(binary, tmp / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = tmp / "r.png"
    screenshot = run_chromium(binary, tmp / "profile-shot", "--window-size=1000,2200",
                              f"--screenshot={shot}", url)
    assert screenshot.returncode == 0 and shot.is_file(), screenshot.stderr[-2000:]
    return {"dom": dom.stdout, "png": shot}


def test_dom_holds_the_figures_and_sources(rendered):
    dom = str(rendered["dom"])
    assert "<td class=\"r\">602<br>est.<br>month 3 alone: 190</td>" in dom
    assert "26.46%<br>published" in dom
    assert "+28.12%" in dom
    assert "Industrial gross output, year to date 3/2025: 602 bn VND" in dom
    assert "baobackan.vn (bài post70526); Cổng thông tin điện tử tỉnh Bắc Kạn" in dom


def test_dom_holds_the_charts(rendered):
    dom = str(rendered["dom"])
    # the year to date, and the five targets with figures (budget revenue has none)
    assert dom.count('<svg xmlns="http://www.w3.org/2000/svg"') == 6
    assert dom.count('role="img" aria-label="') == 6
    assert ">State budget revenue from industry growing 10%/yr on average, 2021-2025: no " \
        "figures to draw" in dom
    assert "<figcaption>Figure 1. Industrial gross output" in dom  # one number, no [n]
    # the plan implied by the published share: the cumulative against its even path
    assert "Industrial gross output: year to date 2025 against the plan path" in dom
    assert "2025 year to date" in dom and "Plan 2025, even pace" in dom
    assert "<script" not in dom


def test_screenshot_is_not_blank(rendered):
    from PIL import Image

    with Image.open(str(rendered["png"])) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        data = rgb.tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    assert (width, height) == (1000, 2200)  # the Sở's sections open the page
    ink = sum(1 for p in pixels if sum(p) < 600)
    assert ink > 0.01 * len(pixels), f"only {ink} non-white pixels"
    blue = sum(1 for p in pixels if all(abs(a - b) < 40 for a, b in zip(p, CHART_BLUE,
                                                                          strict=True)))
    assert blue > 200, f"the chart's line is not drawn ({blue} pixels of its colour)"
