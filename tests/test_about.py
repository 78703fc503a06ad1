"""Approximate targets (`about:`, SPEC "Approximate targets")."""

from __future__ import annotations

import json

import pytest

from bkind.core.formulas import default_within, meets
from bkind.core.series import Series
from bkind.core.targets import target_type
from bkind.model import Metric, Resolution, Target, Text, Vintage, Workspace, YearActuals


def evaluate_level(target, values, baseline, as_of):
    """The level target evaluated on a one-metric workspace (a share `m`)."""
    years = {y: YearActuals(y, f"{y}.yaml", values={"m": (Vintage(v),)})
             for y, v in values.items()}
    ws = Workspace("ws", Resolution("R", Text(en="R"), None, baseline),
                   {"m": Metric("m", Text(en="m"), "share", "current")}, (target,), years)
    outcome = target_type(target).evaluate(target, Series(ws, as_of))
    return {"gap": outcome.gap, "progress_ratio": outcome.progress_ratio,
            "status": outcome.status}

ABOUT_TARGETS = """\
resolution:
  id: ABOUT-1
  title: {en: "About", vi: "Khoảng"}
  baseline_year: 2020
metrics:
  manuf_share:
    name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến, chế tạo"}
    kind: share
    prices: current
  output:
    name: {en: "Output", vi: "Giá trị sản xuất"}
    kind: level
    unit: bn VND
    prices: current
targets:
  - id: manuf-2030
    type: level
    metric: manuf_share
    year: 2030
    about: 47%
  - id: manuf-2030-wide
    type: level
    metric: manuf_share
    year: 2030
    about: 47%
    within: 2%
  - id: output-2030
    type: level
    metric: output
    year: 2030
    about: 1000
  - id: output-2030-pct
    type: level
    metric: output
    year: 2030
    about: 1000
    within: 5%
  - id: output-2030-abs
    type: level
    metric: output
    year: 2030
    about: 1000
    within: 30
"""


def test_about_is_met_within_the_tolerance_both_ends_included():
    assert meets(0.47, "about", 0.47, 0.01)
    assert meets(0.46, "about", 0.47, 0.01) and meets(0.48, "about", 0.47, 0.01)
    assert not meets(0.4599, "about", 0.47, 0.01)
    assert not meets(0.4801, "about", 0.47, 0.01)
    with pytest.raises(ValueError):
        meets(0.47, "about", 0.47)


def test_default_tolerance_is_one_point_for_rates_two_percent_for_levels():
    assert default_within(0.47, rate=True) == 0.01
    assert default_within(1000.0, rate=False) == pytest.approx(20.0)


def _level(value, within, year=2030):
    return Target(id="t", name=Text(en="t"), type="level", comparator="about", value=value,
                  metric="m", year=year, within=within)


def test_gap_and_progress_are_against_the_target():
    r = evaluate_level(_level(0.47, 0.01), {2020: 0.30, 2025: 0.40}, 2020, 2025)
    assert r["gap"] == pytest.approx(0.40 - 0.47)
    observed = (0.40 / 0.30) ** (1 / 5) - 1
    needed = (0.47 / 0.30) ** (1 / 10) - 1
    assert r["progress_ratio"] == pytest.approx(observed / needed)
    assert r["status"] == "on_track"  # ratio > 0.95: faster than needed


def test_at_the_deadline_about_decides_achieved_or_missed():
    assert evaluate_level(_level(0.47, 0.01), {2020: 0.3, 2030: 0.465}, 2020, 2030)[
        "status"] == "achieved"
    assert evaluate_level(_level(0.47, 0.01), {2020: 0.3, 2030: 0.50}, 2020, 2030)[
        "status"] == "missed"  # overshooting an approximate target misses it too


def test_the_loader_resolves_within(workspace):
    from bkind.io.load import load_workspace

    ws = load_workspace(workspace(ABOUT_TARGETS))
    got = {t.id: (t.comparator, t.value, t.within) for t in ws.targets}
    assert got["manuf-2030"] == ("about", 0.47, 0.01)
    assert got["manuf-2030-wide"] == ("about", 0.47, 0.02)
    assert got["output-2030"][2] == pytest.approx(20.0)
    assert got["output-2030-pct"][2] == pytest.approx(50.0)
    assert got["output-2030-abs"][2] == pytest.approx(30.0)


@pytest.mark.parametrize(("extra", "message"), [
    ("    above: 40%\n    within: 2%\n",
     "target 'bad': within: only an `about` target takes a tolerance"),
    ("    about: 47%\n    within: 2\n", "target 'bad': within: bare number 2 where a percent "
                                        "is required: write 2%"),
    ("    about: 47%\n    within: -1%\n",
     "target 'bad': within: the tolerance cannot be negative, got -1%"),
])
def test_bad_within_is_refused_with_its_line(cli, workspace, extra, message):
    targets = ABOUT_TARGETS + ("  - id: bad\n    type: level\n    metric: manuf_share\n"
                               "    year: 2030\n" + extra)
    root = workspace(targets)
    result = cli("status", "-w", str(root))
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[0]
    assert line.endswith(message), line
    assert line.startswith(f"{root}/targets.yaml:")


def test_status_json_and_table_show_about(cli, workspace):
    root = workspace(ABOUT_TARGETS, {
        2020: "year: 2020\nvalues:\n  manuf_share: {value: 40%, source: s}\n",
        2024: "year: 2024\nvalues:\n  manuf_share: {value: 46.5%, source: s}\n"})
    data = json.loads(cli("status", "-w", str(root), "-f", "json").stdout)
    manuf = data["targets"][0]
    assert manuf["comparator"] == "about"
    assert manuf["target"] == 0.47 and manuf["within"] == 0.01
    assert manuf["gap"] == pytest.approx(-0.005)
    assert manuf["status"] == "achieved"  # already within 1 point before the deadline
    assert data["targets"][2]["within"] == pytest.approx(20.0)
    en = cli("status", "-w", str(root), "-f", "md", "--lang", "en").stdout
    assert "≈ 47% (± 1 pp)" in en
    vi = cli("status", "-w", str(root), "-f", "md", "--lang", "vi").stdout
    assert "khoảng 47% (± 1 điểm %)" in vi
