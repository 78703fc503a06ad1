"""The review in Markdown and HTML is the tổng kết the Word document is (issue 17, item 6;
SPEC "Documents"): the subject, parts I-IV (II-IV from `review:`, else dotted lines to
fill in), the count sentence first in part I, and the appendix "Biểu tổng hợp kết quả
thực hiện các chỉ tiêu" (one column per year, each figure's kind marked), from the one
table model the Word and Excel files are written from."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PARTS = {"vi": ["I. Kết quả thực hiện", "II. Tồn tại, hạn chế và nguyên nhân",
                "III. Bài học kinh nghiệm", "IV. Phương hướng, nhiệm vụ và kiến nghị"],
         "en": ["I. Results", "II. Shortcomings, limitations and their causes",
                "III. Lessons learned", "IV. Directions, tasks and recommendations"]}
ANNEX = {"vi": "Phụ lục: Biểu tổng hợp kết quả thực hiện các chỉ tiêu",
         "en": "Appendix: Summary table of the targets' results"}
SUMMARY = {"vi": "Có 1/6 chỉ tiêu đạt", "en": "1 of 6 targets"}


def render(cli, tmp_path: Path, fmt: str, lang: str, root: Path = REPO) -> str:
    out = tmp_path / f"review-{lang}.{fmt}"
    result = cli("review", "-w", str(root), "--lang", lang, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return "\n".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>",
                                                                        xml))
    return out.read_text(encoding="utf-8")


def md_headings(text: str) -> list[str]:
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("### ")]


def html_headings(text: str) -> list[str]:
    from html import unescape

    return [unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h2>(.*?)</h2>", text)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_md_and_html_have_the_word_reviews_parts_and_appendix(cli, tmp_path, lang):
    md, html = render(cli, tmp_path, "md", lang), render(cli, tmp_path, "html", lang)
    docx = render(cli, tmp_path, "docx", lang)
    for headings in (md_headings(md), html_headings(html)):
        assert headings[:5] == [*PARTS[lang], ANNEX[lang]], headings
    # the Word document: the same parts in the same order, then its appendix table
    at = [docx.index(h) for h in PARTS[lang]]
    assert at == sorted(at)
    assert docx.index(PARTS[lang][3]) < docx.index(ANNEX[lang].split(": ")[1].upper())
    # the count sentence opens part I
    for text, part_i in ((md, f"### {PARTS[lang][0]}\n\n"),
                         (html, f"<h2>{PARTS[lang][0]}</h2>\n<p>")):
        assert text.split(part_i, 1)[1].startswith(SUMMARY[lang])
    # a part the Sở has not written: dotted lines to fill in by hand
    for part in PARTS[lang][1:]:
        after_md = md.split(f"### {part}\n\n", 1)[1]
        assert after_md.startswith("." * 100)
        after_html = html.split(f"<h2>{part}</h2>\n", 1)[1]
        assert after_html.startswith('<p class="fill" aria-hidden="true">....')
    # the charts are drawn in part I, once
    assert html.index("<figure") > html.index(f"<h2>{PARTS[lang][0]}</h2>")
    assert html.rindex("<figure") < html.index(f"<h2>{PARTS[lang][1]}</h2>")
    assert html.count("<svg") == 5


def test_the_appendix_has_a_column_per_year_and_marks_each_kind(cli, tmp_path):
    md, html = render(cli, tmp_path, "md", "vi"), render(cli, tmp_path, "html", "vi")
    head = "| TT | Chỉ tiêu | Đơn vị | Mục tiêu | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 | " \
           "Thực hiện cả kỳ | Đánh giá |"
    assert head in md
    growth = next(line for line in md.splitlines() if line.startswith("| 1 | "))
    # 2021-2024 covered by levels: one average, named with its years, never four values
    # 2025 estimated: its kind and its own range beside it
    assert "| 2021–2024: 8,74<br>(bình quân, tính toán) |  |  |  | 14,67<br>(ước tính theo " \
           "chỉ tiêu gián tiếp)<br>(dao động từ 14,61 đến 20,82) |" in growth
    assert growth.count("8,74") == 1
    share = next(line for line in md.splitlines() if line.startswith("| 2 | "))
    assert "6,74<br>(tính toán)" in share
    assert "✘ Không đạt (ước tính theo chỉ tiêu gián tiếp) |" in share
    assert "Ước thực hiện: số ước thực hiện do tỉnh công bố" in md  # the legend under it
    # HTML: one cell across the run's years
    assert "<td class=c colspan=4>8,74<br>(bình quân, tính toán)</td>" in html
    years = re.findall(r"<th class=r>(\d{4})</th>", html.split('<table class="annex">')[1])
    assert years == [str(y) for y in range(2020, 2026)]
    assert '<p class="legend">Số không ghi chú là số đã công bố chính thức.' in html


def test_review_texts_fill_parts_ii_to_iv(cli, tmp_path):
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(REPO / "actuals", root / "actuals")
    text = (REPO / "targets.yaml").read_text(encoding="utf-8")
    assert "\nreview:" not in text
    text += ("\nreview:\n  shortcomings: {vi: \"Thu hút đầu tư còn hạn chế.\", "
             "en: \"Investment lagged.\"}\n  directions: {vi: \"Hoàn thiện hạ tầng các "
             "cụm.\", en: \"Finish the clusters.\"}\n")
    (root / "targets.yaml").write_text(text, encoding="utf-8")
    md = render(cli, tmp_path, "md", "vi", root)
    html = render(cli, tmp_path, "html", "vi", root)
    assert md.split(f"### {PARTS['vi'][1]}\n\n", 1)[1].startswith(
        "Thu hút đầu tư còn hạn chế.\n")
    assert f"<h2>{PARTS['vi'][1]}</h2>\n<p>Thu hút đầu tư còn hạn chế.</p>" in html
    assert f"<h2>{PARTS['vi'][3]}</h2>\n<p>Hoàn thiện hạ tầng các cụm.</p>" in html
    # III left out: dotted lines, in both
    assert md.split(f"### {PARTS['vi'][2]}\n\n", 1)[1].startswith("....")
    assert f"<h2>{PARTS['vi'][2]}</h2>\n<p class=\"fill\"" in html


def test_the_terminal_review_keeps_its_table(cli):
    result = cli("review", "-w", str(REPO), "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert "Kết quả từng năm" in result.stdout and "II. Tồn tại" not in result.stdout
