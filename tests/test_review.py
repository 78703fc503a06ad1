"""`bkind review` (tổng kết): the verdict rules on small hand-built workspaces, the
yearly values and their kinds, the summary, the formats, and a workspace shaped like the
shipped one."""

from __future__ import annotations

import csv
import io
import json

import fixtures as F
import pytest
from msgspec.structs import replace
from test_core import avg_target, count_target, level_target, workspace

from bkind.core.review import review, verdict
from bkind.core.status import evaluate
from bkind.io.load import load_workspace
from bkind.render.views.review import review_view, sentence

from conftest import docs_text

YEARS = range(2021, 2026)


def reviewed(ws, *targets, as_of=2025):
    ws = replace(ws, targets=tuple(targets))
    return ws, review(ws, as_of)


def one(ws, target, as_of=2025):
    _, rv = reviewed(ws, target, as_of=as_of)
    return rv.targets[0]


# ------------------------------------------------------------------ verdict rules


@pytest.mark.parametrize(("rate", "expected"), [
    (0.15, "exceeded"),      # 15% > 13% + 1.3 points
    (0.14, "achieved"),      # met, but by less than a tenth of the bound
    (0.10, "not_achieved"),
])
def test_average_growth_verdicts(rate, expected):
    r = one(workspace({"r": dict.fromkeys(YEARS, rate)}), avg_target())
    assert r.verdict == expected
    assert r.value == pytest.approx(rate)
    assert [(y.year, y.kind) for y in r.years] == [(y, "published") for y in YEARS]


@pytest.mark.parametrize(("value", "expected"), [
    (0.11, "exceeded"),  # between: above the upper bound
    (0.10, "achieved"),
    (0.08, "achieved"),
    (0.07, "not_achieved"),
])
def test_between_exceeded_means_above_the_upper_bound(value, expected):
    target = level_target((0.08, 0.10), comparator="between", metric="s")
    ws = workspace({"v": {2020: 5.0, 2025: value * 100}, "den": {2020: 100.0, 2025: 100.0}})
    ws, rv = reviewed(ws, target)
    assert rv.targets[0].verdict == expected
    cell = review_view(ws, rv, "vi").tables[0].rows[0][-1]  # Vượt is never marked as missed
    assert cell.status == ("missed" if expected == "not_achieved" else "achieved")


def test_below_exceeded_is_past_the_bound_downwards():
    target = level_target(100.0, comparator="at_most")
    assert one(workspace({"v": {2020: 120.0, 2025: 85.0}}), target).verdict == "exceeded"
    assert one(workspace({"v": {2020: 120.0, 2025: 95.0}}), target).verdict == "achieved"


def test_a_target_due_after_as_of_is_in_progress_with_its_status():
    ws = workspace({"v": {2020: 100.0, 2024: 130.0}})
    r = one(ws, level_target(200.0, year=2030), as_of=2024)
    assert r.verdict == "in_progress"
    assert r.result.status == "acceleration_needed"  # 6.78%/yr observed, 7.18% needed
    assert [y.year for y in r.years] == list(range(2020, 2031))
    assert r.years[-1].value is None and r.years[-1].kind is None


def test_deadline_passed_without_a_figure_is_not_assessable():
    ws = workspace({"v": {2020: 100.0, 2023: 130.0}})
    r = one(ws, level_target(120.0, year=2025))
    assert r.result.status == "insufficient_data"
    assert r.verdict == "not_assessable"


def test_no_figures_at_all_is_not_assessable():
    ws = workspace({"v": {2020: 100.0}})
    r = one(ws, avg_target())
    assert r.verdict == "not_assessable" and r.value is None
    assert all(y.value is None for y in r.years)
    assert "no figures published" in sentence(replace(ws, targets=(avg_target(),)), r, "en")


def test_verdict_is_taken_at_the_deadline_not_later():
    """A 2023 target reviewed as of 2025 is judged on figures up to 2023."""
    ws = workspace({"v": {2020: 100.0, 2023: 150.0, 2025: 90.0}})
    target = level_target(140.0, year=2023)
    r = one(ws, target)
    assert r.evaluated_as_of == 2023 and r.verdict == "achieved"
    assert verdict(target, evaluate(ws, target, 2023), 2025) == "achieved"


def test_runs_covered_by_levels_give_each_year_the_average_rate():
    # v grows 10%/yr 2020-2024 (no rate published), g 2025 published
    ws = workspace({"v": {2020: 100.0, 2024: 146.41}, "g": {2025: 0.10}})
    r = one(ws, avg_target(metric="g"))
    assert [y.kind for y in r.years] == ["covered"] * 4 + ["published"]
    assert all(y.value == pytest.approx(0.10) for y in r.years)
    assert r.value == pytest.approx(0.10)


def test_count_years_and_summary():
    lists = {2023: [{"done": True}], 2025: [{"done": True}] * 5}
    ws = workspace({"r": dict.fromkeys(YEARS, 0.10)}, lists=lists)
    count = count_target(value=4)
    ws, rv = reviewed(ws, count, avg_target(), level_target(1.0, year=2030))
    c = rv.targets[0]
    assert c.verdict == "exceeded" and c.value == 5  # 5 > 4 + 0.4
    assert {y.year: y.value for y in c.years if y.value is not None} == {2023: 1.0, 2025: 5.0}
    assert rv.summary() == {"exceeded": 1, "achieved": 0, "not_achieved": 1,
                            "not_assessable": 0, "in_progress": 1, "discontinued": 0}


# ---------------------------------------------- a workspace shaped like the shipped one


@pytest.fixture(scope="module")
def like(tmp_path_factory):
    """A workspace shaped like the shipped one, with figures of its own (tests/fixtures.py)."""
    ws = load_workspace(F.backan_like(tmp_path_factory.mktemp("like") / "ws"), cache=None)
    return ws, review(ws, 2025)


def test_a_review_as_of_2025(like):
    _, rv = like
    got = {r.id: (r.verdict, r.estimated) for r in rv.targets}
    assert got == {
        "industry-growth": ("not_achieved", True),
        "industry-share-2025": ("not_achieved", True),
        "budget-revenue-growth": ("not_assessable", False),
        "clusters-complete-2025": ("not_achieved", True),
        "clusters-occupied-2025": ("achieved", True),
        # the province's own series ended in 06/2025: the 2030 share will never be judged
        "industry-share-2030": ("discontinued", True),
    }
    growth = rv.targets[0]
    assert [y.kind for y in growth.years] == ["covered"] * 4 + ["nowcast"]
    clusters = {y.year: y.kind for y in rv.targets[3].years if y.value is not None}
    assert clusters == {2024: "published", 2025: "estimate"}  # part-year
    assert rv.summary() == {"exceeded": 0, "achieved": 1, "not_achieved": 3,
                            "not_assessable": 1, "in_progress": 0,
                            "discontinued": 1}


def test_sentences_read_like_a_report(like):
    ws, rv = like
    vi = [sentence(ws, r, "vi") for r in rv.targets]
    # the 2021-2025 average with 2025 from each proxy, calibrated: the gross output central
    central, *others = [F.average(F.calibrated(g, g24)) for g, g24 in (
        (F.OUTPUT_H1, F.OUTPUT_GROWTH_2024), (F.IIP_Q1, F.IIP_2024), (F.CNXD_H1, F.CNXD_2024))]
    about, low, high = (f"{x:.2%}".replace(".", ",")
                        for x in (central, min(central, *others), max(central, *others)))
    assert vi[0].startswith("Tăng trưởng giá trị tăng thêm ngành công nghiệp bình quân giai "
                            f"đoạn 2021-2025 ước tính theo chỉ tiêu gián tiếp khoảng {about}/năm "
                            f"(dao động từ {low} đến {high})")
    assert vi[0].endswith("không đạt mục tiêu Nghị quyết đề ra (trên 13%/năm).")
    assert "không còn theo dõi (chuỗi số liệu riêng của tỉnh kết thúc tháng 6/2025)" \
        in vi[5]
    for text in vi + [sentence(ws, r, "en") for r in rv.targets]:
        for metric_id in ws.metrics:
            assert metric_id not in text.replace("-", " ").split()
    view = review_view(ws, rv, "vi")
    assert view.header[2].startswith("Có 1/6 chỉ tiêu đạt và vượt, 3/6 chỉ tiêu không đạt, "
                                     "1/6 chỉ tiêu chưa đủ số liệu để đánh giá, 1/6 chỉ tiêu "
                                     "không còn theo dõi.")
    verdicts = [row[-1].text for row in view.tables[0].rows]
    assert verdicts[0] == "Không đạt (ước tính theo chỉ tiêu gián tiếp)"
    assert verdicts[2] == "Chưa đủ số liệu để đánh giá"
    assert view.sections[-1].appendix


# ------------------------------------------------------------------ the command


def test_json_keys(cli):
    result = cli("review", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"resolution", "as_of", "summary", "targets"} <= set(data)
    assert set(data["summary"]) == {"exceeded", "achieved", "not_achieved", "not_assessable",
                                    "in_progress", "discontinued"}
    for t in data["targets"]:
        assert {"id", "verdict", "status", "estimated", "basis", "value", "range", "target",
                "years", "sentence"} <= set(t)
        assert all(set(y) == {"year", "value", "kind"} for y in t["years"])


def test_csv_one_row_per_target_and_fail_on(cli):
    result = cli("review", "--format", "csv", "--fail-on", "missed")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 6 and rows[0]["verdict"] == "not_achieved"


def test_as_of_and_html(cli):
    result = cli("review", "--as-of", "2024", "--format", "html", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    # a tổng kết, as the Word document: the appendix's years end with the review's year
    assert "<h2>I. Kết quả thực hiện</h2>" in result.stdout and "<svg" in result.stdout
    assert "<th class=r>2024</th>" in result.stdout
    assert "<th class=r>2025</th>" not in result.stdout
    assert "Sơ kết thực hiện" in result.stdout  # 2025 still due: an interim review


def test_readme_example_is_real_output(cli, tmp_path, monkeypatch):
    readme = docs_text()
    section = readme.split("## bkind review")[1].split("\n## ")[0]
    shown = [line[2:] for line in section.splitlines() if line.startswith("> ") and
             len(line) > 2]
    assert len(shown) == 7
    monkeypatch.chdir(tmp_path)
    result = cli("review", "--lang", "vi", "--format", "md")
    real = [line.rstrip() for line in result.stdout.splitlines()]
    for line in shown:
        assert line in real
