"""bkind report: year-to-date figures against the annual plan (plan: and ytd: sections)."""

from __future__ import annotations

import json
import re

import fixtures as F
import pytest

from bkind.core import ytd as monthly
from bkind.io.load import load_workspace

from conftest import MINIMAL_TARGETS

TARGETS = MINIMAL_TARGETS.replace("\ntargets:\n", """
  output:
    name: {en: "Gross output", vi: "Giá trị sản xuất"}
    kind: level
    unit: bn VND
    prices: constant-2010
  iip:
    name: {en: "IIP", vi: "Chỉ số IIP"}
    kind: growth
    prices: none
targets:
""")

# SPEC's example: plan 2000, 602 by March.
Y2025 = """\
year: 2025
plan:
  output: {value: 2000, source: "plan decision"}
ytd:
  1:
    output: {value: 190, source: "report 1"}
  2:
    output: {value: 402, month_value: 212, source: "report 2"}
  3:
    output: {value: 602, month_value: 200, yoy: 28.12%, source: "report 3"}
    iip: 22.2%
"""
Y2024 = """\
year: 2024
values:
  va_growth: 11%
ytd:
  3:
    output: {value: 470, source: "report 2024-3"}
"""


def report_json(cli, root, *args):
    result = cli("report", "--workspace", str(root), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def metric(data, metric_id):
    return next(m for m in data["metrics"] if m["id"] == metric_id)


# ------------------------------------------------------------------------- loading


def test_plan_and_ytd_are_loaded(workspace):
    ws = load_workspace(workspace(TARGETS, {2024: Y2024, 2025: Y2025}))
    year = ws.years[2025]
    assert year.plan["output"][0].value == 2000
    assert year.plan["output"][0].source == "plan decision"
    fig = year.ytd[3]["output"]
    assert (fig.value, fig.month_value, fig.yoy, fig.source) == (602, 200, 0.2812, "report 3")
    assert year.ytd[3]["iip"].value == pytest.approx(0.222)
    assert sorted(year.ytd) == [1, 2, 3]


def test_a_year_with_year_to_date_figures_only_is_the_default_as_of(cli, workspace):
    """Status evaluates the year in progress by default (SPEC "latest year with
    actuals", year-to-date included), and says so."""
    root = workspace(TARGETS, {2024: Y2024, 2025: Y2025})
    result = cli("status", "--workspace", str(root), "--format", "json")
    assert json.loads(result.stdout)["as_of"] == 2025
    table = cli("status", "--workspace", str(root), env={"COLUMNS": "120"})
    assert "Evaluated as of 2025 (the latest year with figures, year-to-date ones " \
        "included)" in table.stdout


BAD = [
    ("ytd:\n  13:\n    output: 5\n", "actuals/2025.yaml:3: ytd: month 13 out of range (1-12)"),
    ("ytd:\n  march:\n    output: 5\n",
     "actuals/2025.yaml:3: ytd: a month key must be a month number 1-12, got 'march'"),
    ("ytd:\n  3:\n    nope: 5\n",
     "actuals/2025.yaml:4: ytd: month 3: unknown metric 'nope' (not declared in targets.yaml)"),
    ("ytd:\n  3:\n    output: {value: 602, plan_share: 26.46}\n",
     "actuals/2025.yaml:4: plan_share: bare number 26.46 where a percent is required: "
     "write 26.46%"),
    ("ytd:\n  3:\n    iip: 22.2\n",
     "actuals/2025.yaml:4: iip: bare number 22.2 where a percent is required: write 22.2%"),
    ("ytd:\n  3:\n    output: 12%\n",
     "actuals/2025.yaml:4: output: 12% is a percent, but this is not a rate or a share: "
     "write a plain number"),
    ("ytd:\n  3:\n    iip: {value: 5%, yoy: 5%}\n",
     "actuals/2025.yaml:4: yoy: does not apply to the growth metric 'iip' "
     "(its value is already a rate)"),
    ("ytd:\n  3:\n    output: {source: x}\n",
     "actuals/2025.yaml:4: output: a year-to-date figure needs 'value' (the cumulative) or "
     "'month_value' (the month alone), or at least a published change ('yoy', 'month_yoy', "
     "'mom')"),
    ("ytd:\n  3:\n    output: {value: 5, plan: 9}\n",
     "actuals/2025.yaml:4: unknown key 'plan' (allowed: value, yoy, plan_share, month_value, "
     "month_yoy, mom, source, status, published, note, confirmed, prices)"),
    ("ytd:\n  3:\n    output:\n      value: 5\n      published: March\n",
     "actuals/2025.yaml:6: published: expected a date YYYY-MM-DD (or YYYY-MM), got 'March'"),
    ("ytd:\n  3: 602\n", "actuals/2025.yaml:3: ytd: month 3: expected a mapping of metric to "
     "figure"),
    ("ytd: [1, 2]\n", "actuals/2025.yaml:2: ytd: expected a mapping of month (1-12) to figures"),
    ("ytd:\n  3:\n    output: 1\n  '03':\n    output: 2\n",
     "actuals/2025.yaml:5: ytd: month 3 given twice"),
    ("plan:\n  nope: 5\n",
     "actuals/2025.yaml:3: plan: unknown metric 'nope' (not declared in targets.yaml)"),
    ("plan:\n  va_growth: 13\n",
     "actuals/2025.yaml:3: va_growth: bare number 13 where a percent is required: write 13%"),
    ("plan: 2000\n", "actuals/2025.yaml:2: plan: expected a mapping of metric to value"),
]


@pytest.mark.parametrize(("body", "expected"), BAD, ids=[e.split(": ", 1)[1][:40] for _, e in BAD])
def test_bad_plan_and_ytd_name_their_line(cli, workspace, body, expected):
    root = workspace(TARGETS, {2025: "year: 2025\n" + body})
    result = cli("report", "--workspace", str(root))
    assert result.exit_code == 2
    lines = [ln.replace(str(root) + "/", "") for ln in result.stderr.splitlines()
             if "workspace:" not in ln]
    assert lines == [expected]


def test_every_problem_in_a_file_is_reported(cli, workspace):
    body = "year: 2025\nytd:\n  0:\n    output: 1\n  4:\n    iip: 3\n"
    root = workspace(TARGETS, {2025: body})
    result = cli("report", "--workspace", str(root))
    assert result.exit_code == 2
    assert [ln.replace(str(root) + "/", "") for ln in result.stderr.splitlines()] == [
        "actuals/2025.yaml:3: ytd: month 0 out of range (1-12)",
        "actuals/2025.yaml:6: iip: bare number 3 where a percent is required: write 3%",
    ]


# ---------------------------------------------------------------------------- math


def test_spec_example_fields(cli, workspace):
    data = report_json(cli, workspace(TARGETS, {2024: Y2024, 2025: Y2025}), "--month", "2025-03")
    assert data["month"] == "2025-03"
    row = metric(data, "output")
    assert {k: row[k] for k in ("id", "ytd", "plan", "plan_share", "elapsed_share", "pace",
                                "yoy", "warnings")} == {
        "id": "output", "ytd": 602, "plan": 2000, "plan_share": 0.301, "elapsed_share": 0.25,
        "pace": 1.204, "yoy": 0.2812,
        "warnings": []}  # 602/470 - 1 = 28.09%: within 0.5 points of the published 28.12%
    assert row["required_monthly"] == pytest.approx(155.3333333, abs=1e-6)
    assert row["average_monthly"] == pytest.approx(200.6666667, abs=1e-6)
    assert row["yoy_computed"] == pytest.approx(602 / 470 - 1, abs=1e-9)
    assert row["plan_share_computed"] == 0.301 and row["plan_share_published"] is None
    assert row["month_value"] == 200


def test_growth_metric_row_has_only_its_rate(cli, workspace):
    data = report_json(cli, workspace(TARGETS, {2025: Y2025}), "--month", "2025-03")
    row = metric(data, "iip")
    assert {k: row[k] for k in ("id", "kind", "ytd", "plan", "plan_share", "elapsed_share",
                                "pace", "yoy", "required_monthly", "average_monthly",
                                "warnings")} == {
        "id": "iip", "kind": "growth", "ytd": 0.222, "plan": None, "plan_share": None,
        "elapsed_share": 0.25, "pace": None, "yoy": 0.222, "required_monthly": None,
        "average_monthly": None, "warnings": []}


def test_computed_yoy_when_none_published(cli, workspace):
    y2025 = Y2025.replace(", yoy: 28.12%", "")
    data = report_json(cli, workspace(TARGETS, {2024: Y2024, 2025: y2025}), "--month", "2025-03")
    row = metric(data, "output")
    assert row["yoy"] == pytest.approx(602 / 470 - 1, abs=1e-9)
    assert row["yoy_published"] is None
    assert row["warnings"] == []


def test_published_plan_share_that_disagrees_is_reported_with_a_warning(cli, workspace):
    y2025 = Y2025.replace("yoy: 28.12%", "plan_share: 26.46%")
    data = report_json(cli, workspace(TARGETS, {2025: y2025}), "--month", "2025-03")
    row = metric(data, "output")
    assert row["plan_share"] == 0.2646
    assert row["plan_share_computed"] == 0.301
    assert row["pace"] == pytest.approx(1.0584)
    assert row["warnings"] == ["published share of plan 26.46% differs from year to date / plan "
                               "= 602 / 2,000 = 30.1%"]
    assert row["warning_codes"] == ["plan_share_mismatch"]


def test_plan_share_within_half_a_point_is_no_warning(cli, workspace):
    y2025 = Y2025.replace("yoy: 28.12%", "plan_share: 30.5%")
    row = metric(report_json(cli, workspace(TARGETS, {2025: y2025}), "--month", "2025-03"),
                 "output")
    assert (row["plan_share"], row["warnings"]) == (0.305, [])


def test_month_figures_that_do_not_add_up(cli, workspace):
    y2025 = Y2025.replace("value: 402, month_value: 212", "value: 412.2, month_value: 182") \
        .replace("value: 190,", "value: 238,")
    data = report_json(cli, workspace(TARGETS, {2025: y2025}), "--month", "2025-02")
    row = metric(data, "output")
    assert row["warnings"] == [
        "month figures do not add up: year to date 1/2025 238 + month 2 alone 182 = 420, but "
        "year to date 2/2025 is 412.2"]
    assert row["warning_codes"] == ["months_do_not_add_up"]
    # March: 412.2 + 200 = 612.2 against 602, also more than 0.5% apart
    march = metric(report_json(cli, workspace(TARGETS, {2025: y2025}, name="b"), "--month",
                               "2025-03"), "output")
    assert march["warning_codes"] == ["months_do_not_add_up"]


def test_months_that_add_up_within_rounding_are_no_warning(cli, workspace):
    y2025 = Y2025.replace("month_value: 200", "month_value: 199")  # 402 + 199 = 601 vs 602
    row = metric(report_json(cli, workspace(TARGETS, {2025: y2025}), "--month", "2025-03"),
                 "output")
    assert row["warnings"] == []


def test_vietnamese_warning_uses_decimal_comma(cli, workspace):
    y2025 = Y2025.replace("value: 402, month_value: 212", "value: 412.2, month_value: 182") \
        .replace("value: 190,", "value: 238,")
    root = workspace(TARGETS, {2025: y2025})
    result = cli("report", "--workspace", str(root), "--month", "2025-02", "--lang", "vi",
                 "--format", "md")
    assert ("số liệu các tháng không khớp: lũy kế đến tháng 1/2025 là 238 + riêng tháng 2 là "
            "182 = 420, nhưng lũy kế đến tháng 2/2025 là 412,2") in result.stdout
    # JSON is for scripts: the same in every language
    data = report_json(cli, root, "--month", "2025-02", "--lang", "vi")
    assert metric(data, "output")["warnings"][0].startswith("month figures do not add up")


def test_december_needs_nothing_more_per_month(workspace):
    y = "year: 2025\nplan:\n  output: 100\nytd:\n  12:\n    output: 90\n"
    ws = load_workspace(workspace(TARGETS, {2025: y}))
    row = monthly.month_row(ws, 2025, 12, "output")
    assert (row.plan_share, row.elapsed_share, row.pace) == (0.9, 1.0, 0.9)
    assert row.required_monthly is None and row.required_monthly_share is None
    assert row.average_monthly == 7.5


def test_only_published_share_implies_the_plan_marked_derived(workspace):
    y = "year: 2025\nytd:\n  3:\n    output: {value: 602, plan_share: 26.46%}\n"
    ws = load_workspace(workspace(TARGETS, {2025: y}))
    row = monthly.month_row(ws, 2025, 3, "output")
    assert row.plan == pytest.approx(602 / 0.2646) and row.plan_derived
    assert row.required_monthly == pytest.approx((602 / 0.2646 - 602) / 9)
    assert row.required_monthly_share == pytest.approx((1 - 0.2646) / 9)
    assert row.average_monthly_share == pytest.approx(0.2646 / 3)
    assert row.average_monthly == pytest.approx(602 / 3)


# ----------------------------------------------------------------------------- CLI


def test_default_month_is_the_latest_with_data(cli, workspace):
    y2026 = "year: 2026\nytd:\n  1:\n    iip: 5%\n"
    data = report_json(cli, workspace(TARGETS, {2024: Y2024, 2025: Y2025, 2026: y2026}))
    assert data["month"] == "2026-01"
    assert [m["id"] for m in data["metrics"]] == ["iip"]
    assert data["as_of"] == 2025  # January: the annual targets as of the last full year


def test_month_without_data_is_a_clear_error(cli, workspace, tmp_path):
    root = workspace(TARGETS, {2024: Y2024, 2025: Y2025})
    out = tmp_path / "r.html"
    result = cli("report", "--workspace", str(root), "--month", "2025-04",
                 "--format", "html", "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "--month: no year-to-date figures for 2025-04 (months with figures: 2024-03, "
        "2025-01, 2025-02, 2025-03)")
    assert not out.exists()
    assert result.stdout == ""


def test_workspace_without_any_ytd(cli, workspace):
    root = workspace(TARGETS, {2024: "year: 2024\nvalues:\n  va_growth: 11%\n"})
    result = cli("report", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/actuals: no year-to-date figures (ytd:) in any actuals file")


@pytest.mark.parametrize("value", ["2025-13", "March", "2025-00", "13/2025", "3-2025"])
def test_bad_month_option(cli, workspace, value):
    result = cli("report", "--workspace", str(workspace(TARGETS, {2025: Y2025})),
                 "--month", value)
    assert result.exit_code == 2
    # a month out of range says so; a form that is no month at all shows the forms
    reason = " (the month must be 1 to 12)" if value in ("2025-13", "2025-00", "13/2025") \
        else ""
    assert result.stderr.splitlines()[-1] == (
        f"--month: expected YYYY-MM or M/YYYY (e.g. 2025-03 or 3/2025), got '{value}'{reason}")


@pytest.mark.parametrize("value", ["2025-03", "2025-3", "3/2025", "03/2025"])
def test_month_as_people_write_it(cli, workspace, value):
    root = workspace(TARGETS, {2025: Y2025})
    result = cli("report", "--workspace", str(root), "--month", value, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"month": "2025-03"' in result.stdout


def test_targets_are_listed_alongside(cli, workspace):
    data = report_json(cli, workspace(TARGETS, {2024: Y2024, 2025: Y2025}), "--month", "2025-03")
    assert [(t["id"], t["status"]) for t in data["targets"]] == [
        ("growth", "insufficient_data"), ("share-2025", "insufficient_data")]
    assert data["targets"][0]["actual"] == 0.11


def test_fail_on_exits_1_after_writing_the_report(cli, workspace, tmp_path):
    out = tmp_path / "r.md"
    result = cli("report", "--workspace", str(workspace(TARGETS, {2025: Y2025})),
                 "--format", "md", "--output", str(out), "--fail-on", "insufficient_data")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "--fail-on: growth, share-2025 reached status insufficient_data")
    assert out.read_text(encoding="utf-8").startswith("## Test resolution\n")
    ok = cli("report", "--workspace", str(workspace(TARGETS, {2025: Y2025}, name="b")),
             "--fail-on", "missed")
    assert ok.exit_code == 0


def test_bad_fail_on_status(cli, workspace):
    result = cli("report", "--workspace", str(workspace(TARGETS, {2025: Y2025})),
                 "--fail-on", "late")
    assert result.exit_code == 2
    assert "--fail-on: unknown status 'late'" in result.stderr


def test_table_output(cli, workspace):
    root = workspace(TARGETS, {2024: Y2024, 2025: Y2025})
    result = cli("report", "--workspace", str(root), "--month", "2025-03",
                 env={"COLUMNS": "120"})
    assert result.exit_code == 0
    out = result.stdout
    assert ("Year-to-date figures for the first 3 months of 2025 (to the end of March); 3 of "
            "12 months have passed (25% of the year).") in out
    assert re.search(r"\[A\] Gross output \(bn VND\)\s+602\s+2,000\s+30\.1%\s+120\.4%\s+"
                     r"\+28\.12%\s+155\.3\s+200\.7", out), out
    assert "[A] Gross output, year to date 3/2025: 602 bn VND: report 3" in out
    assert "[A] Gross output, annual plan 2025: 2,000 bn VND: plan decision" in out


def test_markdown_is_pasteable(cli, workspace):
    y2025 = Y2025.replace("yoy: 28.12%", "plan_share: 26.46%")
    result = cli("report", "--workspace", str(workspace(TARGETS, {2025: y2025})),
                 "--month", "2025-03", "--format", "md", "--lang", "vi")
    md = result.stdout
    assert md.startswith("## Nghị quyết thử\n"
                         "Số liệu lũy kế 3 tháng năm 2025 (đến hết tháng 3/2025); thời gian "
                         "đã qua 3/12 tháng (25%).  \n"
                         "Chữ viết tắt: IIP - chỉ số sản xuất công nghiệp.  \n\n")
    assert "\n\n### Số liệu lũy kế\n" in md
    assert ("| [A] Giá trị sản xuất (bn VND) | 602<br>riêng tháng 3: 200 | 2.000 | "
            "26,46%<br>công bố | 105,8% | — | 155,3 | 200,7 |") in md
    assert "\n\n**Cảnh báo**\n\n- [A] tỷ lệ so kế hoạch công bố 26,46% khác với" in md
    assert "\n\n**Nguồn số liệu**\n" in md  # a blank line ends the list before a heading


def test_html_is_self_contained(cli, workspace, tmp_path):
    out = tmp_path / "r.html"
    result = cli("report", "--workspace", str(workspace(TARGETS, {2024: Y2024, 2025: Y2025})),
                 "--month", "2025-03", "--format", "html", "--output", str(out), "--lang", "vi")
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert re.findall(r"https?://[^\s\"'<>)]+", page) == ["http://www.w3.org/2000/svg"] * \
        page.count('<svg xmlns="http://www.w3.org/2000/svg"')
    # the year to date, and the growth target; share-2025 has no figures to draw
    assert page.count("<svg") == 2
    assert "share-2025: no figures to draw" not in page  # Vietnamese page
    assert "<p class=\"empty\">share-2025: chưa có số liệu để vẽ" in page  # no [2]
    assert "Giá trị sản xuất: lũy kế năm 2025 so với lộ trình kế hoạch" in page
    assert "<td class=r>602<br>riêng tháng 3: 200</td>" in page
    assert "@page { size: A4;" in page
    again = tmp_path / "again.html"
    cli("report", "--workspace", str(workspace(TARGETS, {2024: Y2024, 2025: Y2025}, name="b")),
        "--month", "2025-03", "--format", "html", "--output", str(again), "--lang", "vi")
    assert again.read_text(encoding="utf-8").replace("/b/", "/ws/") == page  # stable output


# ------------------------------------------- a March report of a workspace like the shipped


def test_a_march_report_of_the_resolution(cli, tmp_path):
    """The shipped workspace's shape (tests/fixtures.py), with figures of its own."""
    root = F.backan_like(tmp_path / "like")
    data = report_json(cli, root, "--month", "2025-03")
    row = metric(data, "industrial_output")
    assert (row["ytd"], row["plan_share"], row["yoy"]) == (
        F.OUTPUT_Q1_VALUE, F.OUTPUT_Q1_PLAN_SHARE, F.OUTPUT_Q1)
    # the plan implied by the published share, and the monthly pace still needed
    plan = F.OUTPUT_Q1_VALUE / F.OUTPUT_Q1_PLAN_SHARE
    assert row["plan"] == pytest.approx(plan, abs=1e-6) and row["plan_derived"]
    assert row["required_monthly"] == pytest.approx((plan - F.OUTPUT_Q1_VALUE) / 9, abs=1e-6)
    assert row["average_monthly"] == pytest.approx(F.OUTPUT_Q1_VALUE / 3)
    assert (row["sources"][0]["source"], row["sources"][0]["status"]) == ("q1", "estimate")
    # IIP: the y/y is the year-to-date growth itself
    assert metric(data, "iip_growth")["yoy"] == F.IIP_Q1
    # a March report judges the annual targets as of 2024, never "deadline passed"
    assert data["as_of"] == 2024
    assert {t["status"] for t in data["targets"]} <= {
        "acceleration_needed", "limited_progress", "insufficient_data", "achieved"}
    assert not any("deadline has passed" in (t["note"] or "") for t in data["targets"])
    # ... and shows the estimates for 2025 beside them, from what was known in March:
    # the Q1 gross output (central) and IIP, each calibrated on 2024, not the H1 figures
    growth = data["nowcasts"][0]
    assert growth["id"] == "industry-growth" and growth["estimated"]
    out = F.calibrated(F.OUTPUT_Q1, F.OUTPUT_GROWTH_2024)
    iip = F.calibrated(F.IIP_Q1, F.IIP_2024)
    assert growth["actual"] == pytest.approx(F.average(out))
    assert growth["range"] == [pytest.approx(F.average(min(out, iip)), abs=1e-9),
                               pytest.approx(F.average(max(out, iip)), abs=1e-9)]
    # no GRDP growth was published for Q1: the 2025 share is not estimated in March
    assert "industry-share-2025" not in [n["id"] for n in data["nowcasts"]]
    table = cli("report", "-w", str(root), "--month", "2025-03",
                env={"COLUMNS": "100"}).stdout
    pace = F.OUTPUT_Q1_PLAN_SHARE / (3 / 12)
    assert re.search(rf"\[A\] Industrial gross\s+300\s+1,250\s+24%\s+{pace:.0%}\s+\+25%",
                     table), table
    assert "[A] Industrial gross output, year to date 3/2025: 300 bn VND" in table


def test_a_month_of_the_index_alone_has_no_year_to_date(cli, workspace):
    y2025 = "year: 2025\nytd:\n  2:\n    iip: {month_value: 40%, source: s}\n"
    iip = metric(report_json(cli, workspace(TARGETS, {2025: y2025}), "--month", "2025-02"),
                 "iip")
    assert (iip["ytd"], iip["month_value"]) == (None, 0.4)
