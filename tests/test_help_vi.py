"""Help and Typer's own messages in Vietnamese, chosen from --lang, BKIND_LANG or the
locale before Typer parses."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer.main

from bkind import help_vi
from bkind.cli import app


@pytest.fixture
def run(cli, capsys, monkeypatch):
    """`bkind ARGS` through main()'s path; (exit code, stdout, stderr)."""
    # run() sets BKIND_LANG for a --lang given before the command: restored afterwards
    monkeypatch.setenv("BKIND_LANG", "")
    monkeypatch.delenv("BKIND_LANG")
    def go(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        code = 0
        try:
            help_vi.run(app, list(args), env if env is not None else dict(os.environ))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    yield go
    help_vi.localize(typer.main.get_command(app), "en")


def test_every_command_has_vietnamese_examples():
    """(That every command and option has its help is the catalogue test's.)"""
    group = typer.main.get_command(app)
    for name in ("", *group.commands):  # type: ignore[attr-defined]
        assert "Ví dụ:" in (help_vi.help_text(name, None, "vi") or ""), name


@pytest.mark.parametrize("how", [("--lang", "vi"), ("--lang=vi",), "BKIND_LANG", "LANG"])
def test_command_help_in_vietnamese(run, how):
    env = dict(os.environ)
    args = ["status", "--help"]
    if how == "BKIND_LANG":
        env["BKIND_LANG"] = "vi"
    elif how == "LANG":
        env["LANG"] = "vi_VN.UTF-8"
    else:
        args += list(how)
    code, out, _ = run(*args, env=env)
    assert code == 0
    assert out.startswith("Cách dùng: bkind status [TÙY_CHỌN]\n")
    assert "\nTùy chọn:\n" in out and "\n  Ví dụ:\n" in out
    assert "Định dạng đầu ra (docx và xlsx" in out and "default" not in out
    assert "Hiện hướng dẫn này rồi thoát." in out
    assert "Options" not in out and "Examples" not in out and "Usage" not in out


def test_top_level_help_in_vietnamese(run):
    code, out, _ = run("--help", "--lang", "vi")
    assert code == 0
    assert out.startswith("Cách dùng: bkind [TÙY_CHỌN] LỆNH [THAM_SỐ]...")
    assert "\nLệnh:\n" in out and "Hiện phiên bản rồi thoát." in out


def test_english_stays_english(run):
    code, out, _ = run("status", "--help", env={})
    assert code == 0
    assert out.startswith("Usage: bkind status [OPTIONS]") and "Examples:" in out


@pytest.mark.parametrize("args, error", [
    (["status", "--nope"], "Lỗi: Không có tùy chọn --nope"),
    (["status", "--format", "x"], "Lỗi: Giá trị không hợp lệ cho '--format' / '-f': 'x' "
                                  "không phải một trong các giá trị 'table', 'json', 'csv', "
                                  "'md', 'html', 'docx', 'xlsx'."),
    (["history"], "Lỗi: Thiếu tham số 'METRIC'."),
    (["project"], "Lỗi: Thiếu tùy chọn '--year'."),
    (["project", "--year", "x"], "Lỗi: Giá trị không hợp lệ cho '--year': 'x' không phải số "
                                 "nguyên."),
    (["nope"], "Lỗi: Không có lệnh 'nope'."),
    (["status", "extra"], "Lỗi: Thừa tham số: extra"),
])
def test_typer_errors_in_vietnamese(run, args, error):
    code, _, err = run(*args, env={"BKIND_LANG": "vi"})
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[0].startswith("Cách dùng: bkind")
    assert lines[1].startswith("Xem hướng dẫn: 'bkind")
    assert lines[-1] == error


def test_the_installed_command_speaks_vietnamese():
    env = {**os.environ, "BKIND_LANG": "vi"}
    done = subprocess.run([sys.executable, "-m", "bkind", "status", "--nope"], env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == "Lỗi: Không có tùy chọn --nope"
