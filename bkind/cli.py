"""Typer app: parse options -> load -> compute -> render -> exit code.

No `from __future__ import annotations` here: Typer reads every command's annotations
at start-up, and string annotations would be eval()'d one by one (several ms).
"""

import contextlib
import functools
import inspect
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer._click.exceptions import ClickException  # typer >= 0.26 (pyproject)

from bkind import __version__
from bkind.errors import BkindError, ExitCode, guess, msg
from bkind.i18n import LANGS, detect_lang, t
from bkind.model import STATUSES, Issue, Workspace
from bkind.render.formats import Format

app = typer.Typer(
    name="bkind",
    help="Track a provincial development resolution against what actually happened.\n\n"
    "Examples:\n\n"
    "  bkind status\n\n"
    "  bkind status --format json --as-of 2023\n\n"
    "  bkind status --fail-on deterioration,missed",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"traceback": False}
F = TypeVar("F", bound=Callable[..., Any])


WorkspaceOpt = Annotated[
    str | None,  # as typed: ./bacgiang is a folder, bacgiang a shipped workspace
    typer.Option("--workspace", "-w", help="Workspace folder (targets.yaml + actuals/), or "
                 "the name of a shipped one (bkind workspaces). Default: $BKIND_WORKSPACE, "
                 "the current folder if it has targets.yaml, else the embedded Bắc Kạn "
                 "workspace (backan-16).", show_default=False),
]
FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format (docx and xlsx: documents, with --output). "
    "Default: from the --output file's extension (.docx .xlsx .html .md .csv .json), else "
    "table.", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of human output: vi or en. Default: $BKIND_LANG, "
                 "then the locale (LANG=vi_* means vi), else en.", show_default=False),
]
AsOfOpt = Annotated[
    int | None,
    typer.Option("--as-of", help="Evaluate as if only actuals up to this year existed.",
                 show_default=False),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option("--fail-on", help="Exit 1 when any target has one of these statuses "
                 f"(comma-separated: {', '.join(STATUSES)}).", show_default=False),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="The document's issue date, YYYY-MM-DD (or DD/MM/YYYY): it "
                 "picks the issuer in force that day (targets.yaml document:) and leaves out "
                 "every figure published after it. Default: today; for report --month, the "
                 "month after, with the day left blank.", show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE (atomically, only on success) "
                 "instead of stdout.", show_default=False),
]


class Run:
    """What every command starts from, worked out once from its common options: the
    language, the output format and file, the --fail-on statuses, and the workspace
    (opened when asked for). In this order, so that the first bad option is the one
    reported: --lang, then --format/--output, then --fail-on."""

    def __init__(self, options: dict[str, Any], formats: bool) -> None:
        self.lang = resolve_lang(options.get("lang"))
        self.output: Path | None = options.get("output")
        self.fmt = Format.table
        if formats:  # the commands whose --format is the shared one (Format)
            self.fmt = choose_format(options.get("fmt"), self.output)
            check_binary_output(self.fmt, self.output)  # refused before anything is done
        self.fail_on = parse_fail_on(options.get("fail_on"))
        self.workspace_option: str | None = options.get("workspace")

    @property
    def data_lang(self) -> str:
        """JSON and CSV are for scripts: the same whatever the language (texts in
        English)."""
        return data_lang(self.fmt, self.lang)

    def workspace(self) -> Workspace:
        return open_workspace(self.workspace_option, self.lang)

    def render(self, view: Any) -> None:
        render_view(view, self.fmt, self.output)

    def exit_on_fail(self, results: list[Any]) -> None:
        fail_on_exit(results, self.fail_on, self.lang)


def command(*args: Any, formats: bool = True, **kwargs: Any) -> Callable[[F], F]:
    """Register a command `fn(run, **options)`: Typer sees its options, `run` (a `Run`)
    is made from them inside the error boundary."""

    def decorate(fn: F) -> F:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(**options: Any) -> Any:
            with boundary(options.get("lang")):
                return fn(Run(options, formats), **options)

        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=list(signature.parameters.values())[1:])
        app.command(*args, **kwargs)(wrapper)
        return fn

    return decorate


@contextlib.contextmanager
def boundary(lang: str | None) -> Iterator[None]:
    """The one error boundary (STYLE), around every command and around the whole run:
    bad input (BkindError) is one line per problem on stderr, exit 2; a reader that went
    away ends quietly (exit 0); Ctrl-C exits 130; a bug is one line, exit 3. The hidden
    --traceback option re-raises instead."""
    try:
        yield
    except (typer.Exit, typer.Abort, ClickException):
        raise
    except BrokenPipeError:
        raise typer.Exit(closed_stdout()) from None
    except BkindError as exc:
        if _state["traceback"]:
            raise
        language = message_lang(lang)
        for problem in exc.problems:
            typer.echo(problem.render(language), err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except KeyboardInterrupt:
        if _state["traceback"]:
            raise
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Exception as exc:
        if _state["traceback"]:
            raise
        raise typer.Exit(internal_error(exc, lang)) from None


def closed_stdout() -> ExitCode:
    """The reader of stdout went away (`bkind status | head -1`): nothing more can be
    written; the rest is discarded quietly and the exit code is 0, as for a program that
    SIGPIPE ends (README: exit codes), without Python's "Exception ignored" when the
    interpreter flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover
        pass
    return ExitCode.OK


def open_std_streams() -> None:
    """A closed stdout or stderr (`bkind status >&-`) is read as /dev/null: the command
    runs and exits as it would, its output discarded, and no file it opens can take the
    place of fd 1 or 2 (where its output would then go)."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
            setattr(sys, name, open(fd, "w", encoding="utf-8", errors="replace",
                                    closefd=False))
        except OSError:  # pragma: no cover
            pass


def internal_error(exc: BaseException, lang: str | None) -> ExitCode:
    """A bug, not bad input: one line on stderr and exit 3 (the traceback with the hidden
    --traceback option)."""
    from bkind.errors import clip, printable

    detail = printable(clip(f"{type(exc).__name__}: {exc}"))
    typer.echo(t("err.internal", message_lang(lang), detail=detail), err=True)
    return ExitCode.INTERNAL


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"bkind {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.",
                                          is_eager=True, callback=_show_version)] = False,
    traceback: Annotated[bool, typer.Option("--traceback", hidden=True)] = False,
) -> None:
    _state["traceback"] = traceback


def resolve_lang(option: str | None) -> str:
    lang = detect_lang(option, os.environ)
    if lang not in LANGS:
        where = "--lang" if option else "BKIND_LANG"
        raise BkindError.one(where, None, msg("err.unknown_lang", lang=lang))
    return lang


def message_lang(option: str | None) -> str:
    """The language of error messages: as resolve_lang, but English when the choice is
    itself invalid (the error then says so in English)."""
    lang = detect_lang(option, os.environ)
    return lang if lang in LANGS else "en"


def open_workspace(option: str | None, lang: str) -> Workspace:
    from bkind.io.cache import cache_folder
    from bkind.io.load import load_workspace
    from bkind.io.workspaces import find_workspace, workspace_name

    root, embedded = find_workspace(option or None, os.environ, Path.cwd())
    shown = str(root) if embedded or option or os.environ.get("BKIND_WORKSPACE") else "."
    ws = load_workspace(root, embedded=embedded, shown_root=shown,
                        cache=cache_folder(os.environ))
    key = "workspace.embedded" if embedded else "workspace.used"
    chosen = option is not None or bool(os.environ.get("BKIND_WORKSPACE"))
    name = workspace_name(root) if embedded and chosen else None
    from bkind.errors import printable

    if name is not None:
        typer.secho(t("workspace.named", lang, name=name, path=root), err=True, dim=True)
    else:
        typer.secho(printable(t(key, lang, path=root)), err=True, dim=True)
    return with_successor(ws)


def with_successor(ws: Workspace) -> Workspace:
    """The workspace with its successor's resolution (id and title), which the notes of
    its discontinued targets name; unchanged when the successor is not a shipped one."""
    from msgspec.structs import replace

    from bkind.io.cache import cache_folder
    from bkind.io.load import load_workspace
    from bkind.io.workspaces import named_workspaces
    res = ws.resolution
    folder = named_workspaces().get(res.successor or "")
    if folder is None or res.series_end is None:
        return ws
    other = load_workspace(folder, embedded=True, cache=cache_folder(os.environ))
    title = other.resolution.title
    return replace(ws, resolution=replace(res, successor_resolution=title))


def today() -> str:
    """Today's date (ISO): evaluations give no verdict on a year not yet over."""
    import datetime as dt

    return dt.date.today().isoformat()


def parse_date(value: str | None) -> Issue | None:
    """--date as an issue date: 2025-04-15, or 15/4/2025 as written in Vietnamese."""
    import datetime as dt
    import re

    if value is None:
        return None
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    n = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    parts = (m.group(1), m.group(2), m.group(3)) if m else \
        (n.group(3), n.group(2), n.group(1)) if n else None
    try:
        day = dt.date(*(int(p) for p in parts)) if parts else None
    except ValueError:
        day = None
    if day is None:
        from bkind.io.dates import why_not_a_date

        why = why_not_a_date(*(int(p) for p in parts)) if parts else None
        raise BkindError.one("--date", None, msg(
            "err.date_form", raw=repr(value),
            reason=msg("err.date_reason", why=why) if why is not None else ""))
    return Issue(day.isoformat())


def reference(issue: Issue) -> str:
    """The date evaluations are made on: the earlier of today and the last day a
    document issued on `issue` may know of."""
    return min(today(), issue.known_until)


def parse_fail_on(value: str | None) -> set[str]:
    if not value:
        return set()
    wanted = {s.strip() for s in value.split(",") if s.strip()}
    unknown = sorted(wanted - set(STATUSES))
    if unknown:
        raise BkindError.one("--fail-on", None, guess(msg(
            "err.unknown_status", status=unknown[0], choices=", ".join(STATUSES)),
            unknown[0], STATUSES))
    return wanted


def emit(text: str | bytes, output: Path | None) -> None:
    """stdout is data; --output writes the file atomically (temporary file + rename).
    A reader that went away takes the rest of stdout with it (the exit code stays the
    command's own)."""
    if output is None:
        try:
            if isinstance(text, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(text)
            else:
                sys.stdout.write(text)
        except BrokenPipeError:
            closed_stdout()
        return
    from bkind.io.files import write_atomic

    write_atomic(output, text)


def terminal() -> tuple[int, bool]:
    """Width and colour for table output."""
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if tty else \
        columns(os.environ.get("COLUMNS"))
    color = tty and "NO_COLOR" not in os.environ
    return max(MIN_WIDTH, min(width, MAX_WIDTH)), color


MIN_WIDTH, MAX_WIDTH = 40, 1000


def columns(value: str | None) -> int:
    """$COLUMNS as a width; 100 when unset or not a positive whole number."""
    try:
        width = int(value or "100")
    except ValueError:
        return 100
    return width if width > 0 else 100


def choose_format(fmt: Format | None, output: Path | None) -> Format:
    """--format, else the format --output's extension names (report.docx: Word), else
    the table. A --format the extension contradicts, or a file type bkind cannot write
    (.doc, .xls), is refused rather than written as something its name does not say."""
    named = Format.from_suffix(output.suffix) if output is not None else None
    if output is not None and output.suffix.lower() in REFUSED_SUFFIXES:
        raise BkindError.one("--output", None, msg(
            "err.output_suffix_unsupported", suffix=output.suffix,
            instead=REFUSED_SUFFIXES[output.suffix.lower()]))
    if fmt is None:
        return named or Format.table
    if named is not None and named is not fmt:
        raise BkindError.one("--format", None, msg(
            "err.format_vs_output", fmt=fmt.value, name=output.name if output else "",
            named=named.value))
    return fmt


REFUSED_SUFFIXES = {".doc": ".docx", ".xls": ".xlsx"}


def data_lang(fmt: Format, lang: str) -> str:
    """JSON and CSV are for scripts: the same whatever the language (texts in English)."""
    return "en" if fmt.machine else lang


def render_view(view: Any, fmt: Format, output: Path | None) -> None:
    check_binary_output(fmt, output)
    if fmt in (Format.docx, Format.md, Format.html):  # a document writes out what it
        from bkind.render.model import View  # abbreviates before it uses it
        from bkind.render.views.prose import with_abbreviations

        if isinstance(view, View):
            view = with_abbreviations(view)
    if fmt.binary:
        from bkind.render.model import printable_view

        emit(build_document(fmt.document_renderer(), printable_view(view), output), output)
        return
    width, color = terminal()
    emit(fmt.renderer(width=width, color=color and output is None)(view), output)


def build_document(render: Callable[[Any], bytes], view: Any, output: Path | None) -> bytes:
    """A Word or Excel file's bytes; the libraries stage parts in the temporary folder
    (TMPDIR), so a full or unwritable one is bad input (exit 2, one line), not a bug."""
    try:
        return render(view)
    except OSError as exc:
        import tempfile

        raise BkindError.one(str(output) if output else "--output", None, msg(
            "err.temp_not_written", reason=exc.strerror or str(exc),
            folder=tempfile.gettempdir())) from None


def check_binary_output(fmt: Format, output: Path | None) -> None:
    """A Word or Excel file goes to --output (or a pipe), never onto a terminal."""
    if fmt.binary and output is None and sys.stdout.isatty():
        raise BkindError.one("--output", None, msg("err.binary_to_terminal", fmt=fmt.value))


def fail_on_exit(results: list[Any], fail_on: set[str], lang: str) -> None:
    hit = [r for r in results if r.status in fail_on]
    if hit:
        # the status codes as given to --fail-on; in Vietnamese with their official names
        statuses = ", ".join(s if lang == "en" else f"{t(f'status.{s}', lang)} ({s})"
                             for s in sorted({r.status for r in hit}))
        typer.echo(t("fail_on.matched", lang, ids=", ".join(r.id for r in hit),
                     statuses=statuses), err=True)
        raise typer.Exit(ExitCode.FAIL_ON)


@command(
    help="Where the province stands on every target: latest value, gap, growth still "
    "needed, status.\n\nExamples:\n\n  bkind status\n\n  bkind status --format json\n\n"
    "  bkind status --as-of 2023 --lang vi\n\n"
    "  bkind status --format csv --fail-on deterioration,missed > status.csv",
)
def status(
    run: Run,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    as_of: AsOfOpt = None,
    fail_on: FailOnOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    sources: Annotated[bool, typer.Option(
        "--sources", help="List the source of every figure below the table (always in md, "
        "html and the documents).")] = False,
    date: DateOpt = None,
) -> None:
    from bkind.core.issue_date import known_on
    from bkind.core.status import default_as_of, evaluate_all
    from bkind.render.views.status import status_view

    issue = parse_date(date) or Issue(today())
    ws = known_on(run.workspace(), issue)
    year = as_of if as_of is not None else default_as_of(ws)
    results = evaluate_all(ws, year, today=reference(issue))
    view = status_view(ws, results, year, run.data_lang,
                       sources=sources or run.fmt is not Format.table,
                       prose=run.fmt is Format.docx, human=not run.fmt.machine, issue=issue)
    run.render(view)
    if run.fmt is Format.table and not sources and any(r.sources for r in results):
        typer.secho(t("sources.hint", run.lang), err=True, dim=True)  # a hint, not data
    run.exit_on_fail(results)


@command(
    "review",
    help="The final review of the resolution (tổng kết): every year of each target's "
    "period, the deadline value and the verdict (exceeded, achieved, not achieved, not "
    "assessable, or in progress for a target not yet due), with one report sentence "
    "per target and a summary line.\n\nExamples:\n\n  bkind review --lang vi\n\n"
    "  bkind review --as-of 2024 --format json\n\n"
    "  bkind review --format md --lang vi --output tong-ket.md\n\n"
    "  bkind review --fail-on missed",
)
def review_cmd(
    run: Run,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    as_of: AsOfOpt = None,
    fail_on: FailOnOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    date: DateOpt = None,
) -> None:
    from bkind.core.issue_date import known_on
    from bkind.core.review import review
    from bkind.core.status import default_as_of
    from bkind.render.views.review import review_view

    issue = parse_date(date) or Issue(today())
    ws = known_on(run.workspace(), issue)
    year = as_of if as_of is not None else default_as_of(ws)
    result = review(ws, year, today=reference(issue))
    # every document format (Word, Excel, Markdown, HTML) is a tổng kết: parts I-IV and
    # the appendix table
    run.render(review_view(ws, result, run.data_lang, issue,
                           document=run.fmt.binary or run.fmt in (Format.md, Format.html)))
    run.exit_on_fail([r.result for r in result.targets])


@command(
    "workspaces",
    help="The workspaces shipped with bkind: name, resolution, years with figures, "
    "targets, successor and peers.\n\nExamples:\n\n  bkind workspaces\n\n"
    "  bkind workspaces --format json\n\n  bkind status --workspace thainguyen-2030",
)
def workspaces_command(
    run: Run,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    from bkind.io.cache import cache_folder
    from bkind.io.load import load_workspace
    from bkind.io.workspaces import DEFAULT_WORKSPACE, named_workspaces
    from bkind.render.views.workspaces import workspaces_view

    loaded = [(name, load_workspace(path, embedded=True, cache=cache_folder(os.environ)))
              for name, path in named_workspaces().items()]
    run.render(workspaces_view(loaded, DEFAULT_WORKSPACE, run.data_lang))


@command(
    "compare",
    help="Put workspaces side by side: the metrics they share (same measure, unit and "
    "price basis) in their latest common year, and their industrial clusters (from the "
    "list or from published totals). Metrics that are not comparable are listed, never "
    "put side by side.\n\nExamples:\n\n  bkind compare --workspace backan-16 --with bacgiang"
    "\n\n  bkind compare -w thainguyen-2030 --with bacgiang --with backan-16 --format json"
    "\n\n  bkind compare --with bacgiang --format html --output compare.html --lang vi",
)
def compare_command(
    run: Run,
    with_: Annotated[list[str] | None, typer.Option(
        "--with", help="Another workspace (folder or shipped name); repeatable. Default: "
        "the peers the workspace names (resolution: peers:).", show_default=False)] = None,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    from bkind.core.compare import compare
    from bkind.io.workspaces import workspace_name
    from bkind.render.views.compare import compare_view, reader_label

    view_lang = run.data_lang
    first = run.workspace()
    others = list(with_ or first.resolution.peers)
    if not others:
        raise BkindError.one("--with", None, msg("err.compare_nothing"))
    loaded: list[tuple[str, Workspace]] = []
    seen: set[Path] = set()
    for ws in [first, *(open_workspace(w, run.lang) for w in others)]:
        name = workspace_name(Path(ws.path)) if ws.embedded else None
        label = name or Path(ws.path).resolve().name
        if Path(ws.path).resolve() in seen:  # the same folder, however it was written
            raise BkindError.one("--with", None, msg("err.compare_twice", name=label))
        seen.add(Path(ws.path).resolve())
        clash = next((i for i, (n, _) in enumerate(loaded) if n == label), None)
        if clash is not None:  # a/ws and b/ws: told apart by their paths
            loaded[clash] = (loaded[clash][1].path, loaded[clash][1])
            label = ws.path
        loaded.append((label, ws))
    from bkind.render.fmt import resolution_name

    titles = {n: resolution_name(w.resolution, view_lang) for n, w in loaded}
    labels = {n: reader_label(w.resolution, view_lang, n) for n, w in loaded}
    run.render(compare_view(compare(loaded, as_of), titles, view_lang, labels))


class ExportFormat(StrEnum):
    datapackage = "datapackage"


@command(
    "export", formats=False,
    help="Write every figure of a workspace as open data: one long CSV (Year, Month, "
    "Metric, Unit, Prices, Status, Published, Source, Value) and a Frictionless "
    "datapackage.json describing it. DIR must be new, empty, or a previous export; files "
    "are written atomically.\n\nExamples:\n\n"
    "  bkind export --format datapackage --output open-data\n\n"
    "  bkind export -w thainguyen-2030 --format datapackage --output tn-2030",
)
def export_command(
    run: Run,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The folder to write (created if missing).",
        show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] =
    ExportFormat.datapackage,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    import json

    from bkind.io import export
    from bkind.io.outdir import write_folder
    from bkind.io.workspaces import workspace_name

    ws = run.workspace()
    name = (workspace_name(Path(ws.path)) if ws.embedded else None) or \
        Path(ws.path).resolve().name
    files = {
        export.CSV_NAME: export.csv_text(export.rows(ws)),
        export.DESCRIPTOR_NAME: json.dumps(export.descriptor(ws, name), ensure_ascii=False,
                                           indent=2) + "\n",
    }
    written = write_folder(output, files, export.DESCRIPTOR_NAME, export.is_ours)
    typer.echo(t("export.written", run.lang, paths=", ".join(str(p) for p in written)),
               err=True)


MAX_HORIZON = 100  # years a projection may reach past the data


class Method(StrEnum):
    trend = "trend"
    last = "last"


def parse_assumptions(raw: list[str]) -> dict[str, float]:
    """`--assume METRIC=VALUE` options as {metric: yearly growth}; VALUE must be a percent."""
    from bkind.errors import Problem
    from bkind.io.numbers import quantity

    out: dict[str, float] = {}
    problems: list[Problem] = []
    for item in raw:
        name, sep, text = (part.strip() for part in item.partition("="))
        if not sep or not name or not text:
            problems.append(Problem.of("--assume", None,
                                       msg("err.assume_form", raw=repr(item))))
            continue
        value: object = text
        try:
            value = float(text)  # a bare number: parse_quantity says to write it with %
        except ValueError:
            pass
        rate, err = quantity(value, True, name)
        if err or rate is None:
            problems.append(Problem.of("--assume", None,
                                       err or msg("err.assume_invalid", name=name)))
        elif rate < -1:  # -100% is a collapse to zero; below it no level exists
            problems.append(Problem.of("--assume", None, msg("err.assume_below_collapse",
                                                             name=name, raw=text)))
        elif name in out:
            problems.append(Problem.of("--assume", None, msg("err.assume_twice", name=name)))
        else:
            out[name] = rate
    if problems:
        raise BkindError(problems)
    return out


@command(
    "project",
    help="Extend every metric to a year: where each target lands, whether and when it is "
    "met, and the growth it takes.\n\nExamples:\n\n  bkind project --year 2030\n\n"
    "  bkind project --year 2030 --method last --format json\n\n"
    "  bkind project --year 2030 --assume industry_va=12% --assume grdp=7% --chart",
)
def project_cmd(
    run: Run,
    year: Annotated[int, typer.Option("--year", help="Project up to this year (required).",
                                      show_default=False)],
    method: Annotated[Method, typer.Option(
        "--method", help="trend: the growth since the baseline goes on; last: the last "
        "yearly growth goes on.")] = Method.trend,
    assume: Annotated[list[str] | None, typer.Option(
        "--assume", help="METRIC=VALUE: fix a metric's future yearly growth, e.g. grdp=7% "
        "(repeatable).", show_default=False)] = None,
    chart: Annotated[bool, typer.Option(
        "--chart", help="Draw each target's trajectory (terminal and --format table "
        "only).")] = False,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    from bkind.core.projection import data_end, project
    from bkind.render.views.project import project_view

    assumptions = parse_assumptions(assume or [])
    ws = run.workspace()
    for metric_id in assumptions:
        if metric_id not in ws.metrics:
            raise BkindError.one("--assume", None, guess(msg(
                "err.unknown_metric_known", id=metric_id, known=", ".join(ws.metrics)),
                metric_id, ws.metrics))
    end = data_end(ws, as_of)
    if year < end:
        raise BkindError.one("--year", None, msg("err.year_before_data", year=year, end=end))
    if year > end + MAX_HORIZON:
        raise BkindError.one("--year", None, msg("err.year_too_far", year=year, end=end,
                                                 most=end + MAX_HORIZON))
    proj = project(ws, year, method.value, assumptions, as_of, today=today())
    run.render(project_view(ws, proj, run.data_lang))
    if not chart:
        return
    if run.fmt is not Format.table or output is not None or not sys.stdout.isatty():
        typer.secho(t("project.chart_skipped", run.lang), err=True, dim=True)
        return
    from bkind.render.views.chart import render_charts

    width, color = terminal()
    emit("\n" + render_charts(ws, proj, run.lang, width=width, color=color), None)


def parse_month(value: str) -> tuple[int, int]:
    """--month as (year, month): 2025-03 (or 2025-3), or 3/2025 (03/2025) as written in
    Vietnamese."""
    import re

    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    n = re.fullmatch(r"(?:tháng\s*)?(\d{1,2})/(\d{4})", text, re.IGNORECASE)
    year, month = (int(m.group(1)), int(m.group(2))) if m else \
        (int(n.group(2)), int(n.group(1))) if n else (0, 0)
    if not 1 <= month <= 12:
        reason = msg("err.date_reason", why=msg("err.date_month_range")) if m or n else ""
        raise BkindError.one("--month", None, msg("err.month_form", raw=repr(value),
                                                  reason=reason))
    return year, month


@command(
    help="Year-to-date figures against the annual plan for one month, with the targets' "
    "statuses: what analysts send every month.\n\nExamples:\n\n  bkind report\n\n"
    "  bkind report --month 2025-03 --lang vi\n\n"
    "  bkind report --month 2025-03 --format html --output report.html\n\n"
    "  bkind report --format md --fail-on deterioration,missed > report.md\n\n"
    "  bkind report --month 2025-03 --lang vi --format docx --output report.docx",
)
def report(
    run: Run,
    workspace: WorkspaceOpt = None,
    month: Annotated[str | None, typer.Option(
        "--month", "-m", help="The month: 2025-03 or 3/2025. Default: the latest month with "
        "year-to-date figures.", show_default=False)] = None,
    fmt: FormatOpt = None,
    fail_on: FailOnOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    date: DateOpt = None,
) -> None:
    from bkind.core import ytd as monthly
    from bkind.core.issue_date import default_report_issue, known_on
    from bkind.core.series import last_day
    from bkind.core.status import evaluate_all
    from bkind.render.views.report import report_view

    chosen = parse_month(month) if month is not None else None
    given = parse_date(date)
    ws = run.workspace()
    months = monthly.months_with_data(ws)
    if chosen is None:
        if not months:
            raise BkindError.one(os.path.join(ws.path, "actuals"), None, msg("err.no_ytd"))
        chosen = months[-1]
    if chosen not in months:
        listed = ", ".join(f"{y}-{m:02d}" for y, m in months) or msg("err.none")
        listed_vi = ", ".join(f"{m}/{y}" for y, m in months) or msg("err.none")
        raise BkindError.one("--month", None, msg(
            "err.no_ytd_month", month=msg("text.by_lang", en=f"{chosen[0]}-{chosen[1]:02d}",
                                          vi=f"{chosen[1]}/{chosen[0]}"),
            months=msg("text.by_lang", en=listed, vi=listed_vi)))
    year, m = chosen
    issue = given or default_report_issue(year, m)
    ws = known_on(ws, issue)
    # before December the annual targets are judged as of the last full year; the year
    # in progress is shown beside them as estimates
    as_of = year if m == 12 else year - 1
    # the reference date is the end of the report's month (SPEC "Outlook before the
    # deadline"), also for the targets judged as of the last full year: a series that
    # ended by then makes a later target discontinued in both of the report's tables
    results = evaluate_all(ws, as_of, today=reference(issue), until=last_day(year, m))
    nowcasts = [r for r in evaluate_all(ws, year, month=m, today=reference(issue))
                if r.estimated] \
        if m < 12 else []
    view = report_view(ws, monthly.month_report(ws, year, m), results, as_of,
                       run.data_lang, nowcasts, prose=run.fmt is Format.docx, issue=issue)
    run.render(view)
    run.exit_on_fail(results)


# --------------------------------------------------------- revisions, validate, ingest


@command(
    "history",
    help="Every published figure of a metric (each vintage, with status, date and source) "
    "and what each revision changed.\n\nExamples:\n\n  bkind history grdp_growth\n\n"
    "  bkind history state_budget_revenue --year 2022 --format json",
)
def history_command(
    run: Run,
    metric: Annotated[str, typer.Argument(help="Metric id, as declared in targets.yaml.",
                                          metavar="METRIC", show_default=False)],
    year: Annotated[int | None, typer.Option("--year", help="Only this year.",
                                             show_default=False)] = None,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    from bkind.core.history import history
    from bkind.render.views.history import history_view

    ws = run.workspace()
    if metric not in ws.metrics:
        raise BkindError.one("METRIC", None, guess(msg(
            "err.unknown_metric_of", id=metric, choices=", ".join(ws.metrics)), metric,
            ws.metrics))
    view = history_view(ws, ws.metrics[metric], history(ws, metric, year),
                        run.data_lang, year)
    run.render(view)


@command(
    "validate",
    help="Check the whole workspace: every error at once (path:line: message, exit 2), "
    "then warnings that do not stop it (exit 0): levels that do not chain with the "
    "published growth rates, year-to-date figures that do not add up, plan shares that "
    "disagree with plan and year-to-date, figures without a source, shares that disagree "
    "with their numerator / denominator (another price basis).\n\nExamples:\n\n"
    "  bkind validate\n\n  bkind validate --workspace my-province --format json",
)
def validate_command(
    run: Run,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    from bkind.core.validate import check_all
    from bkind.errors import printable
    from bkind.render.views.validate import render_lines, validate_view

    ws = run.workspace()
    findings = check_all(ws)
    view = validate_view(ws, findings, run.data_lang)
    if run.fmt is Format.table:
        emit(printable(render_lines(view), newlines=True), None)
    else:
        run.render(view)
    typer.secho(t("validate.summary", run.lang, path=ws.path, n=len(findings)), err=True,
                dim=True)


@command(
    "ingest",
    help="Take published figures from a CSV or XLSX file into actuals/YYYY.yaml. "
    "Columns, in English or Vietnamese, any case, with or without accents: year, month "
    "(empty: the yearly value; 1-12: year-to-date), metric (id or name), value, yoy, "
    "plan_share, month_value, plan, status, published, source, note; cluster rows: "
    "cluster, occupancy, infrastructure_complete, area. Every row is checked first: a bad "
    "row or a figure that contradicts a stored one (same metric, year and published date) "
    "writes nothing. A different published date adds a new vintage. Re-ingesting the "
    "same file changes nothing.\n\nExamples:\n\n"
    "  bkind ingest examples/revisions.csv --decimal-comma --dry-run\n\n"
    "  bkind ingest figures.xlsx --workspace my-province",
)
def ingest_command(
    run: Run,
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file.", metavar="FILE",
                                                show_default=False)],
    decimal_comma: Annotated[bool, typer.Option(
        "--decimal-comma", help="Read Vietnamese numbers: 2.023,72 and 13,2%. Default: "
        "decided from the file's numbers.")] = False,
    decimal_point: Annotated[bool, typer.Option(
        "--decimal-point", help="Read numbers as 2,023.72 and 13.2%.")] = False,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Overwrite a stored figure that has the same metric, year and "
        "published date (instead of refusing).")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show the changes (and a diff) without writing.")] = False,
    workspace: WorkspaceOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    from bkind.io.ingest import ingest
    from bkind.io.workspaces import find_workspace, is_shipped
    from bkind.render.views.ingest import ingest_view

    root, embedded = find_workspace(workspace or None, os.environ, Path.cwd())
    if embedded or is_shipped(root):  # by name, by path, BKIND_WORKSPACE or here
        raise BkindError.one("--workspace", None, msg("err.ingest_embedded"))
    shown = str(root) if workspace or os.environ.get("BKIND_WORKSPACE") else "."
    typer.secho(t("workspace.used", run.lang, path=root), err=True, dim=True)
    if decimal_comma and decimal_point:
        raise BkindError.one("--decimal-comma", None, msg("err.both_decimal_flags"))
    convention = True if decimal_comma else False if decimal_point else None
    result = ingest(root, shown, file, str(file), decimal_comma=convention,
                    replace=replace, dry_run=dry_run)
    run.render(ingest_view(result, run.data_lang))
    if dry_run and run.fmt is Format.table:
        emit("".join(result.diffs.values()), None)


class TemplateFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


@command(
    "template", formats=False,
    help="Write an empty input sheet for a month: one row per metric (id, name and unit "
    "for the reader), year and month filled in, the figures to type in. ingest takes it "
    "back once filled; rows left empty are skipped.\n\nExamples:\n\n"
    "  bkind template --month 2025-03 --output 2025-03.csv\n\n"
    "  bkind template --month 3/2025 --format xlsx --lang vi --output thang-3.xlsx",
)
def template_command(
    run: Run,
    month: Annotated[str, typer.Option("--month", "-m", help="The month: 2025-03 or 3/2025.",
                                       show_default=False)],
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="csv or xlsx. Default: from the output file's name, else csv.",
        show_default=False)] = None,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    from bkind.io.scaffold import (
        report_order,
        sheet_title,
        template_csv,
        template_rows,
        template_xlsx,
        write_bytes_atomic,
    )

    year, m = parse_month(month)
    if fmt is None:
        fmt = TemplateFormat.xlsx if output is not None and output.suffix.lower() == ".xlsx" \
            else TemplateFormat.csv
    ws = run.workspace()
    rows = template_rows(ws.metrics, year, m, run.lang)
    if fmt is TemplateFormat.csv:
        emit(template_csv(rows, run.lang), output)
        return
    if output is None:
        raise BkindError.one("--output", None, msg("err.xlsx_needs_output"))
    rates = frozenset(i for i, mid in enumerate(report_order(ws.metrics))
                      if ws.metrics[mid].is_rate)
    write_bytes_atomic(output, build_document(
        lambda r: template_xlsx(r, sheet_title(year, m, run.lang), rates), rows, output))


@command(
    "init", formats=False,
    help="Create a new workspace in DIR: a commented targets.yaml showing every target type "
    "and comparator, and actuals/ with one commented example year. DIR must be new or "
    "empty. With --from NAME, DIR starts as a copy of a shipped workspace (its targets and "
    "figures), to enter the next months' figures into.\n\nExamples:\n\n"
    "  bkind init my-province\n\n"
    "  bkind init my-province && bkind validate --workspace my-province\n\n"
    "  bkind init thai-nguyen --from thainguyen-2030",
)
def init_command(
    run: Run,
    folder: Annotated[Path, typer.Argument(help="The new workspace folder.", metavar="DIR",
                                           show_default=False)],
    source: Annotated[str | None, typer.Option(
        "--from", metavar="NAME", show_default=False,
        help="Start from a copy of this shipped workspace (see bkind workspaces).")] = None,
    lang: LangOpt = None,
) -> None:
    from bkind.io.scaffold import copy_of, init_workspace

    files = None
    if source is not None:
        from bkind.errors import guess
        from bkind.io.workspaces import named_workspaces

        named = named_workspaces()
        if source not in named:
            raise BkindError.one("--from", None, guess(msg(
                "err.workspace_not_found_named", names=", ".join(named)), source, named))
        files = copy_of(named[source])
    written = init_workspace(folder, str(folder), run.lang, files)
    import shlex

    from bkind.errors import printable

    typer.echo(printable(t("init.done", run.lang, paths=", ".join(written),
                           folder=shlex.quote(str(folder))), newlines=True), err=True)


def main() -> None:
    # the language is read from argv and the environment before Typer parses, so that
    # help and Typer's own messages follow --lang / BKIND_LANG / the locale
    from bkind.help_vi import run

    open_std_streams()
    _state["traceback"] = "--traceback" in sys.argv
    code: Any = ExitCode.OK
    try:
        with boundary(None):  # what fails outside a command (the commands have their own)
            run(app)
    except SystemExit as exc:
        code = exc.code
    except (typer.Exit, ClickException) as exc:
        code = exc.exit_code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        closed_stdout()  # the command's own exit code stands
    sys.exit(code)
