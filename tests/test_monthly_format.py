"""The Sở's monthly report, workspace format: `part_of`, `section`, `group` on metrics;
`mom`, `month_yoy` and versions (a list) in year-to-date entries; validate's add-up and
clash warnings."""

from __future__ import annotations

import json

import pytest

from bkind.io.load import load_workspace

from conftest import MINIMAL_TARGETS

SECTORS = MINIMAL_TARGETS.replace("\ntargets:\n", """
  output:
    name: {en: "Gross output", vi: "Giá trị sản xuất công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  output_c:
    name: {en: "Gross output, manufacturing", vi: "GTSX ngành chế biến, chế tạo"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
    part_of: output
    section: C
  output_b:
    name: {en: "Gross output, mining", vi: "GTSX ngành khai khoáng"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
    part_of: output
    section: B
  iip:
    name: {en: "IIP", vi: "Chỉ số sản xuất công nghiệp"}
    kind: growth
    prices: none
  lead:
    name: {en: "Lead metal", vi: "Chì kim loại"}
    kind: level
    unit: {en: tonnes, vi: tấn}
    prices: none
    group: products
targets:
""")


def test_parts_are_loaded_in_section_order(workspace):
    from bkind.core.ytd import parts_of

    ws = load_workspace(workspace(SECTORS))
    assert ws.metrics["output_c"].part_of == "output"
    assert ws.metrics["output_c"].section == "C"
    assert ws.metrics["lead"].group == "products"
    assert ws.metrics["output"].group == "industry"
    assert parts_of(ws) == {"output": ("output_b", "output_c")}


BAD_PARTS = [
    ("    part_of: output\n    section: B\n",
     "    part_of: iip\n    section: B\n", 43,
     "metric 'output_b' is of kind level but its total 'iip' of kind growth: a part must be "
     "of the same kind as its total"),
    ("    unit: {en: bn VND, vi: tỷ đồng}\n    prices: constant-2010\n    part_of: output\n"
     "    section: B\n",
     "    unit: {en: mn VND, vi: triệu đồng}\n    prices: constant-2010\n    part_of: output\n"
     "    section: B\n", 43,
     "metric 'output_b' is in mn VND but its total 'output' in bn VND: a part must be in the "
     "unit of its total"),
    ("    prices: constant-2010\n    part_of: output\n    section: B\n",
     "    prices: current\n    part_of: output\n    section: B\n", 43,
     "metric 'output_b' is on current but its total 'output' on constant-2010: a part must "
     "share its total's price basis"),
    ("    part_of: output\n    section: B\n",
     "    part_of: nowhere\n    section: B\n", 43,
     "metric 'output_b': part_of: 'nowhere' is not a declared metric"),
    ("    part_of: output\n    section: B\n",
     "    part_of: output\n    section: Z\n", 44, "section: invalid value 'Z' (one of: "),
    ("    prices: none\n    group: products\n",
     "    prices: none\n    group: shops\n", 54, "group: invalid value 'shops' (one of: "),
]


@pytest.mark.parametrize(("old", "new", "line", "message"), BAD_PARTS)
def test_bad_parts_are_refused_with_their_line(cli, workspace, old, new, line, message):
    assert old in SECTORS
    root = workspace(SECTORS.replace(old, new, 1))
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert f"targets.yaml:{line}: {message}" in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_bad_parts_in_vietnamese(cli, workspace):
    root = workspace(SECTORS.replace("    prices: constant-2010\n    part_of: output\n"
                                     "    section: B\n", "    prices: current\n"
                                     "    part_of: output\n    section: B\n"))
    result = cli("validate", "--workspace", str(root), "--lang", "vi")
    assert result.exit_code == 2
    assert "chỉ tiêu thành phần phải cùng loại giá với chỉ tiêu tổng" in result.stderr


MONTHS = """\
year: 2020
ytd:
  7:
    iip: {value: 2.69%, month_yoy: 6.03%, mom: 3.37%, source: "report 7"}
    output: {value: 714.464, yoy: 3.05%, month_value: 111.1, month_yoy: 4.10%, source: r}
    output_b: {value: 201.997, month_value: 34.089, source: r}
    output_c: {value: 456.746, month_value: 68.55, source: r}
  8:
    iip: {mom: 0.93%, source: "only the month's change"}
    lead: {yoy: 51.7%, source: "only the growth was printed"}
"""


def test_month_changes_and_growth_only_entries_load(workspace):
    ws = load_workspace(workspace(SECTORS, {2020: MONTHS}))
    iip = ws.years[2020].ytd[7]["iip"]
    assert (iip.value, iip.month_yoy, iip.mom) == (0.0269, 0.0603, 0.0337)
    out = ws.years[2020].ytd[7]["output"]
    assert (out.value, out.month_value, out.month_yoy) == (714.464, 111.1, pytest.approx(0.041))
    assert ws.years[2020].ytd[8]["iip"].value is None
    assert ws.years[2020].ytd[8]["iip"].mom == pytest.approx(0.0093)
    assert ws.years[2020].ytd[8]["lead"].yoy == 0.517


def test_mom_must_be_a_percent(cli, workspace):
    root = workspace(SECTORS, {2020: MONTHS.replace("mom: 3.37%", "mom: 3.37")})
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert "actuals/2020.yaml:4: mom: bare number 3.37 where a percent is required: write " \
           "3.37%" in result.stderr


def test_parts_that_do_not_add_up_are_named_with_total_and_sum(cli, workspace):
    root = workspace(SECTORS, {2020: MONTHS})
    result = cli("validate", "--workspace", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    found = [w for w in warnings if w["code"] == "parts_sum"]
    # the cumulative: 201.997 + 456.746 = 658.743 against 714.464; the month alone:
    # 34.089 + 68.55 = 102.639 against 111.1
    assert [(w["line"], w["message"]) for w in found] == [
        (5, "Gross output, year to date 7/2020: the total is 714.464 bn VND but its parts "
            "(Gross output, mining, Gross output, manufacturing) add up to 658.743 bn VND; "
            "both are reported as published"),
        (5, "Gross output, month 7/2020 alone: the total is 111.1 bn VND but its parts "
            "(Gross output, mining, Gross output, manufacturing) add up to 102.639 bn VND; "
            "both are reported as published")]
    vi = cli("validate", "--workspace", str(root), "--lang", "vi")
    assert "Giá trị sản xuất công nghiệp lũy kế 7 tháng năm 2020: số tổng là 714,464 tỷ " \
           "đồng nhưng các thành phần (GTSX ngành khai khoáng, GTSX ngành chế biến, chế " \
           "tạo) cộng lại được 658,743 tỷ đồng" in vi.stdout


def test_parts_adding_up_within_half_a_percent_or_one_unit_are_quiet(cli, workspace):
    text = MONTHS.replace("value: 201.997", "value: 257.9")  # 257.9 + 456.746 = 714.646
    text = text.replace("month_value: 34.089", "month_value: 42.0")  # 110.55: 0.5 apart
    root = workspace(SECTORS, {2020: text})
    result = cli("validate", "--workspace", str(root), "--format", "json")
    assert [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "parts_sum"] == []


def test_parts_are_not_summed_when_one_is_missing(cli, workspace):
    text = MONTHS.replace("    output_b: {value: 201.997, month_value: 34.089, source: r}\n",
                          "")
    root = workspace(SECTORS, {2020: text})
    result = cli("validate", "--workspace", str(root), "--format", "json")
    assert [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "parts_sum"] == []


VERSIONS = """\
year: 2020
ytd:
  3:
    output:
      - {value: 308, yoy: 8.18%, plan_share: 27.4%, source: "Sở KH&ĐT"}
      - {value: 308.117, yoy: 8.18%, plan_share: 22.26%, status: estimate, source: "TCCT"}
"""


def test_versions_of_an_entry_keep_both_and_validate_names_the_clash(cli, workspace):
    root = workspace(SECTORS, {2020: VERSIONS})
    ws = load_workspace(root)
    fig = ws.years[2020].ytd[3]["output"]
    assert (fig.value, fig.plan_share, fig.source) == (308.117, pytest.approx(0.2226), "TCCT")
    assert [v.value for v in fig.vintages] == [308, 308.117]
    result = cli("validate", "--workspace", str(root), "--format", "json")
    clashes = [(w["line"], w["message"]) for w in json.loads(result.stdout)["warnings"]
               if w["code"] == "ytd_clash"]
    assert clashes == [(6, "output, year to date 3/2020: two published versions disagree on "
                           "plan_share (27.4% and 22.26%): two sources, not a revision; the "
                           "report uses the latest dated one (else the later one in the "
                           "file)")]


def test_a_dated_version_is_the_current_one(workspace):
    text = VERSIONS.replace('source: "Sở KH&ĐT"', 'source: "Sở KH&ĐT", published: 2020-04-10')
    ws = load_workspace(workspace(SECTORS, {2020: text}))
    assert ws.years[2020].ytd[3]["output"].value == 308


def test_an_empty_version_list_is_refused(cli, workspace):
    root = workspace(SECTORS, {2020: "year: 2020\nytd:\n  3:\n    output: []\n"})
    result = cli("validate", "--workspace", str(root))
    assert result.exit_code == 2
    assert "actuals/2020.yaml:4:" in result.stderr


def test_shipped_workspace_has_every_monthly_figure_and_validates(cli):
    import yaml

    from tests.conftest import REPO

    ws = load_workspace(REPO)
    # every year-to-date field of every file, as the loader reads it (the figures
    # themselves are checked against ../shared/data/ in test_embedded.py)
    fields = ("value", "yoy", "plan_share", "month_value", "month_yoy", "mom")
    checked = 0
    for path in sorted((REPO / "actuals").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for month, entries in (doc.get("ytd") or {}).items():
            for mid, entry in entries.items():
                fig = ws.years[doc["year"]].ytd[int(month)][mid]
                given = [e if isinstance(e, dict) else {"value": e}
                         for e in (entry if isinstance(entry, list) else [entry])]
                for raw, got in zip(given, fig.vintages or (fig,), strict=True):
                    for f in fields:
                        text = str(raw.get(f, ""))
                        want = None if not text else float(text[:-1]) / 100 \
                            if text.endswith("%") else float(text)
                        assert getattr(got, f) == pytest.approx(want), (path.name, mid, f)
                        checked += want is not None
    assert checked > 100  # not a sample: all of them
    monthly = {m for m, metric in ws.metrics.items()
               if metric.part_of is not None or metric.group != "industry"}
    assert len(monthly) == 18
    for year in ws.years.values():
        for entries in year.ytd.values():
            for mid, fig in entries.items():
                for version in fig.vintages or (fig,):
                    if mid in monthly or year.year in (2020, 2021, 2022):
                        # publisher, 'title', address: as a reader can follow it
                        assert version.source and "'" in version.source, (mid, year.year)
                        assert "https://" in version.source or "http://" in version.source
                        assert "seed" not in version.source
    assert cli("validate", "--workspace", str(REPO)).exit_code == 0
