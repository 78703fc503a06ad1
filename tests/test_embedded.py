"""The shipped workspaces: every figure as published (checked here, once, against
../shared/data/), every figure sourced, honest statuses."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
import yaml

from bkind.core.status import evaluate_all
from bkind.io.load import load_workspace
from bkind.io.workspaces import embedded_workspace
from bkind.model import Text, text_in

from conftest import REPO


@pytest.fixture(scope="module")
def ws():
    return load_workspace(embedded_workspace(), embedded=True)


def by_id(results):
    return {r.id: r for r in results}


def test_every_shipped_value_and_list_item_has_a_source(ws):
    for year, actuals in ws.years.items():
        for metric, vintages in actuals.values.items():
            for v in vintages:
                assert v.source, f"{year} {metric} has no source"
                # a status only where a source says so; else the note says it is not stated
                note = (text_in(v.note, "en") or "").lower()
                assert v.status in ("estimate", "preliminary", "official") or \
                    "not say whether" in note or "status not stated" in note, (year, metric)
                # a note that reaches a document is given in both languages
                assert v.note is None or isinstance(v.note, Text) and v.note.en and v.note.vi
                # a source a reader can follow: never a path into this repository
                assert "seed" not in v.source and "shared/" not in v.source
        for name, items in actuals.lists.items():
            for item in items:
                assert item.source, f"{year} {name} {item.id} has no source"


def test_the_resolution_targets_are_all_there(ws):
    assert ws.resolution.id == "16-NQ/TU" and ws.resolution.baseline_year == 2020
    assert ws.resolution.series_end == "2025-06"
    assert [(t.id, t.comparator, t.value) for t in ws.targets] == [
        ("industry-growth", "above", 0.13),
        ("industry-share-2025", "between", (0.08, 0.10)),
        ("budget-revenue-growth", "at_least", 0.10),
        ("clusters-complete-2025", "at_least", 4.0),
        ("clusters-occupied-2025", None, 1.0),
        ("industry-share-2030", "above", 0.15),
    ]


def test_known_revisions_resolve_to_the_latest(ws):
    grdp_2021 = ws.years[2021].values["grdp_growth"]
    assert [v.value for v in grdp_2021] == pytest.approx([0.0373, 0.0441])
    from bkind.model import current_vintage
    assert current_vintage(grdp_2021).value == pytest.approx(0.0441)
    revenue = ws.years[2022].values["state_budget_revenue"]
    assert current_vintage(revenue).value == 855
    # each year's figure in use: the revision, where there is one
    from bkind.core.series import figures

    def current(metric):
        return {y: f.value for y, f in figures(ws, metric).items()}

    assert current("grdp_growth")[2022] == pytest.approx(0.0588)
    assert current("cnxd_va_growth") == pytest.approx(
        {2020: 0.043, 2021: 0.0732, 2022: 0.0661, 2023: 0.0916, 2024: 0.0901})
    assert [x.value for x in revenue] == [830, 853, 855]
    assert current("state_budget_revenue") == {2022: 855}


# Every number below is a formula on published figures (../shared/data/backan-figures.md):
VA_2020 = 0.062 * 7406.5  # industry share 2020 x GRDP 2020, both 2010 prices
COVERED = 642 / VA_2020  # industry value added 2024 / 2020: 2021-2024, exact
OUTPUT_H1, IIP_Q1, CNXD_H1, GRDP_H1 = 0.1785, 0.222, 0.119, 0.082  # 2025 year-to-date y/y
# each proxy calibrated on 2024, the one year both it and industry value added (+11.03%)
# grew by a published rate: gross output +13.38%, IIP +11.73%, CN-XD +9.01% (01/2025)
E_OUT, E_IIP, E_CNXD = (math.log(1.1103) / math.log(1 + g) for g in (0.1338, 0.1173, 0.0901))
VA_OUT, VA_IIP, VA_CNXD = (1.1785 ** E_OUT - 1, 1.222 ** E_IIP - 1, 1.119 ** E_CNXD - 1)


def test_statuses_as_of_latest(ws):
    r = by_id(evaluate_all(ws, ws.latest_year()))
    assert ws.latest_year() == 2025
    growth = r["industry-growth"]
    assert (growth.status, growth.estimated) == ("missed", True)
    assert growth.actual == pytest.approx((COVERED * (1 + VA_OUT)) ** 0.2 - 1)
    assert growth.outcome.range == (pytest.approx((COVERED * (1 + VA_CNXD)) ** 0.2 - 1),
                                    pytest.approx((COVERED * (1 + VA_IIP)) ** 0.2 - 1))
    assert growth.actual == pytest.approx(0.0990, abs=1e-4)  # not 10.5% uncalibrated
    assert growth.outcome.range[0] == pytest.approx(0.0989, abs=1e-4)
    assert growth.outcome.range[1] == pytest.approx(0.1105, abs=1e-4)
    assert growth.outcome.required_unobserved == pytest.approx(1.13 ** 5 / COVERED - 1)
    assert growth.observed_years == (2021, 2022, 2023, 2024, 2025)
    assert [c.metric for c in growth.context] == ["cnxd_va_growth", "industrial_output_growth"]
    share = r["industry-share-2025"]
    s25 = 642 * (1 + VA_OUT) / (9531 * (1 + GRDP_H1))
    assert (share.status, share.estimated) == ("missed", True)
    assert share.actual == pytest.approx(s25)
    assert share.outcome.range == (pytest.approx(642 * (1 + VA_CNXD) / (9531 * 1.082)),
                                   pytest.approx(642 * (1 + VA_IIP) / (9531 * 1.082)))
    assert r["budget-revenue-growth"].status == "insufficient_data"
    assert r["budget-revenue-growth"].actual is None
    complete, occupied = r["clusters-complete-2025"], r["clusters-occupied-2025"]
    assert (complete.status, complete.actual, complete.estimated) == ("missed", 1, True)
    assert (occupied.status, occupied.actual, occupied.estimated) == ("achieved", 1.0, True)
    assert (occupied.outcome.matching, occupied.outcome.meeting) == (1, 1)
    share_2030 = r["industry-share-2030"]
    observed = (s25 / 0.062) ** (1 / 5) - 1
    needed = (0.15 / 0.062) ** (1 / 10) - 1
    assert share_2030.progress_ratio == pytest.approx(observed / needed)
    # the series ended in 06/2025, before 2030: discontinued, its trend kept as context
    assert share_2030.status == "discontinued" and share_2030.estimated
    assert share_2030.outcome.outlook is None
    assert share_2030.notes[0].key == "discontinued"
    assert share_2030.required == pytest.approx((0.15 / s25) ** (1 / 5) - 1)
    assert share_2030.outcome.required_points == pytest.approx(0.15 - s25)


def test_the_2025_estimate_is_calibrated(ws):
    from bkind.core.series import Series

    point = Series(ws, 2025).points("industry_va_growth")[2025]
    estimates = (VA_OUT, VA_IIP, VA_CNXD)
    assert point.value == pytest.approx(VA_OUT)
    assert (point.lo, point.hi) == (pytest.approx(min(estimates)),
                                    pytest.approx(max(estimates)))


def test_the_docs_state_the_calibrated_estimate():
    from conftest import docs_text

    average = [(COVERED * (1 + g)) ** 0.2 - 1 for g in (VA_OUT, VA_IIP, VA_CNXD)]
    stated = f"{average[0]:.2%} ({min(average):.2%} to {max(average):.2%})"
    assert stated == "9.90% (9.89% to 11.05%)"
    assert f"The 2021-2025 average lands at {stated}" in " ".join(docs_text().split())


def test_statuses_as_of_2024_rest_on_published_figures_only(ws):
    r = by_id(evaluate_all(ws, 2024))
    growth = r["industry-growth"]
    assert growth.status == "acceleration_needed" and not growth.estimated
    assert growth.actual == pytest.approx(COVERED ** 0.25 - 1)  # about 8.7%
    assert growth.required == pytest.approx(1.13 ** 5 / COVERED - 1)  # about +32% in 2025
    assert [n.key for n in growth.outcome.basis] == [
        "basis.level_derived", "basis.covered", "basis.covered_skips"]


def test_statuses_as_of_2024(ws):
    r = by_id(evaluate_all(ws, 2024))
    assert not any(x.estimated for x in r.values())
    assert r["industry-share-2025"].status == "limited_progress"
    assert r["clusters-complete-2025"].status == "limited_progress"
    assert r["clusters-complete-2025"].progress_ratio == 0.25


def test_status_table_says_the_merger_and_labels_context(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("status", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "were arranged into Thái Nguyên province" in result.stdout
    assert "context, a different measure: Industry AND construction value added growth" \
        in result.stdout
    assert "(embedded default)" in result.stderr


@pytest.mark.parametrize(("args", "after"), [
    (("report", "--month", "2025-03", "--format", "md"), False),  # issued April 2025
    (("report", "--month", "2025-03", "--format", "md", "--date", "2025-07-01"), True),
    (("project", "--year", "2030", "--format", "md"), True)])
def test_every_human_view_states_the_merger_once_it_happened(cli, tmp_path, monkeypatch,
                                                             args, after):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert ("were arranged into Thái Nguyên province" in result.stdout) is after


# ---------------------------------------------------------------- the shipped figures
# Every figure of the shipped workspaces (value, period, status, price basis, source),
# read from their YAML with PyYAML (not bkind's loader), checked against the published
# figures of ../shared/data/*.md (parsed here from their markdown). Every mismatch of
# every workspace is listed at once.

DATA = REPO.parent / "shared" / "data"
SHIPPED = {"backan-16": REPO, **{p.name: p for p in sorted((REPO / "workspaces").iterdir())
                                if (p / "targets.yaml").is_file()}}
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_NUMBER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/]|[.,]\d)")
_VI_NUMBER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w/]|[.,]\d)")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
_KEYS = re.compile(r"(post\d+|\b[ac]\d{5,}\b|\b(?!20\d\d\b)\d{4,}\b|[\w-]+(?:\.[\w-]+)*\."
                   r"(?:vn|com|net|biz)(?:/[\w./-]*)?|Thế Đại|seed text|"
                   r"\b(?:thanhnien|vietnamplus|nhandan|cafef|baomoi|danviet|vneconomy|lforum)\b)")


@dataclass
class Entry:
    """A row of a table, or a bullet or paragraph, of a data file."""

    where: str  # file:line
    heading: str
    cells: dict[str, str]  # column -> cell (a bullet or paragraph: {"text": ...})
    caption: str = ""  # the paragraph above a table (its source, its year)
    says_status: bool = True  # whether the table says a figure's status anywhere

    @property
    def text(self) -> str:
        return " | ".join(self.cells.values())


def data_entries() -> list[Entry]:
    entries: list[Entry] = []
    for path in sorted(DATA.glob("*.md")):
        heading, columns, para = "", None, None
        table: list[Entry] = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            if line.startswith("#"):
                heading, columns, para = line.lstrip("#").strip(), None, None
            elif line.startswith("|"):
                para = None
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if all(set(c) <= set("-: ") for c in cells):
                    continue
                if columns is None:
                    columns, table = [c.lower() for c in cells], []
                    caption = entries[-1].text if entries and "text" in entries[-1].cells \
                        else ""
                    continue
                table.append(Entry(where, heading, dict(zip(columns, cells, strict=False)),
                                   caption))
                entries.append(table[-1])
                says = any(_status_words(e.text) or "status" in e.cells for e in table)
                for e in table:
                    e.says_status = says
            elif not line.strip():
                columns, para = None, None
            elif para is not None and not line.startswith("- "):
                para.cells["text"] += " " + line.strip()
            else:
                columns = None
                para = Entry(where, heading, {"text": line.removeprefix("- ").strip()})
                entries.append(para)
    return entries


def numbers(text: str) -> set[Decimal]:
    """The numbers of a text, in Western notation; quoted Vietnamese ("14,5%") too."""
    out = {Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
           for m in _NUMBER.finditer(text)}
    for quoted in re.findall(r'"([^"]*)"', text):
        out |= {Decimal(m.group(1).replace(".", "") + (m.group(2) or "").replace(",", "."))
                for m in _VI_NUMBER.finditer(quoted)}
    return out


def _period(text: str) -> tuple[set[int], int | None, bool]:
    """Years, month (None: the year) and whether it is a span of years (2021-2025)."""
    low = text.lower()
    if re.search(r"20\d\d\s*[-–]\s*20\d\d", low):
        return set(), None, True
    years = {int(y) for y in _YEAR.findall(low)}
    month = None
    if m := re.search(r"\b(q[1-4])\b", low):
        month = 3 * int(m.group(1)[1])
    elif m := re.search(r"\bh([12])\b", low):
        month = 6 * int(m.group(1))
    elif m := re.search(r"\b(\d{1,2})m\b", low):
        month = int(m.group(1))
    elif m := re.search(rf"\b({'|'.join(_MONTHS)})(?:-({'|'.join(_MONTHS)}))?\b", low):
        month = _MONTHS[m.group(2) or m.group(1)]  # Jan-Sep: to September
    return years, month, False


def _status_words(text: str) -> str | None:
    """A figure's status from the words beside it (est., ước, final); None: none said."""
    low = text.lower()
    if re.search(r"\bfinal\b|official|chính thức", low):
        return "official"
    if re.search(r"\best\b|estimat|ước", low):
        return "estimate"
    return None


def _basis_words(text: str) -> str | None:
    """A price basis from a prices/basis column (ss2010, 2010, unknown) or the words beside
    a number (2010 prices, not stated); None: none said."""
    low = text.lower().strip()
    if "not stated" in low or "unknown" in low or "không nêu" in low:
        return "not-stated"
    if low in ("ss2010", "2010") or "2010 prices" in low or "giá so sánh 2010" in low:
        return "constant-2010"
    if "current prices" in low or "hiện hành" in low:
        return "current"
    return None


@dataclass
class Figure:
    """A figure of a shipped workspace, as its YAML says."""

    where: str  # workspace/file: place
    value: Decimal
    year: int
    month: int | None  # year to date (or the month alone) of this month; None: the year
    status: str | None
    prices: str | None
    source: str
    item: str | None = None  # a list item's name


def _decimal(raw: object) -> Decimal:
    text = str(raw).strip()
    return Decimal(text[:-1]) if text.endswith("%") else Decimal(text)


def shipped_figures() -> list[Figure]:
    out: list[Figure] = []
    for name, root in SHIPPED.items():
        targets = yaml.safe_load((root / "targets.yaml").read_text(encoding="utf-8"))
        basis = {m: (spec or {}).get("prices") for m, spec in targets["metrics"].items()}
        for path in sorted((root / "actuals").glob("*.yaml")):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            year, place = doc["year"], f"{name}/actuals/{path.name}"

            def add(section: str, metric: str, entry: object, month: int | None,
                    fields: tuple[str, ...], place: str = place, year: int = year,
                    basis: dict = basis) -> None:
                for v in entry if isinstance(entry, list) else [entry]:
                    for f in fields:
                        if v.get(f) is None:
                            continue
                        out.append(Figure(
                            f"{place}: {section} {metric} {f}", _decimal(v[f]), year, month,
                            v.get("status"), v.get("prices", basis.get(metric)),
                            str(v.get("source", ""))))

            for section in ("values", "plan"):
                for metric, entry in (doc.get(section) or {}).items():
                    add(section, metric, entry, None, ("value",))
            for month, metrics in (doc.get("ytd") or {}).items():
                for metric, entry in metrics.items():
                    add(f"ytd {month}", metric, entry, int(month),
                        ("value", "yoy", "plan_share", "month_value", "month_yoy", "mom"))
            for list_name, items in doc.items():
                if not isinstance(items, list):
                    continue
                for item in items:
                    for f in ("area_ha", "investment_bn", "occupancy"):
                        if item.get(f) is not None:
                            out.append(Figure(f"{place}: {list_name} {item['id']} {f}",
                                              _decimal(item[f]), year, None, None, None,
                                              str(item.get("source", "")), item["name"]))
    return out


def _segment(cell: str, value: Decimal) -> str | None:
    for part in re.split(r";| / |\.\s+(?=[A-Z0-9])", cell):
        if any(x == value or x == value * 1000 or x * 1000 == value for x in numbers(part)):
            return part
    return None


def _problems(fig: Figure, entry: Entry) -> list[str] | None:
    """What disagrees between a figure and a data entry that prints its number; None:
    the entry does not print it."""
    cells = entry.cells
    hits = [(k, seg) for k, c in cells.items() if (seg := _segment(c, abs(fig.value)))]
    if not hits:
        return None
    segment = hits[0][1]
    out = []
    if fig.item is not None:  # a list item: its name on the same line
        return [] if fig.item.lower() in entry.text.lower() else ["item"]
    # period: the monthly reports' heading (M/YYYY), else the row's first cell, else all
    if "text" in cells:
        years, month, span = {int(y) for y in _YEAR.findall(cells["text"])}, None, False
    elif m := re.match(r"(\d{1,2})/(20\d\d):", entry.heading):
        years, month = {int(m.group(2))}, int(m.group(1))
        span = False
    else:
        first = next(iter(cells.values()))
        years, month, span = _period(first)
        if not years and not span:  # a table of measures: its header ("2026 plan") or caption
            years, month, span = _period(" ".join(cells) + " " + entry.caption)
    if span or fig.year not in years:
        out.append(f"period (the data: {sorted(years) or 'a span of years'})")
    elif "text" not in cells and fig.month != month and \
            not (fig.month in (None, 12) and month in (None, 12)):
        out.append(f"period (the data: month {month}, stored: month {fig.month})")
    # status: the status column, else the words beside the number
    said = cells.get("status")
    if said is not None:
        stated = {_status_words(s) for s in said.split(";")} if said.strip() not in \
            ("", "—", "unknown") else {None}
    elif entry.says_status:
        stated = {_status_words(segment)} | ({None} if "revised" in segment else set())
    else:  # a table that never says: any status
        stated = {fig.status}
    if fig.status not in stated:
        out.append(f"status (stored: {fig.status}, the data: {sorted(map(str, stated))})")
    # price basis: the prices/basis column, else the words beside the number
    col = cells.get("prices", cells.get("basis"))
    data_basis = None if col == "n/a" else _basis_words(col) if col is not None \
        else _basis_words(segment)
    if data_basis is not None and fig.prices is not None and not (
            data_basis == fig.prices or data_basis == "constant-2010" and fig.prices ==
            "constant"):
        out.append(f"price basis (stored: {fig.prices}, the data: {data_basis})")
    # source: a key of the data's source (address, post number, outlet) in the stored one
    keys = set(_KEYS.findall(segment if "text" in cells else
                             " ".join((entry.heading, entry.caption, entry.text))))
    if not keys and "text" in cells:  # a bullet or paragraph that names its source once
        if "not recorded" in fig.source:  # neither names it
            keys = set()
        else:
            keys = set(_KEYS.findall(entry.heading)) or set(_KEYS.findall(entry.text))
    if keys and not any(k.lower() in fig.source.lower() for k in keys):
        out.append(f"source (stored: {fig.source[:60]!r}, the data: {sorted(keys)[:4]})")
    return out


def test_every_shipped_figure_is_as_published():
    if not DATA.is_dir():
        pytest.skip("../shared/data/ is not beside this checkout")
    entries, mismatches, figures = data_entries(), [], shipped_figures()
    assert len(figures) > 250  # every figure of every shipped workspace, not a sample
    for fig in figures:
        found = [(p, e) for e in entries if (p := _problems(fig, e)) is not None]
        if not found:
            mismatches.append(f"{fig.where} = {fig.value}: not in ../shared/data/")
        elif all(found_p for found_p, _ in found):
            problems, entry = min(found, key=lambda x: len(x[0]))
            mismatches.append(f"{fig.where} = {fig.value}: {entry.where}: "
                              + "; ".join(problems))
    assert not mismatches, f"{len(mismatches)} of {len(figures)} figures:\n" + \
        "\n".join(mismatches)


def test_the_check_catches_a_wrong_figure():
    if not DATA.is_dir():
        pytest.skip("../shared/data/ is not beside this checkout")
    entries = data_entries()
    fig = next(f for f in shipped_figures() if f.where.endswith(
        "2024.yaml: values industry_va_growth value"))  # 11.03%, estimate, post68856

    def problems(f: Figure) -> list[str]:
        found = [p for e in entries if (p := _problems(f, e)) is not None]
        return min(found, key=len) if found else ["not found"]

    assert problems(fig) == []
    assert problems(dataclasses.replace(fig, value=Decimal("11.3"))) == ["not found"]
    assert problems(dataclasses.replace(fig, year=2023))[0].startswith("period")
    assert problems(dataclasses.replace(fig, status=None))[0].startswith("status")
    assert problems(dataclasses.replace(fig, source="Báo Bắc Kạn, post1"))[0].startswith(
        "source")
    monthly = next(f for f in shipped_figures() if f.where.endswith(
        "2022.yaml: ytd 3 industrial_output value"))  # 351.4, price basis not stated
    assert problems(monthly) == []
    assert problems(dataclasses.replace(monthly, prices="constant-2010"))[0].startswith(
        "price basis")
