"""`bkind init DIR`: a new workspace, commented, that `validate` accepts and `status`
runs on; and `bkind template`: an empty input sheet for a month that `ingest` takes back.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from pathlib import Path

from bkind.errors import BkindError, msg
from bkind.io.oserrors import reason as os_reason
from bkind.io.rows import VI_HEADERS
from bkind.model import Metric

TARGETS = """\
# targets.yaml: the resolution, the series it is measured on, and its targets.
# Keys: see "targets.yaml" in bkind's README. Unknown keys are errors, not ignored.
# Percent values are written with %: 13% means 0.13.

resolution:
  id: 01-NQ/TU                        # the resolution's number
  title:
    en: "Resolution on industrial development 2021-2025"
    vi: "Nghị quyết về phát triển công nghiệp giai đoạn 2021-2025"
  issued: 2021-08-12
  baseline_year: 2020                 # growth and progress are measured from this year

metrics:                              # every series the targets or reports use
  industry_va_growth:
    name: {en: "Industrial value added growth", vi: "Tăng trưởng GTTT ngành công nghiệp"}
    kind: growth                      # growth | share | level | count
    prices: constant-2010             # constant-2010 | constant-2020 | current | none
  industry_va:
    name: {en: "Industrial value added", vi: "Giá trị tăng thêm ngành công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  grdp:
    name: {en: "GRDP", vi: "Tổng sản phẩm trên địa bàn (GRDP)"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  industry_share:
    name: {en: "Industry share of GRDP", vi: "Tỷ trọng công nghiệp trong GRDP"}
    kind: share
    prices: constant-2010
    of: {numerator: industry_va, denominator: grdp}   # computed when not published
  budget_revenue:
    name: {en: "State budget revenue", vi: "Thu ngân sách nhà nước trên địa bàn"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: current
  industrial_output:
    name: {en: "Industrial gross output", vi: "Giá trị sản xuất công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010

# Each target has one type and exactly one comparator:
#   above (>), at_least (>=), below (<), at_most (<=), between: [lo, hi] (inclusive).
targets:
  # average_growth: the average yearly growth over a period (metric: growth or level)
  - id: industry-growth
    name: {en: "Industrial value added growth above 13%/yr, 2021-2025",
           vi: "Tăng trưởng GTTT ngành công nghiệp bình quân trên 13%/năm giai đoạn 2021-2025"}
    short: {en: "Industry VA growth", vi: "Tăng trưởng GTTT CN"}   # for tables
    type: average_growth
    metric: industry_va_growth
    period: [2021, 2025]
    above: 13%
  - id: revenue-growth
    type: average_growth
    metric: budget_revenue            # a level: its growth is derived year by year
    period: [2021, 2025]
    at_least: 10%
  # level: a metric's value by a year
  - id: industry-share-2025
    type: level
    metric: industry_share
    year: 2025
    between: [8%, 10%]
    context: [grdp]                   # related series shown beside it, never judged
  - id: output-2025
    type: level
    metric: industrial_output
    year: 2025
    at_most: 5000                     # in the metric's unit (bn VND)
  - id: grdp-2025
    type: level
    metric: grdp
    year: 2025
    below: 20000
    note: {en: "An illustrative ceiling.", vi: "Mức trần minh họa."}
  # count: how many items of a list in the actuals files meet `where` by a year
  - id: clusters-2025
    name: {en: "Clusters with completed infrastructure", vi: "CCN hoàn thành hạ tầng"}
    type: count
    of: clusters
    where: {infrastructure_complete: true, occupancy: {above: 60%}}
    year: 2025
    at_least: 4
  # every: a condition on each item of a list, not a count
  - id: clusters-occupied-2025
    name: {en: "Complete clusters above 60% occupied", vi: "CCN có hạ tầng lấp đầy trên 60%"}
    type: every
    of: clusters
    where: {infrastructure_complete: true}      # which items the condition is about
    each: {occupancy: {above: 60%}}             # what each of them must meet
    year: 2025
  # about: an approximate target, met within `within` of it on either side (default:
  # 1 percentage point for growth and shares, 2% of the target for levels)
  - id: va-growth-about
    type: average_growth
    metric: industry_va_growth
    period: [2021, 2025]
    about: 10%
    within: 1%
"""

ACTUALS = """\
# actuals/2024.yaml: what was published for 2024 (an example: replace the figures).
year: 2024
values:
  # a value is a number, a percent (11.03%), or a mapping with value and its provenance
  industry_va_growth: {value: 11.03%, status: estimate, source: "press release, 01/2025"}
  industry_va:
    value: 642
    status: estimate                  # estimate | preliminary | official
    published: 2025-01
    source: "press release, 01/2025"
  grdp:
    value: 9531
    source: "press release, 01/2025"
    # a figure 100 times away from its neighbours is refused as a likely 9.531-for-9,531
    # slip; add `confirmed: true` to a mapping whose figure is right
  # a revised figure is a list of vintages; the latest published one is used
  budget_revenue:
    - {value: 830, status: estimate, published: 2024-12, source: "estimate, 12/2024"}
    - {value: 855, status: official, published: 2025-11, source: "final accounts, 11/2025"}
  industrial_output: {value: 2023.72, source: "press release, 01/2025"}
# the year's plan and year-to-date (cumulative) figures, as monthly press releases give them
plan:
  industrial_output: {value: 1900, source: "plan decision"}
ytd:
  3:
    industrial_output: {value: 435, yoy: 12.7%, plan_share: 22.9%, source: "press release, 03/2024"}
# lists counted by `count` targets
clusters:
  - {id: cluster-a, name: Cluster A, area_ha: 16, infrastructure_complete: true,
     occupancy: 100%, source: "press release, 01/2025"}
  - {id: cluster-b, name: Cluster B, area_ha: 74.4, infrastructure_complete: false,
     source: "press release, 01/2025"}
"""


def init_workspace(folder: Path, shown: str) -> list[str]:
    """Write a new workspace into `folder` (absent or empty); the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BkindError.one(shown, None, msg("err.init_not_empty"))
    try:
        (folder / "actuals").mkdir(parents=True, exist_ok=True)
        (folder / "targets.yaml").write_text(TARGETS, encoding="utf-8")
        (folder / "actuals" / "2024.yaml").write_text(ACTUALS, encoding="utf-8")
    except OSError as exc:
        raise BkindError.one(shown, None, msg("err.cannot_write", reason=os_reason(exc))) from None
    return [os.path.join(shown, "targets.yaml"), os.path.join(shown, "actuals", "2024.yaml")]


# ------------------------------------------------------------------ template

TEMPLATE_COLUMNS = ("year", "month", "metric", "name", "unit", "value", "yoy", "plan_share",
                    "month_value", "month_yoy", "mom", "plan", "status", "published",
                    "source", "note")


def template_rows(metrics: Mapping[str, Metric], year: int, month: int,
                  lang: str) -> list[list[object]]:
    """The header (in `lang`) and one row per metric, year and month filled in."""
    header: list[object] = [VI_HEADERS[c] if lang == "vi" else c for c in TEMPLATE_COLUMNS]
    rows: list[list[object]] = [header]
    for mid in _report_order(metrics):
        metric = metrics[mid]
        cells: dict[str, object] = {"year": year, "month": month, "metric": mid,
                                    "name": metric.name.get(lang),
                                    "unit": metric.unit_in(lang) or ""}
        rows.append([cells.get(c, "") for c in TEMPLATE_COLUMNS])
    return rows


def _report_order(metrics: Mapping[str, Metric]) -> list[str]:
    """The metrics in targets.yaml's order, each total's parts (`part_of`) right under it
    in VSIC section order, as the Sở's report lists them."""
    parts: dict[str, list[str]] = {}
    for mid, metric in metrics.items():
        if metric.part_of in metrics:
            parts.setdefault(metric.part_of or "", []).append(mid)
    out: list[str] = []
    for mid, metric in metrics.items():
        if metric.part_of in metrics:
            continue
        out.append(mid)
        out += sorted(parts.get(mid, ()), key=lambda p: metrics[p].section or "~")
    return out


def template_csv(rows: list[list[object]], lang: str) -> str:
    """`;` and a BOM in Vietnamese (what Excel under a Vietnamese locale opens), `,` in
    English."""
    from bkind.render.formats.csvfmt import _guard

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "vi" else ",", lineterminator="\r\n")
    writer.writerows([[_guard(c) if isinstance(c, str) else c for c in row] for row in rows])
    return ("\ufeff" if lang == "vi" else "") + out.getvalue()


def template_xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    from bkind.render.formats.xlsx import _text_cell

    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str):  # text stays text, never a formula
                _text_cell(sheet.cell(row=r, column=c), value)
            else:
                sheet.cell(row=r, column=c).value = value  # type: ignore[assignment]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (6, 6, 22, 40, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """As `load.write_atomic` (devices written directly, links written through, inputs
    and folders refused)."""
    from bkind.io.files import write_atomic

    write_atomic(path, data)
