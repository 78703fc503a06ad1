"""The cache of validated files: their models as msgpack, keyed by a hash of the bytes
they were validated from, each entry signed with a keyed MAC (the folder may be shared).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from bkind import __version__
from bkind.io.reading import MAX_FILE_BYTES

SCHEMA = "9"  # bump when the models or the validation rules change


def _blake2b(**kw: Any) -> Any:
    try:  # the module behind hashlib.blake2b, without loading OpenSSL's bindings
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover
        from hashlib import blake2b
    return blake2b(**kw)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class Cache:
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
        if self.folder is None:  # no cache: nothing is looked up by the key
            return ""
        digest = _blake2b(digest_size=20)
        digest.update(f"bkind {__version__} {SCHEMA}".encode())
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


def cache_folder(env: Mapping[str, str]) -> Path | None:
    """$BKIND_CACHE_DIR, else $XDG_CACHE_HOME/bkind or ~/.cache/bkind; none when
    BKIND_NO_CACHE is set."""
    if env.get("BKIND_NO_CACHE"):
        return None
    if env.get("BKIND_CACHE_DIR"):
        return Path(env["BKIND_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bkind"
