"""Excel (SPEC "Documents: who issues them ..."): sheet names in the document's language
within Excel's rules; the goal's value as a number beside its wording; numbers as numbers
in the status, project, compare and workspaces workbooks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook


def workbook(cli, tmp_path: Path, *args: str):
    out = tmp_path / "w.xlsx"
    result = cli(*args, "--output", str(out))
    assert result.exit_code in (0, 1), result.stderr
    return load_workbook(out)


@pytest.mark.parametrize("args", [("status",), ("project", "--year", "2030"),
                                  ("history", "industry_va_growth"), ("review",),
                                  ("compare",), ("report", "--month", "2025-03"),
                                  ("workspaces",)])
def test_sheet_names_in_the_language_and_within_excel_rules(cli, tmp_path, args):
    wb = workbook(cli, tmp_path, *args, "--lang", "vi")
    assert wb.sheetnames[-1] == "Nguồn"
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
        assert not name.startswith("'") and not name.endswith("'")
        assert not re.fullmatch(r"(Table|Sheet) ?\d*|Sources", name), name
        assert not name.endswith((" n", " t")), name  # cut at a word, not inside one


def test_status_goal_value_beside_its_wording(cli, tmp_path):
    ws = workbook(cli, tmp_path, "status", "--lang", "vi").worksheets[0]
    head = [c.value for c in ws[1]]
    goal, value, upper = (head.index(h) for h in ("Mục tiêu", "Mục tiêu: giá trị",
                                                  "Mục tiêu: cận trên"))
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    growth = rows["[1] Tăng trưởng GTTT công nghiệp"]
    assert "13%" in growth[goal].value and growth[value].value == pytest.approx(0.13)
    assert growth[value].number_format == "0.00%"
    share = next(r for k, r in rows.items() if k.startswith("[2]"))
    assert (share[value].value, share[upper].value) == (pytest.approx(0.08),
                                                        pytest.approx(0.10))
    count = next(r for k, r in rows.items() if k.startswith("[4]"))
    assert count[value].value == 4


def test_project_compare_and_workspaces_hold_numbers(cli, tmp_path):
    project = workbook(cli, tmp_path, "project", "--year", "2030", "--lang", "vi")
    main = project.worksheets[0]
    projected = [c.value for c in main["C"][1:]]
    assert any(isinstance(v, float) for v in projected)
    series = project.worksheets[1]
    assert all(isinstance(r[0].value, int) for r in series.iter_rows(min_row=2))
    assert any(isinstance(r[1].value, float) for r in series.iter_rows(min_row=2))
    compare = workbook(cli, tmp_path, "compare", "--lang", "vi")
    numbers = [c.value for ws in compare.worksheets[:-1] for row in ws.iter_rows(min_row=2)
               for c in row[1:] if c.value is not None]
    assert numbers and all(isinstance(v, (int, float)) or not re.fullmatch(r"[\d.,%]+", v)
                           for v in numbers)
    assert any(isinstance(v, (int, float)) for v in numbers)
    listing = workbook(cli, tmp_path, "workspaces", "--lang", "vi").worksheets[0]
    head = [c.value for c in listing[1]]
    targets = head.index(next(h for h in head if "chỉ tiêu" in h.lower()))
    assert 6 in [r[targets].value for r in listing.iter_rows(min_row=2)]
