"""The range wherever the value is (issue 18, item 6): an estimated value with a range
shows it beside the value, at the value's precision, in status (every format), project,
report and review; `project` never prints a run's average as each year's value; an
`every` target resting on fewer than half of the items says so.

The ranges are read from the JSON output (SPEC's `range`), so these tests hold whatever
the shipped figures become; what they check is that people see them."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from bkind.i18n import fmt_percent
from bkind.render.fmt import range_words, value_and_range, value_with_range


def pct(x: float, lang: str) -> str:
    """Two decimals kept, as a value beside its range is shown."""
    return fmt_percent(x, lang, trim=False)


def ranged_targets(cli) -> list[dict]:
    data = json.loads(cli("status", "--format", "json").stdout)
    out = [t for t in data["targets"] if t["range"] and t["range"][0] != t["range"][1]
           and t["type"] != "every"]
    assert out, "the shipped workspace has estimated values with a range"
    return out


def test_value_and_range_share_one_precision():
    assert value_with_range(0.099, (0.0989, 0.1105), None, "vi", rate=True) == \
        "9,90% (dao động từ 9,89% đến 11,05%)"
    assert value_with_range(0.099, (0.0989, 0.1105), None, "en", rate=True) == \
        "9.90% (range 9.89% to 11.05%)"
    # no range, or a range of one point: the value as usual, nothing beside it
    assert value_and_range(0.099, None, None, "vi", rate=True) == ("9,9%", "")
    assert value_and_range(0.099, (0.099, 0.099), None, "vi", rate=True) == ("9,9%", "")
    assert range_words((0.07, 0.0752), None, "vi", rate=True) == "dao động từ 7,00% đến 7,52%"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_table_shows_each_range_beside_its_value(cli, tmp_path, monkeypatch, lang):
    monkeypatch.chdir(tmp_path)
    targets = ranged_targets(cli)
    md = cli("status", "--format", "md", "--lang", lang).stdout
    html = cli("status", "--format", "html", "--lang", lang).stdout
    word = "dao động từ {} đến {}" if lang == "vi" else "range {} to {}"
    for t in targets:
        lo, hi = t["range"]
        words = word.format(pct(lo, lang), pct(hi, lang))
        row = next(line for line in md.splitlines() if line.startswith("| [")
                   and f"{pct(t['actual'], lang)}<br>({words})" in line)
        assert row
        assert words in html


def test_status_csv_and_json_carry_the_range(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    targets = {t["id"]: t for t in ranged_targets(cli)}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(cli("status", "--format",
                                                                "csv").stdout))}
    for tid, t in targets.items():
        assert json.loads(rows[tid]["range"]) == pytest.approx(t["range"])


def test_status_documents_show_the_range(cli, tmp_path, monkeypatch):
    import docx
    import openpyxl

    monkeypatch.chdir(tmp_path)
    targets = ranged_targets(cli)
    assert cli("status", "--lang", "vi", "--output", "s.docx", "--date",
               "2026-01-15").exit_code == 0
    assert cli("status", "--lang", "vi", "--output", "s.xlsx").exit_code == 0
    doc = docx.Document(str(tmp_path / "s.docx"))
    text = "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for tb in doc.tables for row in tb.rows for c in row.cells])
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    sheet = wb.worksheets[0]
    heads = [c.value for c in sheet[1]]
    low = next(i for i, h in enumerate(heads) if h and h.endswith(": dao động từ"))
    high = next(i for i, h in enumerate(heads) if h and h.endswith(": dao động đến"))
    numbers = [(row[low].value, row[high].value) for row in sheet.iter_rows(min_row=2)]
    for t in targets:
        lo, hi = t["range"]
        assert f"dao động từ {pct(lo, 'vi')} đến {pct(hi, 'vi')}" in text
        # the spreadsheet has both ends as numbers beside the value
        assert any(a == pytest.approx(lo) and b == pytest.approx(hi) for a, b in numbers)


def num(x: float) -> str:
    """A rate as the review's appendix prints it (its unit in its own column): 9,90."""
    return f"{x * 100:.2f}".replace(".", ",")


def test_review_shows_the_range_in_its_table_and_sentence(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("review", "--format", "json").stdout)
    md = cli("review", "--format", "md", "--lang", "vi").stdout
    ranged = [t for t in data["targets"] if t["range"] and t["range"][0] != t["range"][1]
              and t["value"] is not None and isinstance(t["value"], float)
              and t["verdict"] != "exceeded" and t["id"] != "clusters-occupied-2025"]
    assert ranged
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    for t in ranged:
        lo, hi = t["range"]
        # the sentence: the value at the range's precision, then the range
        assert f"{pct(t['value'], 'vi')}" in md
        assert f"(dao động từ {pct(lo, 'vi')} đến {pct(hi, 'vi')})" in md
        # the table's whole-period cell: the value, its kind, its range
        cell = re.compile(rf"\| {num(t['value'])}<br>\([^)|]*\)<br>\(dao động từ "
                          rf"{num(lo)} đến {num(hi)}\) \|")
        assert any(cell.search(row) for row in rows)
    csv_rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("review", "--format", "csv").stdout))}
    assert all(json.loads(csv_rows[t["id"]]["range"]) == pytest.approx(t["range"])
               for t in ranged)


def test_project_shows_the_range_and_carries_it_in_csv(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = {t["id"]: t for t in ranged_targets(cli)}
    data = json.loads(cli("project", "--year", "2026", "--format", "json").stdout)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("project", "--year", "2026", "--format", "csv").stdout))}
    md = cli("project", "--year", "2026", "--format", "md", "--lang", "vi").stdout
    seen = 0
    for t in data["targets"]:
        if t["id"] not in status or t["projected"] != pytest.approx(status[t["id"]]["actual"]):
            continue  # projected beyond the estimate: no range of its own
        seen += 1
        assert t["range"] == pytest.approx(status[t["id"]]["range"])
        assert json.loads(rows[t["id"]]["range"]) == pytest.approx(t["range"])
        lo, hi = t["range"]
        assert f"(dao động từ {pct(lo, 'vi')} đến {pct(hi, 'vi')})" in md
    assert seen


PROJECT_TARGETS = """\
resolution:
  id: T
  title: {en: "T", vi: "T"}
  baseline_year: 2020
metrics:
  va_growth: {name: {en: "VA growth", vi: "Tăng trưởng GTTT"}, kind: growth,
              prices: constant-2010, level: va}
  va: {name: {en: "VA", vi: "GTTT"}, kind: level, unit: bn VND, prices: constant-2010}
targets:
  - id: growth
    type: average_growth
    metric: va_growth
    period: [2021, 2025]
    above: 10%
"""


def test_project_never_shows_an_average_as_each_years_value(cli, workspace):
    """Levels 2020 and 2023 only: 2021-2023 have one average, shown once as such."""
    ws = workspace(PROJECT_TARGETS, {
        2020: "year: 2020\nvalues:\n  va: {value: 100, source: s}\n",
        2023: "year: 2023\nvalues:\n  va: {value: 133.1, source: s}\n",
    })
    for lang, average in (("vi", "bình quân/năm giai đoạn 2021-2023"),
                          ("en", "average a year over 2021-2023")):
        md = cli("project", "--workspace", str(ws), "--year", "2025", "--format", "md",
                 "--lang", lang).stdout
        table = md.split("VA growth" if lang == "en" else "Tăng trưởng GTTT:")[-1]
        rows = [line for line in table.splitlines() if line.startswith("| 20")]
        assert rows[0].startswith("| 2021–2023 | 10%/") and average in rows[0]
        assert not any(line.startswith(("| 2021 |", "| 2022 |", "| 2023 |")) for line in rows)


def test_every_target_on_few_items_says_so_in_note_and_sentence(cli, tmp_path, monkeypatch):
    """Bắc Kạn's occupancy target rests on 1 of the 7 clusters listed: the status note,
    the document's sentence, the review's sentence and the projection say so."""
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("status", "--format", "json").stdout)
    occupied = next(t for t in data["targets"] if t["type"] == "every")
    assert occupied["matching"] * 2 < 7  # fewer than half of the 7 listed
    few = f"{occupied['matching']}/7"
    md = cli("status", "--format", "md", "--lang", "vi").stdout
    assert f"điều kiện chỉ áp dụng cho {few} mục trong danh sách" in md
    assert cli("status", "--lang", "vi", "--output", "s.docx").exit_code == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs)
    assert f"kết quả này chỉ dựa trên {few} mục trong danh sách" in text
    review = cli("review", "--format", "md", "--lang", "vi").stdout
    assert f"kết quả này chỉ dựa trên {few} mục trong danh sách" in review
    project = cli("project", "--year", "2026", "--format", "md").stdout
    assert f"the condition concerns {occupied['matching']} of the 7 items" in project


def test_a_nowcast_years_range_is_beside_it_in_the_review_years(cli, tmp_path, monkeypatch):
    """The review's year-by-year cells show the estimated year's own range (the yearly
    estimate, not the period's)."""
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("review", "--format", "json").stdout)
    growth = next(t for t in data["targets"] if t["id"] == "industry-growth")
    nowcast = [y for y in growth["years"] if y["kind"] == "nowcast"]
    assert nowcast
    md = cli("review", "--format", "md", "--lang", "vi").stdout
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    table = cli("review", "--lang", "vi", env={"COLUMNS": "250"}).stdout
    for y in nowcast:
        assert re.search(rf"\| {re.escape(num(y['value']))}<br>\([^)|]*\)<br>"
                         r"\(dao động từ \d+,\d\d đến \d+,\d\d\) \|", row), row
        assert re.search(rf"{y['year']} \([^)]*\): {re.escape(pct(y['value'], 'vi'))} "
                         r"\(dao động từ \d+,\d\d% đến \d+,\d\d%\)", table), table


def test_the_reports_estimates_say_when_they_rest_on_few_items(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    md = cli("report", "--month", "2025-03", "--lang", "vi", "--format", "md").stdout
    line = next(x for x in md.splitlines() if x.startswith("- CCN có hạ tầng lấp đầy"))
    assert "kết quả này chỉ dựa trên 1/7 mục trong danh sách" in line
