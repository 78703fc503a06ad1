"""Pure: every published vintage of a metric, in the order they were published, and
what each revision changed."""

from __future__ import annotations

from msgspec import Struct

from bkind.core.formulas import relative_change
from bkind.core.series import Series
from bkind.model import Figure, Vintage, Workspace, chronological, current_vintage, usable


class Revision(Struct, frozen=True):
    """One vintage and how it differs from the one published before it."""

    vintage: Vintage
    current: bool
    change: float | None  # value - previous vintage's value (None for the first)
    change_relative: float | None  # value / previous - 1, for levels only


class YearHistory(Struct, frozen=True):
    year: int
    path: str | None  # the actuals file holding the figures (None when derived)
    derived: bool
    derived_from: tuple[str, ...]
    revisions: tuple[Revision, ...]

    @property
    def current(self) -> Revision:
        return next(r for r in self.revisions if r.current)

    @property
    def usable(self) -> bool:
        """Whether a figure of the year states the series' price basis: else the year has
        no value of the series, its figures only listed."""
        return usable(tuple(r.vintage for r in self.revisions))

    @property
    def revised(self) -> bool:
        """More than one figure on the series' price basis (one whose source states no
        basis is kept beside them, not a revision)."""
        return len([r for r in self.revisions if not r.vintage.unpriced]) > 1

    @property
    def first(self) -> Revision:
        """The first figure on the series' price basis (or the first of all)."""
        return next((r for r in self.revisions if not r.vintage.unpriced), self.revisions[0])

    @property
    def total(self) -> Revision:
        """The current vintage against the first one published (on the series' basis)."""
        first, last = self.first.vintage, self.current.vintage
        return Revision(last, True, last.value - first.value,
                        relative_change(first.value, last.value))


def history(ws: Workspace, metric_id: str, year: int | None = None) -> list[YearHistory]:
    """Every year's vintages of `metric_id` (or only `year`'s), oldest year first."""
    level = ws.metrics[metric_id].kind == "level"
    out = []
    # every published figure, those whose source states no price basis included (SPEC
    # "Revisions": history keeps them, beside the series, though they are never its value)
    found = {y: Figure(metric_id, y, a.values[metric_id])
             for y, a in sorted(ws.years.items()) if metric_id in a.values}
    last = max(ws.years) if ws.years else 0
    for y, point in Series(ws, last, nowcasts=False).points(metric_id).items():
        if point.kind == "derived" and y not in found:  # a share or level computed
            found[y] = Figure(metric_id, y, (Vintage(point.value, status=point.status),),
                              derived=True, derived_from=point.parts)
    for y, figure in sorted(found.items()):
        if year is not None and y != year:
            continue
        current = current_vintage(figure.vintages)
        revisions = []
        previous: Vintage | None = None
        for v in chronological(figure.vintages):
            change = rel = None
            if v.unpriced:  # no price basis stated: beside the series, not a revision of it
                revisions.append(Revision(v, v is current, None, None))
                continue
            if previous is not None:
                change = v.value - previous.value
                if level:
                    rel = relative_change(previous.value, v.value)
            revisions.append(Revision(v, v is current, change, rel))
            previous = v
        actuals = ws.years.get(y)
        out.append(YearHistory(
            year=y, path=None if figure.derived or actuals is None else actuals.path,
            derived=figure.derived, derived_from=figure.derived_from,
            revisions=tuple(revisions)))
    return out
