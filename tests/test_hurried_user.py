"""A hurried user's commonest mistakes, each answered in Vietnamese under --lang vi,
with what to do: misspelt options, commands, metrics, workspaces and columns, a missing
option value, a decimal comma, a TAB or a colon in YAML, a file open in Excel, Excel's
lock file, a CSV in the wrong encoding (issue 19, item 5)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import typer.main

from bkind import help_vi
from bkind.cli import app
from tests.conftest import MINIMAL_TARGETS

GOOD_2024 = "year: 2024\nvalues:\n  grdp: {value: 9531, source: s}\n  va: {value: 642, source: s}\n"
# English that must never reach a Vietnamese reader
ENGLISH = re.compile(r"No such|Did you mean|Possible options|did you mean|invalid YAML|"
                     r"expected|Error:|Usage:|Permission denied|not UTF-8 text|cannot start|"
                     r"mapping values|Try '")


@pytest.fixture
def run(cli, capsys, monkeypatch, workspace):
    """`bkind ARGS --lang vi` through main()'s path, in a workspace; (exit, out, err)."""
    monkeypatch.setenv("BKIND_LANG", "")
    monkeypatch.delenv("BKIND_LANG")
    root = workspace(MINIMAL_TARGETS, {2024: GOOD_2024})
    monkeypatch.chdir(root)

    def go(*args: str) -> tuple[int, str, str]:
        code = 0
        try:
            help_vi.run(app, ["--lang", "vi", *args], dict(os.environ))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    yield go
    help_vi.localize(typer.main.get_command(app), "en")


def _yaml(text: str):
    def setup(root: Path, monkeypatch) -> None:
        (root / "actuals" / "2024.yaml").write_text(text, encoding="utf-8")
    return setup


def _file(name: str, data: bytes):
    def setup(root: Path, monkeypatch) -> None:
        (root / name).write_bytes(data)
    return setup


def _open_in_excel(root: Path, monkeypatch) -> None:
    (root / "thang-3.csv").write_text("Năm;Chỉ tiêu;Giá trị\n2024;va;642\n", encoding="utf-8")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("thang-3.csv"):
            raise PermissionError(1, "Operation not permitted")
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", refuse)


CP1258_CSV = "Năm;metric;value\n2024;va;642\n".encode("cp1258")  # ă: one byte, 0xE3

MISTAKES = [
    ("option", ["status", "--formt", "json"], None,
     ["Không có tùy chọn --formt", "Có phải ý bạn là: --format?"]),
    ("command", ["statu"], None, ["Không có lệnh 'statu'. Có phải ý bạn là 'status'?"]),
    ("choice", ["status", "--format", "jsn"], None, ["Có phải ý bạn là 'json'?"]),
    ("option-value", ["status", "--format"], None, ["Tùy chọn '--format' cần một giá trị."]),
    ("integer", ["status", "--as-of", "2O24"], None, ["'2O24' không phải số nguyên"]),
    ("metric", ["history", "grdp_grwth"], None, ["có phải ý bạn là 'grdp'?"]),
    ("workspace", ["status", "--workspace", "backan16"], None,
     ["có phải ý bạn là 'backan-16'?"]),
    ("fail-on", ["status", "--fail-on", "mised"], None, ["có phải ý bạn là 'missed'?"]),
    ("metric-in-yaml", ["validate"], _yaml("year: 2024\nvalues:\n  grpd: 9531\n"),
     ["actuals/2024.yaml:3:", "có phải ý bạn là 'grdp'?"]),
    ("decimal-comma", ["validate"],
     _yaml("year: 2024\nvalues:\n  va: {value: 64,2, source: s}\n"),
     ["actuals/2024.yaml:3:", "dấu phẩy thập phân", "dùng dấu chấm"]),
    ("decimal-comma-percent", ["validate"],
     _yaml("year: 2024\nvalues:\n  va_growth: 11,03%\n"),
     ["actuals/2024.yaml:3:", "dùng dấu chấm: 11.03%"]),
    ("tab", ["validate"], _yaml("year: 2024\nvalues:\n\tgrdp: 9531\n"),
     ["actuals/2024.yaml:3:", "chỉ thụt lề bằng dấu cách"]),
    ("colon", ["validate"],
     _yaml("year: 2024\nvalues:\n  grdp:\n    value: 9531\n    source: Cục Thống kê: "
           "thông cáo\n"),
     ["actuals/2024.yaml:5:", "đặt trong ngoặc kép"]),
    ("column", ["ingest", "f.csv"], _file("f.csv", "Năm;Chỉ tiu;Giá trị\n2024;va;642\n"
                                          .encode()),
     ["f.csv:1:", "có phải ý bạn là 'Chỉ tiêu'?"]),
    ("open-file", ["ingest", "thang-3.csv"], _open_in_excel,
     ["thang-3.csv:", "có thể tệp đang mở trong Excel hoặc Word", "hãy đóng tệp"]),
    ("lock-file", ["ingest", "~$thang-4.xlsx"], _file("~$thang-4.xlsx", b"\x07Nguyen "),
     ["tệp khóa tạm", "hãy nhập tệp thang-4.xlsx"]),
    ("encoding", ["ingest", "f.csv"], _file("f.csv", CP1258_CSV),
     ["f.csv:1:", "hãy lưu bằng CSV UTF-8"]),
    ("not-found", ["ingest", "thang-5.csv"], None, ["thang-5.csv: không tìm thấy tệp"]),
]


@pytest.mark.parametrize("args, setup, wanted", [m[1:] for m in MISTAKES],
                         ids=[m[0] for m in MISTAKES])
def test_each_mistake_gets_a_vietnamese_actionable_answer(run, monkeypatch, args, setup,
                                                          wanted):
    if setup is not None:
        setup(Path.cwd(), monkeypatch)
    code, out, err = run(*args)
    assert code == 2
    for text in wanted:
        assert text in err, err
    assert not ENGLISH.search(err), err
    assert "Traceback" not in err


def test_lang_vn_is_vietnamese(run):
    code, out, err = run("status", "--format", "csv")
    assert code == 0
    code_vn = 0
    try:
        help_vi.run(app, ["status", "--lang", "vn"], dict(os.environ))
    except SystemExit as exc:
        code_vn = int(exc.code or 0)
    assert code_vn == 0
