"""Likely thousands-separator slips: the pure rule, and the same refusal in status,
validate and ingest."""

from __future__ import annotations

import pytest

from bkind.core.slips import Candidate, Neighbour, check_series, likely_intended
from bkind.io.slip_problems import message

SERIES = {2021: 7740.0, 2022: 8297.0, 2023: 8.84, 2024: 9531.0}


def test_a_value_far_below_both_neighbours_is_a_slip():
    slips = check_series(SERIES, [Candidate("grdp", 2023, 8.84)])
    assert len(slips) == 1
    assert slips[0].neighbours == (Neighbour(2022, None, 8297.0), Neighbour(2024, None, 9531.0))
    assert slips[0].likely == pytest.approx(8840)
    text = str(message(slips[0], {}))
    assert "8.84" in text and "8297 (2022), 9531 (2024)" in text and "8840" in text


def test_far_above_is_a_slip_too_and_the_likely_number_is_divided():
    slips = check_series({2022: 8.297, 2023: 8840.0, 2024: 9.531},
                         [Candidate("grdp", 2023, 8840.0)])
    assert slips[0].likely == pytest.approx(8.84)


def test_the_only_neighbour_is_enough():
    assert check_series({2023: 8840.0, 2024: 9.531}, [Candidate("grdp", 2024, 9.531)])
    # of two years that only have each other, the later one is refused
    both = [Candidate("grdp", 2022, 7740.0), Candidate("grdp", 2023, 8.84)]
    assert [s.candidate.year for s in check_series({2022: 7740.0, 2023: 8.84}, both)] == [2023]


def test_the_year_after_a_slip_is_not_one():
    candidates = [Candidate("grdp", y, v) for y, v in SERIES.items()]
    assert [s.candidate.year for s in check_series(SERIES, candidates)] == [2023]


def test_ten_times_away_or_between_is_not_a_slip():
    assert check_series({2022: 800.0, 2023: 80.0, 2024: 900.0},
                        [Candidate("x", 2023, 80.0)]) == []
    # smaller than one neighbour, larger than the other: a break, not a slip
    assert check_series({2022: 1.0, 2023: 500.0, 2024: 90000.0},
                        [Candidate("x", 2023, 500.0)]) == []


def test_confirmed_values_are_accepted_and_their_neighbours_judged_by_them():
    assert check_series(SERIES, [Candidate("grdp", 2023, 8.84, confirmed=True)]) == []
    assert check_series({2023: 8.84, 2024: 9531.0}, [Candidate("grdp", 2024, 9531.0)],
                        confirmed={2023}) == []


def test_likely_intended_moves_by_powers_of_a_thousand():
    assert likely_intended(1.285558, [1229.0]) == pytest.approx(1285.558)
    assert likely_intended(6.2, [7000.0, 8000.0]) == pytest.approx(6200)


SLIP_2023 = """\
year: 2023
values:
  grdp:
    value: 8.840
    source: "typed from the press release"
"""
ACTUALS = {
    2022: "year: 2022\nvalues:\n  grdp: {value: 8297, source: s}\n",
    2024: "year: 2024\nvalues:\n  grdp: {value: 9531, source: s}\n",
}


@pytest.mark.parametrize("command", ["status", "validate", "report"])
def test_status_validate_and_report_refuse_the_slip(workspace, cli, command):
    root = workspace(actuals={**ACTUALS, 2023: SLIP_2023})
    result = cli(command, "--workspace", str(root))
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"{root}/actuals/2023.yaml:3: grdp 2023: 8.84 is 100 times or more "
                           "smaller than 8297 (2022), 9531 (2024)")
    assert "Likely meant: 8840." in line and "confirmed: true" in line


def test_the_slip_in_vietnamese(workspace, cli):
    root = workspace(actuals={**ACTUALS, 2023: SLIP_2023})
    result = cli("validate", "--workspace", str(root), "--lang", "vi")
    assert result.exit_code == 2
    # the metric's Vietnamese name, and numbers as a Vietnamese reader reads them
    assert result.stderr.strip().splitlines()[-1].endswith(
        "/actuals/2023.yaml:3: GRDP năm 2023: 8,84 nhỏ hơn từ 100 lần trở lên so với "
        "8.297 (2022), 9.531 (2024): có phải dấu phân cách hàng nghìn bị đọc thành dấu thập "
        "phân? Có thể là: 8.840. Nếu số này đúng, hãy ghi dạng `{value: ..., confirmed: "
        "true}`.")


def test_confirmed_true_accepts_it(workspace, cli):
    root = workspace(actuals={**ACTUALS, 2023: SLIP_2023 + "    confirmed: true\n"})
    assert cli("validate", "--workspace", str(root)).exit_code == 0
    assert cli("status", "--workspace", str(root)).exit_code == 0
