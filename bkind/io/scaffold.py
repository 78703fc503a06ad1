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
from bkind.i18n import t
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
    name: {en: "State budget revenue growth of at least 10%/yr, 2021-2025",
           vi: "Thu ngân sách nhà nước trên địa bàn tăng bình quân từ 10%/năm trở lên
             giai đoạn 2021-2025"}
    type: average_growth
    metric: budget_revenue            # a level: its growth is derived year by year
    period: [2021, 2025]
    at_least: 10%
  # level: a metric's value by a year
  - id: industry-share-2025
    name: {en: "Industry share of GRDP between 8% and 10% in 2025",
           vi: "Tỷ trọng công nghiệp trong GRDP năm 2025 đạt từ 8% đến 10%"}
    type: level
    metric: industry_share
    year: 2025
    between: [8%, 10%]
    context: [grdp]                   # related series shown beside it, never judged
  - id: output-2025
    name: {en: "Industrial gross output at most 5,000 bn VND in 2025",
           vi: "Giá trị sản xuất công nghiệp năm 2025 không quá 5.000 tỷ đồng"}
    type: level
    metric: industrial_output
    year: 2025
    at_most: 5000                     # in the metric's unit (bn VND)
  - id: grdp-2025
    name: {en: "GRDP below 20,000 bn VND in 2025",
           vi: "GRDP năm 2025 dưới 20.000 tỷ đồng"}
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
    name: {en: "Industrial value added growth of about 10%/yr, 2021-2025",
           vi: "Tăng trưởng GTTT ngành công nghiệp bình quân khoảng 10%/năm giai đoạn 2021-2025"}
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



# (English, Vietnamese): the comments and sample sources of `init`, for `init --lang vi`
_VI = (
    ("# targets.yaml: the resolution, the series it is measured on, and its targets.",
     "# targets.yaml: nghị quyết, các chuỗi số liệu dùng để đánh giá, và các chỉ tiêu."),
    ("# Keys: see \"targets.yaml\" in bkind's README. Unknown keys are errors, not ignored.",
     "# Các khóa: xem mục \"targets.yaml\" trong README của bkind. Khóa lạ bị báo lỗi."),
    ("# Percent values are written with %: 13% means 0.13.",
     "# Tỷ lệ ghi kèm dấu % và dấu chấm thập phân: 13% là 0,13; 11.03% là 11,03%."),
    ("# the resolution's number", "# số hiệu nghị quyết"),
    ("# growth and progress are measured from this year",
     "# năm gốc để tính tăng trưởng và tiến độ"),
    ("# every series the targets or reports use",
     "# mọi chuỗi số liệu mà chỉ tiêu, báo cáo dùng"),
    ("# computed when not published", "# tính từ tử số / mẫu số khi không công bố"),
    ("# Each target has one type and exactly one comparator:",
     "# Mỗi chỉ tiêu có một loại (type) và đúng một phép so sánh:"),
    ("#   above (>), at_least (>=), below (<), at_most (<=), between: [lo, hi] (inclusive).",
     "#   above (trên), at_least (từ ... trở lên), below (dưới), at_most (không quá),\n"
     "#   between: [thấp, cao] (từ ... đến ..., tính cả hai đầu)."),
    ("# average_growth: the average yearly growth over a period (metric: growth or level)",
     "# average_growth: tốc độ tăng bình quân năm trong giai đoạn (chỉ tiêu tăng trưởng hoặc số "
     "tuyệt đối)"),
    ("# for tables", "# tên ngắn cho bảng"),
    ("# a level: its growth is derived year by year",
     "# số tuyệt đối: tốc độ tăng được tính từng năm"),
    ("# level: a metric's value by a year", "# level: giá trị của một chỉ tiêu vào một năm"),
    ("# related series shown beside it, never judged",
     "# chuỗi liên quan hiện bên cạnh để tham khảo, không dùng để đánh giá"),
    ("# in the metric's unit (bn VND)", "# theo đơn vị của chỉ tiêu (tỷ đồng)"),
    ("# count: how many items of a list in the actuals files meet `where` by a year",
     "# count: số mục của một danh sách (trong tệp số liệu) thỏa `where` vào một năm"),
    ("# every: a condition on each item of a list, not a count",
     "# every: điều kiện với từng mục của danh sách, không phải đếm"),
    ("# which items the condition is about", "# các mục mà điều kiện áp dụng"),
    ("# what each of them must meet", "# điều kiện từng mục phải đạt"),
    ("# about: an approximate target, met within `within` of it on either side (default:",
     "# about: chỉ tiêu \"khoảng\", đạt khi chênh lệch không quá `within` (mặc định:"),
    ("# 1 percentage point for growth and shares, 2% of the target for levels)",
     "# 1 điểm phần trăm với tốc độ tăng và tỷ trọng, 2% mục tiêu với số tuyệt đối)"),
    ("# actuals/2024.yaml: what was published for 2024 (an example: replace the figures).",
     "# actuals/2024.yaml: số liệu đã công bố của năm 2024 (ví dụ: hãy thay bằng số thật)."),
    ("# a value is a number, a percent (11.03%), or a mapping with value and its provenance",
     "# mỗi giá trị là một số, một tỷ lệ (11.03%, dấu chấm thập phân), hoặc {value: ...} kèm "
     "nguồn"),
    ("# estimate | preliminary | official", "# estimate (ước) | preliminary (sơ bộ) | official "
     "(chính thức)"),
    ("# a figure 100 times away from its neighbours is refused as a likely 9.531-for-9,531",
     "# số lệch từ 100 lần trở lên so với các năm bên cạnh bị từ chối (có thể gõ 9,531 thay"),
    ("# slip; add `confirmed: true` to a mapping whose figure is right",
     "# cho 9.531); nếu số đúng, thêm `confirmed: true`"),
    ("# a revised figure is a list of vintages; the latest published one is used",
     "# số được điều chỉnh là danh sách các lần công bố; dùng lần công bố mới nhất"),
    ("# the year's plan and year-to-date (cumulative) figures, as monthly press releases give "
     "them",
     "# kế hoạch năm và số lũy kế từ đầu năm, như thông cáo báo chí hằng tháng"),
    ("# lists counted by `count` targets", "# các danh sách mà chỉ tiêu `count` đếm"),
    ("\"press release, 01/2025\"", "\"Thông cáo báo chí tháng 01/2025\""),
    ("\"press release, 03/2024\"", "\"Thông cáo báo chí tháng 03/2024\""),
    ("\"estimate, 12/2024\"", "\"Số ước tháng 12/2024\""),
    ("\"final accounts, 11/2025\"", "\"Quyết toán ngân sách, 11/2025\""),
    ("\"plan decision\"", "\"Quyết định giao kế hoạch\""),
    ("name: Cluster A", "name: CCN A"),
    ("name: Cluster B", "name: CCN B"),
    ("# the province's own", "# của tỉnh"),
)


def in_vietnamese(text: str) -> str:
    """The sample file with its comments and sample sources in Vietnamese."""
    for en, vi in _VI:
        text = text.replace(en, vi)
    return text


def copy_of(source: Path) -> list[tuple[str, str]]:
    """The files of a workspace to start a new one from (`bkind init --from NAME`): its
    targets.yaml and every actuals/YYYY.yaml, as they are."""
    files = [("targets.yaml", (source / "targets.yaml").read_text(encoding="utf-8"))]
    actuals = source / "actuals"
    if actuals.is_dir():
        files += [(f"actuals/{path.name}", path.read_text(encoding="utf-8"))
                  for path in sorted(actuals.glob("*.yaml"))]
    return files


def init_workspace(folder: Path, shown: str, lang: str = "en",
                   files: list[tuple[str, str]] | None = None) -> list[str]:
    """Write a new workspace into `folder` (absent or empty); the files written.
    `files` (relative path, text): a copy of another workspace; by default the commented
    sample, with `lang` vi: comments and sample sources in Vietnamese."""
    import shutil
    import tempfile

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BkindError.one(shown, None, msg("err.init_not_empty"))
    if files is None:
        say = in_vietnamese if lang == "vi" else str
        files = [("targets.yaml", say(TARGETS)), ("actuals/2024.yaml", say(ACTUALS))]
    # all or nothing: the files are built in a hidden staging folder (beside a new DIR,
    # inside an existing empty one: DIR may be the current folder or a mount point, which
    # is never replaced), then renamed into place, targets.yaml last; a failure leaves
    # neither a half-written targets.yaml nor a folder that init would then refuse
    staging: str | None = None
    folder = Path(os.path.realpath(folder))  # a link to an empty folder: filled, kept
    existed = folder.is_dir()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = tempfile.mkdtemp(dir=folder if existed else folder.parent,
                                   prefix=f".{folder.name}.", suffix=".tmp")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)
        (Path(staging) / "actuals").mkdir()
        for rel, text in files:
            with open(Path(staging) / rel, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if existed:
            os.rename(Path(staging) / "actuals", folder / "actuals")
            os.rename(Path(staging) / "targets.yaml", folder / "targets.yaml")
            os.rmdir(staging)
        else:
            os.rename(staging, folder)
        staging = None
    except OSError as exc:
        raise BkindError.one(shown, None, msg("err.cannot_write", reason=os_reason(exc))) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [os.path.join(shown, *rel.split("/")) for rel, _ in files]


# ------------------------------------------------------------------ template

TEMPLATE_COLUMNS = ("year", "month", "metric", "name", "unit", "value", "yoy", "plan_share",
                    "month_value", "month_yoy", "mom", "plan", "status", "published",
                    "source", "note", "confirmed")
# columns typed in percent on every row; value, month_value and plan only on a rate's row
PERCENT_COLUMNS = ("yoy", "plan_share", "mom", "month_yoy")
RATE_COLUMNS = ("value", "month_value", "plan")
# a format that only prints a % sign: 13.5 typed shows as 13.50% in Excel and in
# LibreOffice alike, and ingest reads it as 13.5% (a real percent format would make
# LibreOffice read 13.5 as 1350%)
POINTS_FORMAT = '0.00"%"'


def template_rows(metrics: Mapping[str, Metric], year: int, month: int,
                  lang: str) -> list[list[object]]:
    """The header (in `lang`) and one row per metric, year and month filled in."""
    header: list[object] = [VI_HEADERS[c] if lang == "vi" else c for c in TEMPLATE_COLUMNS]
    rows: list[list[object]] = [header]
    for mid in report_order(metrics):
        metric = metrics[mid]
        cells: dict[str, object] = {"year": year, "month": month, "metric": mid,
                                    "name": metric.name.get(lang),
                                    "unit": "%" if metric.is_rate else
                                    metric.unit_in(lang) or ""}
        rows.append([cells.get(c, "") for c in TEMPLATE_COLUMNS])
    return rows


def report_order(metrics: Mapping[str, Metric]) -> list[str]:
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
    from bkind.cells import inert

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "vi" else ",", lineterminator="\r\n")
    writer.writerows([[inert(c) if isinstance(c, str) else c for c in row] for row in rows])
    return ("\ufeff" if lang == "vi" else "") + out.getvalue()


def sheet_title(year: int, month: int, lang: str) -> str:
    """The sheet named for its month: `Tháng 3-2025` (a sheet name takes no `/`)."""
    return t("xlsx.sheet.month", lang, year=year, month=month)


def template_xlsx(rows: list[list[object]], title: str = "Sheet",
                  rates: frozenset[int] = frozenset()) -> bytes:
    """The rows as a workbook; percent columns (and a rate's value) formatted to show a %
    sign. `rates`: the indexes of the rows (after the header) of growth and share metrics."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    from bkind.cells import text_cell

    columns = [TEMPLATE_COLUMNS[i] if i < len(TEMPLATE_COLUMNS) else "" for i in
               range(len(rows[0]))]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):  # text stays text, never a formula
                text_cell(cell, value)
            else:
                cell.value = value  # type: ignore[assignment]
            name = columns[c - 1]
            if r > 1 and (name in PERCENT_COLUMNS or
                          name in RATE_COLUMNS and r - 2 in rates):
                cell.number_format = POINTS_FORMAT
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (6, 6, 22, 40, 10, 12, 12, 12, 12, 12),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """As `load.write_atomic` (devices written directly, links written through, inputs
    and folders refused)."""
    from bkind.io.files import write_atomic

    write_atomic(path, data)
