"""Error messages in Vietnamese: every bad-input problem is a catalogue entry, printed in
the language of --lang / BKIND_LANG / the locale, with English left exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bkind.errors import BkindError, Problem, msg
from bkind.io.load import load_workspace

from conftest import MINIMAL_TARGETS, docs_text

DATA = Path(__file__).parent / "data"
BAD = sorted([("bad_targets", p.stem) for p in (DATA / "bad_targets").glob("*.yaml")]
             + [("bad_actuals", p.stem) for p in (DATA / "bad_actuals").glob("*.yaml")])

VI = {
    ("bad_targets", "alias_bomb"): [
        "targets.yaml:1: tệp của bkind không được dùng neo và tham chiếu YAML (&name, *name)"],
    ("bad_targets", "bad_kind"): [
        "targets.yaml:9: kind: giá trị 'grwoth' không hợp lệ (chọn một trong: growth, share, "
        "level, count)"],
    ("bad_targets", "bare_fraction"): [
        "targets.yaml:31: mục tiêu 'growth': above: số 0.13 thiếu dấu % (ở đây cần tỷ lệ phần "
        "trăm): hãy viết 0.13%, hoặc 13% nếu 0.13 là tỷ lệ dạng thập phân"],
    ("bad_targets", "duplicate_id"): [
        "targets.yaml:32: mã mục tiêu 'growth' bị trùng (đã có ở dòng 27)"],
    ("bad_targets", "duplicate_key"): [
        "targets.yaml:10: khóa 'kind' bị lặp (YAML sẽ chỉ giữ lại khóa cuối cùng)"],
    ("bad_targets", "malformed"): [  # the parser's own detail stays as PyYAML words it
        "targets.yaml:31: YAML không hợp lệ: dấu '[...]' chưa đóng, hoặc thiếu dấu phẩy bên "
        "trong"],
    ("bad_targets", "missing_field"): [
        "targets.yaml:27: mục tiêu 'growth': thiếu khóa 'period' (bắt buộc với loại "
        "average_growth)"],
    ("bad_targets", "percent_on_level"): [
        "targets.yaml:41: mục tiêu 'va-2025': at_least: 13% là tỷ lệ phần trăm, nhưng chỉ tiêu "
        "này không phải tốc độ tăng hay tỷ trọng: hãy viết một số thông thường"],
    ("bad_targets", "price_mix"): [
        "targets.yaml:25: chỉ tiêu 'share': tử số 'va' tính theo giá so sánh 2010 "
        "(constant-2010) nhưng mẫu số 'grdp' tính theo giá hiện hành (current): tỷ trọng phải "
        "tính trên cùng một loại giá"],
    ("bad_targets", "reversed_period"): [
        "targets.yaml:30: mục tiêu 'growth': giai đoạn (period) bị ngược: 2025 > 2021"],
    ("bad_targets", "two_comparators"): [
        "targets.yaml:32: mục tiêu 'growth': cần đúng một trong các khóa above, at_least, "
        "below, at_most, between, about (đang có above, at_least)"],
    ("bad_targets", "unknown_top"): [
        "targets.yaml:26: khóa 'target' không hợp lệ (các khóa được dùng: resolution, metrics, "
        "targets, document, review)"],
    ("bad_actuals", "bad_published"): [
        "actuals/2024.yaml:3: published: phải là ngày dạng YYYY-MM-DD (hoặc YYYY-MM), giá trị "
        "đã nhập: 'last week'"],
    ("bad_actuals", "bare_growth"): [
        "actuals/2024.yaml:3: va_growth: số 11.03 thiếu dấu % (ở đây cần tỷ lệ phần trăm): "
        "hãy viết 11.03%"],
    ("bad_actuals", "unknown_metric"): [
        "actuals/2024.yaml:3: chỉ tiêu 'va_grwth' chưa được khai báo trong targets.yaml; có "
        "phải ý bạn là 'va_growth'?"],
    ("bad_actuals", "unknown_value_key"): [
        "actuals/2024.yaml:5: khóa 'sauce' không hợp lệ (các khóa được dùng: value, source, "
        "status, published, note, confirmed, prices)"],
    ("bad_actuals", "year_mismatch"): [
        "actuals/2024.yaml:1: năm 2023 không khớp với tên tệp 2024.yaml"],
}


def problems_in(tmp_path: Path, folder: str, name: str) -> list[Problem]:
    (tmp_path / "actuals").mkdir()
    if folder == "bad_targets":
        shutil.copy(DATA / folder / f"{name}.yaml", tmp_path / "targets.yaml")
    else:
        (tmp_path / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
        shutil.copy(DATA / folder / f"{name}.yaml", tmp_path / "actuals" / "2024.yaml")
    with pytest.raises(BkindError) as info:
        load_workspace(tmp_path, shown_root="")
    return info.value.problems


@pytest.mark.parametrize(("folder", "name"), sorted(VI))
def test_bad_file_in_vietnamese(tmp_path, folder, name):
    assert [p.render("vi") for p in problems_in(tmp_path, folder, name)] == VI[folder, name]


@pytest.mark.parametrize(("folder", "name"), BAD)
def test_every_loader_problem_is_keyed(tmp_path, folder, name):
    for problem in problems_in(tmp_path, folder, name):
        assert problem.msg is not None, str(problem)
        assert problem.msg.render("en") == problem.message  # English from the same entry
        assert problem.render("en") == str(problem)
        assert problem.render("vi") != str(problem)


def test_msgspec_wording_is_translated(workspace):
    root = workspace(MINIMAL_TARGETS.replace("period: [2021, 2025]", "period: 2021"))
    with pytest.raises(BkindError) as info:
        load_workspace(root, shown_root="")
    (problem,) = info.value.problems
    assert str(problem) == "targets.yaml:30: period: expected `array | null`, got `int`"
    assert problem.render("vi") == ("targets.yaml:30: period: phải là danh sách hoặc giá trị "
                                    "rỗng (null), giá trị đã nhập là số nguyên")


def test_a_problem_without_a_key_prints_its_message_in_any_language():
    assert Problem("x.yaml", 3, "odd").render("vi") == "x.yaml:3: odd"
    assert Problem.of("x.yaml", None, msg("err.file_not_found")).render("vi") == \
        "x.yaml: không tìm thấy tệp"


# ------------------------------------------------------------------------------ CLI

BROKEN = {2024: "year: 2024\nvalues:\n  va_growth: 9\n"}
VI_LINE = "actuals/2024.yaml:3: va_growth: số 9 thiếu dấu % (ở đây cần tỷ lệ phần trăm): hãy " \
          "viết 9%"


@pytest.mark.parametrize(("args", "env"), [
    (("--lang", "vi"), {}),
    ((), {"BKIND_LANG": "vi"}),
    ((), {"LANG": "vi_VN.UTF-8"}),
])
def test_status_on_a_broken_workspace_in_vietnamese(cli, workspace, args, env):
    root = workspace(actuals=BROKEN)
    result = cli("status", "-w", str(root), *args, env=env)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{root}/{VI_LINE}"]


def test_english_stays_the_default_and_wins_over_the_locale(cli, workspace):
    root = workspace(actuals=BROKEN)
    for args, env in (((), {}), (("--lang", "en"), {"LANG": "vi_VN.UTF-8"})):
        result = cli("status", "-w", str(root), *args, env=env)
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"{root}/actuals/2024.yaml:3: va_growth: bare number 9 where a percent is "
            "required: write 9%"]


def test_an_unknown_language_is_reported_in_english(cli, workspace):
    result = cli("status", "-w", str(workspace()), "--lang", "fr", env={"LANG": "vi_VN"})
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["--lang: unknown language 'fr' (use vi or en)"]


@pytest.mark.parametrize(("args", "line"), [
    (("status", "--fail-on", "late"),
     "--fail-on: đánh giá 'late' không hợp lệ (chọn một trong: achieved, on_track, "
     "acceleration_needed, limited_progress, deterioration, missed, insufficient_data, "
     "discontinued)"),
    (("project", "--year", "2030", "--assume", "grdp=7"),
     "--assume: grdp: số 7 thiếu dấu % (ở đây cần tỷ lệ phần trăm): hãy viết 7%"),
    (("project", "--year", "2030", "--assume", "nope=5%"),
     "--assume: chỉ tiêu 'nope' không tồn tại (các chỉ tiêu có: va_growth, va, grdp, share)"),
    (("project", "--year", "2020"),
     "--year: năm 2020 trước năm gần nhất có số liệu (2024): dự báo phải bắt đầu sau số liệu "
     "đã có"),
    (("report", "--month", "2025-13"),
     "--month: phải là tháng/năm, ví dụ 3/2025, giá trị đã nhập: '2025-13' (tháng phải từ 1 "
     "đến 12)"),
    (("history", "nope"),
     "METRIC: chỉ tiêu 'nope' không tồn tại (chọn một trong: va_growth, va, grdp, share)"),
])
def test_option_errors_in_vietnamese(cli, workspace, args, line):
    root = workspace(actuals={2024: "year: 2024\nvalues:\n  va_growth: 9%\n"})
    result = cli(*args, "-w", str(root), "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == line  # after the workspace line, if any


def test_fail_on_line_in_vietnamese(cli, workspace):
    root = workspace(actuals={y: f"year: {y}\nvalues:\n  va_growth: 1%\n"
                              for y in (2021, 2022, 2023)})
    result = cli("status", "-w", str(root), "-f", "csv", "--fail-on", "missed,"
                 "limited_progress,deterioration", "--lang", "vi")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == \
        "--fail-on: growth có đánh giá Chậm tiến độ (limited_progress)"


def test_ingest_row_errors_in_vietnamese(cli, workspace, monkeypatch):
    root = workspace(actuals={2024: "year: 2024\nvalues:\n  va: {value: 642, published: "
                                    "2025-01}\n"})
    monkeypatch.chdir(root)
    (root / "f.csv").write_text(
        "year,month,metric,value,status,published,source\n"
        "2024,13,va,1,,,\n"
        "2024,,va,\"2.023,72\",,,\n"
        "2024,,va,5,guessed,2025-13,\n"
        "2024,,va,650,,2025-01,\n", encoding="utf-8")
    result = cli("ingest", "f.csv", "--lang", "vi", "--decimal-point")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "f.csv:2: month (cột B): phải là số tháng từ 1 đến 12 (số lũy kế) hoặc để trống (số "
        "cả năm), giá trị đã nhập: '13'",
        "f.csv:3: Giá trị: phải là một số, giá trị đã nhập: '2.023,72' (số viết kiểu Việt Nam như "
        "2.023,72 hoặc 13,2%? hãy thêm --decimal-comma)",
        "f.csv:4: status (cột E): giá trị 'guessed' không hợp lệ (chọn một trong: ước tính, sơ "
        "bộ, chính thức)",
        "f.csv:4: published (cột F): phải là ngày dạng dd/mm/yyyy (hoặc tháng/năm như "
        "4/2026), giá trị đã nhập: '2025-13' (tháng phải từ 1 đến 12)",
    ]
    (root / "f.csv").write_text("year,month,metric,value,status,published,source\n"
                                "2024,,va,650,,2025-01,\n2024,3,va,600,,,\n", encoding="utf-8")
    result = cli("ingest", "f.csv", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "f.csv:2: va 2024 (công bố 2025-01): value khác với số liệu đã lưu tại "
        "actuals/2024.yaml:3; số liệu điều chỉnh cần ngày công bố ('published') riêng, hoặc "
        "dùng --replace"]


def test_the_readme_example_is_real_output(cli, workspace, monkeypatch):
    root = workspace()
    shutil.copy(DATA / "bad_actuals" / "bare_growth.yaml", root / "actuals" / "2024.yaml")
    monkeypatch.chdir(root)
    result = cli("status", "--lang", "vi")
    assert result.exit_code == 2
    readme = docs_text()
    assert f"$ bkind status --lang vi\n{result.stderr}```" in readme
