"""A workspace shaped like the shipped Bắc Kạn one (the same metrics, proxies, targets,
series end and successor) with figures of its own: round numbers that are no province's.
Formula tests recompute their expectations from the constants below, so that a new
official figure in the shipped workspace breaks none of them (the shipped figures are
checked once, in test_embedded.py, against ../shared/data/)."""

from __future__ import annotations

import math
from pathlib import Path

from conftest import write_workspace

# The figures (fractions for percentages, bn VND for levels)
SHARE_2020 = 0.05  # industry share of GRDP, the baseline
GRDP_2020 = 10000.0
VA_2024 = 700.0  # industry value added, estimate
GRDP_2024 = 12000.0
VA_GROWTH_2024 = 0.10  # the year both the metric and its proxies grew by a published rate
OUTPUT_GROWTH_2024 = 0.15  # gross output, full year
IIP_2024 = 0.12
CNXD_2024 = 0.08  # industry AND construction value added
OUTPUT_Q1, OUTPUT_Q1_PLAN_SHARE, OUTPUT_Q1_VALUE = 0.25, 0.24, 300.0  # 2025 year to date
OUTPUT_MARCH = 110.0  # March alone
IIP_Q1 = 0.20
OUTPUT_H1, OUTPUT_H1_VALUE = 0.18, 650.0
GRDP_H1 = 0.08
CNXD_H1 = 0.09  # calibrated, below the gross output: the central estimate is not the lowest
TARGET_GROWTH, TARGET_SHARE_2030 = 0.13, 0.15
# gross output levels: 2010 prices in 2024, and figures whose source states no price basis
# (a year with no other figure, a later figure beside the 2010-price one, a year to date)
OUTPUT_2023_UNPRICED = 1500.0
OUTPUT_2024, OUTPUT_2024_LATER_UNPRICED, OUTPUT_GROWTH_2024_LATER_UNPRICED = 1800.0, 3000.0, 0.07
OUTPUT_9M_2024_UNPRICED = 1300.0

TARGETS = """\
resolution:
  id: LIKE-16
  title: {en: "Developing industry, 2021-2025", vi: "Phát triển công nghiệp, 2021-2025"}
  issued: 2021-08-12
  baseline_year: 2020
  series_end: 2025-06
  successor: thainguyen-2030
  note: {en: "The province was merged on 1/7/2025.", vi: "Tỉnh đã hợp nhất từ 1/7/2025."}
metrics:
  industry_va_growth:
    name: {en: "Industrial value added (GRDP) growth",
           vi: "Tăng trưởng giá trị tăng thêm ngành công nghiệp"}
    kind: growth
    prices: constant-2010
    level: industry_va
    proxies: [industrial_output, iip_growth, cnxd_va_growth]
  industry_va:
    name: {en: "Industrial value added", vi: "Giá trị tăng thêm ngành công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  industry_share:
    name: {en: "Industry share of GRDP", vi: "Tỷ trọng công nghiệp trong GRDP"}
    kind: share
    prices: constant-2010
    of: {numerator: industry_va, denominator: grdp}
  industry_budget_revenue:
    name: {en: "State budget revenue from industry", vi: "Thu ngân sách từ công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: current
  grdp:
    name: {en: "GRDP", vi: "GRDP"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    kind: growth
    prices: constant-2010
    level: grdp
  cnxd_va_growth:
    name: {en: "Industry AND construction value added growth",
           vi: "Tăng trưởng GTTT khu vực công nghiệp - xây dựng"}
    kind: growth
    prices: constant-2010
  industrial_output:
    name: {en: "Industrial gross output", vi: "Giá trị sản xuất công nghiệp"}
    kind: level
    unit: {en: bn VND, vi: tỷ đồng}
    prices: constant-2010
  industrial_output_growth:
    name: {en: "Industrial gross output growth", vi: "Tăng trưởng giá trị sản xuất công nghiệp"}
    kind: growth
    prices: constant-2010
    level: industrial_output
  iip_growth:
    name: {en: "Industrial production index (IIP), y/y", vi: "Chỉ số sản xuất công nghiệp"}
    kind: growth
    prices: none
targets:
  - id: industry-growth
    name: {en: "Industry value added growth above 13% a year",
           vi: "GTTT công nghiệp tăng trên 13%/năm"}
    type: average_growth
    metric: industry_va_growth
    period: [2021, 2025]
    above: 13%
    context: [cnxd_va_growth, industrial_output_growth]
  - id: industry-share-2025
    name: {en: "Industry 8-10% of GRDP by 2025", vi: "Công nghiệp chiếm 8-10% GRDP năm 2025"}
    type: level
    metric: industry_share
    year: 2025
    between: [8%, 10%]
  - id: budget-revenue-growth
    name: {en: "Budget revenue from industry +10% a year",
           vi: "Thu ngân sách từ công nghiệp tăng 10%/năm"}
    type: average_growth
    metric: industry_budget_revenue
    period: [2021, 2025]
    at_least: 10%
  - id: clusters-complete-2025
    name: {en: "At least 4 clusters with infrastructure", vi: "Ít nhất 4 CCN hoàn thành hạ tầng"}
    type: count
    of: clusters
    where: {infrastructure_complete: true}
    year: 2025
    at_least: 4
  - id: clusters-occupied-2025
    name: {en: "Complete clusters over 60% full", vi: "CCN có hạ tầng lấp đầy trên 60%"}
    type: every
    of: clusters
    where: {infrastructure_complete: true}
    each: {occupancy: {above: 60%}}
    year: 2025
  - id: industry-share-2030
    name: {en: "Industry above 15% of GRDP by 2030", vi: "Công nghiệp trên 15% GRDP năm 2030"}
    type: level
    metric: industry_share
    year: 2030
    above: 15%
"""

_CLUSTERS = """\
clusters:
  - {id: one, name: One, area_ha: 20, infrastructure_complete: true, occupancy: 90%, source: c}
  - {id: two, name: Two, area_ha: 40, infrastructure_complete: false, source: c}
  - {id: three, name: Three, area_ha: 30, infrastructure_complete: false, source: c}
"""

ACTUALS = {
    2020: f"""\
year: 2020
values:
  industry_share: {{value: {SHARE_2020:.0%}, source: base}}
  grdp: {{value: {GRDP_2020:g}, source: base}}
""",
    2023: f"""\
year: 2023
values:
  industrial_output: {{value: {OUTPUT_2023_UNPRICED:g}, prices: not-stated, published: 2023-12,
                      source: y23}}
""",
    2024: f"""\
year: 2024
values:
  industry_va: {{value: {VA_2024:g}, status: estimate, published: 2025-01, source: y24}}
  industry_va_growth: {{value: {VA_GROWTH_2024:.0%}, status: estimate, published: 2025-01,
                       source: y24}}
  grdp: {{value: {GRDP_2024:g}, published: 2025-01, source: y24}}
  industrial_output_growth:
    - {{value: {OUTPUT_GROWTH_2024_LATER_UNPRICED:.0%}, prices: not-stated, published: 2025-04,
       source: later}}
    - {{value: {OUTPUT_GROWTH_2024:.0%}, status: estimate, published: 2025-01, source: y24}}
  iip_growth: {{value: {IIP_2024:.0%}, published: 2025-01, source: y24}}
  cnxd_va_growth: {{value: {CNXD_2024:.0%}, status: estimate, published: 2025-01, source: y24}}
  industrial_output:
    - value: {OUTPUT_2024_LATER_UNPRICED:g}
      prices: not-stated
      published: 2025-04
      source: later
      note: {{en: "Printed as 'about 3,000'; price basis not stated",
              vi: "Ghi 'khoảng 3.000'; không nêu loại giá"}}
    - value: {OUTPUT_2024:g}
      status: estimate
      published: 2025-01
      source: y24
      note: {{en: "2010 prices; 105% of plan", vi: "Giá so sánh 2010; đạt 105% kế hoạch"}}
ytd:
  9:
    industrial_output: {{value: {OUTPUT_9M_2024_UNPRICED:g}, prices: not-stated, source: y24-9}}
""" + _CLUSTERS,
    2025: f"""\
year: 2025
ytd:
  3:
    industrial_output: {{value: {OUTPUT_Q1_VALUE:g}, yoy: {OUTPUT_Q1:.0%},
                        plan_share: {OUTPUT_Q1_PLAN_SHARE:.0%}, month_value: {OUTPUT_MARCH:g},
                        status: estimate,
                        published: 2025-04, source: q1}}
    iip_growth: {{value: {IIP_Q1:.0%}, published: 2025-04, source: q1}}
  6:
    industrial_output: {{value: {OUTPUT_H1_VALUE:g}, yoy: {OUTPUT_H1:.0%}, status: estimate,
                        published: 2025-06-13, source: h1}}
    grdp_growth: {{value: {GRDP_H1:.0%}, status: estimate, published: 2025-06-13, source: h1}}
    cnxd_va_growth: {{value: {CNXD_H1:.0%}, status: estimate, published: 2025-06-13,
                     source: h1}}
""" + _CLUSTERS,
}


def backan_like(root: Path) -> Path:
    """Write the workspace into `root` (created) and return it."""
    return write_workspace(root, TARGETS, ACTUALS)


# ------------------------------------------------ the SPEC formulas, on these figures
# (written here from SPEC, not taken from bkind)
COVERED = VA_2024 / (SHARE_2020 * GRDP_2020)  # 2021-2024, covered by the levels


def calibrated(proxy_ytd: float, proxy_2024: float) -> float:
    """A proxy's year-to-date growth carried over to value added, calibrated on 2024."""
    return (1 + proxy_ytd) ** (math.log(1 + VA_GROWTH_2024) / math.log(1 + proxy_2024)) - 1


def average(va_2025: float) -> float:
    """The 2021-2025 average growth with 2025 at `va_2025`."""
    return (COVERED * (1 + va_2025)) ** 0.2 - 1
