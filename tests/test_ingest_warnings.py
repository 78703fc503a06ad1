"""ingest prints, after writing, validate's warnings that the new rows raise (and only
those), naming metrics by name."""

from __future__ import annotations

import json

from tests.conftest import MINIMAL_TARGETS


def test_a_falling_cumulative_is_warned_about_after_writing(workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {
        2025: "year: 2025\nytd:\n  2:\n    va: {value: 5.9, source: s}\n"})
    monkeypatch.chdir(root)
    (root / "f.csv").write_text("Năm;Tháng;Chỉ tiêu;Giá trị;Nguồn\n2025;3;va;5,2;s\n",
                                encoding="utf-8")
    result = cli("ingest", "f.csv", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "actuals/2025.yaml:6: cảnh báo: Giá trị tăng thêm năm 2025: số lũy kế giảm từ " \
        "5,9 (tháng 2) xuống 5,2 (tháng 3)" in out
    assert "va năm" not in result.stdout  # the name, not the id
    assert "5.2" in (root / "actuals" / "2025.yaml").read_text(encoding="utf-8")


def test_months_that_do_not_add_up_and_only_the_new_ones(workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {2025: """\
year: 2025
ytd:
  1:
    va: {value: 3, month_value: 3, source: s}
  2:
    va: {value: 5, month_value: 2.5, source: s}
"""})
    monkeypatch.chdir(root)
    (root / "f.csv").write_text("year,month,metric,value,month_value,source\n"
                                "2025,3,va,9,1,s\n", encoding="utf-8")
    result = cli("ingest", "f.csv", "--format", "json", "--decimal-point")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    # month 2 already did not add up (3 + 2.5 != 5): not the new row's warning
    assert [w["message"].split(":")[0] for w in warnings] == ["Value added 2025, months 1-3"]


def test_no_warning_when_the_rows_are_consistent(workspace, cli, monkeypatch):
    root = workspace(MINIMAL_TARGETS, {})
    monkeypatch.chdir(root)
    (root / "f.csv").write_text("year,month,metric,value,source\n2025,1,va,3,s\n"
                                "2025,2,va,5,s\n", encoding="utf-8")
    result = cli("ingest", "f.csv", "--decimal-point")
    assert result.exit_code == 0
    assert ": warning:" not in result.stdout
