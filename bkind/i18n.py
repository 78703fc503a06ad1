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
    "note.published": {"en": ", published {date}", "vi": ", công bố {date}"},
    "note.no_source": {"en": "no source given", "vi": "không ghi nguồn"},
    "note.matching": {"en": "counted: {ids}", "vi": "được tính: {ids}"},
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
    "check.ytd_yoy": {
        "en": "{metric} {year}, months 1-{month}: published y/y {published}, but {cur} "
              "against {prev} for the same months of {prev_year} gives {computed}",
        "vi": "{metric} lũy kế {month} tháng năm {year}: tăng so cùng kỳ công bố "
              "{published}, nhưng {cur} so với {prev} cùng kỳ năm {prev_year} là {computed}"},
    "check.plan_share": {
        "en": "{metric} {year}, months 1-{month}: published plan share {published}, but "
              "{ytd} / plan {plan} = {computed}",
        "vi": "{metric} lũy kế {month} tháng năm {year}: tỷ lệ so kế hoạch công bố "
              "{published}, nhưng {ytd} / kế hoạch {plan} = {computed}"},
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
