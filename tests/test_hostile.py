"""Nothing breaks it (issue 13): hostile input, faults and shared use.

Every case asserts the exit code, the `path:line: message` (or a stable prefix) and that
nothing changed on disk.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bkind.io.reading import MAX_FILE_BYTES

GOOD_2020 = "year: 2020\nvalues:\n  va: 100\n  grdp: 1000\n"
GOOD_2021 = "year: 2021\nvalues:\n  va_growth: 10%\n  va: 110\n  grdp: 1100\n"


def snapshot(root: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry under `root` (not the lock file): its type and bytes or link target."""
    out: dict[str, tuple[str, bytes | str]] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.name == ".bkind.lock":
            continue
        if path.is_symlink():
            out[rel] = ("link", os.readlink(path))
        elif path.is_file():
            out[rel] = ("file", path.read_bytes())
        else:
            out[rel] = ("other", b"")
    return out


def strict_json(text: str) -> object:
    def refuse(name: str) -> object:
        raise ValueError(f"non-finite number in JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def ws2(workspace):
    def make(a2021: str = GOOD_2021, **more: str) -> Path:
        return workspace(actuals={2020: GOOD_2020, 2021: a2021,
                                  **{int(k[1:]): v for k, v in more.items()}})

    return make


# ------------------------------------------------------- 2. numbers that are not numbers


@pytest.mark.parametrize(("value", "message"), [
    (".nan", "va: nan is not a finite number"),
    (".NaN", "va: nan is not a finite number"),
    (".inf", "va: inf is not a finite number"),
    ("-.inf", "va: -inf is not a finite number"),
    ("1.0e+400", "va: inf is not a finite number"),
    ("9" * 400, "va: " + "9" * 60 + "… (400 characters) is too large (at most 1e15 in size)"),
    ("2e15", "va: 2000000000000000.0 is too large (at most 1e15 in size)"),
    ("5:50", "va: expected a number, got '5:50'"),
    ("1:05:50", "va: expected a number, got '1:05:50'"),
    ("12e", "va: expected a number, got '12e'"),
])
def test_numbers_that_are_not_numbers_are_refused(ws2, cli, monkeypatch, value, message):
    root = ws2(GOOD_2021.replace("va: 110", f"va: {value}"))
    before = snapshot(root)
    result = cli("status", "--workspace", str(root), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{root}/actuals/2021.yaml:4: {message}"
    assert result.stdout == ""
    assert snapshot(root) == before


@pytest.mark.parametrize("value", [".nan", ".inf", "1.0e+400", "9" * 400 + "%"])
def test_non_finite_rates_are_refused(ws2, cli, value):
    root = ws2(GOOD_2021.replace("va_growth: 10%", f"va_growth: {value}"))
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line.startswith(f"{root}/actuals/2021.yaml:3: va_growth: ")
    assert len(line) < 400


@pytest.mark.parametrize(("text", "expected"), [
    ("0550", 550), ("007", 7), ("-0550", -550), ("0o17", 15), ("0x1F", 31), ("1.5", 1.5),
    ("1e3", 1000.0), ("5:50", "5:50"), ("1_000", 1000), ("0b101", 5), ("190:20:30", "190:20:30"),
    ("yes", "yes"), ("on", "on"), ("true", True), ("False", False), ("'0550'", "0550"),
    ("!!int 0550", 550),
])
def test_the_loader_and_ingest_read_numbers_alike(text, expected):
    """One rule, YAML 1.2: the loader (PyYAML) reads numbers as ruamel.yaml (ingest)
    does, and as written (0550 is 550, not octal 360; 5:50 is text, not 350)."""
    from bkind.io.yaml12 import parse_yaml
    from bkind.io.yamledit import Editor

    problems: list = []
    doc = parse_yaml("x.yaml", f"k: {text}\n", problems)
    assert not problems
    assert doc is not None
    assert doc.data == {"k": expected}
    ruamel = Editor().load(f"k: {text}\n")
    assert ruamel["k"] == expected
    assert isinstance(ruamel["k"], type(expected))


# ------------------------------------------------- 3. loader and file-system problems


@pytest.mark.parametrize(("line", "message"), [
    ("2024-13-45: 1", "invalid key '2024-13-45': month must be in 1..12"),
    ("<<: {va: 1}", "the tag !!merge is not allowed"),
    ("!!int abc: 1", "invalid key 'abc': 'abc' is not an int"),
    ("!!python/name:os.system : 1", "the tag !!python/name:os.system is not allowed"),
    ("? [a, b]\n  : 1", "a key must be a plain value"),
    ("!!binary aGk=: 1", "the tag !!binary is not allowed"),
])
def test_odd_keys_are_problems(ws2, cli, line, message):
    root = ws2(GOOD_2021 + f"  {line}\n")
    before = snapshot(root)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        f"{root}/actuals/2021.yaml:6: {message}")
    assert snapshot(root) == before


@pytest.mark.parametrize("text", [
    "year: 2021\nvalues: !!python/object/apply:os.system\n  va: 1\n",
    "year: 2021\nvalues:\n  va: !!python/object/apply:os.system [echo hi]\n",
    "year: 2021\nvalues:\n  va: !!python/tuple [1, 2]\n",
    "year: !!python/int 2021\nvalues: {}\n",
    "year: 2021\nvalues: !!set {va: 1}\n",
    "year: 2021\nvalues: !custom {va: 1}\n",
])
def test_python_and_unknown_tags_are_refused(ws2, cli, text):
    root = ws2(text)
    before = snapshot(root)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    first = [line for line in result.stderr.splitlines() if "tag" in line][0]
    assert first.startswith(f"{root}/actuals/2021.yaml:")
    assert "is not allowed" in first
    assert snapshot(root) == before


@pytest.mark.parametrize("depth", [70, 300, 3000])
def test_deep_nesting_is_refused(ws2, cli, depth):
    root = ws2("year: 2021\nvalues:\n  va: " + "[" * depth + "]" * depth + "\n")
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line.startswith(f"{root}/actuals/2021.yaml:")
    assert "nest" in line


def test_deep_block_nesting_is_refused(ws2, cli):
    text = "year: 2021\nx:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(300))
    root = ws2(text + "  " * 301 + "v: 1\n")
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/actuals/2021.yaml:67: nested too deeply (at most 64 levels)")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(("make", "kind"), [
    (_fifo, "a named pipe"), (_dev_zero, "a character device"), (_folder, "a folder"),
])
@pytest.mark.parametrize("command", [("status",), ("project", "--year", "2025"),
                                     ("report",), ("validate",)])
def test_special_files_are_refused_without_hanging(ws2, cli, make, kind, command):
    root = ws2()
    make(root / "actuals" / "2022.yaml")
    start = time.monotonic()
    result = cli(*command, "--workspace", str(root))
    assert time.monotonic() - start < 5
    assert result.exit_code == 2
    assert f"{root}/actuals/2022.yaml: not a regular file ({kind})" in result.stderr


def test_special_file_as_ingest_input_is_refused(ws2, cli, tmp_path):
    root = ws2()
    before = snapshot(root)
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    result = cli("ingest", str(fifo), "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{fifo}: not a regular file (a named pipe)"
    assert snapshot(root) == before


def test_an_unreadable_actuals_folder_is_a_problem(ws2, cli, monkeypatch):
    root = ws2()
    real = Path.iterdir

    def refuse(self):
        if self.name == "actuals":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/actuals: cannot read: Permission denied (the file may be open in Excel or "
        "Word, or read-only: close it, or copy it elsewhere, and try again)")


def test_an_unreadable_file_is_a_problem(ws2, cli, monkeypatch):
    root = ws2()
    real = os.open

    def refuse(path, *a, **kw):
        if str(path).endswith("2021.yaml"):
            raise PermissionError(13, "Permission denied")
        return real(path, *a, **kw)

    monkeypatch.setattr(os, "open", refuse)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/actuals/2021.yaml: cannot read: Permission denied (the file may be open in "
        "Excel or Word, or read-only: close it, or copy it elsewhere, and try again)")


@pytest.mark.parametrize("value", ["a" * 5000, "/" + "b/" * 3000, "x" * 300])
def test_a_long_workspace_name_is_one_short_line(cli, monkeypatch, value):
    result = cli("status", env={"BKIND_WORKSPACE": value})
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "\n" not in line
    assert len(line) < 600


@pytest.mark.parametrize("columns", ["abc", "-5", "0", "", "99999999999999999999"])
def test_a_bad_columns_falls_back_to_a_sane_width(ws2, cli, columns):
    root = ws2()
    result = cli("status", "--workspace", str(root), env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert "Of the resolution's targets: " in result.stdout


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04garbage", b"not a zip at all",
                                  b"PK\x05\x06" + b"\0" * 18])
def test_a_broken_xlsx_is_refused(ws2, cli, tmp_path, data):
    root = ws2()
    before = snapshot(root)
    book = tmp_path / "broken.xlsx"
    book.write_bytes(data)
    result = cli("ingest", str(book), "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"{book}: ")
    assert snapshot(root) == before


# ----------------------------------------------------------------- oversized input


@pytest.fixture(scope="module")
def five_mb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    big = folder / "big.yaml"
    line = "  # " + "x" * 96 + "\n"
    big.write_text("year: 2021\nvalues:\n" + line * (5 * 1024 * 1024 // len(line) + 1))
    return big


@pytest.mark.parametrize("where", ["actuals/2021.yaml", "targets.yaml"])
@pytest.mark.parametrize("command", [("status",), ("project", "--year", "2025"), ("report",),
                                     ("review",)])
def test_a_5mb_workspace_file_is_refused_quickly(ws2, cli, five_mb, where, command):
    root = ws2()
    os.replace(root / where, root / (where + ".keep"))
    (root / where).symlink_to(five_mb)
    start = time.monotonic()
    result = cli(*command, "--workspace", str(root))
    assert time.monotonic() - start < 15
    assert result.exit_code == 2
    size = five_mb.stat().st_size
    assert result.stderr.splitlines()[-1] == (
        f"{root}/{where}: file too large: {size} bytes, at most {MAX_FILE_BYTES} bytes")


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx"])
def test_a_5mb_ingest_file_is_refused_quickly(ws2, cli, five_mb, name):
    root = ws2()
    before = snapshot(root)
    link = five_mb.parent / name
    if not link.exists():
        link.symlink_to(five_mb)
    start = time.monotonic()
    result = cli("ingest", str(link), "--workspace", str(root))
    assert time.monotonic() - start < 15
    assert result.exit_code == 2
    assert "file too large" in result.stderr
    assert len(result.stderr) < 1000
    assert snapshot(root) == before


def test_a_long_bad_value_is_not_echoed(ws2, cli):
    root = ws2(GOOD_2021.replace("va: 110", "va: " + "z" * 100_000))
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert len(result.stderr) < 2000
    assert result.stderr.splitlines()[-1].startswith(f"{root}/actuals/2021.yaml:4: ")


# ------------------------------------------------------------ 4. silent wrong answers


@pytest.mark.parametrize(("first", "second"), [("2021.yaml", "2021.yml")])
def test_a_year_in_two_files_is_refused(ws2, cli, first, second):
    root = ws2()
    (root / "actuals" / second).write_text(GOOD_2021)
    before = snapshot(root)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/actuals/{second}: the same year in two files: {root}/actuals/{first}; "
        "keep one")
    assert snapshot(root) == before


@pytest.mark.parametrize(("make", "kind"), [
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: p.symlink_to(p.parent / "missing.yaml"), "a link to nothing"),
    (lambda p: os.mkfifo(p), "a named pipe"),
])
@pytest.mark.parametrize("command", ["status", "review", "validate"])
def test_a_bad_targets_yaml_here_is_not_the_embedded_workspace(tmp_path, cli, monkeypatch,
                                                              make, kind, command):
    make(tmp_path / "targets.yaml")
    monkeypatch.chdir(tmp_path)
    result = cli(command)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"targets.yaml: not a regular file ({kind})"
    assert result.stdout == ""


@pytest.mark.parametrize("body", [
    'year,month,metric,value,status,published,source\n2021,,va,"110,estimate,,x\n'
    '2021,,grdp,1100,estimate,,x\n',
    'year,month,metric,value,status,published,source\n2021,,va,110,estimate,,"x\n',
    'year;month;metric;value;status;published;source\n2021;;va;"110;estimate;;x\n'
    '2021;;grdp;1100;estimate;;x\n',
])
def test_an_unterminated_quote_writes_nothing(ws2, cli, tmp_path, body):
    root = ws2()
    before = snapshot(root)
    sheet = tmp_path / "in.csv"
    sheet.write_text(body)
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"{sheet}:2: ")
    assert snapshot(root) == before


# --------------------------------------------------------------------------- 5. writes


@pytest.mark.parametrize("target", ["targets.yaml", "actuals/2021.yaml", "actuals/2020.yaml"])
@pytest.mark.parametrize("command", [("status",), ("review",), ("project", "--year", "2025")])
def test_output_onto_an_input_is_refused(ws2, cli, target, command):
    root = ws2()
    before = snapshot(root)
    result = cli(*command, "--workspace", str(root), "--output", str(root / target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{root}/{target}: is an input file of the workspace: choose another --output")
    assert snapshot(root) == before


def test_output_through_a_link_onto_an_input_is_refused(ws2, cli, tmp_path):
    root = ws2()
    link = tmp_path / "out.txt"
    link.symlink_to(root / "targets.yaml")
    before = snapshot(root)
    result = cli("status", "--workspace", str(root), "--output", str(link))
    assert result.exit_code == 2
    assert "is an input file of the workspace" in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_output_to_a_folder_is_refused(ws2, cli, tmp_path, fmt):
    root = ws2()
    out = tmp_path / "folder"
    out.mkdir()
    result = cli("status", "--workspace", str(root), "-f", fmt, "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{out}: is a folder: --output needs a file name"
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_output_to_dev_null_keeps_the_device(ws2, cli, fmt):
    root = ws2()
    before = os.stat("/dev/null")
    result = cli("status", "--workspace", str(root), "-f", fmt, "--output", "/dev/null")
    assert result.exit_code == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_output_to_a_fifo_writes_into_it(ws2, cli, tmp_path):
    import threading

    root = ws2()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = cli("status", "--workspace", str(root), "-f", "json", "--output", str(fifo))
    reader.join(10)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert strict_json(got[0].decode())["as_of"] == 2021


def test_output_through_a_symlink_writes_its_target(ws2, cli, tmp_path):
    root = ws2()
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = cli("status", "--workspace", str(root), "-f", "json", "--output", str(link))
    assert result.exit_code == 0
    assert link.is_symlink()
    assert strict_json(real.read_text())["as_of"] == 2021
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("old_mode", [None, 0o644, 0o600])
def test_the_lock_file_is_shared_by_the_group(ws2, cli, tmp_path, old_mode):
    root = ws2()
    if old_mode is not None:  # left by an older bkind
        (root / ".bkind.lock").touch()
        (root / ".bkind.lock").chmod(old_mode)
    sheet = tmp_path / "in.csv"
    sheet.write_text("year,month,metric,value,status,published,source\n"
                     "2022,,va,120,estimate,,x\n")
    old = os.umask(0o002)
    try:
        result = cli("ingest", str(sheet), "--workspace", str(root))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((root / ".bkind.lock").stat().st_mode) == 0o664


# ------------------------------------------------------------ exit codes, broken pipe


def test_an_internal_error_exits_3_with_one_line(ws2, cli, monkeypatch):
    import bkind.core.status

    root = ws2()

    def boom(*a, **kw):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(bkind.core.status, "evaluate_all", boom)
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        "internal error (a bug in bkind, not in your files): ZeroDivisionError: float "
        "division by zero; run again with --traceback to see where")
    with pytest.raises(ZeroDivisionError):
        cli("--traceback", "status", "--workspace", str(root))


def test_ctrl_c_exits_130_not_1(ws2, cli, monkeypatch):
    import bkind.core.status

    root = ws2()

    def interrupted(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(bkind.core.status, "evaluate_all", interrupted)
    result = cli("status", "--workspace", str(root), "--fail-on", "missed")
    assert result.exit_code == 130


def test_a_closed_stdout_exits_quietly(ws2, tmp_path):
    """`bkind status --format json | head -c 1`: exit 0 (README, as SIGPIPE would end it),
    no traceback and no "Exception ignored" on stderr."""
    root = ws2()
    code = ("import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); "
            "sys.argv = ['bkind', 'status', '-f', 'json', '-w', sys.argv[1]]; "
            "from bkind.cli import main; main()")
    env = {**os.environ, "BKIND_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    assert "Exception ignored" not in proc.stderr


# ------------------------------------------------------------- 7. a shared cache folder


def _json_status(cli, root: Path) -> str:
    result = cli("status", "--workspace", str(root), "-f", "json")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _tamper_value(data: bytes) -> bytes:
    import struct

    old, new = b"\xcb" + struct.pack(">d", 110.0), b"\xcb" + struct.pack(">d", 999.0)
    return data.replace(old, new)


@pytest.mark.parametrize("attack", ["payload", "no-mac", "truncated", "other-key"])
def test_a_planted_cache_entry_does_not_change_the_numbers(ws2, cli, tmp_path, monkeypatch,
                                                           attack):
    cache = tmp_path / "shared-cache"
    monkeypatch.setenv("BKIND_CACHE_DIR", str(cache))
    root = ws2()
    honest = _json_status(cli, root)
    entries = [p for p in cache.iterdir() if not p.name.startswith(".")]
    assert entries
    hit = 0
    for entry in entries:
        data = entry.read_bytes()
        if attack == "payload":
            planted = _tamper_value(data)
        elif attack == "no-mac":  # the format before MACs: the bare msgpack
            planted = _tamper_value(data[32:])
        elif attack == "truncated":
            planted = data[:40]
        else:  # a MAC made with another key
            from _blake2 import blake2b

            payload = _tamper_value(data[32:])
            mac = blake2b(digest_size=32, key=b"k" * 32)
            mac.update(entry.name.encode() + b"\0" + payload)
            planted = mac.digest() + payload
        hit += planted != data
        entry.write_bytes(planted)
    assert hit
    assert _json_status(cli, root) == honest


def test_a_key_file_that_is_not_ours_turns_the_cache_off(ws2, cli, tmp_path, monkeypatch):
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    monkeypatch.setenv("BKIND_CACHE_DIR", str(cache))
    key = cache / f".key-{os.geteuid()}"
    key.write_bytes(b"k" * 32)  # planted: readable by all, so known to the planter
    key.chmod(0o644)
    root = ws2()
    honest = _json_status(cli, root)
    assert [p.name for p in cache.iterdir()] == [key.name]  # nothing cached with it
    assert _json_status(cli, root) == honest


def test_the_cache_never_writes_through_a_planted_link(ws2, cli, tmp_path, monkeypatch):
    cache = tmp_path / "shared-cache"
    monkeypatch.setenv("BKIND_CACHE_DIR", str(cache))
    root = ws2()
    _json_status(cli, root)
    victim = tmp_path / "victim"
    victim.write_text("precious")
    names = [p.name for p in cache.iterdir() if not p.name.startswith(".")]
    for p in cache.iterdir():
        p.unlink()
    for name in names:  # links at every entry's name
        (cache / name).symlink_to(victim)
    honest = _json_status(cli, root)
    assert victim.read_text() == "precious"
    assert _json_status(cli, root) == honest
    assert not list(cache.glob(".*.tmp"))
    for name in names:
        assert not (cache / name).is_symlink()  # replaced by a rename, not followed


# ---------------------------------------------------------------- 6. output injection

EVIL_NAMES = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def _evil_workspace(workspace, name: str, source: str = "s") -> Path:
    from conftest import MINIMAL_TARGETS

    targets = MINIMAL_TARGETS.replace('name: {en: "Value added", vi: "Giá trị tăng thêm"}',
                                      f"name: {{en: {json.dumps(name)}, vi: {json.dumps(name)}}}")
    targets = targets.replace('title: {en: "Test resolution", vi: "Nghị quyết thử"}',
                              f"title: {{en: {json.dumps(name)}, vi: {json.dumps(name)}}}")
    return workspace(targets, actuals={
        2020: "year: 2020\nvalues:\n  va: 100\n  grdp: 1000\n",
        2021: "year: 2021\nvalues:\n  va_growth: 10%\n"
              f"  va: {{value: 110, source: {json.dumps(source)}, note: {json.dumps(name)}}}\n"
              "  grdp: 1100\n"})


def _csv_cells(text: str) -> list[str]:
    import csv
    import io

    sample = text.lstrip("\ufeff")
    delimiter = ";" if sample.split("\n", 1)[0].count(";") > sample.split("\n", 1)[0].count(
        ",") else ","
    return [c for row in csv.reader(io.StringIO(sample), delimiter=delimiter) for c in row]


def _xlsx_cells(data: bytes) -> list[object]:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    out: list[object] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                out.append(cell)
    return out


def _assert_inert_csv(text: str, name: str, present: bool = True) -> None:
    cells = _csv_cells(text)
    if present:
        assert any(c.startswith("'" + name) for c in cells), cells
    for c in cells:
        try:
            float(c)
            continue  # a number is a number
        except ValueError:
            pass
        assert not c.startswith(("=", "+", "-", "@")), c


@pytest.mark.parametrize("name", EVIL_NAMES)
@pytest.mark.parametrize("command", [("status",), ("review",), ("project", "--year", "2025"),
                                     ("history", "va")])
def test_formula_names_are_inert_in_csv(workspace, cli, name, command):
    root = _evil_workspace(workspace, name, source=name)
    result = cli(*command, "--workspace", str(root), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    _assert_inert_csv(result.stdout, name, present=command[0] == "history")


@pytest.mark.parametrize("name", EVIL_NAMES)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_formula_names_are_inert_in_the_csv_template(workspace, cli, name, lang):
    root = _evil_workspace(workspace, name)
    result = cli("template", "--month", "2025-03", "--workspace", str(root), "--lang", lang)
    assert result.exit_code == 0, result.stderr
    _assert_inert_csv(result.stdout, name)


@pytest.mark.parametrize("name", EVIL_NAMES)
def test_formula_names_are_inert_in_export(workspace, cli, tmp_path, name):
    root = _evil_workspace(workspace, name, source=name)
    out = tmp_path / "open-data"
    result = cli("export", "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = (out / "figures.csv").read_text()
    assert "'" + name in _csv_cells(text)
    assert "-2+3" not in [c for c in _csv_cells(text) if c.startswith("-2")]


@pytest.mark.parametrize("name", EVIL_NAMES)
@pytest.mark.parametrize("command", [("status", "-f", "xlsx"), ("review", "-f", "xlsx"),
                                     ("template", "--month", "2025-03", "-f", "xlsx")])
def test_formula_names_are_text_in_xlsx(workspace, cli, tmp_path, name, command):
    root = _evil_workspace(workspace, name, source=name)
    out = tmp_path / "out.xlsx"
    result = cli(*command, "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    cells = _xlsx_cells(out.read_bytes())
    found = [c for c in cells if isinstance(c.value, str) and name in c.value]
    assert found
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
            assert cell.data_type == "s"
            assert cell.quotePrefix, cell.value


CONTROLS = ["\x1b[2J\x1b[31mFAKE", "\x1b]8;;http://evil\x07click\x1b]8;;\x07",
            "bell\x07", "csi\x9b31m", "back\x08\x08\x08", "cr\rover"]


@pytest.mark.parametrize("evil", CONTROLS)
@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json", "html"])
def test_control_characters_never_reach_the_terminal_raw(workspace, cli, evil, fmt):
    root = _evil_workspace(workspace, evil, source=evil)
    result = cli("status", "--workspace", str(root), "-f", fmt, "--sources")
    assert result.exit_code == 0, result.stderr
    for ch in "\x1b\x07\x9b\x08\r":
        assert ch not in result.stdout, (fmt, repr(result.stdout[:200]))
    if fmt == "json":
        data = strict_json(result.stdout)
        assert data["resolution"]["title"] == evil  # the data itself is kept


@pytest.mark.parametrize("evil", CONTROLS)
def test_control_characters_never_reach_stderr_raw(ws2, cli, evil):
    root = ws2(GOOD_2021.replace("va: 110", f"va: {json.dumps(evil)}"))
    result = cli("status", "--workspace", str(root))
    assert result.exit_code == 2
    for ch in "\x1b\x07\x9b\x08\r":
        assert ch not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"{root}/actuals/2021.yaml:4: va: ")


@pytest.mark.parametrize(("title", "bad_start"), [
    ("# not a header", "# not"), ("- not a list", "- not"), ("> not a quote", "> not"),
    ("1. not a list", "1. not"), ("[x](http://evil)", "[x](http"), ("<script>", "<script"),
    ("==", "=="), ("* star", "* star"), ("    indented", "indented"),
])
def test_markdown_header_and_footer_are_escaped(workspace, cli, title, bad_start):
    root = _evil_workspace(workspace, title, source=title)
    result = cli("status", "--workspace", str(root), "-f", "md")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("## ")
    for line in lines:  # nothing the title or a source holds starts markdown syntax
        assert not line.lstrip().startswith(bad_start), line
    for anywhere in ("](http", "<script"):
        assert anywhere not in result.stdout


@pytest.mark.parametrize(("text", "line"), [
    ("# head", "\\# head"), ("- item", "\\- item"), ("+ item", "\\+ item"),
    ("> quote", "\\> quote"), ("2024. year", "2024\\. year"), ("1) x", "1\\) x"),
    ("   # spaced", "\\# spaced"), ("[a](http://e)", "[a]\\(http://e)"),
    ("<b>x</b>", "&lt;b>x&lt;/b>"), ("a\nb", "a b"), ("\x1b[31mred", "\\\\x1b[31mred"),
    ("=====", "\\====="), ("```", "\\`\\`\\`"),
])
def test_markdown_prose_lines_start_no_syntax(text, line):
    from bkind.render.formats.markdown import _line

    assert _line(text) == line


# ------------------------------------------------- 5. ingest: encoding kept, killed midway

HEADER_CSV = "year,month,metric,value,status,published,source\n"


@pytest.mark.parametrize(("bom", "newline", "indent"), [
    (True, "\r\n", 4), (False, "\r\n", 2), (True, "\n", 2), (False, "\n", 4), (False, "\n", 3),
])
def test_ingest_keeps_a_files_encoding_and_indentation(ws2, cli, tmp_path, bom, newline,
                                                       indent):
    pad = " " * indent
    lines = ["# figures of 2021", "year: 2021", "values:", f"{pad}va_growth: 10%",
             f"{pad}va:", f"{pad}{pad}value: 110", f"{pad}{pad}source: x",
             f"{pad}grdp: 1100   # printed"]
    original = ("\ufeff" if bom else "") + newline.join(lines) + newline
    root = ws2()
    (root / "actuals" / "2021.yaml").write_bytes(original.encode())
    sheet = tmp_path / "in.csv"
    sheet.write_text(HEADER_CSV + "2021,,share,10%,estimate,,y\n")
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 0, result.stderr
    new = (root / "actuals" / "2021.yaml").read_bytes().decode()
    assert new.startswith("\ufeff") is bom
    body = new.removeprefix("\ufeff")
    assert body.count("\n") == body.count(newline) if newline == "\r\n" else "\r" not in body
    new_lines = body.split(newline)[:-1]
    assert new_lines[:len(lines)] == lines  # every old line as it was
    assert len(new_lines) - len(lines) <= 3  # the added figure only
    assert any("share" in line for line in new_lines[len(lines):])


def _killed_ingest(root: str, sheet: str) -> None:
    """A child: ingest, killed (os._exit) after the journal and the first rename."""
    import os as _os

    real = _os.replace
    calls: list[str] = []

    def replace(src, dst):
        real(src, dst)
        calls.append(str(dst))
        if len(calls) == 2:  # the journal, then the first file
            _os._exit(9)

    _os.replace = replace  # type: ignore[assignment]
    from bkind.io.ingest import ingest

    ingest(Path(root), ".", Path(sheet), sheet)


def kill_an_ingest_midway(root: Path, tmp_path: Path) -> Path:
    """An ingest of two files killed after the first rename; returns its journal."""
    import multiprocessing

    sheet = tmp_path / "in.csv"
    sheet.write_text(HEADER_CSV + "2021,,share,10%,estimate,,y\n2022,,va,120,estimate,,z\n")
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=_killed_ingest, args=(str(root), str(sheet)))
    child.start()
    child.join(30)
    assert child.exitcode == 9
    journal = root / "actuals" / ".bkind.journal"
    assert journal.is_file()  # half done: 2021.yaml new, 2022.yaml still staged
    return journal


@pytest.mark.parametrize("command", ["status", "ingest"])
def test_an_ingest_killed_midway_is_finished_by_the_next(ws2, cli, tmp_path, command):
    """A hot journal: the next command that may write the folder, a reader too, finishes
    the renames (as SQLite does), so the files are all new."""
    root = ws2()
    journal = kill_an_ingest_midway(root, tmp_path)
    args = ["ingest", str(tmp_path / "in.csv")] if command == "ingest" else [command]
    result = cli(*args, "--workspace", str(root))
    assert result.exit_code == 0, result.stderr
    assert not journal.exists()
    assert not list(root.rglob("*.tmp"))
    assert "share: {value: 10%" in (root / "actuals" / "2021.yaml").read_text()
    assert "va: {value: 120" in (root / "actuals" / "2022.yaml").read_text()
    assert cli("status", "--workspace", str(root)).exit_code == 0


def test_a_failed_ingest_leaves_no_temporary_file(ws2, cli, tmp_path, monkeypatch):
    import bkind.io.files

    root = ws2()
    before = snapshot(root)
    sheet = tmp_path / "in.csv"
    sheet.write_text(HEADER_CSV + "2021,,share,10%,estimate,,y\n2022,,va,120,estimate,,z\n")
    real = bkind.io.files.stage
    calls: list[Path] = []

    def full(path, text):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(path, text)

    monkeypatch.setattr(bkind.io.files, "stage", full)
    result = cli("ingest", str(sheet), "--workspace", str(root))
    assert result.exit_code == 2
    assert "nothing written" in result.stderr.splitlines()[-1]
    assert snapshot(root) == before


@pytest.mark.parametrize("fail_at", [1, 2])
def test_a_failed_export_leaves_no_temporary_file(ws2, cli, tmp_path, monkeypatch, fail_at):
    root = ws2()
    out = tmp_path / "open-data"
    real = os.replace
    calls: list[str] = []

    def replace(src, dst):
        if Path(dst).parent == out:
            calls.append(str(dst))
            if len(calls) == fail_at:
                raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = cli("export", "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{out}: cannot write: No space left on device"
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("evil", ["\x1b[31mX\x07", "a\x00b", "csi\x9b1m", "del\x7f"])
@pytest.mark.parametrize("command", [("status", "-f", "docx"), ("status", "-f", "xlsx"),
                                     ("review", "-f", "docx"), ("history", "va", "-f", "xlsx"),
                                     ("project", "--year", "2025", "-f", "docx")])
def test_control_characters_in_documents(workspace, cli, tmp_path, evil, command):
    root = _evil_workspace(workspace, evil, source=evil)
    out = tmp_path / "out.bin"
    result = cli(*command, "--workspace", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0
