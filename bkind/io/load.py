"""Loading a workspace: targets.yaml and actuals/*.yaml read (`reading.py`), parsed
(`yaml12.py`) and validated (`targets_file.py`, `actuals_file.py`), or taken from the
cache of validated files (`cache.py`).

Every YAML or validation failure becomes a `Problem` (`path:line: message`); all
problems of all files are collected and raised together as one `BkindError`. Finding the
workspace is `workspaces.py`'s; writing files `files.py`'s.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from bkind.errors import BkindError, Problem, msg
from bkind.io.cache import Cache
from bkind.io.journal import JOURNAL_NAME, finish_interrupted
from bkind.io.oserrors import reason as os_reason
from bkind.io.reading import read_text
from bkind.io.yaml12 import parse_yaml
from bkind.model import (
    Metric,
    Resolution,
    Target,
    Workspace,
    YearActuals,
)

_TargetsModel = tuple[Resolution, dict[str, Metric], tuple[Target, ...]]


def load_workspace(root: Path, embedded: bool = False, shown_root: str | None = None,
                   cache: Path | None = None) -> Workspace:
    """Load and validate targets.yaml and actuals/*.yaml; raise BkindError listing
    every problem found in every file. `cache`: a folder for validated files (None: off).

    The cyclic garbage collector is paused meanwhile: parsing allocates hundreds of
    thousands of acyclic objects, and its full collections made large workspaces load in
    more than linear time.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_workspace(root, embedded, shown_root, cache)
    finally:
        if enabled:
            gc.enable()


def _load_workspace(root: Path, embedded: bool, shown_root: str | None,
                    cache: Path | None) -> Workspace:
    problems: list[Problem] = []
    store = Cache(cache)
    prefix = shown_root if shown_root is not None else str(root)

    def shown(rel: str) -> str:
        return rel if prefix in ("", ".") else os.path.join(prefix, rel)

    targets_path = shown("targets.yaml")
    text = read_text(root / "targets.yaml", targets_path, problems)
    if text is None:
        raise BkindError(problems)
    targets_bytes = text.encode("utf-8")
    targets_key = store.key(b"targets", targets_bytes)
    cached = store.get(targets_key, _TargetsModel)
    if cached is not None:
        resolution, metrics, targets = cached
    else:
        doc = parse_yaml(targets_path, text, problems)
        if doc is None:
            raise BkindError(problems)
        from bkind.io.targets_file import load_targets

        resolution, metrics, targets = load_targets(doc, problems)
        if not problems and resolution is not None:
            store.put(targets_key, (resolution, metrics, targets))
    years: dict[int, YearActuals] = {}
    keys = [targets_key]  # every file's key: the slip check's, below
    actuals_dir = root / "actuals"
    from bkind.io.files import protect_folder

    protect_folder(actuals_dir)
    # an ingest killed midway: finished here (hot journal), before the files are listed
    interrupted = os.path.lexists(actuals_dir / JOURNAL_NAME) and (
        embedded or not finish_interrupted(root, shown(os.path.join("actuals", JOURNAL_NAME))))
    try:
        entries = sorted(actuals_dir.iterdir()) if actuals_dir.is_dir() else None
    except OSError as exc:
        entries = []
        problems.append(Problem.of(shown("actuals"), None, msg(
            "err.cannot_read", reason=os_reason(exc))))
    if entries is None:
        problems.append(Problem.of(shown("actuals"), None, msg("err.folder_not_found")))
    else:
        if interrupted:
            problems.append(Problem.of(shown(os.path.join("actuals", JOURNAL_NAME)),
                                       None, msg("err.ingest_interrupted")))
        stems: dict[str, str] = {}
        for path in entries:
            if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
                continue
            rel = shown(os.path.join("actuals", path.name))
            if not re.fullmatch(r"\d{4}", path.stem):
                problems.append(Problem.of(rel, None, msg("err.actuals_name")))
                continue
            if path.stem in stems:  # 2021.yaml and 2021.yml: neither silently wins
                problems.append(Problem.of(rel, None, msg("err.actuals_twice",
                                                          other=stems[path.stem])))
                continue
            stems[path.stem] = rel
            text = read_text(path, rel, problems)
            if text is None:
                continue
            # targets.yaml's bytes enter as their hash (hashed once, not once a year)
            key = store.key(b"actuals", targets_key.encode(), rel.encode(),
                            text.encode("utf-8"))
            keys.append(key)
            actuals = store.get(key, YearActuals)
            if actuals is None:
                before = len(problems)
                adoc = parse_yaml(rel, text, problems)
                if adoc is None:
                    continue
                from bkind.io.actuals_file import load_actuals

                actuals = load_actuals(adoc, int(path.stem), metrics, problems)
                if actuals is not None and len(problems) == before:
                    store.put(key, actuals)
            if actuals is not None:
                years[actuals.year] = actuals
    # the slip check spans the files (a year's neighbours): run once for each set of
    # files, then remembered in the cache as passed
    slips_key = store.key(b"no slips", *(k.encode() for k in keys))
    if not problems and store.get(slips_key, bool) is not True:
        from bkind.core.slips import find_slips
        from bkind.io.slip_problems import problem

        problems.extend(problem(s, metrics) for s in find_slips(metrics, years))
        if not problems:
            store.put(slips_key, True)
    if problems or resolution is None:
        raise BkindError(problems)
    return Workspace(path=str(root), resolution=resolution, metrics=metrics, targets=targets,
                     years=years, embedded=embedded)


def actuals_from_text(shown: str, text: str, year: int, metrics: Mapping[str, Metric]
                      ) -> tuple[YearActuals | None, list[Problem]]:
    """`text` read as actuals/YYYY.yaml, and every problem the loader would find in it
    (used to prove a file is valid before it replaces the old one)."""
    problems: list[Problem] = []
    doc = parse_yaml(shown, text, problems)
    if doc is None:
        return None, problems
    from bkind.io.actuals_file import load_actuals

    return load_actuals(doc, year, metrics, problems), problems
