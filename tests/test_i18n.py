"""The Vietnamese-first interface: one catalogue, both languages, Vietnamese numbers."""

from __future__ import annotations

import re

import pytest

from bkind.i18n import detect_lang, fmt_date, fmt_number, fmt_percent, t

ENGLISH_STATUS_WORDS = ["Achieved", "On track", "Acceleration needed", "Limited progress",
                        "Deterioration", "Missed", "Insufficient data"]


def test_status_names_are_the_official_terms():
    assert [t(f"status.{s}", "vi") for s in ("achieved", "on_track", "acceleration_needed",
                                             "limited_progress", "deterioration", "missed",
                                             "insufficient_data")] == [
        "Đạt", "Bảo đảm tiến độ", "Cần đẩy nhanh tiến độ", "Chậm tiến độ", "Suy giảm",
        "Không đạt", "Chưa đủ số liệu để đánh giá"]


@pytest.mark.parametrize(("x", "lang", "digits", "expected"), [
    (2023.72, "vi", 2, "2.023,72"), (2023.72, "en", 2, "2,023.72"),
    (1285.558, "vi", 3, "1.285,558"), (7406.5, "vi", 2, "7.406,5"), (855.0, "vi", 2, "855"),
    (-0.0004, "en", 2, "0"), (1_000_000, "vi", 0, "1.000.000"),
])
def test_numbers(x, lang, digits, expected):
    assert fmt_number(x, lang, digits) == expected


def test_percent_and_dates():
    assert fmt_percent(0.135, "vi") == "13,5%"
    assert fmt_percent(0.1103, "en", sign=True) == "+11.03%"
    assert fmt_date("2024-11-12", "vi") == "12/11/2024"
    assert fmt_date("2025-06", "vi") == "6/2025"  # a month as "tháng 6/2025"
    assert fmt_date("2024-11-12", "en") == "2024-11-12"


@pytest.mark.parametrize(("option", "env", "expected"), [
    ("en", {"BKIND_LANG": "vi"}, "en"),
    (None, {"BKIND_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
    (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
    (None, {"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
    (None, {"LC_ALL": "vi_VN"}, "vi"),
    (None, {}, "en"),
])
def test_language_choice(option, env, expected):
    assert detect_lang(option, env) == expected


@pytest.mark.parametrize("args", [("status",), ("status", "--as-of", "2024"),
                                  ("project", "--year", "2030"), ("status", "--format", "md"),
                                  ("report", "--month", "2025-03"),
                                  ("report", "--month", "2025-06", "--format", "md")])
def test_vietnamese_output_has_no_english_status_words(cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--lang", "vi", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    for word in ENGLISH_STATUS_WORDS:
        assert word not in result.stdout, word
    assert re.search(r"\d,\d+%", result.stdout)  # decimal commas
    assert not re.search(r"\d\.\d+%", result.stdout)
    assert "bn VND" not in result.stdout  # units in Vietnamese too


@pytest.mark.parametrize("args", [("status",), ("project", "--year", "2030"),
                                  ("report", "--month", "2025-03"),
                                  ("history", "grdp_growth"), ("validate",)])
def test_json_is_the_same_in_every_language(cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    en = cli(*args, "--format", "json", "--lang", "en")
    vi = cli(*args, "--format", "json", "--lang", "vi")
    assert en.exit_code == 0 and en.stdout == vi.stdout
