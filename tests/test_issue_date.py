"""Who issues a document and when (SPEC "Documents: who issues them, when, and what they
may contain"): the issuer in force on the issue date, the date in the header block, and
nothing in the document dated after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from bkind.core.issue_date import default_report_issue, known_on, published_after
from bkind.model import Issue, Vintage, Workspace, YearActuals, YtdFigure

from conftest import MINIMAL_TARGETS, REPO


def header(path: Path) -> tuple[list[str], str]:
    block = Document(str(path)).tables[0]
    return block.rows[0].cells[0].text.splitlines()[:2], block.rows[1].cells[1].text


def text(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_march_report_is_issued_in_april_by_backan(cli, tmp_path):
    out = tmp_path / "r.docx"
    result = cli("report", "--month", "2025-03", "--lang", "vi", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    agency, date = header(out)
    assert agency == ["UBND TỈNH BẮC KẠN", "SỞ CÔNG THƯƠNG"]
    assert date == "Bắc Kạn, ngày ...... tháng 4 năm 2025"
    body = text(out)
    assert "202/2025/QH15" not in body and "sắp xếp thành" not in body  # the merger: later
    assert "Thái Nguyên" not in "\n".join(agency) + date


def test_after_the_merger_thai_nguyen_issues(cli, tmp_path):
    out = tmp_path / "r.docx"
    result = cli("report", "--month", "2025-03", "--lang", "vi", "--date", "15/7/2025",
                 "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert header(out) == (["UBND TỈNH THÁI NGUYÊN", "SỞ CÔNG THƯƠNG"],
                           "Thái Nguyên, ngày 15 tháng 7 năm 2025")
    assert "202/2025/QH15" in text(out)
    en = tmp_path / "en.docx"
    assert cli("review", "--lang", "en", "--date", "2026-01-09", "--output", str(en)) \
        .exit_code == 0
    assert header(en)[1] == "Thái Nguyên, 09 January 2026"


def test_review_and_thai_nguyen_status_default_to_today(cli, tmp_path):
    today = dt.date.today()
    for args in (["review"], ["status", "-w", "thainguyen-2030"]):
        out = tmp_path / "d.docx"
        assert cli(*args, "--lang", "vi", "--output", str(out)).exit_code == 0
        agency, date = header(out)
        assert agency == ["UBND TỈNH THÁI NGUYÊN", "SỞ CÔNG THƯƠNG"]
        month = f"{today.month:02d}" if today.month <= 2 else str(today.month)
        assert date == f"Thái Nguyên, ngày {today.day:02d} tháng {month} năm {today.year}"


@pytest.mark.parametrize(("lang", "words"), [("en", "expected a date"),
                                             ("vi", "phải là ngày/tháng/năm")])
@pytest.mark.parametrize("raw", ["2025-02-30", "15.4.2025", "2025-4"])
def test_bad_date_refused(cli, lang, words, raw):
    result = cli("status", "--date", raw, "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("--date: " + words)


def test_issuer_blocks_are_checked(cli, workspace):
    overlap = MINIMAL_TARGETS + (
        "document:\n  - {until: 2025-06-30, agency: A}\n  - {from: 2025-06-01, agency: B}\n")
    result = cli("status", "-w", str(workspace(overlap)), "--lang", "en")
    assert result.exit_code == 2
    assert "two issuer blocks are both in force on 2025-06-01" in result.stderr
    reversed_ = MINIMAL_TARGETS + "document:\n  - {from: 2025-07-01, until: 2025-06-30}\n"
    result = cli("status", "-w", str(workspace(reversed_, name="w2")), "--lang", "vi")
    assert result.exit_code == 2
    assert "targets.yaml:38: document: ngày until 2025-06-30 trước ngày from 2025-07-01" \
        in result.stderr


def test_published_after_compares_at_the_given_precision():
    assert published_after("2025-06-13", "2025-04-30")
    assert published_after("2025-05", "2025-04-30")
    assert not published_after("2025-04", "2025-04-15")  # not known to be later
    assert not published_after(None, "2000-01-01")  # undated: counts as known
    assert not published_after("2025-04-30", "2025-04-30")


def test_default_report_issue_and_known_until():
    assert default_report_issue(2025, 3) == Issue("2025-04-01", day_blank=True)
    assert default_report_issue(2024, 12) == Issue("2025-01-01", day_blank=True)
    assert Issue("2025-02-01", day_blank=True).known_until == "2025-02-28"
    assert Issue("2025-02-14").known_until == "2025-02-14"


def test_known_on_keeps_what_was_published_by_then():
    from bkind.io.load import load_workspace

    ws: Workspace = load_workspace(REPO)
    early = known_on(ws, Issue("2025-04-01", day_blank=True))
    late = [f for y in ws.years.values() for figs in y.ytd.values() for f in figs.values()
            if f.published and f.published > "2025-04-30"]
    assert late  # the H1 2025 estimates of 13/6/2025
    kept = [f for y in early.years.values() for figs in y.ytd.values() for f in figs.values()]
    assert all(not f.published or f.published <= "2025-04-30" for f in kept)
    assert known_on(ws, Issue("2030-01-01")) is ws
    year = YearActuals(2021, "x", values={"a": (Vintage(1.0, published="2021-12"),
                                                 Vintage(2.0, published="2022-06"),
                                                 Vintage(3.0))},
                       ytd={3: {"a": YtdFigure(1.0, published="2022-04-20")}})
    small = known_on(Workspace("x", ws.resolution, {}, (), {2021: year}), Issue("2022-03-01"))
    assert [v.value for v in small.years[2021].values["a"]] == [1.0, 3.0]
    assert small.years[2021].ytd == {}
