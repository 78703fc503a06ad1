"""One catalogue of human-facing strings (English, Vietnamese) and number formatting.

JSON and CSV field names and status codes never go through here: they stay SPEC's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

LANGS = ("en", "vi")

STATUS_SYMBOLS = {
    "achieved": "✔",
    "on_track": "●",
    "acceleration_needed": "▲",
    "limited_progress": "◐",
    "deterioration": "▼",
    "missed": "✘",
    "insufficient_data": "?",
    "discontinued": "⊘",
}

CATALOGUE: dict[str, dict[str, str]] = {
    # statuses
    "status.achieved": {"en": "Achieved", "vi": "Đạt"},
    "status.on_track": {"en": "On track", "vi": "Bảo đảm tiến độ"},
    "status.acceleration_needed": {"en": "Acceleration needed", "vi": "Cần đẩy nhanh tiến độ"},
    "status.limited_progress": {"en": "Limited progress", "vi": "Chậm tiến độ"},
    "status.deterioration": {"en": "Deterioration", "vi": "Suy giảm"},
    "status.missed": {"en": "Missed", "vi": "Không đạt"},
    "status.insufficient_data": {"en": "Insufficient data",
                                 "vi": "Chưa đủ số liệu để đánh giá"},
    "status.discontinued": {"en": "Discontinued", "vi": "Không còn theo dõi"},
    "outlook.likely_met": {"en": "on current estimates, likely to be met",
                           "vi": "theo số ước hiện nay, có khả năng đạt"},
    "outlook.likely_missed": {"en": "on current estimates, likely to be missed",
                              "vi": "theo số ước hiện nay, có khả năng không đạt"},
    "outlook.uncertain": {"en": "on current estimates, too close to call",
                          "vi": "theo số ước hiện nay, chưa đủ cơ sở dự báo"},
    "status.estimated": {"en": "(est. from proxies)", "vi": "(ước tính theo chỉ tiêu gián tiếp)"},
    "status.estimated.list": {"en": "(early-year list)", "vi": "(theo danh sách đầu năm)"},
    "summary.achieved": {"en": "achieved", "vi": "đạt và vượt"},
    "summary.estimated": {
        "en": "{n} of them rest on bkind's own estimates (from proxies or an early-year "
              "list), not on published results.",
        "vi": "{n} chỉ tiêu được đánh giá theo số tính toán (ước tính theo chỉ tiêu gián "
              "tiếp hoặc theo danh sách đầu năm), chưa phải số liệu công bố."},
    "summary.outlooks": {
        "en": "{n} with an outlook only: their deadline year is not over.",
        "vi": "{n} chỉ tiêu mới có nhận định theo số ước: năm của mục tiêu chưa kết thúc."},
    "year.estimate": {"en": "{year} est.", "vi": "{year} (ước thực hiện)"},
    "year.preliminary": {"en": "{year} prelim.", "vi": "{year} sơ bộ"},
    "year.official": {"en": "{year}", "vi": "{year}"},
    "year.derived": {"en": "{year} derived", "vi": "{year} (số tính toán)"},
    "year.nowcast": {"en": "{year} est. from proxies",
                     "vi": "{year} (ước tính theo chỉ tiêu gián tiếp)"},
    "year.part_year": {"en": "{year} early-year list", "vi": "{year} (theo danh sách đầu năm)"},
    "year.covered": {"en": "{year} average a year, from levels",
                     "vi": "{year} bình quân/năm, tính từ số tuyệt đối"},
    "range": {"en": "range {lo} to {hi}", "vi": "dao động từ {lo} đến {hi}"},
    "explain.share_points": {
        "en": "the share must still gain {points} percentage points by {year} ({per_year} "
              "points a year).",
        "vi": "tỷ trọng phải tăng thêm {points} điểm phần trăm đến năm {year} (bình quân "
              "{per_year} điểm phần trăm/năm)."},
    "explain.share_numerator": {
        "en": "If {den} keeps growing at its {s}-{e} trend ({den_g}/yr), {num} must grow "
              "{g}/yr on average.",
        "vi": "Nếu {den} tiếp tục tăng theo xu hướng giai đoạn {s}-{e} ({den_g}/năm) thì {num} "
              "phải tăng bình quân {g}/năm."},
    "explain.required_unobserved": {
        "en": "to meet the target, the years without published results ({years}) need "
              "{g}/yr on average",
        "vi": "để đạt mục tiêu, các năm chưa có số liệu công bố ({years}) phải tăng bình quân "
              "{g}/năm"},
    "explain.required_unobserved.past_one": {
        "en": "to meet the target, {years} alone would have needed {g}",
        "vi": "để đạt mục tiêu, riêng năm {years} lẽ ra phải tăng {g}"},
    "explain.required_unobserved.past": {
        "en": "to meet the target, {years} would have needed {g}/yr on average",
        "vi": "để đạt mục tiêu, các năm {years} lẽ ra phải tăng bình quân {g}/năm"},
    "basis.estimated": {"en": "bkind's estimate from proxies, on this basis",
                        "vi": "ước tính theo chỉ tiêu gián tiếp, cơ sở tính"},
    "basis.list": {"en": "basis", "vi": "cơ sở"},
    "basis.exact": {"en": "computed from published figures",
                    "vi": "tính từ số liệu đã công bố"},
    "sources.title": {"en": "Sources", "vi": "Nguồn số liệu"},
    "compare.cluster_years": {
        "en": "The clusters are each workspace's latest figures, of different years ({years}): "
              "not the same moment.",
        "vi": "Số liệu cụm công nghiệp là số mới nhất của từng bộ dữ liệu, khác năm nhau "
              "({years}): không cùng thời điểm."},
    "err.year_too_far": {"en": "{year} is too far: projections reach at most {most}, 100 "
                               "years past the data ({end})",
                         "vi": "năm {year} quá xa: dự báo tối đa đến năm {most}, 100 năm "
                               "sau số liệu ({end})"},
    "series_end": {"en": "standalone series end {end}: no later full-year figures",
                   "vi": "số liệu riêng của tỉnh chỉ có đến {end}"},
    "figure.nowcast": {"en": "bkind's estimate from proxies",
                       "vi": "ước tính theo chỉ tiêu gián tiếp"},
    "figure.levels": {"en": "covered by levels", "vi": "tính từ số tuyệt đối"},
    "sources.hint": {"en": "sources of every figure: bkind status --sources",
                     "vi": "nguồn của từng số liệu: bkind status --sources"},
    # figure statuses
    "figure.estimate": {"en": "estimate", "vi": "ước thực hiện"},
    "figure.preliminary": {"en": "preliminary", "vi": "sơ bộ"},
    "figure.official": {"en": "official", "vi": "chính thức"},
    "figure.derived": {"en": "derived", "vi": "số tính toán"},
    "short.estimate": {"en": "est.", "vi": "ước"},
    "short.preliminary": {"en": "prelim.", "vi": "sơ bộ"},
    "short.official": {"en": "official", "vi": "chính thức"},
    "short.derived": {"en": "derived", "vi": "tính toán"},
    # status table
    "status.as_of": {"en": "Evaluated as of {year}", "vi": "Đánh giá tính đến năm {year}"},
    "status.as_of_latest": {
        "en": " (the latest year with figures, year-to-date ones included)",
        "vi": " (năm gần nhất có số liệu, kể cả số lũy kế từ đầu năm)"},
    "col.target": {"en": "Target", "vi": "Chỉ tiêu"},
    "col.latest": {"en": "Latest", "vi": "Kết quả thực hiện (mới nhất)"},
    "col.goal": {"en": "Goal", "vi": "Mục tiêu"},
    "col.gap": {"en": "Gap", "vi": "Chênh lệch"},
    "col.required": {"en": "Needed /yr", "vi": "Tốc độ cần đạt/năm"},
    "col.status": {"en": "Status", "vi": "Đánh giá"},
    "col.source": {"en": "Source", "vi": "Nguồn"},
    "notes.title": {"en": "Notes", "vi": "Ghi chú"},
    "workspace.embedded": {"en": "workspace: {path} (embedded default)",
                           "vi": "thư mục dữ liệu: {path} (mặc định kèm theo)"},
    "workspace.used": {"en": "workspace: {path}", "vi": "thư mục dữ liệu: {path}"},
    "workspace.named": {"en": "workspace: {name} (shipped with bkind: {path})",
                        "vi": "thư mục dữ liệu: {name} (kèm theo bkind: {path})"},
    "fail_on.matched": {"en": "--fail-on: {ids} reached status {statuses}",
                        "vi": "--fail-on: {ids} có đánh giá {statuses}"},
    # comparators
    "cmp.above": {"en": "> {v}", "vi": "trên {v}"},
    "cmp.at_least": {"en": "≥ {v}", "vi": "từ {v} trở lên"},
    "cmp.at_least_count": {"en": "≥ {v}", "vi": "ít nhất {v}"},
    "cmp.below": {"en": "< {v}", "vi": "dưới {v}"},
    "cmp.at_most": {"en": "≤ {v}", "vi": "không quá {v}"},
    "cmp.between": {"en": "{lo} – {hi}", "vi": "từ {lo} đến {hi}"},
    "cmp.about": {"en": "≈ {v}", "vi": "khoảng {v}"},
    "cmp.within": {"en": "(± {w})", "vi": "(± {w})"},
    "avg.period": {"en": "avg {s}–{e}", "vi": "bình quân {s}–{e}"},
    "by.year": {"en": "by {year}", "vi": "đến {year}"},
    "unit.pp": {"en": "pp", "vi": "điểm %"},
    # notes from the progress method
    "note.no_figures": {"en": "no figures published for {years}",
                        "vi": "chưa có số liệu công bố {years}"},
    "note.missing_years": {"en": "figures missing for {years}: the average shown is of the "
                                 "observed years only",
                           "vi": "thiếu số liệu {years}: số bình quân chỉ tính trên "
                                 "các năm có số liệu"},
    "note.deadline_without_figures": {
        "en": "the deadline has passed without figures for {years}",
        "vi": "đã đến thời hạn nhưng chưa có số liệu {years}"},
    "note.not_yet_published": {"en": "no figures yet for {years}",
                               "vi": "chưa có số liệu {years}"},
    "note.one_point": {"en": "only one figure ({year}): no trend yet",
                       "vi": "chỉ có một số liệu ({year}): chưa tính được xu hướng"},
    "note.no_ratio": {"en": "progress ratio undefined (zero or negative values)",
                      "vi": "không tính được tỷ lệ tiến độ (giá trị bằng 0 hoặc âm)"},
    "note.no_list": {"en": "no list published", "vi": "chưa có danh sách"},
    "note.partial_year": {"en": "{years} figures cover part of the year only (the standalone "
                                "series ends): the latest count is not the deadline's",
                          "vi": "danh sách năm {years} là danh sách đầu năm (chuỗi số liệu "
                                "riêng của tỉnh kết thúc): số đếm mới nhất chưa phải số cuối "
                                "kỳ"},
    "note.derived": {"en": "{year} value derived as {of}",
                     "vi": "giá trị năm {year} được tính bằng {of}"},
    "note.target_note": {"en": "{text}", "vi": "{text}"},
    "note.series_end": {"en": "standalone series end {end}: no full-year figures for {year}",
                        "vi": "chuỗi số liệu riêng kết thúc {end}: không có số liệu cả năm {year}"},
    "note.context": {"en": "context, a different measure: {name}: {value}",
                     "vi": "Tham khảo (chỉ tiêu khác, không dùng để đánh giá): {name}: {value}"},
    "note.context_avg": {"en": "avg {years} {avg}", "vi": "bình quân {years} {avg}"},
    "note.context_latest": {"en": "{year}: {value}", "vi": "năm {year}: {value}"},
    "note.source": {"en": "source {year}: {what}{value}{info}: {source}",
                    "vi": "nguồn năm {year}: {what}{value}{info}: {source}"},
    "note.ytd_months": {"en": "year to date (month {month})", "vi": "lũy kế {month} tháng"},
    "note.yoy": {"en": "y/y", "vi": "so cùng kỳ"},
    "note.published_on": {"en": "published {date}", "vi": "công bố {date}"},
    "note.list_source": {"en": "source {year} (list): {source}",
                         "vi": "nguồn năm {year} (danh sách): {source}"},
    "note.no_source": {"en": "no source given", "vi": "không ghi nguồn"},
    "note.matching": {"en": "counted: {ids}", "vi": "Các cụm đạt: {ids}"},
    # --- bkind project ---
    "project.header": {
        "en": "Projection to {year}, method {method}, from figures up to {end}",
        "vi": "Dự báo đến năm {year}, phương pháp {method}, từ số liệu đến năm {end}"},
    "project.method.trend": {"en": "trend (the growth since the baseline goes on)",
                             "vi": "xu hướng (giữ tốc độ tăng bình quân từ năm gốc)"},
    "project.method.last": {"en": "last (the last yearly growth goes on)",
                            "vi": "năm gần nhất (giữ tốc độ tăng của năm gần nhất)"},
    "project.assumptions": {"en": "Assumed yearly growth: {items}",
                            "vi": "Giả định tốc độ tăng hằng năm: {items}"},
    "project.col.projected": {"en": "Projected", "vi": "Dự báo"},
    "project.col.meets": {"en": "Meets?", "vi": "Khả năng đạt"},
    "project.col.reached": {"en": "Reached in", "vi": "Năm đạt mục tiêu"},
    "project.col.year": {"en": "Year", "vi": "Năm"},
    "project.col.value": {"en": "Value", "vi": "Giá trị"},
    "project.col.figure": {"en": "Figure", "vi": "Loại số liệu"},
    "project.yes": {"en": "yes", "vi": "đạt"},
    "project.no": {"en": "no", "vi": "không đạt"},
    "project.unknown": {"en": "unknown", "vi": "chưa rõ"},
    "project.not_by": {"en": "not by {year}", "vi": "không đạt trong kỳ dự báo (đến {year})"},
    "project.not_projected": {"en": "not projected", "vi": "không dự báo"},
    "project.projected": {"en": "projected", "vi": "dự báo"},
    "project.rate.trend": {"en": "trend since {since}: {rate}/yr",
                           "vi": "xu hướng từ {since}: {rate}/năm"},
    "project.rate.trend_growth": {"en": "trend: {rate} (geometric mean since {since})",
                                  "vi": "xu hướng: {rate} (bình quân nhân từ {since})"},
    "project.rate.last": {"en": "last growth ({since}–{end}): {rate}/yr",
                          "vi": "tốc độ tăng gần nhất ({since}–{end}): {rate}/năm"},
    "project.rate.last_growth": {"en": "last value ({end}) repeated: {rate}",
                                 "vi": "giữ giá trị năm gần nhất ({end}): {rate}"},
    "project.rate.assumed": {"en": "assumed: {rate}/yr", "vi": "giả định: {rate}/năm"},
    "project.rate.assumed_growth": {"en": "assumed: {rate}", "vi": "giả định: {rate}"},
    "project.rate.shares": {"en": "{num} {gn}/yr against {den} {gd}/yr: {rate}/yr",
                            "vi": "{num} {gn}/năm so với {den} {gd}/năm: {rate}/năm"},
    "project.basis.assumed": {"en": "assumed", "vi": "giả định"},
    "project.basis.trend": {"en": "its trend", "vi": "theo xu hướng"},
    "project.basis.last": {"en": "its last growth", "vi": "theo tốc độ năm gần nhất"},
    "project.basis.shares": {"en": "from its parts", "vi": "tính từ hai thành phần"},
    "project.required": {
        "en": "to reach {target} by {deadline}, it must grow {rate}/yr from {year}",
        "vi": "để đạt {target} vào năm {deadline}, chỉ tiêu phải tăng {rate}/năm từ năm {year}"},
    "project.required_share": {
        "en": "to reach {target} by {deadline}, the share must gain {pp} percentage points "
              "from {year} ({per_year} points a year)",
        "vi": "để đạt {target} vào năm {deadline}, tỷ trọng phải tăng thêm {pp} điểm phần trăm "
              "so với năm {year} (bình quân {per_year} điểm phần trăm/năm)"},
    "project.required_avg": {"en": "to average {target} over the period: {rate}/yr needed "
                                   "in the remaining years",
                             "vi": "để bình quân cả giai đoạn đạt {target}: các năm còn lại cần "
                                   "tăng {rate}/năm"},
    "project.required_numerator": {
        "en": "if {den} grows {g}/yr ({basis}), {num} must grow {rate}/yr on average from "
              "{year} for the share to reach {target} by {deadline}",
        "vi": "nếu {den} tăng {g}/năm ({basis}) thì {num} phải tăng bình quân {rate}/năm từ "
              "năm {year} để tỷ trọng đạt {target} vào năm {deadline}"},
    "project.chart_skipped": {"en": "chart skipped: charts are drawn only on a terminal, "
                                    "with --format table",
                              "vi": "bỏ qua biểu đồ: chỉ vẽ biểu đồ trên màn hình terminal, "
                                    "với --format table"},
    "chart.actual": {"en": "actual", "vi": "thực hiện"},
    "chart.projected": {"en": "projected", "vi": "dự báo"},
    "chart.required": {"en": "required path", "vi": "lộ trình cần đạt"},
    "chart.target": {"en": "target", "vi": "mục tiêu"},
    "note.proj_no_data": {"en": "no figures published: not projected",
                          "vi": "chưa có số liệu công bố: không dự báo được"},
    "note.proj_no_rate": {"en": "no growth rate from zero or negative figures: not projected",
                          "vi": "không tính được tốc độ tăng từ số liệu bằng 0 hoặc âm: "
                                "không dự báo được"},
    "note.proj_no_start": {"en": "an assumed growth needs a figure to start from, and there is "
                                 "none",
                           "vi": "tốc độ giả định cần một số liệu làm điểm xuất phát, nhưng "
                                 "chưa có"},
    "note.proj_share_own": {
        "en": "{lacking} has no growth of its own to combine with the assumed {given}: the "
              "share follows its own series; add --assume {lacking_id}=X% to drive it by its "
              "parts",
        "vi": "{lacking} chưa có tốc độ tăng để kết hợp với {given} giả định: tỷ trọng theo "
              "chuỗi số liệu của chính nó; thêm --assume {lacking_id}=X% để tính từ hai thành "
              "phần"},
    "note.proj_last_gap": {"en": "no figures between {start} and {end}: the last growth is the "
                                 "yearly average over that span",
                           "vi": "không có số liệu giữa {start} và {end}: tốc độ gần nhất là "
                                 "bình quân năm của cả khoảng đó"},
    "note.proj_few_points": {"en": "the trend rests on two figures only ({years})",
                             "vi": "xu hướng chỉ dựa trên hai số liệu ({years})"},
    "note.proj_one_rate": {"en": "the trend is a single year's rate ({year})",
                           "vi": "xu hướng chỉ là tốc độ của một năm ({year})"},
    "note.proj_share_gaps": {"en": "no figure for {years}: neither published nor derivable "
                                   "from {num} / {den}",
                             "vi": "không có số liệu năm {years}: chưa công bố và không tính "
                                   "được từ {num} / {den}"},
    "note.proj_count": {"en": "counts are not projected; latest count: {count} ({year})",
                        "vi": "chỉ tiêu đếm số lượng không dự báo; số mới nhất: {count} "
                              "(năm {year})"},
    "note.proj_at_year": {"en": "value in {year}, before the deadline {deadline}",
                          "vi": "giá trị năm {year}, trước thời hạn {deadline}"},
    "note.proj_not_started": {"en": "the period starts in {year}, after the projection year",
                              "vi": "giai đoạn bắt đầu năm {year}, sau năm dự báo"},
    "note.proj_avg_partial": {
        "en": "figures missing for {years}: the average covers the other years only, so "
              "whether the period average meets the target is unknown",
        "vi": "thiếu số liệu {years}: số bình quân chỉ tính trên các năm còn lại, nên "
              "chưa biết bình quân cả giai đoạn có đạt mục tiêu hay không"},
    "note.proj_no_denominator": {
        "en": "{metric} has no growth to assume: add --assume {metric}=X% to get the numerator "
              "growth needed",
        "vi": "{metric} chưa có tốc độ tăng: thêm --assume {metric}=X% để tính tốc độ tăng cần "
              "thiết của tử số"},
    # --- bkind report (year-to-date figures against the annual plan) ---
    "report.period": {"en": "Year-to-date figures for the first {months} months of {year} (to "
                            "the end of {month_name}); {months} of 12 months have passed "
                            "({elapsed} of the year).",
                      "vi": "Số liệu lũy kế {months} tháng năm {year} (đến hết tháng "
                            "{month}/{year}); thời gian đã qua {months}/12 tháng ({elapsed})."},
    "report.period_one": {"en": "Figures for January {year}; 1 of 12 months has passed "
                                "({elapsed} of the year).",
                          "vi": "Số liệu tháng 1/{year}; thời gian đã qua 1/12 tháng "
                                "({elapsed})."},
    "report.metrics_title": {"en": "Year-to-date figures", "vi": "Số liệu lũy kế"},
    "report.targets_title": {"en": "Targets of the resolution (evaluated as of {year})",
                             "vi": "Các chỉ tiêu của Nghị quyết (đánh giá tính đến năm {year})"},
    "report.col.metric": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "report.col.ytd": {"en": "Year to date", "vi": "Lũy kế"},
    "report.col.plan": {"en": "Annual plan", "vi": "Kế hoạch năm"},
    "report.col.plan_share": {"en": "% of plan", "vi": "% kế hoạch"},
    "report.col.pace": {"en": "Pace", "vi": "So với tiến độ"},
    "report.col.yoy": {"en": "y/y", "vi": "So cùng kỳ"},
    "report.col.required": {"en": "Needed /month", "vi": "Bình quân cần đạt /tháng còn lại"},
    "report.col.average": {"en": "Avg /month", "vi": "Bình quân /tháng"},
    "report.published": {"en": "published", "vi": "công bố"},
    "report.computed": {"en": "computed", "vi": "tính toán"},
    "report.derived": {"en": "derived", "vi": "tính toán"},
    "report.plan_implied": {
        "en": "the annual plan is not published in {unit}: implied by the published share, "
              "{ytd} / {share} = {plan} {unit} (derived)",
        "vi": "kế hoạch năm không công bố bằng {unit}: suy ra từ tỷ lệ đã công bố, "
              "{ytd} / {share} = {plan} {unit} (số tính toán)"},
    "report.nowcasts": {"en": "bkind's estimates for {year}, the year in progress (from "
                              "proxies or an early-year list)",
                        "vi": "Ước tính năm {year} (năm đang thực hiện), tính toán theo chỉ "
                              "tiêu gián tiếp hoặc theo danh sách đầu năm"},
    "report.of_plan": {"en": "{v} of plan", "vi": "{v} kế hoạch"},
    "report.growth_ytd": {"en": "y/y, cumulative", "vi": "so cùng kỳ, lũy kế"},
    "report.month_alone": {"en": "month {month} alone: {v}", "vi": "riêng tháng {month}: {v}"},
    "report.warnings": {"en": "Warnings", "vi": "Cảnh báo"},
    "report.sources": {"en": "Sources", "vi": "Nguồn số liệu"},
    "report.notes": {"en": "Notes", "vi": "Ghi chú"},
    "report.role.ytd": {"en": "year to date {month}/{year}",
                        "vi": "lũy kế đến tháng {month}/{year}"},
    "report.role.last_year": {"en": "same period {month}/{year}",
                              "vi": "cùng kỳ, lũy kế đến tháng {month}/{year}"},
    "report.role.previous_month": {"en": "year to date {month}/{year}",
                                   "vi": "lũy kế đến tháng {month}/{year}"},
    "report.role.plan": {"en": "annual plan {year}", "vi": "kế hoạch năm {year}"},
    "report.source": {"en": "{name}, {role}: {value}{info}: {source}",
                      "vi": "{name}, {role}: {value}{info}: {source}"},
    "report.plan_not_published": {
        "en": "the annual plan in {unit} is not published: the share of the plan is the "
              "published one, and the monthly amounts needed are shown as shares of the plan",
        "vi": "kế hoạch năm ({unit}) không được công bố: tỷ lệ so kế hoạch là số công bố, "
              "mức cần đạt mỗi tháng tính theo tỷ lệ kế hoạch"},
    "report.no_plan": {"en": "no annual plan published: no share of the plan",
                       "vi": "không có kế hoạch năm công bố: không tính được tỷ lệ so kế hoạch"},
    "warn.plan_share_mismatch": {
        "en": "published share of plan {published} differs from year to date / plan = "
              "{ytd} / {plan} = {computed}",
        "vi": "tỷ lệ so kế hoạch công bố {published} khác với lũy kế / kế hoạch = "
              "{ytd} / {plan} = {computed}"},
    "warn.yoy_mismatch": {
        "en": "published y/y {published} differs from {computed} computed against the same "
              "months of {last_year} ({last}): different vintages or price bases",
        "vi": "tốc độ tăng so cùng kỳ công bố {published} khác với {computed} tính theo số lũy "
              "kế cùng kỳ năm {last_year} ({last}): khác kỳ số liệu hoặc khác loại giá"},
    "warn.months_do_not_add_up": {
        "en": "month figures do not add up: year to date {previous_month}/{year} {previous} + "
              "month {month} alone {month_value} = {total}, but year to date {month}/{year} is "
              "{ytd}",
        "vi": "số liệu các tháng không khớp: lũy kế đến tháng {previous_month}/{year} là "
              "{previous} + riêng tháng {month} là {month_value} = {total}, nhưng lũy kế đến "
              "tháng {month}/{year} là {ytd}"},
    "warn.january_mismatch": {
        "en": "month figures do not add up: January alone {month_value} but year to date "
              "1/{year} is {ytd}",
        "vi": "số liệu không khớp: riêng tháng 1 là {month_value} nhưng lũy kế tháng 1/{year} "
              "là {ytd}"},
    "chart.cumulative": {"en": "{name}: year to date {year} against the plan path",
                         "vi": "{name}: lũy kế năm {year} so với lộ trình kế hoạch"},
    "chart.plan_share": {"en": "{name}: share of the annual plan reached",
                         "vi": "{name}: tỷ lệ thực hiện so với kế hoạch năm"},
    "chart.cumulative_only": {"en": "{name}: year to date", "vi": "{name}: lũy kế"},
    "chart.series.ytd": {"en": "{year} year to date", "vi": "Lũy kế {year}"},
    "chart.series.plan_path": {"en": "Plan {year}, even pace",
                               "vi": "Kế hoạch {year} (phân bổ đều theo tháng)"},
    "chart.series.even_pace": {"en": "Even pace (months / 12)",
                               "vi": "Tiến độ thời gian (số tháng / 12)"},
    "chart.series.actual": {"en": "Actual", "vi": "Thực hiện"},
    "chart.no_figures": {"en": "{name}: no figures to draw",
                         "vi": "{name}: chưa có số liệu để vẽ biểu đồ"},
    "chart.series.estimate": {"en": "{year}: bkind's estimate{range}",
                              "vi": "Năm {year}: ước tính{range}"},
    "chart.series.estimate_proxy": {
        "en": "{year}: bkind's estimate from proxies{range}",
        "vi": "Năm {year}: ước tính theo chỉ tiêu gián tiếp{range}"},
    "chart.series.part_year": {"en": "{year}: from the list at the start of the year",
                               "vi": "Năm {year} (theo danh sách đầu năm)"},
    "chart.span.covered": {
        "en": "Average {start}-{end}, derived from levels: {value}/yr",
        "vi": "Bình quân {start}-{end}, tính toán từ số tuyệt đối: {value}/năm"},
    "chart.span.average": {"en": "Average {start}-{end}: {value}/yr",
                           "vi": "Bình quân {start}-{end}: {value}/năm"},
    "chart.span.average_estimate": {
        "en": "Average {start}-{end}, bkind's estimate: {value}/yr{range}",
        "vi": "Bình quân {start}-{end}, ước tính: {value}/năm{range}"},
    "chart.series.path_to": {"en": "Path to the target ({goal})",
                             "vi": "Lộ trình đạt mục tiêu ({goal})"},
    "chart.series.goal": {"en": "Target: {goal}", "vi": "Mục tiêu: {goal}"},
    "chart.range": {"en": "range {lo} to {hi}", "vi": "dao động từ {lo} đến {hi}"},
    "chart.axis.year": {"en": "Year", "vi": "Năm"},
    "chart.axis.month": {"en": "Month", "vi": "Tháng"},
    "chart.axis.rate": {"en": "Growth (% per year)", "vi": "Tốc độ tăng (%/năm)"},
    "chart.axis.percent": {"en": "Share (%)", "vi": "Tỷ trọng (%)"},
    "chart.axis.plan_share": {"en": "Share of the annual plan (%)",
                              "vi": "Tỷ lệ so với kế hoạch năm (%)"},
    "chart.axis.count": {"en": "Number", "vi": "Số lượng"},
    "chart.axis.fraction": {"en": "Meeting the goal (%)", "vi": "Tỷ lệ đạt yêu cầu (%)"},
    "month.1": {"en": "January", "vi": "tháng 1"},
    "month.2": {"en": "February", "vi": "tháng 2"},
    "month.3": {"en": "March", "vi": "tháng 3"},
    "month.4": {"en": "April", "vi": "tháng 4"},
    "month.5": {"en": "May", "vi": "tháng 5"},
    "month.6": {"en": "June", "vi": "tháng 6"},
    "month.7": {"en": "July", "vi": "tháng 7"},
    "month.8": {"en": "August", "vi": "tháng 8"},
    "month.9": {"en": "September", "vi": "tháng 9"},
    "month.10": {"en": "October", "vi": "tháng 10"},
    "month.11": {"en": "November", "vi": "tháng 11"},
    "month.12": {"en": "December", "vi": "tháng 12"},
    # --- revisions, history, validate, ingest (issue 5) ---
    "history.title": {"en": "{name}: published figures and revisions",
                      "vi": "{name}: các lần công bố và điều chỉnh số liệu"},
    "history.none": {"en": "no figures published for {id}{year}",
                     "vi": "chưa có số liệu công bố cho {id}{year}"},
    "history.in_year": {"en": " in {year}", "vi": " năm {year}"},
    "history.current": {"en": "current", "vi": "số đang sử dụng"},
    "history.undated": {"en": "undated", "vi": "không ghi ngày"},
    "history.first": {"en": "first published", "vi": "công bố lần đầu"},
    "history.unchanged": {"en": "unchanged", "vi": "không đổi"},
    "history.unpriced": {"en": "price basis not stated: not used",
                         "vi": "không nêu loại giá: không sử dụng"},
    "history.derived": {"en": "derived as {num} / {den}", "vi": "tính bằng {num} / {den}"},
    "history.derived_level": {"en": "derived as {num} × {den}",
                              "vi": "tính bằng {num} × {den}"},
    "history.revised": {"en": "{year}: {old} → {new} ({change})",
                        "vi": "năm {year}: {old} → {new} ({change})"},
    "history.revisions": {"en": "Revisions", "vi": "Các lần điều chỉnh"},
    "history.clash": {"en": "{year}: two figures published {date} disagree ({other} and "
                            "{used}): not a revision; {used} is used (see bkind validate)",
                      "vi": "năm {year}: hai số liệu cùng công bố {date} không khớp ({other} "
                            "và {used}): không phải số điều chỉnh; đang dùng {used} (xem "
                            "bkind validate)"},
    "col.year": {"en": "Year", "vi": "Năm"},
    "col.value": {"en": "Value", "vi": "Giá trị"},
    "col.figure_status": {"en": "Kind", "vi": "Loại số liệu"},
    "col.published": {"en": "Published", "vi": "Ngày công bố"},
    "col.change": {"en": "Change", "vi": "Thay đổi"},
    "col.action": {"en": "Change", "vi": "Thay đổi"},
    "col.file": {"en": "File", "vi": "Tệp"},
    "col.metric": {"en": "Metric", "vi": "Chỉ tiêu"},
    "col.row": {"en": "Row", "vi": "Dòng"},
    "validate.warning": {"en": "warning", "vi": "cảnh báo"},
    "validate.summary": {"en": "{path}: no errors, {n} warning(s)",
                         "vi": "{path}: không có lỗi, {n} cảnh báo"},
    "check.vintage_clash": {
        "en": "{metric} {year}: two figures published {published} disagree ({a} and {b}): "
              "two measures or two price bases, not a revision; check which one the "
              "target means",
        "vi": "{metric} năm {year}: hai số liệu cùng công bố {published} không khớp ({a} và "
              "{b}): hai cách đo hoặc hai loại giá khác nhau, không phải số điều chỉnh; cần "
              "xác định số nào đúng chỉ tiêu"},
    "check.unpriced": {
        "en": "{metric} {year}: the source of {value} states no price basis, and the "
              "series is on {prices}: kept in the file, not used as the year's value "
              "(in use: {kept})",
        "vi": "{metric} năm {year}: nguồn của số {value} không nêu loại giá, trong khi chuỗi "
              "số liệu tính theo {prices}: giữ trong tệp, không dùng làm số của năm (đang "
              "dùng: {kept})"},
    "check.unpriced_none": {
        "en": "{metric} {year}: the source of {value} states no price basis, and the "
              "series is on {prices}: kept in the file, but the year has no value in the "
              "series",
        "vi": "{metric} năm {year}: nguồn của số {value} không nêu loại giá, trong khi chuỗi "
              "số liệu tính theo {prices}: giữ trong tệp, nhưng năm này không có số trong "
              "chuỗi"},
    "check.chain": {
        "en": "{metric} {year}: published growth {growth}, but {level} {prev} → {cur} "
              "implies {implied}: the levels and rates do not chain (different vintages?)",
        "vi": "{metric} năm {year}: tốc độ tăng công bố {growth}, nhưng {level} từ {prev} "
              "lên {cur} tương ứng {implied}: số tuyệt đối và tốc độ tăng không khớp "
              "(khác lần công bố?)"},
    "check.ytd_decrease": {
        "en": "{metric} {year}: the year-to-date figure falls from {prev} (month {m1}) to "
              "{cur} (month {m2}); a cumulative figure cannot fall",
        "vi": "{metric} năm {year}: số lũy kế giảm từ {prev} (tháng {m1}) xuống {cur} "
              "(tháng {m2}); số lũy kế không thể giảm"},
    "check.ytd_annual": {
        "en": "{metric} {year}: the year-to-date figure for December, {ytd}, differs from "
              "the year's value {annual}",
        "vi": "{metric} năm {year}: số lũy kế 12 tháng {ytd} khác số cả năm {annual}"},
    "check.month": {
        "en": "{metric} {year}, months 1-{month}: {text}",
        "vi": "{metric} lũy kế {month} tháng năm {year}: {text}"},
    "check.parts_sum.value": {
        "en": "{name}, year to date {month}/{year}: the total is {total} {unit} but its parts "
              "({parts}) add up to {sum} {unit}; both are reported as published",
        "vi": "{name} lũy kế {month} tháng năm {year}: số tổng là {total} {unit} nhưng các "
              "thành phần ({parts}) cộng lại được {sum} {unit}; báo cáo giữ nguyên số đã "
              "công bố"},
    "check.parts_sum.month_value": {
        "en": "{name}, month {month}/{year} alone: the total is {total} {unit} but its parts "
              "({parts}) add up to {sum} {unit}; both are reported as published",
        "vi": "{name} riêng tháng {month}/{year}: số tổng là {total} {unit} nhưng các thành "
              "phần ({parts}) cộng lại được {sum} {unit}; báo cáo giữ nguyên số đã công bố"},
    "check.ytd_clash": {
        "en": "{metric}, year to date {month}/{year}: two published versions disagree on "
              "{key} ({a} and {b}): two sources, not a revision; the report uses the "
              "latest dated one (else the later one in the file)",
        "vi": "{metric} lũy kế {month} tháng năm {year}: hai lần công bố không khớp về {key} "
              "({a} và {b}): hai nguồn khác nhau, không phải số điều chỉnh; báo cáo dùng số có "
              "ngày công bố muộn nhất (nếu không có ngày: số ghi sau trong tệp)"},
    "check.share_basis": {
        "en": "{metric} {year}: published share {published}, but {num} / {den} = {computed} "
              "({prices}): computed on another price basis, or another vintage?",
        "vi": "{metric} năm {year}: tỷ trọng công bố {published}, nhưng {num} / {den} = "
              "{computed} ({prices}): tính theo loại giá khác, hoặc lần công bố khác?"},
    "check.no_source": {"en": "{what} ({year}): no source given",
                        "vi": "{what} (năm {year}): không ghi nguồn"},
    "ingest.added": {"en": "added", "vi": "thêm mới"},
    "ingest.new_vintage": {"en": "new vintage (was {old})",
                           "vi": "lần công bố mới (trước: {old})"},
    "ingest.replaced": {"en": "replaced {old}", "vi": "thay thế số {old}"},
    "ingest.unchanged": {"en": "unchanged", "vi": "không đổi"},
    "ingest.completed": {"en": "completed", "vi": "bổ sung"},
    "ingest.plan": {"en": "annual plan", "vi": "kế hoạch năm"},
    "ingest.cluster": {"en": "cluster {id}", "vi": "CCN {id}"},
    "ingest.months": {"en": "year to date, months 1-{month}", "vi": "lũy kế {month} tháng"},
    "ingest.written": {"en": "written: {paths}", "vi": "đã ghi: {paths}"},
    "ingest.dry_run": {"en": "dry run: nothing written", "vi": "chạy thử: chưa ghi tệp nào"},
    "ingest.nothing": {"en": "no changes: nothing written",
                       "vi": "không có thay đổi: không ghi tệp nào"},
    "ingest.title": {"en": "{file} into {workspace}", "vi": "{file} vào {workspace}"},
    # --- several workspaces: successors, peers, compare, export (issue 14) ---
    "status.no_targets": {
        "en": "There are no targets to evaluate: these are published figures only, for "
              "comparison.",
        "vi": "Không có chỉ tiêu nào để đánh giá: chỉ gồm số liệu đã công bố, dùng để so "
              "sánh."},
    "status.successor": {
        "en": "The industrial development goals of the following period are tracked under "
              "the {name}.",
        "vi": "Các mục tiêu phát triển công nghiệp giai đoạn tiếp theo được theo dõi theo "
              "{name}."},
    "note.not_started": {"en": "the period starts in {year}: no figures yet",
                         "vi": "giai đoạn bắt đầu từ năm {year}: chưa có số liệu"},
    "note.target_source": {"en": "target set by: {source}", "vi": "chỉ tiêu theo: {source}"},
    "workspaces.title": {"en": "Workspaces shipped with bkind",
                         "vi": "Các bộ dữ liệu kèm theo bkind"},
    "workspaces.col.name": {"en": "Name (--workspace)", "vi": "Tên (--workspace)"},
    "workspaces.col.resolution": {"en": "Resolution", "vi": "Nghị quyết"},
    "workspaces.col.years": {"en": "Years", "vi": "Các năm có số liệu"},
    "workspaces.col.targets": {"en": "Targets", "vi": "Số chỉ tiêu"},
    "workspaces.col.links": {"en": "Successor, peers", "vi": "Tiếp nối, tham chiếu"},
    "workspaces.default": {"en": "(default)", "vi": "(mặc định)"},
    "workspaces.none": {"en": "figures only", "vi": "chỉ có số liệu"},
    "workspaces.successor": {"en": "successor: {name}", "vi": "tiếp nối: {name}"},
    "workspaces.peers": {"en": "peers: {names}", "vi": "tham chiếu: {names}"},
    "workspaces.footer": {
        "en": "Pick one with --workspace NAME; a folder path works too (a folder of that "
              "name wins). Shipped workspaces are read-only: to add figures with bkind "
              "ingest, copy the folder first (its path: bkind workspaces --format json).",
        "vi": "Chọn bằng --workspace TÊN; cũng có thể đưa đường dẫn thư mục (thư mục trùng "
              "tên được ưu tiên). Bộ dữ liệu kèm theo chỉ để đọc: muốn nhập số liệu bằng "
              "bkind ingest, hãy sao chép thư mục trước (đường dẫn: bkind workspaces "
              "--format json)."},
    "compare.title": {"en": "Comparison: {names}", "vi": "So sánh: {names}"},
    "compare.year": {"en": "Latest year with figures in every workspace: {year}",
                     "vi": "Năm gần nhất mọi bộ dữ liệu đều có số liệu: {year}"},
    "compare.no_year": {"en": "No year has figures in every workspace.",
                        "vi": "Không có năm nào mọi bộ dữ liệu đều có số liệu."},
    "compare.none_comparable": {
        "en": "No metric can be put side by side (same measure, unit and stated price basis, "
              "in a common year).",
        "vi": "Không có chỉ tiêu nào đặt cạnh nhau được (cùng nội dung, đơn vị, loại giá đã "
              "nêu rõ, trong cùng một năm)."},
    "compare.metrics_title": {"en": "Shared metrics (same measure, unit and price basis)",
                              "vi": "Chỉ tiêu chung (cùng nội dung, đơn vị tính và loại giá)"},
    "compare.col.metric": {"en": "Metric", "vi": "Chỉ tiêu"},
    "compare.clusters_title": {"en": "Industrial clusters", "vi": "Cụm công nghiệp (CCN)"},
    "compare.row.count": {"en": "Clusters", "vi": "Số CCN"},
    "compare.row.area_ha": {"en": "Total area", "vi": "Tổng diện tích"},
    "compare.row.complete": {"en": "Infrastructure complete",
                             "vi": "Hoàn thành hạ tầng kỹ thuật"},
    "compare.row.operating": {"en": "In operation", "vi": "Đã đi vào hoạt động"},
    "compare.row.occupancy": {"en": "Occupancy", "vi": "Tỷ lệ lấp đầy"},
    "compare.row.from": {"en": "Figures", "vi": "Cách có số liệu"},
    "compare.from.list": {"en": "computed from the list", "vi": "tính từ danh sách từng cụm"},
    "compare.from.published": {"en": "published totals", "vi": "số tổng hợp đã công bố"},
    "compare.occ_weighted": {"en": "by area, {n} of {count}",
                             "vi": "bình quân theo diện tích, {n}/{count} cụm"},
    "compare.occ_plain": {"en": "plain mean, {n} of {count}",
                          "vi": "bình quân giản đơn, {n}/{count} cụm"},
    "compare.not_comparable_title": {"en": "Not comparable (not put side by side)",
                                     "vi": "Không so sánh được (không đặt cạnh nhau)"},
    "compare.reason.kind": {"en": "{id}: a different kind of measure ({details})",
                            "vi": "{id}: khác loại chỉ tiêu ({details})"},
    "compare.reason.unit": {"en": "{id}: different units ({details})",
                            "vi": "{id}: khác đơn vị tính ({details})"},
    "compare.reason.prices": {"en": "{id}: different price bases ({details})",
                              "vi": "{id}: khác loại giá ({details})"},
    "compare.reason.prices_not_stated": {
        "en": "{id}: the price basis is not stated everywhere ({details})",
        "vi": "{id}: có nguồn không nêu loại giá ({details})"},
    "compare.reason.no_common_year": {
        "en": "{id}: no year with a figure in every workspace ({details})",
        "vi": "{id}: không có năm nào mọi bộ dữ liệu đều có số liệu ({details})"},
    "compare.declared": {"en": "{ws}: {prices}, {unit}, latest {year}",
                         "vi": "{ws}: {prices}, {unit}, năm gần nhất {year}"},
    "compare.sources_title": {"en": "Sources", "vi": "Nguồn số liệu"},
    "compare.source": {"en": "{ws}, {name} {year}: {source}",
                       "vi": "{ws}, {name} năm {year}: {source}"},
    "compare.source_clusters": {"en": "{ws}, industrial clusters {year}: {source}",
                                "vi": "{ws}, cụm công nghiệp năm {year}: {source}"},
    "compare.chart.occupancy": {"en": "Industrial clusters: occupancy",
                                "vi": "Tỷ lệ lấp đầy các cụm công nghiệp"},
    "compare.chart.count": {"en": "Industrial clusters: number", "vi": "Số cụm công nghiệp"},
    # --- error messages (bad input: `path:line: message`, exit 2) ---
    # frames around another message
    "err.field": {"en": "{field}: {text}", "vi": "{field}: {text}"},
    "err.target": {"en": "target '{id}': {text}", "vi": "mục tiêu '{id}': {text}"},
    "err.ytd_month": {"en": "ytd: month {month}: {text}", "vi": "ytd: tháng {month}: {text}"},
    # YAML
    "err.yaml_invalid": {"en": "invalid YAML: {detail}", "vi": "YAML không hợp lệ: {detail}"},
    "err.yaml_hinted": {"en": "{text}; {hint}", "vi": "{text}; {hint}"},
    "err.hint_yaml_dash": {"en": "put a space after the '-' of a list item",
                           "vi": "cần một dấu cách sau dấu '-' của mục danh sách"},
    "err.yaml.bad_char": {"en": "a character that cannot start a value here",
                          "vi": "có ký tự không được phép ở đầu giá trị"},
    "err.yaml.colon": {"en": "a colon where none is allowed",
                       "vi": "dấu hai chấm ở chỗ không được phép"},
    "err.yaml.no_colon": {"en": "a key without its colon", "vi": "thiếu dấu hai chấm sau khóa"},
    "err.yaml.no_dash": {"en": "a list item without its '-'",
                         "vi": "thiếu dấu '-' ở đầu một mục của danh sách"},
    "err.yaml.no_key": {"en": "a line that is not a key of the mapping it is in",
                        "vi": "dòng này không phải một khóa của nhóm chứa nó"},
    "err.yaml.indent": {"en": "a line indented unlike the lines around it",
                        "vi": "dòng này thụt lề không khớp với các dòng xung quanh"},
    "err.yaml.end": {"en": "the file ends inside a quote or a bracket",
                     "vi": "tệp kết thúc khi dấu ngoặc kép hoặc dấu ngoặc chưa đóng"},
    "err.yaml.flow": {"en": "a '{{...}}' not closed, or a comma missing in it",
                      "vi": "dấu '{{...}}' chưa đóng, hoặc thiếu dấu phẩy bên trong"},
    "err.yaml.flow_seq": {"en": "a '[...]' not closed, or a comma missing in it",
                          "vi": "dấu '[...]' chưa đóng, hoặc thiếu dấu phẩy bên trong"},
    "err.yaml.tab": {"en": "a TAB character", "vi": "có ký tự TAB"},
    "err.yaml.escape": {"en": "an unknown escape (\\) inside double quotes",
                        "vi": "dấu \\ không hợp lệ trong ngoặc kép"},
    "err.yaml.alias": {"en": "an undefined alias (*name)", "vi": "bí danh (*tên) chưa định nghĩa"},
    "err.hint_yaml_tab": {"en": "indent with spaces only, not TAB",
                          "vi": "chỉ thụt lề bằng dấu cách, không dùng phím TAB"},
    "err.hint_yaml_quote": {"en": "a value holding ': ' must be put in double quotes: "
                                  "\"{value}\"",
                            "vi": "giá trị có dấu hai chấm phải đặt trong ngoặc kép: "
                                  "\"{value}\""},
    "err.hint_yaml_point": {"en": "use a point: {fixed} (numbers in YAML take a decimal "
                                  "point)",
                            "vi": "dùng dấu chấm: {fixed} (số trong tệp YAML dùng dấu chấm "
                                  "thập phân)"},
    "err.hint_yaml_indent": {"en": "check the indentation: keys of one mapping start in "
                                   "the same column",
                             "vi": "kiểm tra thụt lề: các khóa cùng cấp phải thẳng cột"},
    "err.yaml_decimal_comma": {"en": "{key}: a decimal comma? In {{...}} a comma separates "
                                     "fields; numbers take a decimal point: {fixed}",
                               "vi": "{key}: dấu phẩy thập phân? Trong {{...}} dấu phẩy ngăn "
                                     "cách các trường; số dùng dấu chấm: {fixed}"},
    "err.yaml_decimal_comma_plain": {
        "en": "{key}: a decimal comma? In {{...}} a comma separates fields; write the number "
              "with a decimal point (11.03, not 11,03)",
        "vi": "{key}: dấu phẩy thập phân? Trong {{...}} dấu phẩy ngăn cách các trường; hãy "
              "dùng dấu chấm thập phân (11.03, không phải 11,03)"},
    "err.yaml_alias": {"en": "YAML anchors and aliases (&name, *name) are not allowed in bkind "
                             "files",
                       "vi": "tệp của bkind không được dùng neo và tham chiếu YAML "
                             "(&name, *name)"},
    "err.key_not_plain": {"en": "a key must be a plain value",
                          "vi": "khóa phải là một giá trị đơn"},
    "err.duplicate_key": {"en": "duplicate key '{key}' (YAML would keep only the last)",
                          "vi": "khóa '{key}' bị lặp (YAML sẽ chỉ giữ lại khóa cuối cùng)"},
    "err.yaml_value": {"en": "invalid value: {detail}", "vi": "giá trị không hợp lệ: {detail}"},
    "err.output_is_input": {"en": "is an input file of the workspace: choose another --output",
                            "vi": "là tệp đầu vào của thư mục dữ liệu: hãy chọn --output "
                                  "khác"},
    "err.output_in_workspace": {
        "en": "is inside the workspace's actuals folder, where every file is read as data: "
              "choose another --output",
        "vi": "nằm trong thư mục actuals của thư mục dữ liệu, nơi mọi tệp đều được đọc làm số "
              "liệu: hãy chọn --output khác"},
    "err.temp_not_written": {
        "en": "cannot build the document: {reason} in the temporary folder {folder} (set "
              "TMPDIR to a folder with room); nothing written",
        "vi": "không tạo được tài liệu: {reason} trong thư mục tạm {folder} (hãy đặt TMPDIR "
              "là một thư mục còn chỗ trống); chưa ghi gì"},
    "err.output_is_folder": {"en": "is a folder: --output needs a file name",
                             "vi": "là thư mục: --output cần tên tệp"},
    "err.ingest_interrupted": {
        "en": "an ingest was stopped midway, and you may not write to this folder: the "
              "next bkind command (any) of someone who may finishes it",
        "vi": "một lần nhập số liệu bị dừng giữa chừng mà bạn không có quyền ghi vào thư "
              "mục này: lệnh bkind tiếp theo (lệnh bất kỳ) của người có quyền ghi sẽ hoàn "
              "tất việc nhập"},
    "err.ingest_not_written": {
        "en": "nothing written: a file could not be replaced ({reason}); the workspace is "
              "as it was",
        "vi": "chưa ghi gì: không thay được một tệp ({reason}); thư mục dữ liệu không "
              "thay đổi"},
    "err.assume_below_collapse": {
        "en": "{name}: {raw} is below -100% (a fall of 100% is a collapse to zero; no level "
              "can fall further)",
        "vi": "{name}: {raw} nhỏ hơn -100% (giảm 100% là giảm về không; không chỉ tiêu nào "
              "giảm hơn được nữa)"},
    "err.yaml_key": {"en": "invalid key {key}: {detail}",
                     "vi": "khóa {key} không hợp lệ: {detail}"},
    "err.yaml_tag": {"en": "the tag {tag} is not allowed (only plain YAML values: text, "
                           "numbers, dates, lists and mappings)",
                     "vi": "không được dùng thẻ {tag} (chỉ dùng giá trị YAML thông thường: "
                           "chữ, số, ngày, danh sách và ánh xạ)"},
    "err.yaml_too_deep": {"en": "nested too deeply (at most {most} levels)",
                          "vi": "lồng nhau quá sâu (tối đa {most} cấp)"},
    "err.not_regular_file": {"en": "not a regular file ({kind})",
                             "vi": "không phải tệp thông thường ({kind})"},
    "err.file_too_big": {"en": "file too large: {size} bytes, at most {most} bytes",
                         "vi": "tệp quá lớn: {size} byte, tối đa {most} byte"},
    "err.actuals_twice": {"en": "the same year in two files: {other}; keep one",
                          "vi": "cùng một năm trong hai tệp: {other}; hãy giữ một tệp"},
    "err.not_a_number": {"en": "{what}: {raw} is not a finite number",
                         "vi": "{what}: {raw} không phải là số hữu hạn"},
    "err.number_too_large": {"en": "{what}: {raw} is too large (at most {most} in size)",
                             "vi": "{what}: {raw} quá lớn (độ lớn tối đa {most})"},
    "err.negative_amount": {"en": "{what}: {raw} is below zero",
                            "vi": "{what}: {raw} nhỏ hơn 0"},
    "err.percent_out_of_range": {"en": "{what}: {raw} is outside 0% to 100%",
                                 "vi": "{what}: {raw} nằm ngoài khoảng 0% đến 100%"},
    "err.file_too_large": {"en": "file too large", "vi": "tệp quá lớn"},
    "err.internal": {
        "en": "internal error (a bug in bkind, not in your files): {detail}; run again "
              "with --traceback to see where",
        "vi": "lỗi nội bộ (lỗi của bkind, không phải của tệp): {detail}; chạy lại với "
              "--traceback để xem chỗ lỗi"},
    # keys and values (schema checks)
    "err.unknown_key": {"en": "unknown key '{key}'", "vi": "khóa '{key}' không hợp lệ"},
    "err.unknown_key_allowed": {"en": "unknown key '{key}' (allowed: {allowed})",
                                "vi": "khóa '{key}' không hợp lệ (các khóa được dùng: "
                                      "{allowed})"},
    "err.missing_key": {"en": "missing required key '{key}'",
                        "vi": "thiếu khóa bắt buộc '{key}'"},
    "err.invalid_value": {"en": "invalid value {value}{choices}",
                          "vi": "giá trị {value} không hợp lệ{choices}"},
    "err.one_of": {"en": " (one of: {choices})", "vi": " (chọn một trong: {choices})"},
    "err.expected_type": {"en": "expected `{expected}`, got `{got}`",
                          "vi": "cần {expected}, nhưng nhận được {got}"},
    "err.type.or": {"en": "{a} | {b}", "vi": "{a} hoặc {b}"},
    "err.type.int": {"en": "int", "vi": "số nguyên"},
    "err.type.float": {"en": "float", "vi": "số"},
    "err.type.str": {"en": "str", "vi": "chuỗi ký tự"},
    "err.type.bool": {"en": "bool", "vi": "giá trị true/false"},
    "err.type.null": {"en": "null", "vi": "giá trị rỗng (null)"},
    "err.type.object": {"en": "object", "vi": "ánh xạ (khóa: giá trị)"},
    "err.type.array": {"en": "array", "vi": "danh sách"},
    "err.type.date": {"en": "date", "vi": "ngày"},
    "err.year_range": {"en": "a year has four digits ({low} to {high})",
                       "vi": "năm phải có bốn chữ số (từ {low} đến {high})"},
    "err.bad_date": {"en": "invalid RFC3339 encoded date",
                     "vi": "ngày không hợp lệ (cần dạng YYYY-MM-DD)"},
    "err.detail": {"en": "{detail}", "vi": "{detail}"},
    "err.expected_mapping": {"en": "{what}: expected a mapping",
                             "vi": "{what}: cần một ánh xạ (khóa: giá trị)"},
    "err.expected_list": {"en": "{what}: expected a list", "vi": "{what}: cần một danh sách"},
    # numbers, percents, dates
    "err.expected_percent": {"en": "{what}: expected a percent such as 13%, got {raw}",
                             "vi": "{what}: cần một tỷ lệ phần trăm như 13%, nhưng nhận được "
                                   "{raw}"},
    "err.expected_number": {"en": "{what}: expected a number, got {raw}",
                            "vi": "{what}: cần một số, nhưng nhận được {raw}"},
    "err.bare_number": {"en": "{what}: bare number {n} where a percent is required: write "
                              "{hint}{extra}",
                        "vi": "{what}: số {n} thiếu dấu % (ở đây cần tỷ lệ phần trăm): hãy "
                              "viết {hint}{extra}"},
    "err.bare_fraction": {"en": ", or {pct} if {n} is a fraction",
                          "vi": ", hoặc {pct} nếu {n} là tỷ lệ dạng thập phân"},
    "err.percent_on_level": {"en": "{what}: {raw} is a percent, but this is not a rate or a "
                                   "share: write a plain number",
                             "vi": "{what}: {raw} là tỷ lệ phần trăm, nhưng chỉ tiêu này không "
                                   "phải tốc độ tăng hay tỷ trọng: hãy viết một số thông "
                                   "thường"},
    "err.published": {"en": "published: expected a date YYYY-MM-DD (or YYYY-MM), got {raw}",
                      "vi": "published: cần ngày dạng YYYY-MM-DD (hoặc YYYY-MM), nhưng nhận "
                            "được {raw}"},
    "err.series_end": {"en": "series_end: expected YYYY-MM, got {raw}",
                       "vi": "series_end: cần dạng YYYY-MM, nhưng nhận được {raw}"},
    # targets.yaml
    "err.targets_not_mapping": {"en": "expected a mapping with resolution, metrics, targets",
                                "vi": "cần một ánh xạ gồm resolution, metrics, targets"},
    "err.metric_id_reserved": {
        "en": "metric id '{id}' ends in '{suffix}', which the open-data export gives the "
              "figures printed beside a metric's year-to-date value: choose another id",
        "vi": "mã chỉ tiêu '{id}' kết thúc bằng '{suffix}', là hậu tố mà tệp dữ liệu mở (export) "
              "dùng cho số liệu in kèm số lũy kế của một chỉ tiêu: hãy chọn mã khác"},
    "err.of_only_share": {"en": "metric '{id}': 'of' is only for a share",
                          "vi": "chỉ tiêu '{id}': 'of' chỉ dùng cho chỉ tiêu tỷ trọng (share)"},
    "err.of_unknown": {"en": "metric '{id}': unknown metric '{name}'",
                       "vi": "chỉ tiêu '{id}': không có chỉ tiêu '{name}'"},
    "err.of_not_level": {"en": "metric '{id}': '{name}' is a {kind} metric: a share's "
                               "numerator and denominator are levels",
                         "vi": "chỉ tiêu '{id}': '{name}' là chỉ tiêu loại {kind}: tử số và "
                               "mẫu số của tỷ trọng phải là chỉ tiêu giá trị (level)"},
    "err.of_unit_mix": {"en": "metric '{id}': numerator '{num}' is in {num_unit} but "
                              "denominator '{den}' in {den_unit}: a share needs one unit",
                        "vi": "chỉ tiêu '{id}': tử số '{num}' tính bằng {num_unit} nhưng "
                              "mẫu số '{den}' tính bằng {den_unit}: tỷ trọng phải cùng một "
                              "đơn vị tính"},
    "err.price_mix": {"en": "metric '{id}': numerator '{num}' is {num_prices} but denominator "
                            "'{den}' is {den_prices}: a share needs one price basis",
                      "vi": "chỉ tiêu '{id}': tử số '{num}' tính theo {num_prices} nhưng "
                            "mẫu số '{den}' tính theo {den_prices}: tỷ trọng phải tính trên "
                            "cùng một loại giá"},
    "err.price_share": {"en": "metric '{id}' is {prices} but its numerator and denominator "
                              "are {parts}",
                        "vi": "chỉ tiêu '{id}' tính theo {prices} nhưng tử số và mẫu số "
                              "tính theo {parts}"},
    "prices.constant-2010": {"en": "constant 2010 prices", "vi": "giá so sánh 2010"},
    "prices.constant-2020": {"en": "constant 2020 prices", "vi": "giá so sánh 2020"},
    "prices.current": {"en": "current prices", "vi": "giá hiện hành"},
    "prices.none": {"en": "no price basis", "vi": "không tính theo giá"},
    "prices.constant": {"en": "constant prices (base year not stated)",
                        "vi": "giá so sánh (không nêu năm gốc)"},
    "prices.not-stated": {"en": "price basis not stated", "vi": "nguồn không nêu loại giá"},
    "err.prices.constant-2010": {"en": "constant-2010", "vi": "giá so sánh 2010 (constant-2010)"},
    "err.prices.constant-2020": {"en": "constant-2020", "vi": "giá so sánh 2020 (constant-2020)"},
    "err.prices.current": {"en": "current", "vi": "giá hiện hành (current)"},
    "err.prices.none": {"en": "none", "vi": "không theo loại giá (none)"},
    "err.prices.constant": {"en": "constant (base year not stated)",
                            "vi": "giá so sánh, không nêu năm gốc (constant)"},
    "err.prices.not-stated": {"en": "not-stated", "vi": "nguồn không nêu loại giá (not-stated)"},
    "err.duplicate_target": {"en": "duplicate target id '{id}' (first at line {line})",
                             "vi": "mã mục tiêu '{id}' bị trùng (đã có ở dòng {line})"},
    "err.one_comparator": {"en": "needs exactly one of above, at_least, below, at_most, "
                                 "between, about{has}",
                           "vi": "cần đúng một trong các khóa above, at_least, below, at_most, "
                                 "between, about{has}"},
    "err.within_without_about": {"en": "within: only an `about` target takes a tolerance",
                                 "vi": "within: chỉ chỉ tiêu `about` (khoảng) mới có sai số cho "
                                       "phép"},
    "err.within_negative": {"en": "within: the tolerance cannot be negative, got {raw}",
                            "vi": "within: sai số cho phép không được âm, đang nhập {raw}"},
    "err.has": {"en": " (has {given})", "vi": " (đang có {given})"},
    "err.target_needs.a": {"en": "a {type} target needs '{key}'",
                           "vi": "thiếu khóa '{key}' (bắt buộc với loại {type})"},
    "err.target_needs.an": {"en": "an {type} target needs '{key}'",
                            "vi": "thiếu khóa '{key}' (bắt buộc với loại {type})"},
    "err.not_for_type": {"en": "'{key}' does not apply to a {type} target",
                         "vi": "khóa '{key}' không dùng cho loại {type}"},
    "err.unknown_metric_metrics": {"en": "unknown metric '{id}' (not declared under metrics)",
                                   "vi": "chỉ tiêu '{id}' chưa được khai báo trong metrics"},
    "err.growth_metric": {"en": "average_growth needs a growth or level metric; '{id}' is a "
                                "{kind}",
                          "vi": "average_growth cần một chỉ tiêu loại growth hoặc level; "
                                "'{id}' thuộc loại {kind}"},
    "err.unknown_list": {"en": "unknown list '{of}' (known: {known})",
                         "vi": "không có danh sách '{of}' (các danh sách có: {known})"},
    "err.unknown_context": {"en": "unknown context metric '{id}'",
                            "vi": "chỉ tiêu tham khảo '{id}' chưa được khai báo"},
    "err.period_form": {"en": "period: expected [first_year, last_year]",
                        "vi": "period: cần dạng [năm_đầu, năm_cuối]"},
    "err.period_reversed": {"en": "period is reversed: {first} > {last}",
                            "vi": "giai đoạn (period) bị ngược: {first} > {last}"},
    "err.between_form": {"en": "between: expected [low, high]",
                         "vi": "between: cần dạng [thấp, cao]"},
    "err.range_reversed": {"en": "range is reversed: {low} > {high}",
                           "vi": "khoảng giá trị bị ngược: {low} > {high}"},
    "err.where_field": {"en": "where: unknown field '{key}' of {of}",
                        "vi": "where: {of} không có trường '{key}'"},
    "err.where_form": {"en": "where.{key}: expected one of above, at_least, below, at_most",
                       "vi": "where.{key}: cần một trong các khóa above, at_least, below, "
                             "at_most"},
    # actuals/YYYY.yaml
    "err.actuals_not_mapping": {"en": "expected a mapping with year and values",
                                "vi": "cần một ánh xạ gồm year và values"},
    "err.year_mismatch": {"en": "year {year} does not match the file name {file}.yaml",
                          "vi": "năm {year} không khớp với tên tệp {file}.yaml"},
    "err.unknown_metric": {"en": "unknown metric '{id}' (not declared in targets.yaml)",
                           "vi": "chỉ tiêu '{id}' chưa được khai báo trong targets.yaml"},
    "err.empty_vintages": {"en": "{id}: empty list of vintages",
                           "vi": "{id}: danh sách các lần công bố đang trống"},
    "err.duplicate_item": {"en": "duplicate {list} id '{id}'",
                           "vi": "mã '{id}' bị trùng trong {list}"},
    "err.ytd_not_for_rate": {"en": "{key}: does not apply to the {kind} metric '{id}' (its "
                                   "value is already a rate)",
                             "vi": "{key}: không áp dụng cho chỉ tiêu '{id}' loại {kind} (giá "
                                   "trị của chỉ tiêu này đã là tỷ lệ)"},
    "err.row_unit": {"en": "unit '{unit}' is not a scale of {id}'s unit ({own}): enter the "
                           "figure in {own}, or in triệu / tỷ / nghìn tỷ đồng or nghìn / triệu "
                           "USD for a unit of those",
                     "vi": "đơn vị '{unit}' không phải đơn vị của {id} ({own}) ở thang khác: "
                           "nhập số theo {own}, hoặc theo triệu / tỷ / nghìn tỷ đồng, nghìn / "
                           "triệu USD nếu đơn vị là đồng hoặc USD"},
    "err.ytd_needs_value": {"en": "{id}: a year-to-date figure needs 'value' (the cumulative) "
                                  "or 'month_value' (the month alone), or at least a "
                                  "published change ('yoy', 'month_yoy', 'mom')",
                            "vi": "{id}: số liệu lũy kế cần 'value' (số lũy kế) hoặc "
                                  "'month_value' (số riêng tháng), hoặc ít nhất một tốc độ "
                                  "đã công bố ('yoy', 'month_yoy', 'mom')"},
    "err.plan_form": {"en": "plan: expected a mapping of metric to value",
                      "vi": "plan: cần ánh xạ từ chỉ tiêu tới giá trị"},
    "err.ytd_form": {"en": "ytd: expected a mapping of month (1-12) to figures",
                     "vi": "ytd: cần ánh xạ từ tháng (1-12) tới số liệu"},
    "err.ytd_month_key": {"en": "ytd: a month key must be a month number 1-12, got {key}",
                          "vi": "ytd: khóa tháng phải là số tháng từ 1 đến 12, nhưng nhận được "
                                "{key}"},
    "err.ytd_month_range": {"en": "ytd: month {month} out of range (1-12)",
                            "vi": "ytd: tháng {month} nằm ngoài khoảng 1-12"},
    "err.ytd_month_twice": {"en": "ytd: month {month} given twice",
                            "vi": "ytd: tháng {month} được khai báo hai lần"},
    "err.ytd_month_form": {"en": "expected a mapping of metric to figure",
                           "vi": "cần ánh xạ từ chỉ tiêu tới số liệu"},
    # files and folders
    "err.workspace_not_found": {"en": "workspace folder not found",
                                "vi": "không tìm thấy thư mục dữ liệu"},
    "err.export_not_folder": {"en": "not a folder", "vi": "không phải thư mục"},
    "err.export_not_empty": {
        "en": "the folder is not empty and is not a previous bkind export ({files}): "
              "nothing was written; choose an empty or new folder",
        "vi": "thư mục không trống và không phải kết quả bkind export trước đó ({files}): "
              "chưa ghi gì; hãy chọn một thư mục trống hoặc thư mục mới"},
    "export.written": {"en": "written: {paths}", "vi": "đã ghi: {paths}"},
    "err.compare_nothing": {"en": "nothing to compare with: give --with WORKSPACE (the "
                                  "workspace names no peers)",
                            "vi": "chưa có gì để so sánh: hãy thêm --with BỘ_DỮ_LIỆU (bộ dữ "
                                  "liệu này không nêu tỉnh tham chiếu nào)"},
    "err.compare_twice": {"en": "workspace '{name}' is given twice",
                          "vi": "bộ dữ liệu '{name}' được nêu hai lần"},
    "err.workspace_not_found_named": {
        "en": "workspace folder not found, and no shipped workspace has that name "
              "(shipped: {names})",
        "vi": "không tìm thấy thư mục dữ liệu, cũng không có bộ dữ liệu kèm theo nào mang tên "
              "này (các bộ kèm theo: {names})"},
    "err.file_not_found": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "err.folder_not_found": {"en": "folder not found", "vi": "không tìm thấy thư mục"},
    "err.not_utf8": {"en": "not UTF-8 text ({reason})",
                     "vi": "không phải văn bản UTF-8 ({reason})"},
    "err.os.denied": {"en": "Permission denied (the file may be open in Excel or Word, or "
                            "read-only: close it, or copy it elsewhere, and try again)",
                      "vi": "không có quyền truy cập: có thể tệp đang mở trong Excel hoặc "
                            "Word, hoặc chỉ được phép đọc; hãy đóng tệp (hoặc chép sang chỗ "
                            "khác) rồi thử lại"},
    "err.os.busy": {"en": "Resource busy (the file is in use by another program, Excel or "
                          "Word?: close it and try again)",
                    "vi": "tệp đang được chương trình khác sử dụng (Excel, Word?): hãy đóng "
                          "tệp rồi thử lại"},
    "err.os.full": {"en": "No space left on device", "vi": "ổ đĩa đã đầy"},
    "err.os.read_only": {"en": "Read-only file system",
                         "vi": "ổ đĩa hoặc thư mục chỉ cho phép đọc"},
    "err.os.is_dir": {"en": "Is a directory", "vi": "đây là thư mục, không phải tệp"},
    "err.os.not_dir": {"en": "Not a directory",
                       "vi": "một phần của đường dẫn là tệp, không phải thư mục"},
    "err.os.too_long": {"en": "File name too long", "vi": "tên tệp quá dài"},
    "err.os.loop": {"en": "Too many levels of symbolic links",
                    "vi": "đường dẫn có quá nhiều liên kết"},
    "err.os.io": {"en": "Input/output error",
                  "vi": "không đọc được ổ đĩa (lỗi vào/ra)"},
    "err.os.other": {"en": "{reason}", "vi": "lỗi hệ thống: {reason}"},
    "err.cannot_read": {"en": "cannot read: {reason}", "vi": "không đọc được: {reason}"},
    "err.cannot_write": {"en": "cannot write: {reason}", "vi": "không ghi được: {reason}"},
    "err.actuals_name": {"en": "actuals file name must be YYYY.yaml",
                         "vi": "tên tệp số liệu thực hiện phải có dạng YYYY.yaml"},
    # command-line options
    "err.where_bool": {"en": "{what}: expected true or false, got {raw} (yes/no are text "
                             "in bkind's YAML: write true or false)",
                       "vi": "{what}: phải là true hoặc false, đang nhập {raw} (yes/no là chữ, "
                             "không phải đúng/sai: hãy viết true hoặc false)"},
    "err.guess": {"en": "{text}; did you mean '{guess}'?",
                  "vi": "{text}; có phải ý bạn là '{guess}'?"},
    "err.unknown_lang": {"en": "unknown language '{lang}' (use vi or en)",
                         "vi": "không hỗ trợ ngôn ngữ '{lang}' (dùng vi hoặc en)"},
    "err.unknown_status": {"en": "unknown status '{status}' (one of: {choices})",
                           "vi": "đánh giá '{status}' không hợp lệ (chọn một trong: "
                                 "{choices})"},
    "err.assume_form": {"en": "expected METRIC=VALUE such as grdp=7%, got {raw}",
                        "vi": "cần dạng METRIC=VALUE như grdp=7%, nhưng nhận được {raw}"},
    "err.assume_invalid": {"en": "{name}: invalid value", "vi": "{name}: giá trị không hợp lệ"},
    "err.assume_twice": {"en": "{name}: assumed twice", "vi": "{name}: được giả định hai lần"},
    "err.month_form": {"en": "expected YYYY-MM or M/YYYY (e.g. 2025-03 or 3/2025), got {raw}",
                       "vi": "tháng phải là M/YYYY hoặc YYYY-MM (ví dụ 3/2025 hoặc 2025-03), "
                             "đang nhập {raw}"},
    "err.date_form": {"en": "expected a date YYYY-MM-DD or DD/MM/YYYY (e.g. 2025-04-15 or "
                            "15/4/2025), got {raw}",
                      "vi": "ngày phải là DD/MM/YYYY hoặc YYYY-MM-DD (ví dụ 15/4/2025 hoặc "
                            "2025-04-15), giá trị đã nhập: {raw}"},
    "err.no_ytd": {"en": "no year-to-date figures (ytd:) in any actuals file",
                   "vi": "không tệp số liệu thực hiện nào có số liệu lũy kế (ytd:)"},
    "err.no_ytd_month": {"en": "no year-to-date figures for {month} (months with figures: "
                               "{months})",
                         "vi": "không có số liệu lũy kế cho {month} (các tháng có số liệu: "
                               "{months})"},
    "err.none": {"en": "none", "vi": "không có"},
    "err.unknown_metric_of": {"en": "unknown metric '{id}' (one of: {choices})",
                              "vi": "chỉ tiêu '{id}' không tồn tại (chọn một trong: "
                                    "{choices})"},
    "err.unknown_metric_known": {"en": "unknown metric '{id}' (known: {known})",
                                 "vi": "chỉ tiêu '{id}' không tồn tại (các chỉ tiêu có: "
                                       "{known})"},
    "err.year_before_data": {"en": "{year} is before the latest year with figures ({end}): a "
                                   "projection starts after the data",
                             "vi": "năm {year} trước năm gần nhất có số liệu ({end}): dự báo "
                                   "phải bắt đầu sau số liệu đã có"},
    "err.ingest_embedded": {"en": "ingest writes into a workspace: give --workspace DIR, set "
                                  "BKIND_WORKSPACE, or run it in a folder with targets.yaml "
                                  "(the workspaces shipped with bkind are not edited: copy "
                                  "one first; bkind workspaces --format json gives its "
                                  "folder)",
                            "vi": "ingest ghi vào một thư mục dữ liệu: hãy dùng --workspace "
                                  "DIR, đặt BKIND_WORKSPACE, hoặc chạy lệnh trong thư mục có "
                                  "targets.yaml (các bộ dữ liệu kèm theo bkind không được "
                                  "sửa: hãy sao chép trước; bkind workspaces --format json "
                                  "cho biết thư mục)"},
    # bkind ingest: the CSV / XLSX file and its rows
    "err.csv_not_utf8": {"en": "not UTF-8 text (byte {byte} on this line: another encoding, "
                               "such as Windows-1258 or TCVN3); save it as \"CSV UTF-8\" "
                               "(Excel: Save As, CSV UTF-8 (Comma delimited))",
                         "vi": "không phải văn bản UTF-8 (byte {byte} ở dòng này: tệp được lưu "
                               "bằng bảng mã khác, như Windows-1258 hoặc TCVN3); hãy lưu bằng "
                               "CSV UTF-8 (trong Excel: Lưu dưới dạng, chọn CSV UTF-8 (Comma "
                               "delimited))"},
    "err.xlsx_invalid": {"en": "not a readable XLSX workbook ({detail})",
                         "vi": "không đọc được tệp XLSX ({detail})"},
    "err.xlsx_not_zip": {"en": "not an Excel workbook (.xlsx): the file is damaged, or is "
                               "another kind of file renamed; open it in Excel and save it "
                               "again as .xlsx",
                         "vi": "không phải bảng tính Excel (.xlsx): tệp bị hỏng hoặc là loại "
                               "tệp khác bị đổi tên; hãy mở bằng Excel rồi lưu lại dạng .xlsx"},
    "err.xlsx_lock_file": {"en": "{name} is the lock file Excel keeps while {real} is open, "
                                 "not a workbook: ingest {real} itself (close it in Excel "
                                 "first)",
                           "vi": "{name} là tệp khóa tạm Excel tạo ra khi đang mở {real}, "
                                 "không phải bảng tính: hãy nhập tệp {real} (đóng tệp trong "
                                 "Excel trước)"},
    "err.xlsx_too_big": {"en": "the workbook unzips to {size} bytes, more than {most}: save "
                               "only the month's sheet in a new workbook",
                         "vi": "bảng tính giải nén ra {size} byte, quá {most} byte: hãy lưu "
                               "riêng trang số liệu của tháng vào một tệp mới"},
    "err.xlsx_too_many_rows": {"en": "the sheet has {rows} rows, more than {most}: save only "
                                     "the month's rows in a new workbook",
                               "vi": "trang tính có {rows} dòng, quá {most} dòng: hãy lưu "
                                     "riêng các dòng số liệu của tháng vào một tệp mới"},
    "err.xlsx_no_sheet": {"en": "the workbook has no visible sheet to read",
                          "vi": "bảng tính không có trang tính nào đang hiện để đọc"},
    "err.xlsx_merged": {"en": "merged cells {ref}: a merged cell is read for its first row "
                              "only; unmerge them and type the figure in each row",
                        "vi": "ô gộp {ref}: ô gộp chỉ được đọc ở dòng đầu; hãy bỏ gộp ô và "
                              "ghi số liệu vào từng dòng"},
    "err.xlsx_formula": {"en": "cell {cell} holds a formula with no computed value: open the "
                               "file in Excel, let it calculate, and save it",
                         "vi": "ô {cell} chứa công thức chưa có kết quả: hãy mở tệp bằng "
                               "Excel để tính rồi lưu lại"},
    "ingest.hidden_sheets": {"en": "hidden sheet(s) skipped: {names}; read the sheet {sheet}",
                             "vi": "bỏ qua trang tính ẩn: {names}; đã đọc trang {sheet}"},
    "err.ingest_suffix": {"en": "expected a .csv or .xlsx file",
                          "vi": "cần tệp .csv hoặc .xlsx"},
    "err.empty_header": {"en": "empty file: expected a header row with the columns {columns}",
                         "vi": "tệp trống: cần một dòng tiêu đề với các cột {columns}"},
    "err.missing_column": {"en": "missing column '{name}'", "vi": "thiếu cột '{name}'"},
    "err.column_twice": {"en": "column '{name}' appears twice",
                         "vi": "cột '{name}' xuất hiện hai lần"},
    "err.row_year": {"en": "year: expected a year such as 2024, got {raw}",
                     "vi": "year: cần một năm như 2024, nhưng nhận được {raw}"},
    "err.row_month": {"en": "month: expected 1-12 (year-to-date) or empty (the yearly value), "
                            "got {raw}",
                      "vi": "month: cần số tháng từ 1 đến 12 (số lũy kế) hoặc để trống (số cả "
                            "năm), nhưng nhận được {raw}"},
    "err.row_no_metric": {"en": "metric is empty", "vi": "cột metric (chỉ tiêu) để trống"},
    "err.row_no_value": {"en": "value is empty", "vi": "cột value (giá trị) để trống"},
    "err.row_number": {"en": "value: expected a number, got {raw}{hint}",
                       "vi": "value: cần một số, nhưng nhận được {raw}{hint}"},
    "err.hint_decimal_comma": {"en": " (a Vietnamese number such as 2.023,72 or 13,2%? pass "
                                     "--decimal-comma)",
                               "vi": " (số viết kiểu Việt Nam như 2.023,72 hoặc 13,2%? hãy "
                                     "thêm --decimal-comma)"},
    "err.hint_decimal_point": {"en": " (with --decimal-comma the decimal mark is a comma: "
                                     "13,2%)",
                               "vi": " (với --decimal-comma, dấu thập phân là dấu phẩy: "
                                     "13,2%)"},
    "err.row_published": {"en": "published: expected a date YYYY-MM-DD, YYYY-MM or "
                                "dd/mm/yyyy, got {raw}",
                          "vi": "published: cần ngày dạng YYYY-MM-DD, YYYY-MM hoặc "
                                "dd/mm/yyyy, nhưng nhận được {raw}"},
    "err.row_repeated": {"en": "{what}: line {line} gives the same metric, year and "
                               "'published' with different figures",
                         "vi": "{what}: dòng {line} có cùng chỉ tiêu, năm và ngày công bố "
                               "('published') nhưng số liệu khác"},
    "err.row_what": {"en": "{metric} {period} ({published})",
                     "vi": "{metric} {period} ({published})"},
    "err.row_ytd": {"en": "{year} ytd month {month}", "vi": "{year} lũy kế tháng {month}"},
    "err.row_published_on": {"en": "published {date}", "vi": "công bố {date}"},
    "err.row_undated": {"en": "undated", "vi": "không rõ ngày công bố"},
    "err.row_conflict": {"en": "{what}: {fields} differs from the figure stored at {where}; "
                               "{advice}",
                         "vi": "{what}: {fields} khác với số liệu đã lưu tại {where}; "
                               "{advice}"},
    "err.advice_ytd": {"en": "year-to-date figures keep one vintage: use --replace to "
                             "update it",
                       "vi": "số liệu lũy kế chỉ giữ một lần công bố: dùng --replace để cập "
                             "nhật"},
    "err.advice_revision": {"en": "a revision needs its own 'published' date, or use "
                                  "--replace",
                            "vi": "số liệu điều chỉnh cần ngày công bố ('published') riêng, "
                                  "hoặc dùng --replace"},
    "err.cannot_lock": {"en": "cannot lock the workspace: {reason}",
                        "vi": "không khóa được thư mục dữ liệu: {reason}"},
    "err.ingest_invalid": {"en": "ingest produced an invalid file; nothing was written",
                           "vi": "ingest tạo ra một tệp không hợp lệ; chưa ghi tệp nào"},
    "err.ingest_restored": {"en": "the workspace did not load after ingest; the old files "
                                  "were restored",
                            "vi": "không nạp được thư mục dữ liệu sau khi ingest; đã khôi "
                                  "phục các tệp cũ"},
    # --- second release: estimates, covered gaps, every, about ---
    "every.goal": {"en": "each: {each}", "vi": "mỗi mục: {each}"},
    "every.goal.clusters": {"en": "each cluster: {each}", "vi": "mỗi cụm: {each}"},
    "field.occupancy": {"en": "occupancy", "vi": "tỷ lệ lấp đầy"},
    "field.infrastructure_complete": {"en": "infrastructure complete",
                                      "vi": "hoàn thành hạ tầng"},
    "field.area_ha": {"en": "area (ha)", "vi": "diện tích (ha)"},
    "note.range_undecided": {
        "en": "the estimate's range ({lo} to {hi}) lies on both sides of the target: "
              "no verdict yet",
        "vi": "số ước tính dao động từ {lo} đến {hi}, nằm cả hai phía mục tiêu: chưa đủ "
              "cơ sở kết luận"},
    "note.collapse": {"en": "the yearly figures imply a fall below zero: no average",
                      "vi": "số liệu các năm cho kết quả giảm dưới 0: không tính được bình quân"},
    "note.outlook_before": {
        "en": "{year} is not over: an outlook on the estimates, not a verdict",
        "vi": "năm {year} chưa kết thúc: nhận định theo số ước, chưa phải kết quả đánh giá"},
    "note.discontinued": {
        "en": "not tracked any more: its own series ended in {end}, before the deadline "
              "year; the last value, gap and trend are context only",
        "vi": "không còn theo dõi: chuỗi số liệu riêng kết thúc tháng {end}, trước năm của "
              "mục tiêu; số mới nhất, chênh lệch và xu hướng chỉ để tham khảo"},
    "note.discontinued_successor": {
        "en": "the target is followed up under the successor resolution: {title}",
        "vi": "mục tiêu được tiếp nối theo {title}"},
    "note.proj_one_year": {
        "en": "only {year} is observed: one year is not a trend, so no projected verdict "
              "unless a yearly rate is assumed",
        "vi": "mới có số liệu năm {year}: một năm chưa đủ để đánh giá xu hướng, nên không "
              "dự báo kết quả (trừ khi giả định một tốc độ tăng hằng năm)"},
    "note.one_year": {"en": "only {year} is observed: one year is not a trend",
                      "vi": "mới có số liệu năm {year}: một năm chưa đủ để đánh giá xu hướng"},
    "note.covered_by_levels": {
        "en": "{start}-{end} covered by levels (no yearly rate published)",
        "vi": "giai đoạn {start}-{end} tính từ số tuyệt đối (không công bố tốc độ từng năm)"},
    "note.each_unknown": {"en": "not published for {year}: {ids}; the condition cannot be "
                                "judged",
                          "vi": "chưa có số liệu năm {year} của: {ids}; chưa đánh giá được "
                                "điều kiện"},
    "note.none_matching": {"en": "no item of the {year} list is concerned by the condition",
                           "vi": "danh sách năm {year} không có mục nào thuộc diện đánh giá"},
    "note.few_matching": {
        "en": "the condition concerns {matching} of the {total} items listed only (fewer "
              "than half)",
        "vi": "điều kiện chỉ áp dụng cho {matching}/{total} mục trong danh sách (chưa "
              "đến một nửa)"},
    "note.meeting": {"en": "{meeting} of {matching} meet it: {ids}",
                     "vi": "{meeting}/{matching} đạt yêu cầu: {ids}"},
    "note.proj_not_projected": {"en": "not projected", "vi": "không dự báo"},
    "note.proj_every": {"en": "conditions on items are not projected; latest: {meeting} of "
                              "{matching} meet it ({year})",
                        "vi": "không dự báo điều kiện từng mục; mới nhất: {meeting}/{matching} "
                              "đạt yêu cầu (năm {year})"},
    "basis.share_derived": {
        "en": "{year}: {num} / {den} = {num_value} / {den_value} = {value} (derived)",
        "vi": "Năm {year}: {num} / {den} = {num_value} / {den_value} = {value} (số tính toán)"},
    "basis.level_derived": {
        "en": "{year}: {metric} = {share} × {den} = {share_value} × {den_value} = {value} "
              "(derived)",
        "vi": "Năm {year}: {metric} = {share} × {den} = {share_value} × {den_value} = "
              "{value} (số tính toán)"},
    "basis.covered": {
        "en": "{start}-{end} covered by levels: {metric} {q} / {p} = {lq} / {lp}, {total} "
              "in all, {avg}/yr on average (exact; no yearly rate published)",
        "vi": "Giai đoạn {start}-{end} tính từ số tuyệt đối: {metric} năm {q} / năm {p} = "
              "{lq} / {lp}, cả giai đoạn {total}, bình quân {avg}/năm (tính chính xác; "
              "không công bố tốc độ từng năm)"},
    "basis.covered_skips": {
        "en": "the published yearly growth of {years} is not used: the levels cover it",
        "vi": "không dùng tốc độ tăng đã công bố của năm {years}: đã tính theo số tuyệt đối"},
    "basis.own_ytd_central": {
        "en": "{year}: {of}, year to date (month {month}): {growth} y/y (central estimate)",
        "vi": "Năm {year}: {of} lũy kế {month} tháng {growth} so với cùng kỳ "
              "(dùng làm số ước tính)"},
    "basis.own_ytd": {
        "en": "{year}: {of}, year to date (month {month}): {growth} y/y",
        "vi": "Năm {year}: {of} lũy kế {month} tháng {growth} so với cùng kỳ"},
    "basis.proxy_central": {
        "en": "{year}: proxy, a different measure: {of}, year to date (month {month}): "
              "{published} y/y; calibrated on {years} (factor {factor}): {growth} (central "
              "estimate)",
        "vi": "Năm {year}: chỉ tiêu gián tiếp (khác nội dung chỉ tiêu đánh giá): "
              "{of} lũy kế {month} tháng "
              "{published} so với cùng kỳ; hiệu chỉnh theo năm {years} (hệ số {factor}): "
              "{growth} (dùng làm số ước tính)"},
    "basis.proxy": {
        "en": "{year}: proxy, a different measure: {of}, year to date (month {month}): "
              "{published} y/y; calibrated on {years} (factor {factor}): {growth}",
        "vi": "Năm {year}: chỉ tiêu gián tiếp (khác nội dung chỉ tiêu đánh giá): "
              "{of} lũy kế {month} tháng "
              "{published} so với cùng kỳ; hiệu chỉnh theo năm {years} (hệ số {factor}): "
              "{growth}"},
    "basis.proxy_uncalibrated_central": {
        "en": "{year}: proxy, a different measure: {of}, year to date (month {month}): "
              "{growth} y/y, not calibrated (no earlier year where both grew by a known "
              "rate{years}), used as it is (central estimate)",
        "vi": "Năm {year}: chỉ tiêu gián tiếp (khác nội dung chỉ tiêu đánh giá): "
              "{of} lũy kế {month} tháng "
              "{growth} so với cùng kỳ, chưa hiệu chỉnh (không có năm trước nào biết tốc độ "
              "tăng của cả hai{years}), dùng nguyên số (dùng làm số ước tính)"},
    "basis.proxy_uncalibrated": {
        "en": "{year}: proxy, a different measure: {of}, year to date (month {month}): "
              "{growth} y/y, not calibrated (no earlier year where both grew by a known "
              "rate{years}), used as it is",
        "vi": "Năm {year}: chỉ tiêu gián tiếp (khác nội dung chỉ tiêu đánh giá): "
              "{of} lũy kế {month} tháng "
              "{growth} so với cùng kỳ, chưa hiệu chỉnh (không có năm trước nào biết tốc độ "
              "tăng của cả hai{years}), dùng nguyên số"},
    "basis.growth_nowcast_one": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} {value}",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} {value}"},
    "basis.level_nowcast_one": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} = {prev} ({prev_year}) × (1 + {growth}) = {value}",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} = {prev} (năm {prev_year}) × (1 + {growth}) = "
              "{value}"},
    "basis.share_nowcast_one": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} = {num} / {den} = {value}",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} = {num} / {den} = {value}"},
    "basis.same_as": {"en": "{title}: as for [{n}]", "vi": "{title}: như chỉ tiêu [{n}]"},
    "basis.growth_nowcast": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} {value} (range {lo} to {hi})",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} {value} (dao động từ {lo} đến {hi})"},
    "basis.level_nowcast": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} = {prev} ({prev_year}) × (1 + {growth}) = {value} "
              "(range {lo} to {hi})",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} = {prev} (năm {prev_year}) × (1 + {growth}) = "
              "{value} (dao động từ {lo} đến {hi})"},
    "basis.share_nowcast": {
        "en": "{year}, bkind's estimate from proxies: "
              "{metric} = {num} / {den} = {value} (range {lo} to {hi})",
        "vi": "Ước tính năm {year} theo chỉ tiêu gián tiếp: "
              "{metric} = {num} / {den} = {value} (dao động từ {lo} "
              "đến {hi})"},
    "basis.part_year_list": {
        "en": "judged on the list published early in {year} ({sources})",
        "vi": "đánh giá theo danh sách đầu năm {year} ({sources})"},
    "err.level_only_growth": {"en": "metric '{id}': `level:` is for growth metrics",
                              "vi": "chỉ tiêu '{id}': `level:` chỉ dùng cho chỉ tiêu tăng trưởng"},
    "err.unknown_link": {"en": "metric '{id}': {key}: '{name}' is not a declared metric",
                         "vi": "chỉ tiêu '{id}': {key}: '{name}' chưa được khai báo trong "
                               "metrics"},
    "err.level_kind": {"en": "metric '{id}': level: '{name}' is of kind {kind}, not level",
                       "vi": "chỉ tiêu '{id}': level: '{name}' thuộc loại {kind}, không "
                             "phải level"},
    "err.price_level": {"en": "metric '{id}' is on {prices} but its level '{name}' on "
                              "{level_prices}: growth and level must share a price basis",
                        "vi": "chỉ tiêu '{id}' tính theo {prices} nhưng số tuyệt đối '{name}' "
                              "theo {level_prices}: phải cùng loại giá"},
    "err.figure_prices": {
        "en": "'{id}': a figure on {given} prices, but the metric is on {prices}: write "
              "`prices: not-stated` where the source gives no price basis, or declare "
              "another metric for another basis",
        "vi": "'{id}': số liệu theo giá {given} nhưng chỉ tiêu tính theo giá {prices}: ghi "
              "`prices: not-stated` nếu nguồn không nêu loại giá, hoặc khai báo chỉ tiêu khác "
              "cho loại giá khác"},
    "err.part_self": {"en": "metric '{id}': part_of names the metric itself",
                      "vi": "chỉ tiêu '{id}': part_of trỏ tới chính chỉ tiêu này"},
    "err.part_nested": {"en": "metric '{id}': '{name}' is itself a part of '{total}'; "
                              "name the total '{total}' instead",
                        "vi": "chỉ tiêu '{id}': '{name}' đã là một phần của '{total}'; hãy "
                              "ghi part_of: {total}"},
    "err.part_kind": {"en": "metric '{id}' is of kind {mine} but its total '{name}' of kind "
                            "{theirs}: a part must be of the same kind as its total",
                      "vi": "chỉ tiêu '{id}' thuộc loại {mine} nhưng chỉ tiêu tổng '{name}' "
                            "thuộc loại {theirs}: chỉ tiêu thành phần phải cùng loại với "
                            "chỉ tiêu tổng"},
    "err.part_unit": {"en": "metric '{id}' is in {mine} but its total '{name}' in {theirs}: "
                            "a part must be in the unit of its total",
                      "vi": "chỉ tiêu '{id}' tính bằng {mine} nhưng chỉ tiêu tổng '{name}' "
                            "tính bằng {theirs}: chỉ tiêu thành phần phải cùng đơn vị với "
                            "chỉ tiêu tổng"},
    "err.part_prices": {"en": "metric '{id}' is on {mine} but its total '{name}' on {theirs}: "
                              "a part must share its total's price basis",
                        "vi": "chỉ tiêu '{id}' tính theo {mine} nhưng chỉ tiêu tổng '{name}' "
                              "theo {theirs}: chỉ tiêu thành phần phải cùng loại giá với "
                              "chỉ tiêu tổng"},
    "err.proxy_kind": {"en": "metric '{id}': proxy '{name}' must be another growth or level "
                             "metric",
                       "vi": "chỉ tiêu '{id}': chỉ tiêu tham chiếu '{name}' phải là một chỉ "
                             "tiêu tăng trưởng hoặc số tuyệt đối khác"},
    "err.every_comparator": {"en": "an `every` target takes `each:` instead of a comparator",
                             "vi": "mục tiêu loại `every` dùng `each:` thay cho so sánh"},

    # bkind ingest: files as analysts type them
    "err.csv_unterminated": {"en": "a quote opened on this line is never closed where the "
                                   "field ends ({detail}); nothing was read after it",
                             "vi": "dấu ngoặc kép mở ở dòng này không được đóng đúng chỗ "
                                   "({detail}); không đọc được phần sau"},
    "err.csv_quote": {"en": "invalid CSV quoting: {detail}",
                      "vi": "dấu ngoặc kép không hợp lệ trong CSV: {detail}"},
    "err.csv_extra_fields": {"en": "{n} fields but the header has {columns}: an unquoted "
                                   "'{delimiter}' inside a field? Put the field in double "
                                   "quotes",
                             "vi": "dòng có {n} ô nhưng dòng tiêu đề chỉ có {columns}: có "
                                   "dấu '{delimiter}' trong một ô mà không đặt trong ngoặc "
                                   "kép? Hãy đặt ô đó trong dấu ngoặc kép"},
    "err.mixed_decimals": {"en": "numbers written both ways: {comma} (line {comma_line}) has "
                                 "a decimal comma, {point} (line {point_line}) a decimal "
                                 "point; pass --decimal-comma or --decimal-point",
                           "vi": "số viết theo hai cách: {comma} (dòng {comma_line}) dùng "
                                 "dấu phẩy thập phân, {point} (dòng {point_line}) dùng dấu "
                                 "chấm thập phân; hãy thêm --decimal-comma hoặc "
                                 "--decimal-point"},
    "err.ambiguous_number": {"en": "{raw} can be read as {thousands} or as {decimal}, and no "
                                   "other number in the file tells which: pass "
                                   "--decimal-comma (Vietnamese: {raw} = {thousands}) or "
                                   "--decimal-point ({raw} = {decimal})",
                             "vi": "{raw} có thể hiểu là {thousands} hoặc {decimal}, và không "
                                   "số nào khác trong tệp cho biết cách viết: hãy thêm "
                                   "--decimal-comma (kiểu Việt Nam: {raw} = {thousands}) "
                                   "hoặc --decimal-point ({raw} = {decimal})"},
    "err.row_number_in": {"en": "{column}: expected a number, got {raw}{hint}",
                          "vi": "{column}: cần một số, đang nhập {raw}{hint}"},
    "err.unknown_metric_guess": {"en": "unknown metric '{id}': did you mean '{guess}'?",
                                 "vi": "chỉ tiêu '{id}' chưa được khai báo: có phải là "
                                       "'{guess}'?"},
    "err.unknown_column_any": {"en": "unknown column '{name}' (columns, in English or "
                                     "Vietnamese: {columns})",
                               "vi": "cột '{name}' không hợp lệ (các cột, tiếng Anh hoặc "
                                     "tiếng Việt: {columns})"},
    "err.row_yes_no": {"en": "{column}: expected yes or no, got {raw}",
                       "vi": "{column}: phải là có hoặc không, đang nhập {raw}"},
    "err.row_cluster_month": {"en": "a cluster row has no month (a cluster list is yearly)",
                              "vi": "dòng về cụm công nghiệp không ghi tháng (danh sách cụm "
                                    "theo năm)"},
    "err.row_month_year": {"en": "month: {raw} is not in the row's year {year}",
                           "vi": "tháng: {raw} không thuộc năm {year} của dòng"},
    "err.row_needs_month": {"en": "{column} is a year-to-date figure: give the month",
                            "vi": "{column} là số lũy kế: hãy ghi tháng"},
    "err.row_what_cluster": {"en": "cluster {cluster} {year}", "vi": "CCN {cluster} năm {year}"},
    "err.row_fraction": {"en": "{column}: {raw} is ambiguous in a percent column: "
                               "{pct} (a fraction) or {raw}%? Write it with its % sign",
                         "vi": "{column}: {raw} không rõ nghĩa trong cột tỷ lệ %: là {pct} "
                               "(tỷ lệ dạng thập phân) hay {raw}%? Hãy ghi kèm dấu %"},
    "err.both_decimal_flags": {"en": "give --decimal-comma or --decimal-point, not both",
                               "vi": "chỉ dùng một trong hai: --decimal-comma hoặc "
                                     "--decimal-point"},
    "err.xlsx_needs_output": {"en": "an xlsx file needs --output FILE",
                              "vi": "tệp xlsx cần --output TÊN_TỆP"},
    "err.init_not_empty": {"en": "exists and is not an empty folder: nothing written",
                           "vi": "đã tồn tại và không phải thư mục trống: không ghi gì"},
    "init.done": {"en": "written: {paths}\nnext: bkind validate --workspace {folder}",
                  "vi": "đã ghi: {paths}\ntiếp theo: bkind validate --workspace {folder}"},
    # likely thousands-separator slips (slips.py)
    "text.by_lang": {"en": "{en}", "vi": "{vi}"},  # a text given in both languages
    "err.slip": {"en": "{what}: {value} is {how} {neighbours}: a thousands "
                       "separator read as a decimal point? Likely meant: {likely}. {advice}",
                 "vi": "{what}: {value} {how} {neighbours}: có phải dấu "
                       "phân cách hàng nghìn bị đọc thành dấu thập phân? Có thể là: "
                       "{likely}. {advice}"},
    "err.slip_year": {"en": "{metric} {year}", "vi": "{metric} năm {year}"},
    "err.slip_ytd": {"en": "{metric}, year to date to {month}/{year}",
                     "vi": "{metric} lũy kế {month} tháng năm {year}"},
    "err.slip_month": {"en": "{metric}, the month {month}/{year} alone",
                       "vi": "{metric} riêng tháng {month}/{year}"},
    "err.slip_plan": {"en": "{metric}, plan for {year}", "vi": "{metric}, kế hoạch năm {year}"},
    "err.slip_at_year": {"en": "{value} ({year})", "vi": "{value} ({year})"},
    "err.slip_at_month": {"en": "{value} ({month}/{year})", "vi": "{value} (tháng {month}/{year})"},
    "err.slip_smaller": {"en": "100 times or more smaller than",
                         "vi": "nhỏ hơn từ 100 lần trở lên so với"},
    "err.slip_larger": {"en": "100 times or more larger than",
                        "vi": "lớn hơn từ 100 lần trở lên so với"},
    "err.slip_confirm_yaml": {"en": "If it is right, write it as a mapping with "
                                    "`confirmed: true`.",
                              "vi": "Nếu số này đúng, hãy ghi dạng `{{value: ..., "
                                    "confirmed: true}}`."},
    "err.slip_confirm_row": {"en": "If it is right, put yes in the row's confirmed column.",
                             "vi": "Nếu số này đúng, ghi \"có\" vào cột Xác nhận của dòng."},
    # --- documents: Word in the form of Nghị định 30/2020/NĐ-CP, Excel workbooks ---
    "doc.motto1": {"en": "SOCIALIST REPUBLIC OF VIETNAM",
                   "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    "doc.motto2": {"en": "Independence - Freedom - Happiness",
                   "vi": "Độc lập - Tự do - Hạnh phúc"},
    "doc.number": {"en": "No.: {number}", "vi": "Số: {number}"},
    "doc.place_date": {"en": "{place}, {date}", "vi": "{place}, {date}"},
    "doc.date": {"en": "{day} {month} {year}", "vi": "ngày {day} tháng {month} năm {year}"},
    "doc.annex": {"en": "Appendix", "vi": "Phụ lục"},
    "doc.annex_of": {"en": "(attached to report No. {number} of {date})",
                     "vi": "(Kèm theo Báo cáo số {number} {date})"},
    "doc.title": {"en": "REPORT", "vi": "BÁO CÁO"},
    "doc.recipients": {"en": "Recipients:", "vi": "Nơi nhận:"},
    "doc.archive": {"en": "- Archived: VT.", "vi": "- Lưu: VT."},
    "doc.appendix": {"en": "APPENDIX: SOURCES AND NOTES",
                     "vi": "PHỤ LỤC: NGUỒN SỐ LIỆU VÀ GHI CHÚ"},
    "doc.figure": {"en": "Figure {n}. {title}", "vi": "Biểu đồ {n}. {title}"},
    "doc.charts_capped": {
        "en": "Only the first {shown} charts are drawn; the figures of the other {left_out} "
              "are in the tables above.",
        "vi": "Chỉ vẽ {shown} biểu đồ đầu tiên; số liệu của {left_out} biểu đồ còn lại có "
              "trong các bảng trên."},
    "doc.abbreviations": {"en": "Abbreviations: {items}.", "vi": "Chữ viết tắt: {items}."},
    "doc.col.target": {"en": "Target", "vi": "Chỉ tiêu"},
    "doc.col.goal": {"en": "Goal", "vi": "Mục tiêu"},
    "doc.col.latest": {"en": "Actual", "vi": "Thực hiện"},
    "doc.col.status": {"en": "Status", "vi": "Đánh giá"},
    "doc.issued": {"en": " of {date}", "vi": " ngày {date}"},
    "doc.resolution": {"en": "Resolution {id}{issued}{by} {about}",
                       "vi": "Nghị quyết số {id}{issued}{by} {about}"},
    "doc.by_issuer": {"en": " of the {issuer}", "vi": " của {issuer}"},
    "doc.subject": {"en": "Implementation of the {name} ({period})",
                    "vi": "Tình hình thực hiện {name} ({period})"},
    "doc.subject.report": {"en": "year to date, {month_name} {year}",
                           "vi": "lũy kế đến {month_name}/{year}"},
    "doc.subject.status": {"en": "evaluated as of {year}", "vi": "đánh giá đến năm {year}"},
    "doc.subject.review": {"en": "Final review of the implementation of the {name}",
                           "vi": "Tổng kết thực hiện {name}"},
    "doc.verb.estimate": {"en": "is estimated at", "vi": "ước đạt"},
    "doc.verb.preliminary": {"en": "reached (preliminary)", "vi": "sơ bộ đạt"},
    "doc.verb.official": {"en": "reached", "vi": "đạt"},
    "doc.verb.reached": {"en": "reached", "vi": "đạt"},
    "doc.cmp.above": {"en": "above {v}", "vi": "trên {v}"},
    "doc.cmp.at_least": {"en": "at least {v}", "vi": "từ {v} trở lên"},
    "doc.cmp.at_least_count": {"en": "at least {v}", "vi": "ít nhất {v}"},
    "doc.cmp.below": {"en": "below {v}", "vi": "dưới {v}"},
    "doc.cmp.at_most": {"en": "at most {v}", "vi": "không quá {v}"},
    "doc.cmp.between": {"en": "between {lo} and {hi}", "vi": "từ {lo} đến {hi}"},
    "doc.cmp.about": {"en": "about {v}", "vi": "khoảng {v}"},
    "doc.cmp.every": {"en": "every one with {each}", "vi": "tất cả đạt {each}"},
    "doc.cmp.every.infrastructure_complete": {
        "en": "every cluster with its infrastructure completed at {each}",
        "vi": "các CCN được đầu tư hạ tầng kỹ thuật đạt {each}"},
    "doc.avg_period": {"en": " on average over {s}-{e}", "vi": " giai đoạn {s}-{e}"},
    "doc.avg_lead": {"en": "", "vi": "tăng bình quân "},
    "doc.by_year": {"en": " by {year}", "vi": " đến năm {year}"},
    "doc.when.average": {"en": "on average over {s}-{e}", "vi": "bình quân giai đoạn {s}-{e}"},
    "doc.when.year": {"en": "in {year}", "vi": "năm {year}"},
    "doc.target": {"en": "{label} {when} {verb} {value}; the resolution's target: {goal}; "
                         "status: {status}.",
                   "vi": "{label} {when} {verb} {value}; mục tiêu Nghị quyết đề ra: {goal}; "
                         "đánh giá: {status}."},
    "doc.target_met": {"en": "{label} {when} {verb} {value}, meeting the resolution's target "
                             "({goal}).",
                       "vi": "{label} {when} {verb} {value}, đạt mục tiêu Nghị quyết đề ra "
                             "({goal})."},
    "doc.target_missed": {"en": "{label} {when} {verb} {value}, short of the resolution's "
                                "target ({goal}).",
                          "vi": "{label} {when} {verb} {value}, không đạt mục tiêu Nghị quyết "
                                "đề ra ({goal})."},
    "doc.target_goal": {"en": "the resolution's target: {goal}; status: {status}.",
                        "vi": "mục tiêu Nghị quyết đề ra: {goal}; đánh giá: {status}."},
    "doc.target_no_figure": {"en": "{label}: no figures published yet; the resolution's "
                                   "target: {goal}; status: {status}.",
                             "vi": "{label}: chưa có số liệu công bố; mục tiêu Nghị quyết đề "
                                   "ra: {goal}; đánh giá: {status}."},
    "doc.target_required": {"en": "; the target needs {v} a year from now on.",
                            "vi": "; để đạt mục tiêu cần tăng {v}/năm trong thời gian còn "
                                  "lại."},
    "doc.per_year": {"en": " a year", "vi": "/năm"},
    "doc.target_required_share": {"en": "; the share must rise by another {pp} percentage "
                                        "points.",
                                  "vi": "; tỷ trọng phải tăng thêm {pp} điểm phần trăm."},
    "doc.summary": {"en": "Of the resolution's targets: {parts}.", "vi": "Có {parts}."},
    "doc.summary_part": {"en": "{k}/{n} {status}", "vi": "{k}/{n} chỉ tiêu {status}"},
    "doc.period": {"en": "in the first {m} months", "vi": "{m} tháng"},
    "doc.period_one": {"en": "in January", "vi": "tháng 1"},
    "doc.ytd.level": {"en": "{name} {period} {verb} {v}", "vi": "{name} {period} {verb} {v}"},
    "doc.ytd.share": {"en": "{name} {period} {verb} {v}.", "vi": "{name} {period} {verb} {v}."},
    "doc.ytd.growth": {"en": "{name}, {period}: {change} on the same period last year.",
                       "vi": "{name} {period}: {change} so với cùng kỳ."},
    "doc.ytd.up": {"en": "up {v}", "vi": "tăng {v}"},
    "doc.ytd.down": {"en": "down {v}", "vi": "giảm {v}"},
    "doc.ytd.yoy_up": {"en": "up {v} on the same period last year",
                       "vi": "tăng {v} so với cùng kỳ"},
    "doc.ytd.yoy_down": {"en": "down {v} on the same period last year",
                         "vi": "giảm {v} so với cùng kỳ"},
    "doc.ytd.plan_share": {"en": "{v} of the annual plan", "vi": "đạt {v} kế hoạch năm"},
    # the Sở's monthly report ("Kết quả hoạt động công nghiệp - thương mại tháng N")
    "so.industry": {"en": "{n}. Industry", "vi": "{n}. Công nghiệp"},
    "so.trade": {"en": "{n}. Trade", "vi": "{n}. Thương mại"},
    "so.targets": {"en": "{n}. The Resolution's targets",
                   "vi": "{n}. Thực hiện các chỉ tiêu của Nghị quyết"},
    "so.products": {"en": "{n}. Main industrial products",
                    "vi": "{n}. Một số sản phẩm công nghiệp chủ yếu"},
    "so.prices.constant-2010": {"en": " (at constant 2010 prices)",
                                "vi": " (theo giá so sánh 2010)"},
    "so.prices.constant-2020": {"en": " (at constant 2020 prices)",
                                "vi": " (theo giá so sánh 2020)"},
    "so.prices.current": {"en": " (at current prices)", "vi": " (theo giá hiện hành)"},
    "so.part": {"en": "{section}", "vi": "ngành {section}"},
    "so.section.B": {"en": "mining and quarrying", "vi": "khai khoáng"},
    "so.section.C": {"en": "manufacturing", "vi": "chế biến, chế tạo"},
    "so.section.D": {"en": "electricity, gas, steam and air conditioning supply",
                     "vi": "sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều "
                           "hòa không khí"},
    "so.section.E": {"en": "water supply, sewerage and waste management",
                     "vi": "cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải"},
    "so.up": {"en": "up {v}", "vi": "tăng {v}"},
    "so.down": {"en": "down {v}", "vi": "giảm {v}"},
    "so.up.est": {"en": "up an estimated {v}", "vi": "ước tăng {v}"},
    "so.down.est": {"en": "down an estimated {v}", "vi": "ước giảm {v}"},
    "so.vs_prev_month": {"en": "on the previous month", "vi": "so với tháng trước"},
    "so.vs_month_ly": {"en": "on the same month of the year before",
                       "vi": "so với cùng kỳ năm trước"},
    "so.vs_period_ly": {"en": "on the same period of {ly}", "vi": "so với cùng kỳ năm {ly}"},
    "so.and": {"en": " and ", "vi": " và "},
    "so.reached": {"en": "{v}", "vi": "đạt {v}"},
    "so.reached.est": {"en": "an estimated {v}", "vi": "ước đạt {v}"},
    "so.plan": {"en": "{v} of the annual plan", "vi": "đạt {v} kế hoạch năm"},
    "so.join_head": {"en": "{head} {figures}", "vi": "{head} {figures}"},
    "so.index.month": {"en": "{name}, {month_name} {y}:", "vi": "{name} {month_name}/{y}"},
    "so.index.cumulative": {"en": "{name}, January-{month_name} {y}:",
                            "vi": "{name} cộng dồn {m} tháng năm {y}"},
    "so.index.cumulative_one": {"en": "{name}, January {y}:", "vi": "{name} tháng 1/{y}"},
    "so.level.month": {"en": "{name}, {month_name} {y}:", "vi": "{name} {month_name} năm {y}"},
    "so.level.cumulative": {"en": "{name}, January-{month_name} {y}:",
                            "vi": "Tính chung {m} tháng năm {y}, {name_lc}"},
    "so.level.cumulative_one": {"en": "{name}, January {y}:",
                                "vi": "Tính chung tháng 1 năm {y}, {name_lc}"},
    "so.trade.cumulative": {"en": "{name}, January-{month_name} {y}:",
                            "vi": "{name} {m} tháng năm {y}"},
    "so.trade.cumulative_one": {"en": "{name}, January {y}:", "vi": "{name} tháng 1 năm {y}"},
    "so.trade.then": {"en": "January-{month_name}:", "vi": "tính chung {m} tháng"},
    "so.no_total": {"en": "{head} no figure for the whole industry",
                    "vi": "{head} chưa có số liệu toàn ngành"},
    "so.in_which": {"en": "; of which ", "vi": "; trong đó: "},
    "so.part_figures": {"en": "{part}, {figures}", "vi": "{part} {figures}"},
    "report.computed.mom": {
        "en": "{name}, month {month}/{year} alone: {change} on the previous month, computed "
              "from the two published month figures ({this} and {that} {unit})",
        "vi": "{name} riêng tháng {month}/{year}: {change} so với tháng trước, tính từ hai số "
              "riêng tháng đã công bố ({this} và {that} {unit})"},
    "report.computed.month_yoy": {
        "en": "{name}, month {month}/{year} alone: {change} on the same month of the year "
              "before, computed from the two published month figures ({this} and {that} {unit})",
        "vi": "{name} riêng tháng {month}/{year}: {change} so với cùng kỳ năm trước, tính từ "
              "hai số riêng tháng đã công bố ({this} và {that} {unit})"},
    "so.col.product": {"en": "Product", "vi": "Sản phẩm"},
    "so.col.unit": {"en": "Unit", "vi": "Đơn vị tính"},
    "so.col.month": {"en": "Month {m}", "vi": "Tháng {m}"},
    "so.col.ytd": {"en": "Months 1-{m}", "vi": "Lũy kế {m} tháng"},
    "so.col.yoy": {"en": "y/y", "vi": "So cùng kỳ"},
    "so.col.plan_share": {"en": "% of plan", "vi": "% KH năm"},
    "doc.subject.so": {"en": "Industry and trade in {month_name} {year}",
                       "vi": "Kết quả hoạt động công nghiệp - thương mại {month_name} năm "
                             "{year}"},
    "xlsx.sources": {"en": "Sources", "vi": "Nguồn"},
    "xlsx.report": {"en": "Monthly report", "vi": "Báo cáo tháng"},
    "xlsx.sheet": {"en": "Table {n}", "vi": "Bảng {n}"},
    "xlsx.sheet.targets": {"en": "Targets", "vi": "Các chỉ tiêu"},
    "xlsx.sheet.projection": {"en": "Projection", "vi": "Dự báo"},
    "xlsx.sheet.vintages": {"en": "Published figures", "vi": "Các lần công bố"},
    "xlsx.sheet.workspaces": {"en": "Workspaces", "vi": "Bộ dữ liệu"},
    "xlsx.value": {"en": "{heading}: value", "vi": "{heading}: giá trị"},
    "xlsx.upper": {"en": "{heading}: upper bound", "vi": "{heading}: cận trên"},
    "xlsx.detail": {"en": "{heading}: detail", "vi": "{heading}: chi tiết"},
    "err.document_dates": {"en": "document: until {end} is before from {start}",
                           "vi": "document: ngày until {end} trước ngày from {start}"},
    "err.document_overlap": {
        "en": "document: two issuer blocks are both in force on {date}; give each a "
              "from:/until: range of its own",
        "vi": "document: hai khối cơ quan ban hành cùng có hiệu lực ngày {date}; mỗi khối "
              "cần khoảng from:/until: riêng"},
    "err.format_vs_output": {
        "en": "{fmt} does not match the output file {name}, whose name makes it a {named} "
              "file: leave --format out, or make the two agree",
        "vi": "{fmt} không khớp với tệp kết quả {name} (theo tên tệp là tệp {named}): bỏ "
              "--format, hoặc ghi cho khớp nhau"},
    "err.output_suffix_unsupported": {
        "en": "bkind cannot write {suffix} files: name the file {instead} instead",
        "vi": "bkind không ghi được tệp {suffix}: hãy đặt tên tệp đuôi {instead}"},
    "err.binary_to_terminal": {
        "en": "--format {fmt} writes a binary file: give --output FILE (or redirect stdout)",
        "vi": "--format {fmt} tạo tệp nhị phân: hãy thêm --output TỆP (hoặc chuyển hướng "
              "stdout)"},
    # review (tổng kết)
    "review.as_of": {"en": "Final review as of {year}", "vi": "Tổng kết tính đến năm {year}"},
    "review.verdict.exceeded": {"en": "Exceeded", "vi": "Vượt"},
    "review.verdict.achieved": {"en": "Achieved", "vi": "Đạt"},
    "review.verdict.not_achieved": {"en": "Not achieved", "vi": "Không đạt"},
    "review.verdict.not_assessable": {"en": "Not assessable",
                                      "vi": "Chưa đủ số liệu để đánh giá"},
    "review.verdict.in_progress": {"en": "In progress", "vi": "Đang thực hiện"},
    "review.verdict.discontinued": {"en": "Discontinued", "vi": "Không còn theo dõi"},
    "review.summary": {"en": "{parts}.", "vi": "Có {parts}."},
    "review.part": {"en": "{n} of {total} targets {verdict}",
                    "vi": "{n}/{total} chỉ tiêu {verdict}"},
    "review.sum.exceeded": {"en": "exceeded", "vi": "vượt mục tiêu"},
    "review.sum.achieved": {"en": "achieved", "vi": "đạt"},
    "review.sum.met": {"en": "achieved or exceeded", "vi": "đạt và vượt"},
    "review.sum.of_which_exceeded": {"en": " ({n} of them exceeded)",
                                     "vi": " (trong đó {n} chỉ tiêu vượt)"},
    "review.sum.not_achieved": {"en": "not achieved", "vi": "không đạt"},
    "review.sum.not_assessable": {"en": "not assessable",
                                  "vi": "chưa đủ số liệu để đánh giá"},
    "review.sum.in_progress": {"en": "in progress", "vi": "đang thực hiện"},
    "review.sum.discontinued": {"en": "no longer tracked",
                                "vi": "không còn theo dõi"},
    "review.col.years": {"en": "By year", "vi": "Kết quả từng năm"},
    "review.part.results": {"en": "I. Results", "vi": "I. Kết quả thực hiện"},
    "review.part.shortcomings": {"en": "II. Shortcomings, limitations and their causes",
                                 "vi": "II. Tồn tại, hạn chế và nguyên nhân"},
    "review.part.lessons": {"en": "III. Lessons learned", "vi": "III. Bài học kinh nghiệm"},
    "review.part.directions": {"en": "IV. Directions, tasks and recommendations",
                               "vi": "IV. Phương hướng, nhiệm vụ và kiến nghị"},
    "review.annex.title": {"en": "Summary table of the targets' results",
                           "vi": "Biểu tổng hợp kết quả thực hiện các chỉ tiêu"},
    "review.annex.no": {"en": "No.", "vi": "TT"},
    "review.annex.target": {"en": "Target", "vi": "Chỉ tiêu"},
    "review.annex.unit": {"en": "Unit", "vi": "Đơn vị"},
    "review.annex.goal": {"en": "Goal", "vi": "Mục tiêu"},
    "review.annex.period": {"en": "Whole period", "vi": "Thực hiện cả kỳ"},
    "review.annex.verdict": {"en": "Verdict", "vi": "Đánh giá"},
    "review.annex.range": {"en": "(from {lo} to {hi})", "vi": "(dao động từ {lo} đến {hi})"},
    "review.annex.legend": {
        "en": "Figures without a mark are published (official). est.: the province's "
              "published estimate; prelim.: preliminary; derived: computed from published "
              "figures; average, derived: one yearly average over the merged years, "
              "computed from the levels at both ends; est. from proxies: bkind's estimate "
              "from related indicators, not a published figure; early-year list: the list "
              "published early in the year.",
        "vi": "Số không ghi chú là số đã công bố chính thức. Ước thực hiện: số ước thực hiện "
              "do tỉnh công bố; sơ bộ: số sơ bộ; tính toán: số tính từ số liệu đã công bố; "
              "bình quân, tính toán: một tốc độ bình quân/năm cho cả các năm gộp ô, tính từ "
              "số tuyệt đối đầu và cuối kỳ; ước tính theo chỉ tiêu gián tiếp: số tính toán "
              "từ các chỉ tiêu gián tiếp (khác nội dung chỉ tiêu đánh giá), không phải số "
              "tỉnh công bố; danh sách đầu năm: theo danh sách công bố đầu năm."},
    "review.mark.estimate": {"en": "est.", "vi": "ước thực hiện"},
    "review.mark.preliminary": {"en": "prelim.", "vi": "sơ bộ"},
    "review.mark.derived": {"en": "derived", "vi": "tính toán"},
    "review.mark.nowcast": {"en": "est. from proxies", "vi": "ước tính theo chỉ tiêu gián tiếp"},
    "review.mark.covered": {"en": "average, derived", "vi": "bình quân, tính toán"},
    "review.mark.list": {"en": "early-year list", "vi": "danh sách đầu năm"},
    "review.unit.clusters": {"en": "clusters", "vi": "cụm"},
    "review.col.value": {"en": "Result", "vi": "Thực hiện"},
    "review.col.verdict": {"en": "Verdict", "vi": "Đánh giá"},
    "review.notes": {"en": "Notes and basis of the figures", "vi": "Ghi chú và cơ sở tính"},
    # two kinds of estimate, two words (GLOSSARY): the province's published estimate
    # ("ước đạt") and bkind's own, from related indicators or computed ("theo tính toán")
    "review.est": {"en": "a published estimate of ", "vi": "ước đạt"},
    "review.est_proxy": {"en": "about ", "vi": "ước tính theo chỉ tiêu gián tiếp khoảng"},
    "review.est_derived": {"en": "", "vi": "theo tính toán đạt"},
    "review.tail.review.est_proxy": {"en": "bkind's estimate from proxies",
                                     "vi": ""},
    "review.tail.review.est_derived": {"en": "derived by bkind", "vi": ""},
    "review.actual": {"en": "", "vi": "đạt"},
    "review.range": {"en": " (range {lo} to {hi})", "vi": " (dao động từ {lo} đến {hi})"},
    "review.few_items": {
        "en": "; this rests on {matching} of the {total} items listed only",
        "vi": "; kết quả này chỉ dựa trên {matching}/{total} mục trong danh sách"},
    "review.s.avg": {"en": "{name} averaged {est}{value}/yr over {s}-{e}{range}",
                     "vi": "{name} bình quân giai đoạn {s}-{e} {est} {value}/năm{range}"},
    "review.s.avg_years": {"en": "{name} averaged {est}{value}/yr in the years with figures "
                                 "({years}){range}",
                           "vi": "{name} bình quân các năm có số liệu ({years}) {est} "
                                 "{value}/năm{range}"},
    "review.s.level": {"en": "{name} in {year} was {est}{value}{range}",
                       "vi": "{name} năm {year} {est} {value}{range}"},
    "review.s.list": {"en": "{label}: {est}{value} in {year}{names}",
                      "vi": "{label}: năm {year} {est} {value}{names}"},
    "review.s.count": {"en": "Number of {label_lc}: {est}{value} in {year}{names}",
                       "vi": "Số {label_lc} năm {year} {est} {value}{names}"},
    "review.s.count_items": {"en": "By {year}, {value} {thing}{names} had {condition}",
                             "vi": "Đến năm {year} có {value} {thing}{names} {condition}"},
    "review.s.every_items": {
        "en": "By {year}, {meeting} of the {matching} {thing} that had {condition}{names} had "
              "{each}",
        "vi": "Đến năm {year}, {meeting}/{matching} {thing} đã {condition}{names} có {each}"},
    "review.s.every_one": {
        "en": "the {thing_one} that had {condition_one}{names} had {field} {value}",
        "vi": "{thing_one} đã {condition_one}{names} có {field} {value}"},
    "review.items.clusters": {"en": "industrial clusters", "vi": "cụm công nghiệp"},
    "review.item.clusters": {"en": "industrial cluster", "vi": "cụm công nghiệp"},
    "review.item_name.clusters": {"en": "{name}", "vi": "CCN {name}"},
    "review.where.infrastructure_complete": {
        "en": "completed their infrastructure",
        "vi": "hoàn thành đầu tư hạ tầng kỹ thuật"},
    "review.where1.infrastructure_complete": {
        "en": "completed its infrastructure",
        "vi": "hoàn thành đầu tư hạ tầng kỹ thuật"},
    "review.on_estimates": {"en": "{status}, on bkind's estimates",
                            "vi": "{status}, theo số ước tính"},
    "review.v.exceeded": {"en": ", exceeding the resolution's target ({goal}).",
                          "vi": ", vượt mục tiêu Nghị quyết đề ra ({goal})."},
    "review.v.achieved": {"en": ", meeting the resolution's target ({goal}).",
                          "vi": ", đạt mục tiêu Nghị quyết đề ra ({goal})."},
    "review.v.not_achieved": {"en": ", short of the resolution's target ({goal}).",
                              "vi": ", không đạt mục tiêu Nghị quyết đề ra ({goal})."},
    "review.v.not_assessable": {
        "en": ", not enough to assess against the resolution's target ({goal}).",
        "vi": ", chưa đủ số liệu để đánh giá so với mục tiêu Nghị quyết đề ra ({goal})."},
    "review.v.in_progress": {
        "en": "; the target for {deadline} ({goal}) is in progress ({status}).",
        "vi": "; mục tiêu đến năm {deadline} là {goal}, đang thực hiện ({status})."},
    "review.v.discontinued": {
        "en": "; the target for {deadline} ({goal}) is no longer tracked: the province's "
              "own series ended in {end}{successor}.",
        "vi": "; mục tiêu đến năm {deadline} là {goal}, không còn theo dõi (chuỗi số liệu "
              "riêng của tỉnh kết thúc tháng {end}){successor}."},
    "review.v.successor": {"en": "; it is followed up under the successor resolution ({title})",
                           "vi": "; mục tiêu được tiếp nối theo {title}"},
    "review.s.none": {
        "en": "{label}: {reason}, not enough to assess against the resolution's target "
              "({goal}).",
        "vi": "{label}: {reason}, chưa đủ số liệu để đánh giá so với mục tiêu Nghị quyết đề ra "
              "({goal})."},
    "review.s.none_in_progress": {
        "en": "{label}: no figures yet; the target for {deadline} ({goal}) is in progress.",
        "vi": "{label}: chưa có số liệu; mục tiêu đến năm {deadline} là {goal}, đang thực "
              "hiện."},
}


def t(key: str, lang: str, /, **params: Any) -> str:
    """The catalogue text for `key` in `lang`, with `params` filled in."""
    entry = CATALOGUE[key]
    return entry.get(lang, entry["en"]).format(**params)


_VI_NAMES = {"vi", "vn", "vie", "viet", "vietnamese", "tieng viet", "tiếng việt", "tv"}
_EN_NAMES = {"en", "eng", "english", "tieng anh", "tiếng anh"}


def lang_code(value: str) -> str:
    """`vi` for the ways people name Vietnamese (vn, vi_VN.UTF-8, Tiếng Việt), `en` for
    English; anything else as given (refused by the caller)."""
    key = value.strip().lower().replace("-", "_")
    if key in _VI_NAMES or key.startswith(("vi_", "vn_")):
        return "vi"
    if key in _EN_NAMES or key.startswith("en_"):
        return "en"
    return value


def detect_lang(option: str | None, env: Mapping[str, str]) -> str:
    """--lang, then BKIND_LANG, then LC_ALL / LC_MESSAGES / LANG starting with `vi`."""
    for value in (option, env.get("BKIND_LANG")):
        if value:
            return lang_code(value)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def fmt_number(x: float, lang: str, digits: int = 2) -> str:
    """2,023.72 in English, 2.023,72 in Vietnamese; trailing zeros dropped."""
    text = f"{x:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.translate({ord(","): ".", ord("."): ","})
    return text


def fmt_percent(x: float, lang: str, digits: int = 2, sign: bool = False) -> str:
    """A fraction as a percent: 0.1103 -> 11.03% (11,03% in Vietnamese)."""
    text = fmt_number(x * 100, lang, digits)
    if sign and x > 0:
        text = "+" + text
    return text + "%"


def fmt_date(iso: str | None, lang: str) -> str:
    """ISO dates (or YYYY-MM) as dd/mm/yyyy (mm/yyyy) in Vietnamese."""
    if not iso:
        return ""
    if lang != "vi":
        return iso
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return iso
    if m.group(3) is None and m.group(2) is not None:  # a month: tháng 6/2025
        return f"{int(m.group(2))}/{m.group(1)}"
    return "/".join(p for p in (m.group(3), m.group(2), m.group(1)) if p)
