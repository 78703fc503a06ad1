"""Pure: every published vintage of a metric, in the order they were published, and
what each revision changed."""

from __future__ import annotations

from dataclasses import dataclass

from bkind.core.series import figures
from bkind.model import STATUS_RANK, Vintage, Workspace, current_vintage


def chronological(vintages: tuple[Vintage, ...]) -> tuple[Vintage, ...]:
    """Vintages in publication order: undated first, then by `published`; ties
    estimate < preliminary < official, then file order. The last is the current one
    (`model.current_vintage`)."""
    order = sorted(
        enumerate(vintages),
        key=lambda iv: (iv[1].published or "", STATUS_RANK.get(iv[1].status, 0), iv[0]),
    )
    return tuple(v for _, v in order)


@dataclass(frozen=True)
class Revision:
    """One vintage and how it differs from the one published before it."""

    vintage: Vintage
    current: bool
    change: float | None  # value - previous vintage's value (None for the first)
    change_relative: float | None  # value / previous - 1, for levels only


@dataclass(frozen=True)
class YearHistory:
    year: int
    path: str | None  # the actuals file holding the figures (None when derived)
    derived: bool
    derived_from: tuple[str, ...]
    revisions: tuple[Revision, ...]

    @property
    def current(self) -> Revision:
        return next(r for r in self.revisions if r.current)

    @property
    def revised(self) -> bool:
        return len(self.revisions) > 1


def history(ws: Workspace, metric_id: str, year: int | None = None) -> list[YearHistory]:
    """Every year's vintages of `metric_id` (or only `year`'s), oldest year first."""
    level = ws.metrics[metric_id].kind == "level"
    out = []
    for y, figure in figures(ws, metric_id).items():
        if year is not None and y != year:
            continue
        current = current_vintage(figure.vintages)
        revisions = []
        previous: Vintage | None = None
        for v in chronological(figure.vintages):
            change = rel = None
            if previous is not None:
                change = v.value - previous.value
                if level and previous.value != 0:
                    rel = v.value / previous.value - 1
            revisions.append(Revision(v, v is current, change, rel))
            previous = v
        actuals = ws.years.get(y)
        out.append(YearHistory(
            year=y, path=None if figure.derived or actuals is None else actuals.path,
            derived=figure.derived, derived_from=figure.derived_from,
            revisions=tuple(revisions)))
    return out
