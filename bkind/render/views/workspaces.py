"""Build the `workspaces` view: the shipped workspaces, their resolutions and years."""

from __future__ import annotations

from bkind.i18n import t
from bkind.model import Workspace
from bkind.render.model import Cell, Column, Section, Table, View
from bkind.render.records import WorkspaceRecord, WorkspaceResolution, WorkspacesData


def years_with_figures(ws: Workspace) -> list[int]:
    """Years whose actuals file holds yearly values, lists or year-to-date figures."""
    return sorted(y for y, a in ws.years.items() if a.values or a.lists or a.ytd)


def _span(years: list[int]) -> str:
    if not years:
        return "—"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def workspaces_view(loaded: list[tuple[str, Workspace]], default: str, lang: str) -> View:
    entries: list[WorkspaceRecord] = []
    table = Table(columns=[
        Column("name", t("workspaces.col.name", lang), width=18),
        Column("resolution", t("workspaces.col.resolution", lang)),
        Column("years", t("workspaces.col.years", lang), width=11),
        Column("targets", t("workspaces.col.targets", lang), "right", width=8),
        Column("links", t("workspaces.col.links", lang), width=22),
    ], sheet=t("xlsx.sheet.workspaces", lang))
    for name, ws in loaded:
        res = ws.resolution
        years = years_with_figures(ws)
        plan_years = sorted(y for y, a in ws.years.items() if a.plan)
        entries.append(WorkspaceRecord(
            name=name, default=name == default, path=ws.path,
            resolution=WorkspaceResolution(
                id=res.id or None, title=res.title.get(lang), issued=res.issued,
                baseline_year=res.baseline_year, series_end=res.series_end),
            years=years, plan_years=plan_years, targets=len(ws.targets),
            successor=res.successor, peers=list(res.peers)))
        links = []
        if res.successor:
            links.append(t("workspaces.successor", lang, name=res.successor))
        if res.peers:
            links.append(t("workspaces.peers", lang, names=", ".join(res.peers)))
        label = name + (f"\n{t('workspaces.default', lang)}" if name == default else "")
        title = f"{res.id}: {res.title.get(lang)}" if res.id else res.title.get(lang)
        table.rows.append([
            Cell(label), Cell(title), Cell(_span(years)),
            Cell(str(len(ws.targets)) if ws.targets else t("workspaces.none", lang),
                 align="right", value=len(ws.targets) if ws.targets else None,
                 kind="integer"),
            Cell("\n".join(links) or "—"),
        ])
    return View(data=WorkspacesData(entries), records=[e.row() for e in entries],
                tables=[table],
                header=[t("workspaces.title", lang)],
                sections=[Section(None, [t("workspaces.footer", lang)])],
                lang=lang)
