"""The monthly report reads as the Sở writes it: its subject names only the sections it
has, and a year-to-date growth is a sentence, not a fragment."""

from __future__ import annotations

import pytest


def test_the_subject_names_trade_only_when_the_month_has_trade(cli):
    with_trade = cli("report", "--month", "2025-06", "--lang", "vi", "-f", "md").stdout
    without = cli("report", "--month", "2025-03", "--lang", "vi", "-f", "md").stdout
    assert "Thương mại" in with_trade and "Thương mại" not in without
    from bkind.i18n import t

    assert t("doc.subject.so", "vi", month=6, year=2025, month_name="tháng 6") \
        .startswith("Kết quả hoạt động công nghiệp - thương mại")
    assert t("doc.subject.so_industry", "vi", month=3, year=2025, month_name="tháng 3") \
        == "Kết quả hoạt động công nghiệp tháng 3 năm 2025"


@pytest.mark.parametrize("month,subject", [
    ("2025-03", "Kết quả hoạt động công nghiệp tháng 3 năm 2025"),
    ("2025-06", "Kết quả hoạt động công nghiệp - thương mại tháng 6 năm 2025"),
])
def test_the_word_subject_follows_the_sections(cli, tmp_path, month, subject):
    import docx

    out = tmp_path / "bc.docx"
    result = cli("report", "--month", month, "--lang", "vi", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert subject in text
    if "thương mại" not in subject:
        assert "công nghiệp - thương mại" not in text


def test_a_year_to_date_growth_is_a_sentence(cli):
    md = cli("report", "--month", "2025-06", "--lang", "vi", "-f", "md").stdout
    assert "Tăng trưởng GRDP 6 tháng năm 2025 ước đạt 8,2% so với cùng kỳ." in md
    assert "6 tháng: tăng" not in md
    en = cli("report", "--month", "2025-06", "-f", "md").stdout
    assert ("GRDP growth in the first 6 months of 2025 is estimated at 8.2% on the same "
            "period last year.") in en


@pytest.mark.parametrize("workspace,as_of,word", [
    ("backan-16", None, "Tổng kết"), ("backan-16", "2023", "Sơ kết"),
    ("thainguyen-2030", None, "Sơ kết")])
def test_a_review_before_the_deadlines_is_an_interim_one(cli, tmp_path, workspace, as_of, word):
    import docx

    out = tmp_path / "review.docx"
    args = ["review", "-w", workspace, "--lang", "vi", "--output", str(out)]
    result = cli(*args, *(["--as-of", as_of] if as_of else []))
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject.startswith(word + " thực hiện Nghị quyết"), subject


def test_no_change_on_the_month_across_price_bases(cli, workspace):
    """A month at 2010 prices against one whose source states no price basis: no change
    is computed (SPEC: price bases are never mixed silently); two priced months: it is."""
    from conftest import MINIMAL_TARGETS

    def month(n, value, cumulative, prices=""):
        return (f"  {n}:\n    va: {{value: {cumulative}, month_value: {value}{prices}, "
                f"source: m{n}}}\n")

    head = "year: 2025\nytd:\n"
    mixed = workspace(MINIMAL_TARGETS, {2025: head + month(2, 100.0, 200.0, ", prices: not-stated")
                                        + month(3, 110.0, 310.0)}, name="mixed")
    alike = workspace(MINIMAL_TARGETS, {2025: head + month(2, 100.0, 200.0)
                                        + month(3, 110.0, 310.0)}, name="alike")
    import json

    def mom(ws):
        result = cli("report", "-w", str(ws), "--month", "2025-03", "-f", "json")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        return next(m for m in data["metrics"] if m["id"] == "va")["mom"]

    assert mom(mixed) is None
    assert mom(alike) == pytest.approx(0.10)
