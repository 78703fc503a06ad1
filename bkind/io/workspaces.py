"""Finding workspaces: --workspace, BKIND_WORKSPACE, the current folder, or the ones
shipped with the package (by name)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bkind.errors import BkindError, guess, msg
from bkind.io.oserrors import reason as os_reason
from bkind.io.reading import file_kind


def embedded_workspace() -> Path:
    """The Bắc Kạn workspace shipped with the package (or the source checkout's)."""
    here = Path(__file__).resolve().parent.parent  # the bkind package
    installed = here / "_workspace"
    if (installed / "targets.yaml").is_file():
        return installed
    return here.parent


DEFAULT_WORKSPACE = "backan-16"


def named_workspaces() -> dict[str, Path]:
    """The workspaces shipped with the package, by name: the default (the top-level
    targets.yaml + actuals/) and every folder of `workspaces/` (in a wheel,
    `bkind/_workspaces/`)."""
    here = Path(__file__).resolve().parent.parent  # the bkind package
    out = {DEFAULT_WORKSPACE: embedded_workspace()}
    for base in (here / "_workspaces", here.parent / "workspaces"):
        if base.is_dir():
            for folder in sorted(base.iterdir()):
                if (folder / "targets.yaml").is_file():
                    out.setdefault(folder.name, folder)
            break
    return out


def workspace_name(root: Path) -> str | None:
    """The name of a shipped workspace, or None for a folder of the user's."""
    resolved = root.resolve()
    return next((name for name, path in named_workspaces().items()
                 if path.resolve() == resolved), None)


def find_workspace(option: str | None, env: Mapping[str, str],
                   cwd: Path) -> tuple[Path, bool]:
    """--workspace, then BKIND_WORKSPACE, then the current folder, then the embedded one.

    --workspace and BKIND_WORKSPACE take a folder or the name of a shipped workspace
    (a folder of that name wins). Returns the folder and whether it is shipped with the
    package (embedded, not to be edited).
    """
    chosen = option or env.get("BKIND_WORKSPACE")
    if chosen:
        root = Path(chosen).expanduser()
        if not _is_dir(root, chosen):
            if is_path(chosen):  # ./bacgiang is a folder, never the shipped bacgiang
                raise BkindError.one(chosen, None, msg("err.workspace_not_found"))
            named = named_workspaces()
            if chosen in named:
                return named[chosen], True
            raise BkindError.one(str(root), None, guess(msg(
                "err.workspace_not_found_named", names=", ".join(named)), chosen, named))
        if not (root / "targets.yaml").is_file():
            raise BkindError.one(str(root / "targets.yaml"), None, msg("err.file_not_found"))
        return root, False
    here = cwd / "targets.yaml"
    if here.is_file():
        return cwd, False
    if os.path.lexists(here):
        # a folder, a dangling link, a device: the user meant this folder, never the
        # embedded workspace in its place
        try:
            kind = file_kind(here.stat().st_mode)
        except OSError:
            kind = "a link to nothing"
        raise BkindError.one("targets.yaml", None, msg("err.not_regular_file", kind=kind))
    return embedded_workspace(), True


def is_path(text: str) -> bool:
    """Whether a --workspace value is written as a path (`./x`, `x/`, `~/x`, `/x`), not
    as the name of a shipped workspace."""
    return "/" in text or os.sep in text or text.startswith((".", "~"))


def is_shipped(root: Path) -> bool:
    """Whether `root` is a workspace shipped with bkind, however it was reached (by name,
    by path, through a link, as the current folder)."""
    return workspace_name(root) is not None


def _is_dir(root: Path, shown: str) -> bool:
    try:
        return root.is_dir()
    except OSError as exc:  # a name too long, a loop of links
        from bkind.errors import clip

        raise BkindError.one(clip(shown, 120), None, msg(
            "err.cannot_read", reason=os_reason(exc))) from None
