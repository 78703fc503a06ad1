"""Reading workspaces: finding them, reading their files safely, parsing YAML (with
PyYAML, behind the fast path of `fastyaml.py`), and the cache of validated files.

Every YAML or validation failure becomes a `Problem` (`path:line: message`); all
problems of all files are collected and raised together as one `BkindError`. What a
valid file is lives in `shapes.py`, `targets_file.py` and `actuals_file.py` (pure);
writing files in `files.py`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from bkind import __version__
from bkind.errors import BkindError, Problem, msg
from bkind.model import (
    Metric,
    Resolution,
    Target,
    Workspace,
    YearActuals,
)

if TYPE_CHECKING:
    from bkind.io.shapes import Doc, Path_

MAX_NODES = 2_000_000

# --------------------------------------------------------------------------- YAML


_STR_TAG = "tag:yaml.org,2002:str"
_YAML_TAG = "tag:yaml.org,2002:"
_TIMESTAMP_TAG = _YAML_TAG + "timestamp"
# the tags a workspace file may carry (explicitly or resolved): no python/*, no merge
_ALLOWED_TAGS = frozenset(_YAML_TAG + name for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp"))
_NUMBER_TAGS = frozenset(_YAML_TAG + name for name in ("int", "float", "bool"))
_ARTICLE = {_YAML_TAG + "int": "an int", _YAML_TAG + "float": "a float",
            _YAML_TAG + "bool": "a bool"}
MAX_DEPTH = 64  # nesting of mappings and lists in one file
MAX_FILE_BYTES = 4 * 1024 * 1024  # a workspace file, an ingested CSV or XLSX (README)

# Numbers are read as YAML 1.2, with the very rules of ruamel.yaml, which `ingest` edits
# files with, so that the two readers agree (and agree with how people write numbers):
# `0550` is 550 (not YAML 1.1's octal 360), `1_000` is 1000, `0o17` octal, `0x1F` hex,
# `1e3` a number; `5:50` (YAML 1.1's sexagesimal 350) and `yes`/`no`/`on`/`off` are text,
# which the schema then refuses where a number is expected. README "Numbers in YAML".
_INT_12 = r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
_FLOAT_12 = r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)"""
_BOOL_12 = r"true|True|TRUE|false|False|FALSE"
_compiled: list[re.Pattern[str]] = []  # compiled on first use: not on a cached run's path


def yaml12_scalar(text: str) -> Any:
    """A plain scalar's number or boolean as YAML 1.2 (ruamel.yaml) reads it; the text
    itself when it is neither."""
    if not _compiled:
        _compiled.extend((re.compile(_BOOL_12), re.compile(_INT_12),
                          re.compile(_FLOAT_12, re.X)))
    bool_12, int_12, float_12 = _compiled
    if bool_12.fullmatch(text):
        return text.lower() == "true"
    if int_12.fullmatch(text):
        digits = text.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        body = digits.lstrip("+-")
        for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
            if body.startswith(prefix):
                return sign * int(body[2:] or "0", base)
        return sign * int(body or "0", 10)
    if float_12.fullmatch(text):
        lowered = text.replace("_", "").lower()
        if lowered.lstrip("+-") in (".inf", ".nan"):
            return float(lowered.replace(".", ""))
        return float(lowered)
    return text


def parse_yaml(path: str, text: str, problems: list[Problem]) -> Doc | None:
    """Compose `text` safely and convert it, rejecting aliases and duplicate keys,
    python and other unknown tags, and nesting deeper than MAX_DEPTH.

    yaml is imported here, not at the top: a workspace read from the cache needs no parser.
    """
    from bkind.io.fastyaml import read as read_fast

    fast = read_fast(text)  # the plain subset, read the same way, much faster
    if fast is not None:
        from bkind.io.shapes import Doc

        fast_doc = Doc(path, fast[0])
        fast_doc.lines = fast[1]
        return fast_doc
    import yaml

    from bkind.errors import clip

    constructor = yaml.constructor.SafeConstructor()

    def _scalar(node: yaml.ScalarNode, key: bool = False) -> Any:
        explicit = text[node.start_mark.index:node.start_mark.index + 1] == "!"
        if node.tag in _NUMBER_TAGS or (node.tag == _STR_TAG and not node.style
                                        and not explicit):  # plain: '' (C) or None
            # read as YAML 1.2 does (see above)
            value = yaml12_scalar(node.value)
            if explicit and isinstance(value, str):
                raise ValueError(f"{node.value!r} is not {_ARTICLE[node.tag]}")
            return value
        if node.tag == _STR_TAG:
            return node.value
        if node.tag == _TIMESTAMP_TAG and not key:
            try:
                return constructor.construct_object(node)
            except ValueError:  # 2023-02-30: the field's own check refuses the text
                return node.value
        return constructor.construct_object(node)

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def _tag_problem(node: yaml.Node) -> Problem | None:
        if node.tag in _ALLOWED_TAGS:
            return None
        return Problem.of(path, node.start_mark.line + 1,
                          msg("err.yaml_tag", tag=clip(node.tag.replace(_YAML_TAG, "!!"), 80)))

    try:
        root = yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem.of(path, mark.line + 1 if mark else None,
                                   msg("err.yaml_invalid", detail=clip(str(what)))))
        return None
    except RecursionError:
        problems.append(Problem.of(path, None, msg("err.yaml_too_deep", most=MAX_DEPTH)))
        return None
    from bkind.io.shapes import Doc

    doc = Doc(path, None)
    if root is None:
        return doc
    seen: set[int] = set()
    start = len(problems)

    def convert(node: yaml.Node, where: Path_) -> Any:
        if len(where) > MAX_DEPTH:
            problems.append(Problem.of(path, node.start_mark.line + 1,
                                       msg("err.yaml_too_deep", most=MAX_DEPTH)))
            raise _Stop
        tag_problem = _tag_problem(node)
        if tag_problem is not None:
            problems.append(tag_problem)
            return None
        if id(node) in seen:
            problems.append(Problem.of(path, node.start_mark.line + 1, msg("err.yaml_alias")))
            raise _Stop
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise _TooBig
        doc.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem.of(path, key_node.start_mark.line + 1,
                                               msg("err.key_not_plain")))
                    continue
                tag_problem = _tag_problem(key_node)
                if tag_problem is not None:
                    problems.append(tag_problem)
                    continue
                try:
                    key = _scalar(key_node, key=True)
                    hash(key)
                except (yaml.YAMLError, ValueError, TypeError) as exc:
                    problems.append(Problem.of(path, key_node.start_mark.line + 1, msg(
                        "err.yaml_key", key=clip(repr(key_node.value), 80),
                        detail=clip(str(exc).splitlines()[0] if str(exc) else "", 120))))
                    continue
                if key in out:
                    problems.append(Problem.of(path, key_node.start_mark.line + 1,
                                               msg("err.duplicate_key", key=key)))
                    continue
                doc.lines[(*where, key)] = key_node.start_mark.line + 1
                out[key] = convert(value_node, (*where, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*where, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        try:
            return _scalar(node)
        except (yaml.YAMLError, ValueError) as exc:
            problems.append(Problem.of(path, node.start_mark.line + 1, msg(
                "err.yaml_value", detail=clip(str(exc).splitlines()[0] if str(exc) else
                                              repr(node.value), 120))))
            return None

    try:
        doc.data = convert(root, ())
    except _TooBig:
        del problems[start:]
        problems.append(Problem.of(path, 1, msg("err.file_too_large")))
        return None
    except _Stop:
        return None
    return doc


class _TooBig(Exception):
    pass


class _Stop(Exception):
    """A problem after which the rest of the file is not worth reading."""


# ------------------------------------------------------------------------ workspace


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
            named = named_workspaces()
            if chosen in named:
                return named[chosen], True
            raise BkindError.one(str(root), None, msg("err.workspace_not_found_named",
                                                      names=", ".join(named)))
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


def _is_dir(root: Path, shown: str) -> bool:
    try:
        return root.is_dir()
    except OSError as exc:  # a name too long, a loop of links
        from bkind.errors import clip

        raise BkindError.one(clip(shown, 120), None, msg(
            "err.cannot_read", reason=exc.strerror or str(exc))) from None


def file_kind(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_bytes(path: Path, shown: str, problems: list[Problem],
               most: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of a regular file of at most `most` bytes; anything else (a folder, a
    pipe, a device, a link to one, a file too large) is a problem, found from the file's
    type and size before reading, so that nothing hangs or fills memory."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        problems.append(Problem.of(shown, None, msg("err.file_not_found")))
        return None
    except OSError as exc:
        problems.append(Problem.of(shown, None, msg("err.cannot_read",
                                                    reason=exc.strerror or str(exc))))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem.of(shown, None, msg("err.not_regular_file",
                                                        kind=file_kind(info.st_mode))))
            return None
        if info.st_size > most:
            problems.append(Problem.of(shown, None, msg("err.file_too_big",
                                                        size=info.st_size, most=most)))
            return None
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > most:  # grew while read
                problems.append(Problem.of(shown, None, msg("err.file_too_big",
                                                            size=size, most=most)))
                return None
        return b"".join(chunks)
    except OSError as exc:
        problems.append(Problem.of(shown, None, msg("err.cannot_read",
                                                    reason=exc.strerror or str(exc))))
        return None
    finally:
        os.close(fd)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    from bkind.io.files import protect

    protect(path)
    data = read_bytes(path, shown, problems)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem.of(shown, None, msg("err.not_utf8", reason=exc.reason)))
    return None


def _blake2b(**kw: Any) -> Any:
    try:  # the module behind hashlib.blake2b, without loading OpenSSL's bindings
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover
        from hashlib import blake2b
    return blake2b(**kw)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class _Cache:
    """Validated files, keyed by a hash of what they were validated from.

    Parsing YAML with line numbers is the slow part of every command; a file whose bytes
    (and, for actuals, targets.yaml's bytes) are unchanged validates the same way, so its
    models are kept as msgpack under the cache folder. Only files without problems are
    stored, so error messages always come from a fresh parse. Best effort: a cache that
    cannot be read or written is ignored.

    The folder may be shared (BKIND_CACHE_DIR on a group folder), so nothing in it is
    trusted: an entry is a keyed BLAKE2b MAC of its name and payload, then the payload;
    the key is 32 random bytes in `.key-<uid>`, created 0600 by this user, and used only
    while it is a regular file owned by this user that nobody else can read. An entry
    with a wrong MAC (planted, or cut short) is ignored, as is the whole cache when the
    key is not this user's. New files are created with O_EXCL under random names, never
    through a link; entries are renamed into place (a rename replaces a planted link, it
    does not follow it).
    """

    MAC_SIZE = 32

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._secret: bytes | None = None

    def key(self, *parts: bytes) -> str:
        digest = _blake2b(digest_size=20)
        digest.update(f"bkind {__version__} {_SCHEMA}".encode())
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return str(digest.hexdigest())

    def _mac(self, secret: bytes, name: str, payload: bytes) -> bytes:
        mac = _blake2b(digest_size=self.MAC_SIZE, key=secret)
        mac.update(name.encode())
        mac.update(b"\0")
        mac.update(payload)
        return bytes(mac.digest())

    def _key_file(self, create: bool) -> bytes | None:
        """This user's secret, or None (no cache) when it is missing and not to be
        created, or is not this user's own private file."""
        import stat

        if self._secret is not None or self.folder is None:
            return self._secret
        path = self.folder / f".key-{os.geteuid() if hasattr(os, 'geteuid') else 0}"
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except FileNotFoundError:
            if not create:
                return None
            secret = os.urandom(32)
            try:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
                try:
                    os.write(fd, secret)
                finally:
                    os.close(fd)
            except OSError:
                return None
            self._secret = secret
            return secret
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size != 32 or \
                    info.st_mode & 0o077 or \
                    (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
                return None
            secret = os.read(fd, 33)
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(secret) != 32:
            return None
        self._secret = secret
        return secret

    def get(self, key: str, typ: Any) -> Any:
        if self.folder is None:
            return None
        secret = self._key_file(create=False)
        if secret is None:
            return None
        try:
            fd = os.open(self.folder / key, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            return None
        try:
            data = os.read(fd, MAX_FILE_BYTES * 8)
        except OSError:
            return None
        finally:
            os.close(fd)
        mac, payload = data[:self.MAC_SIZE], data[self.MAC_SIZE:]
        if self._mac(secret, key, payload) != mac:
            return None
        try:
            return msgspec.msgpack.decode(payload, type=typ)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        secret = self._key_file(create=True)
        if secret is None:
            return
        payload = msgspec.msgpack.encode(value)
        tmp = self.folder / f".{key}.{os.urandom(8).hex()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(self._mac(secret, key, payload) + payload)
            os.replace(tmp, self.folder / key)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass


_SCHEMA = "8"  # bump when the models or the validation rules change
_TargetsModel = tuple[Resolution, dict[str, Metric], tuple[Target, ...]]


def cache_folder(env: Mapping[str, str]) -> Path | None:
    """$BKIND_CACHE_DIR, else $XDG_CACHE_HOME/bkind or ~/.cache/bkind; none when
    BKIND_NO_CACHE is set."""
    if env.get("BKIND_NO_CACHE"):
        return None
    if env.get("BKIND_CACHE_DIR"):
        return Path(env["BKIND_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bkind"


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
    store = _Cache(cache)
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
    actuals_dir = root / "actuals"
    try:
        entries = sorted(actuals_dir.iterdir()) if actuals_dir.is_dir() else None
    except OSError as exc:
        entries = []
        problems.append(Problem.of(shown("actuals"), None, msg(
            "err.cannot_read", reason=exc.strerror or str(exc))))
    if entries is None:
        problems.append(Problem.of(shown("actuals"), None, msg("err.folder_not_found")))
    else:
        if (actuals_dir / ".bkind.journal").exists():
            problems.append(Problem.of(shown(os.path.join("actuals", ".bkind.journal")),
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
            key = store.key(b"actuals", targets_bytes, rel.encode(), text.encode("utf-8"))
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
    if not problems:
        from bkind.core.slips import find_slips

        problems.extend(s.problem() for s in find_slips(metrics, years))
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

