"""`bkind validate`: every error at once (exit 2), and warnings that do not stop it."""

from __future__ import annotations

import json

from tests.conftest import MINIMAL_TARGETS


def run(cli, root, *args):
    return cli("validate", "--workspace", str(root), *args)


def lines(cli, root, *args):
    result = run(cli, root, *args)
    assert result.exit_code == 0, result.stderr
    return [line.replace(str(root) + "/", "") for line in result.stdout.splitlines()]


def test_levels_that_do_not_chain_with_the_published_growth(workspace, cli):
    root = workspace(actuals={
        2021: """\
            year: 2021
            values:
              va: {value: 7740, source: "post2305"}
            """,
        2022: """\
            year: 2022
            values:
              va: {value: 8297, source: "post8608"}
              va_growth: {value: 5.88%, source: "9585"}
            """,
        2023: """\
            year: 2023
            values:
              va: {value: 8840, source: "post59427"}
              va_growth: {value: 6.33%, source: "9585"}
            """})
    # 8297/7740 = +7.2% against 5.88%: warned; 8840/8297 = +6.54% against 6.33%: within 0.5 pt
    assert lines(cli, root) == [
        "actuals/2022.yaml:4: warning: va_growth 2022: published growth 5.88%, but va 7,740 → "
        "8,297 implies +7.2%: the levels and rates do not chain (different vintages?)"]
    assert lines(cli, root, "--lang", "vi") == [
        "actuals/2022.yaml:4: cảnh báo: va_growth năm 2022: tốc độ tăng công bố 5,88%, nhưng va "
        "từ 7.740 lên 8.297 tương ứng +7,2%: số tuyệt đối và tốc độ tăng không khớp (khác lần "
        "công bố?)"]


def test_year_to_date_months_that_do_not_add_up(workspace, cli):
    root = workspace(actuals={
        2024: """\
            year: 2024
            values:
              va: {value: 2023.72, source: "post68856"}
            ytd:
              3:
                va: {value: 435, source: "post62004"}
              12:
                va: {value: 1900, source: "illustrative"}
            """,
        2025: """\
            year: 2025
            ytd:
              1:
                va: {value: 238, source: "post69041"}
              2:
                va: {value: 212, source: "illustrative"}
              3:
                va: {value: 602, yoy: 28.12%, source: "post70526"}
            """})
    assert lines(cli, root) == [
        "actuals/2024.yaml:8: warning: va 2024: the year-to-date figure for December, 1,900, "
        "differs from the year's value 2,023.72",
        "actuals/2025.yaml:6: warning: va 2025: the year-to-date figure falls from 238 "
        "(month 1) to 212 (month 2); a cumulative figure cannot fall",
        "actuals/2025.yaml:8: warning: va 2025, months 1-3: published y/y +28.12% differs "
        "from +38.39% computed against the same months of 2024 (435): different vintages or "
        "price bases",
    ]


def test_month_figures_that_do_not_add_up_to_the_cumulative(workspace, cli):
    # the published Feb 2025 case: Jan 238, Feb alone 182, but Jan-Feb printed as 412.2
    root = workspace(actuals={2025: """\
        year: 2025
        ytd:
          1:
            va: {value: 238, source: "post69041"}
          2:
            va: {value: 412.2, month_value: 182, source: "post69577"}
        """})
    assert lines(cli, root) == [
        "actuals/2025.yaml:6: warning: va 2025, months 1-2: month figures do not add up: year "
        "to date 1/2025 238 + month 2 alone 182 = 420, but year to date 2/2025 is 412.2"]
    report = cli("report", "--workspace", str(root), "--month", "2025-02", "--format", "json")
    assert "do not add up" in json.loads(report.stdout)["metrics"][0]["warnings"][0]


def test_a_plan_share_that_disagrees_with_plan_and_ytd(workspace, cli):
    root = workspace(actuals={2025: """\
        year: 2025
        plan:
          va: {value: 2000, source: "illustrative plan"}
        ytd:
          1:
            va: {value: 238, plan_share: 11.9%, source: "agrees: 238 / 2000 = 11.9%"}
          3:
            va: {value: 602, plan_share: 26.46%, source: "post70526"}
        """})
    assert lines(cli, root) == [
        "actuals/2025.yaml:8: warning: va 2025, months 1-3: published share of plan 26.46% "
        "differs from year to date / plan = 602 / 2,000 = 30.1%"]


def test_a_figure_without_source(workspace, cli):
    targets = MINIMAL_TARGETS + """\
  - id: clusters
    type: count
    of: clusters
    where: {infrastructure_complete: true}
    year: 2025
    at_least: 4
"""
    root = workspace(targets=targets, actuals={2024: """\
        year: 2024
        values:
          va_growth: 11.03%
          va:
            - {value: 600, status: estimate, source: "post1"}
            - {value: 642, status: official, published: 2025-01}
        plan:
          va: 700
        ytd:
          3:
            va: {value: 435}
        clusters:
          - {id: huyen-tung, infrastructure_complete: true}
        """})
    assert lines(cli, root) == [
        "actuals/2024.yaml:3: warning: values.va_growth (2024): no source given",
        "actuals/2024.yaml:6: warning: values.va (2024): no source given",
        "actuals/2024.yaml:8: warning: plan.va (2024): no source given",
        "actuals/2024.yaml:11: warning: ytd.3.va (2024): no source given",
        "actuals/2024.yaml:13: warning: clusters.huyen-tung (2024): no source given",
    ]


def test_a_share_that_disagrees_with_its_numerator_and_denominator(workspace, cli):
    root = workspace(actuals={2020: """\
        year: 2020
        values:
          share: {value: 15.2%, source: "current prices, thuonghieucongluan"}
          va: {value: 1229, source: "socongthuong"}
          grdp: {value: 7406.5, source: "socongthuong"}
        """})
    assert lines(cli, root) == [
        "actuals/2020.yaml:3: warning: share 2020: published share 15.2%, but va / grdp = "
        "16.59% (constant-2010): computed on another price basis, or another vintage?"]


def test_a_share_declared_across_price_bases_is_an_error(workspace, cli):
    targets = MINIMAL_TARGETS.replace(
        "  grdp:\n    name: {en: \"GRDP\", vi: \"GRDP\"}\n    kind: level\n    unit: bn VND\n"
        "    prices: constant-2010",
        "  grdp:\n    name: {en: \"GRDP\", vi: \"GRDP\"}\n    kind: level\n    unit: bn VND\n"
        "    prices: current")
    assert targets != MINIMAL_TARGETS
    root = workspace(targets=targets, actuals={2024: "year: 2024\n"})
    result = run(cli, root)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{root}/targets.yaml:25: metric 'share': numerator 'va' is constant-2010 but "
        "denominator 'grdp' is current: a share needs one price basis"]


def test_every_error_of_every_file_at_once(workspace, cli):
    root = workspace(actuals={
        2023: """\
            year: 2023
            values:
              va_growth: 6.33
              nope: 1
            """,
        2024: """\
            year: 2024
            values:
              va: {value: 642, status: guessed}
            """})
    result = run(cli, root)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{root}/actuals/2023.yaml:3: va_growth: bare number 6.33 where a percent is "
        "required: write 6.33%",
        f"{root}/actuals/2023.yaml:4: unknown metric 'nope' (not declared in targets.yaml)",
        f"{root}/actuals/2024.yaml:3: status: invalid value 'guessed' (one of: estimate, "
        "preliminary, official)",
    ]


def test_a_clean_workspace_and_json(workspace, cli):
    root = workspace(actuals={2024: """\
        year: 2024
        values:
          va_growth: {value: 11.03%, source: "post68856"}
        """})
    result = run(cli, root)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines()[-1] == f"{root}: no errors, 0 warning(s)"
    root2 = workspace(name="ws2", actuals={2024: "year: 2024\nvalues:\n  va_growth: 11%\n"})
    data = json.loads(run(cli, root2, "--format", "json").stdout)
    assert data["errors"] == []
    assert data["warnings"] == [{
        "path": f"{root2}/actuals/2024.yaml", "line": 3, "code": "no_source",
        "message": "values.va_growth (2024): no source given"}]


def test_embedded_workspace_validates_with_the_known_chain_warning(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("validate")
    assert result.exit_code == 0, result.stderr
    assert any(line.endswith(
        "actuals/2022.yaml:5: warning: grdp_growth 2022: published growth 5.88%, but grdp "
        "7,740 → 8,297 implies +7.2%: the levels and rates do not chain (different vintages?)")
        for line in result.stdout.splitlines())
