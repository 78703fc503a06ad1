"""Notes and dates as a Vietnamese document writes them, and what a document may state
(issue 18): months as 6/2025, days as 01/7/2025; no English in Vietnamese output; a
target before its period says the period has not started; a note about something
published later is not in a document issued before it."""

from __future__ import annotations

import json
import re

import pytest

from bkind.i18n import fmt_date

# words of English prose that Vietnamese output never holds (sources and addresses,
# quoted as published, are taken out before looking)
ENGLISH = re.compile(r"\b(the|of the|and the|not|published|computed|differs|month|months|"
                     r"year to date|estimate|estimated|figures?|prices|alone|printed|"
                     r"range|average|covered|levels|proxy|calibrated|context)\b")


def test_vietnamese_months_have_no_leading_zero_and_days_follow_decree_30():
    assert fmt_date("2025-06", "vi") == "6/2025"
    assert fmt_date("2025-12", "vi") == "12/2025"
    assert fmt_date("2025-07-01", "vi") == "01/7/2025"
    assert fmt_date("2025-06-13", "vi") == "13/6/2025"
    assert fmt_date("2025-01-05", "vi") == "05/01/2025"  # January and February: 01, 02
    assert fmt_date("2025-02-28", "vi") == "28/02/2025"
    assert fmt_date("2025-06", "en") == "2025-06"


def test_no_month_written_with_a_leading_zero_in_vietnamese_output(cli, tmp_path,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (("status",), ("review",), ("status", "--sources"),
                 ("report", "--month", "2025-06")):
        out = cli(*args, "--lang", "vi", "--format", "md").stdout
        # what bkind writes itself (sources are quoted as published)
        own = [line for line in out.splitlines() if "Nguồn" not in line
               and not line.startswith("- [") or "nguồn năm" not in line]
        for line in own:
            line = re.sub(r"https?://\S+", "", line)
            assert not re.search(r"tháng 0\d/20\d\d", line), line
    status = cli("status", "--lang", "vi", "--format", "md").stdout
    assert "kết thúc tháng 6/2025" in status  # the series end, as a report writes it


def _own_text(text: str) -> str:
    """A document's text less what it quotes: sources (as published) and addresses."""
    text = re.sub(r"https?://\S+", "", text)
    kept = []
    for line in text.splitlines():
        if re.match(r"^(- )?\[[A-Z0-9]+\](\[\d+\])* (nguồn|.*lũy kế đến tháng|.*: )", line) \
                and ("Báo" in line or "Cổng" in line or "Sở" in line or "Cục" in line):
            continue  # a source line: the publisher's own words
        kept.append(line)
    return "\n".join(kept)


@pytest.mark.parametrize("month", ["2020-07", "2024-12", "2025-02", "2025-03", "2025-06"])
def test_no_english_reaches_a_vietnamese_monthly_report(cli, tmp_path, monkeypatch, month):
    monkeypatch.chdir(tmp_path)
    for fmt in ("md", "table"):
        out = cli("report", "--month", month, "--lang", "vi", "--format", fmt,
                  env={"COLUMNS": "200"}).stdout
        body = _own_text(out.split("Nguồn số liệu")[0])
        found = ENGLISH.findall(body)
        assert not found, (found, [line for line in body.splitlines()
                                   if ENGLISH.search(line)][:5])


def test_no_english_in_vietnamese_status_and_review(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in ("status", "review"):
        out = cli(command, "--lang", "vi", "--format", "md").stdout
        body = _own_text(out.split("Nguồn số liệu")[0])
        assert not ENGLISH.findall(body), [line for line in body.splitlines()
                                           if ENGLISH.search(line)][:5]


# --------------------------------------------------------- before the period starts


def test_a_report_before_the_period_says_it_has_not_started(cli, tmp_path, monkeypatch):
    """July 2020 is judged as of 2019, before the Resolution's period (2021-2025): no
    target is "chưa đủ số liệu để đánh giá"; each says the period has not started."""
    monkeypatch.chdir(tmp_path)
    md = cli("report", "--month", "2020-07", "--lang", "vi", "--format", "md").stdout
    targets = md.split("Các chỉ tiêu của Nghị quyết")[1]
    rows = [line for line in targets.splitlines() if line.startswith("| [")]
    assert rows and all(row.rstrip(" |").endswith("Chưa đến kỳ thực hiện") for row in rows)
    assert "Chưa đủ số liệu để đánh giá" not in targets
    assert "chưa đến kỳ thực hiện Nghị quyết (giai đoạn 2021-2025)" in targets
    assert "? Chưa đến" not in targets  # no status symbol: there is no status yet
    data = json.loads(cli("report", "--month", "2020-07", "--format", "json").stdout)
    # JSON keeps SPEC's status, the note saying why
    assert {t["status"] for t in data["targets"]} == {"insufficient_data"}
    assert all("has not started" in t["note"] for t in data["targets"])


def test_status_and_review_before_the_period(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = cli("status", "--as-of", "2019", "--lang", "vi", "--format", "md").stdout
    assert "Có 6/6 chỉ tiêu chưa đến kỳ thực hiện." in status  # one form with the review
    review = cli("review", "--as-of", "2019", "--lang", "vi", "--format", "md").stdout
    assert "Có 6/6 chỉ tiêu chưa đến kỳ thực hiện." in review
    assert "chưa đến kỳ thực hiện Nghị quyết (giai đoạn 2021-2025); mục tiêu đến năm 2025" \
        in review
    assert "đang thực hiện" not in review.lower().split("ghi chú")[0]
    # once the period has begun, the usual statuses
    later = cli("status", "--as-of", "2022", "--lang", "vi", "--format", "md").stdout
    assert "Chưa đến kỳ thực hiện" not in later


# ------------------------------------------------------------------- dated notes


def test_a_note_published_later_is_not_in_an_earlier_document(cli, tmp_path, monkeypatch):
    """The GRDP 2021-2025 note reports a figure published about 1/7/2025: the April 2025
    report (issued in May) leaves it out, the June report (issued in July) has it."""
    monkeypatch.chdir(tmp_path)
    april = cli("report", "--month", "2025-04", "--lang", "vi", "--format", "md").stdout
    june = cli("report", "--month", "2025-06", "--lang", "vi", "--format", "md").stdout
    assert "6,58%/năm" not in april
    assert "6,58%/năm" in june
    early = cli("status", "--lang", "vi", "--format", "md", "--date", "2025-06-30").stdout
    assert "6,58%/năm" not in early
    assert "6,58%/năm" in cli("status", "--lang", "vi", "--format", "md").stdout


DATED = """\
resolution:
  id: T
  title: {en: "T", vi: "T"}
  baseline_year: 2020
metrics:
  va_growth: {name: {en: "VA growth", vi: "Tăng trưởng GTTT"}, kind: growth,
              prices: constant-2010}
targets:
  - id: growth
    type: average_growth
    metric: va_growth
    period: [2021, 2025]
    above: 10%
    note:
      en: "A later figure"
      vi: "Một số công bố sau"
      published: PUBLISHED
"""


def test_a_notes_date_is_checked_and_used(cli, workspace):
    ws = workspace(DATED.replace("PUBLISHED", "2024-03-15"),
                   {2021: "year: 2021\nvalues:\n  va_growth: {value: 9%, source: s}\n"})
    before = cli("status", "--workspace", str(ws), "--format", "md", "--date", "2024-03-14")
    after = cli("status", "--workspace", str(ws), "--format", "md", "--date", "2024-03-15")
    assert before.exit_code == 0 and "A later figure" not in before.stdout
    assert "A later figure" in after.stdout
    bad = workspace(DATED.replace("PUBLISHED", "2024-13"), name="bad")
    result = cli("validate", "--workspace", str(bad))
    assert result.exit_code == 2
    line = next(n for n, text in enumerate(
        (bad / "targets.yaml").read_text().splitlines(), start=1) if "note:" in text)
    assert re.search(rf"targets\.yaml:{line}: .*2024-13", result.stderr), result.stderr
