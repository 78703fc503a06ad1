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
}

CATALOGUE: dict[str, dict[str, str]] = {
    # statuses
    "status.achieved": {"en": "Achieved", "vi": "Đạt"},
    "status.on_track": {"en": "On track", "vi": "Đúng tiến độ"},
    "status.acceleration_needed": {"en": "Acceleration needed", "vi": "Cần tăng tốc"},
    "status.limited_progress": {"en": "Limited progress", "vi": "Tiến độ chậm"},
    "status.deterioration": {"en": "Deterioration", "vi": "Đi xuống"},
    "status.missed": {"en": "Missed", "vi": "Không đạt"},
    "status.insufficient_data": {"en": "Insufficient data", "vi": "Thiếu số liệu"},
    # figure statuses
    "figure.estimate": {"en": "estimate", "vi": "ước tính"},
    "figure.preliminary": {"en": "preliminary", "vi": "sơ bộ"},
    "figure.official": {"en": "official", "vi": "chính thức"},
    "figure.derived": {"en": "derived", "vi": "tính toán"},
    "short.estimate": {"en": "est.", "vi": "ước"},
    "short.preliminary": {"en": "prelim.", "vi": "sơ bộ"},
    "short.official": {"en": "official", "vi": "chính thức"},
    "short.derived": {"en": "derived", "vi": "tính toán"},
    # status table
    "status.title": {"en": "{id}: {title}", "vi": "{id}: {title}"},
    "status.as_of": {"en": "Evaluated as of {year}", "vi": "Đánh giá đến năm {year}"},
    "col.target": {"en": "Target", "vi": "Chỉ tiêu"},
    "col.deadline": {"en": "By", "vi": "Thời hạn"},
    "col.latest": {"en": "Latest", "vi": "Số mới nhất"},
    "col.goal": {"en": "Goal", "vi": "Mục tiêu"},
    "col.gap": {"en": "Gap", "vi": "Chênh lệch"},
    "col.required": {"en": "Needed /yr", "vi": "Cần đạt /năm"},
    "col.status": {"en": "Status", "vi": "Đánh giá"},
    "col.source": {"en": "Source", "vi": "Nguồn"},
    "col.ratio": {"en": "Progress", "vi": "Tiến độ"},
    "notes.title": {"en": "Notes", "vi": "Ghi chú"},
    "workspace.embedded": {"en": "workspace: {path} (embedded default)",
                           "vi": "thư mục dữ liệu: {path} (mặc định kèm theo)"},
    "workspace.used": {"en": "workspace: {path}", "vi": "thư mục dữ liệu: {path}"},
    "fail_on.matched": {"en": "--fail-on: {ids} reached status {statuses}",
                        "vi": "--fail-on: {ids} có đánh giá {statuses}"},
    "no_actuals": {"en": "no actuals in the workspace: nothing to evaluate",
                   "vi": "thư mục dữ liệu không có số liệu thực hiện"},
    # comparators
    "cmp.above": {"en": "> {v}", "vi": "> {v}"},
    "cmp.at_least": {"en": "≥ {v}", "vi": "≥ {v}"},
    "cmp.below": {"en": "< {v}", "vi": "< {v}"},
    "cmp.at_most": {"en": "≤ {v}", "vi": "≤ {v}"},
    "cmp.between": {"en": "{lo} – {hi}", "vi": "{lo} – {hi}"},
    "avg.period": {"en": "avg {s}–{e}", "vi": "bình quân {s}–{e}"},
    "by.year": {"en": "by {year}", "vi": "đến {year}"},
    "unit.per_year": {"en": "/yr", "vi": "/năm"},
    "unit.pp": {"en": "pp", "vi": "điểm %"},
    "unit.items": {"en": "", "vi": ""},
    # notes from the progress method
    "note.no_figures": {"en": "no figures published for {years}",
                        "vi": "chưa có số liệu công bố cho {years}"},
    "note.missing_years": {"en": "figures missing for {years}: the average shown is of the "
                                 "observed years only",
                           "vi": "thiếu số liệu các năm {years}: số bình quân chỉ tính trên "
                                 "các năm có số liệu"},
    "note.deadline_without_figures": {
        "en": "the deadline has passed without figures for {years}",
        "vi": "đã đến thời hạn nhưng chưa có số liệu năm {years}"},
    "note.not_yet_published": {"en": "no figures yet for {years}",
                               "vi": "chưa có số liệu năm {years}"},
    "note.one_point": {"en": "only one figure ({year}): no trend yet",
                       "vi": "chỉ có một số liệu ({year}): chưa tính được xu hướng"},
    "note.no_ratio": {"en": "progress ratio undefined (zero or negative values)",
                      "vi": "không tính được tỷ lệ tiến độ (giá trị bằng 0 hoặc âm)"},
    "note.no_list": {"en": "no list published", "vi": "chưa có danh sách"},
    "note.partial_year": {"en": "{years} figures cover part of the year only (the standalone "
                                "series ends): the latest count is not the deadline's",
                          "vi": "số liệu năm {years} chỉ gồm một phần năm (chuỗi số liệu riêng "
                                "của tỉnh kết thúc): số đếm mới nhất chưa phải số cuối kỳ"},
    "note.derived": {"en": "{year} value derived as {of}",
                     "vi": "giá trị năm {year} được tính bằng {of}"},
    "note.target_note": {"en": "{text}", "vi": "{text}"},
    "note.series_end": {"en": "standalone series end {end}: no full-year figures for {year}",
                        "vi": "chuỗi số liệu riêng kết thúc {end}: không có số liệu cả năm {year}"},
    "note.context": {"en": "context, a different measure: {name}: {value}",
                     "vi": "tham khảo, chỉ tiêu khác: {name}: {value}"},
    "note.context_avg": {"en": "avg {years} {avg}", "vi": "bình quân {years} {avg}"},
    "note.context_latest": {"en": "{year}: {value}", "vi": "năm {year}: {value}"},
    "note.source": {"en": "source {year}: {what}{value} ({status}{published}): {source}",
                    "vi": "nguồn năm {year}: {what}{value} ({status}{published}): {source}"},
    "note.list_source": {"en": "source {year} (list): {source}",
                         "vi": "nguồn năm {year} (danh sách): {source}"},
    "note.published": {"en": ", published {date}", "vi": ", công bố {date}"},
    "note.no_source": {"en": "no source given", "vi": "không ghi nguồn"},
    "note.matching": {"en": "counted: {ids}", "vi": "được tính: {ids}"},
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
    "project.col.meets": {"en": "Meets?", "vi": "Đạt?"},
    "project.col.reached": {"en": "Reached in", "vi": "Đạt vào năm"},
    "project.col.year": {"en": "Year", "vi": "Năm"},
    "project.col.value": {"en": "Value", "vi": "Giá trị"},
    "project.col.figure": {"en": "Figure", "vi": "Loại số liệu"},
    "project.yes": {"en": "yes", "vi": "đạt"},
    "project.no": {"en": "no", "vi": "không đạt"},
    "project.unknown": {"en": "unknown", "vi": "chưa rõ"},
    "project.not_by": {"en": "not by {year}", "vi": "chưa đạt đến {year}"},
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
    "project.required_avg": {"en": "to average {target} over the period: {rate}/yr needed "
                                   "in the remaining years",
                             "vi": "để bình quân cả giai đoạn đạt {target}: các năm còn lại cần "
                                   "tăng {rate}/năm"},
    "project.required_numerator": {
        "en": "{num} must grow {rate}/yr from {year} to reach {target} by {deadline} if {den} "
              "grows {g}/yr ({basis})",
        "vi": "{num} phải tăng {rate}/năm từ năm {year} để đạt {target} vào năm {deadline} nếu "
              "{den} tăng {g}/năm ({basis})"},
    "project.chart_skipped": {"en": "chart skipped: charts are drawn only on a terminal, "
                                    "with --format table",
                              "vi": "bỏ qua biểu đồ: chỉ vẽ biểu đồ trên màn hình terminal, "
                                    "với --format table"},
    "chart.actual": {"en": "actual", "vi": "thực hiện"},
    "chart.projected": {"en": "projected", "vi": "dự báo"},
    "chart.required": {"en": "required path", "vi": "lộ trình cần đạt"},
    "chart.target": {"en": "target", "vi": "mục tiêu"},
    "chart.deadline": {"en": "deadline", "vi": "thời hạn"},
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
              "share follows its own series; add --assume {lacking}=X% to drive it by its parts",
        "vi": "{lacking} chưa có tốc độ tăng để kết hợp với {given} giả định: tỷ trọng theo "
              "chuỗi số liệu của chính nó; thêm --assume {lacking}=X% để tính từ hai thành phần"},
    "note.proj_last_gap": {"en": "no figures between {start} and {end}: the last growth is the "
                                 "yearly average over that span",
                           "vi": "không có số liệu giữa {start} và {end}: tốc độ gần nhất là "
                                 "bình quân năm của cả khoảng đó"},
    "note.proj_few_points": {"en": "the trend rests on two figures only ({years})",
                             "vi": "xu hướng chỉ dựa trên hai số liệu ({years})"},
    "note.proj_one_rate": {"en": "the trend is a single year's rate ({year})",
                           "vi": "xu hướng chỉ là tốc độ của một năm ({year})"},
    "note.proj_share_gaps": {"en": "no figure for {years}: neither published nor derivable "
                                   "from {of}",
                             "vi": "không có số liệu năm {years}: chưa công bố và không tính "
                                   "được từ {of}"},
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
        "vi": "thiếu số liệu các năm {years}: số bình quân chỉ tính trên các năm còn lại, nên "
              "chưa biết bình quân cả giai đoạn có đạt mục tiêu hay không"},
    "note.proj_no_denominator": {
        "en": "{metric} has no growth to assume: add --assume {metric}=X% to get the numerator "
              "growth needed",
        "vi": "{metric} chưa có tốc độ tăng: thêm --assume {metric}=X% để tính tốc độ tăng cần "
              "thiết của tử số"},
    # --- bkind report (year-to-date figures against the annual plan) ---
    "report.period": {"en": "Year to date: January–{month_name} {year}, {months} of 12 months "
                            "({elapsed} of the year)",
                      "vi": "Lũy kế {months} tháng năm {year} (từ tháng 1 đến hết tháng "
                            "{month}/{year}), thời gian đã qua {elapsed} của năm"},
    "report.period_one": {"en": "Year to date: January {year}, 1 of 12 months ({elapsed} of "
                                "the year)",
                          "vi": "Tháng 1/{year}, thời gian đã qua {elapsed} của năm"},
    "report.metrics_title": {"en": "Year-to-date figures", "vi": "Số liệu lũy kế"},
    "report.targets_title": {"en": "Targets of the resolution (evaluated as of {year})",
                             "vi": "Các chỉ tiêu của Nghị quyết (đánh giá đến năm {year})"},
    "report.col.metric": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "report.col.ytd": {"en": "Year to date", "vi": "Lũy kế"},
    "report.col.plan": {"en": "Annual plan", "vi": "Kế hoạch năm"},
    "report.col.plan_share": {"en": "% of plan", "vi": "% kế hoạch"},
    "report.col.pace": {"en": "Pace", "vi": "So tiến độ"},
    "report.col.yoy": {"en": "y/y", "vi": "So cùng kỳ"},
    "report.col.required": {"en": "Needed /month", "vi": "Cần đạt /tháng"},
    "report.col.average": {"en": "Avg /month", "vi": "Bình quân /tháng"},
    "report.published": {"en": "published", "vi": "công bố"},
    "report.computed": {"en": "computed", "vi": "tính toán"},
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
    "chart.series.plan_path": {"en": "Plan {year}, even pace", "vi": "Kế hoạch {year}, chia đều"},
    "chart.series.even_pace": {"en": "Even pace (months / 12)",
                               "vi": "Tiến độ thời gian (số tháng / 12)"},
    "chart.series.actual": {"en": "Actual", "vi": "Thực hiện"},
    "chart.series.target_average": {"en": "Target average", "vi": "Mục tiêu bình quân"},
    "chart.series.target_path": {"en": "Path to the target", "vi": "Lộ trình đạt mục tiêu"},
    "chart.series.target": {"en": "Target", "vi": "Mục tiêu"},
    "chart.no_figures": {"en": "{name}: no figures to draw",
                         "vi": "{name}: chưa có số liệu để vẽ"},
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
    "history.title": {"en": "{name} ({id}): published figures and revisions",
                      "vi": "{name} ({id}): các lần công bố và điều chỉnh số liệu"},
    "history.none": {"en": "no figures published for {id}{year}",
                     "vi": "chưa có số liệu công bố cho {id}{year}"},
    "history.in_year": {"en": " in {year}", "vi": " năm {year}"},
    "history.current": {"en": "current", "vi": "hiện hành"},
    "history.undated": {"en": "undated", "vi": "không rõ ngày"},
    "history.first": {"en": "first published", "vi": "công bố lần đầu"},
    "history.unchanged": {"en": "unchanged", "vi": "không đổi"},
    "history.derived": {"en": "derived as {num} / {den}", "vi": "tính bằng {num} / {den}"},
    "history.revised": {"en": "{year}: {old} → {new} ({change})",
                        "vi": "năm {year}: {old} → {new} ({change})"},
    "history.revisions": {"en": "Revisions", "vi": "Các lần điều chỉnh"},
    "col.year": {"en": "Year", "vi": "Năm"},
    "col.value": {"en": "Value", "vi": "Giá trị"},
    "col.figure_status": {"en": "Kind", "vi": "Loại số liệu"},
    "col.published": {"en": "Published", "vi": "Ngày công bố"},
    "col.change": {"en": "Change", "vi": "Thay đổi"},
    "col.action": {"en": "Change", "vi": "Thay đổi"},
    "col.file": {"en": "File", "vi": "Tệp"},
    "col.metric": {"en": "Metric", "vi": "Chỉ tiêu"},
    "col.period": {"en": "Period", "vi": "Kỳ"},
    "col.row": {"en": "Row", "vi": "Dòng"},
    "validate.warning": {"en": "warning", "vi": "cảnh báo"},
    "validate.summary": {"en": "{path}: no errors, {n} warning(s)",
                         "vi": "{path}: không có lỗi, {n} cảnh báo"},
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
    "ingest.months": {"en": "year to date, months 1-{month}", "vi": "lũy kế {month} tháng"},
    "ingest.written": {"en": "written: {paths}", "vi": "đã ghi: {paths}"},
    "ingest.dry_run": {"en": "dry run: nothing written", "vi": "chạy thử: chưa ghi tệp nào"},
    "ingest.nothing": {"en": "no changes: nothing written",
                       "vi": "không có thay đổi: không ghi tệp nào"},
    "ingest.title": {"en": "{file} into {workspace}", "vi": "{file} vào {workspace}"},
}


def t(key: str, lang: str, **params: Any) -> str:
    """The catalogue text for `key` in `lang`, with `params` filled in."""
    entry = CATALOGUE[key]
    return entry.get(lang, entry["en"]).format(**params)


def detect_lang(option: str | None, env: Mapping[str, str]) -> str:
    """--lang, then BKIND_LANG, then LC_ALL / LC_MESSAGES / LANG starting with `vi`."""
    for value in (option, env.get("BKIND_LANG")):
        if value:
            return value
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
    return "/".join(p for p in (m.group(3), m.group(2), m.group(1)) if p)
