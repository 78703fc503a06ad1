"""A wheel-build step: the catalogue's parsed copy goes into the wheel beside
`bkind/catalogue.toml`, where `bkind/i18n.py` looks for it, so an installed bkind neither
parses the TOML at start-up (about 20 ms) nor writes into its own folder."""

from __future__ import annotations

import json
import shutil
import tempfile
import tomllib
import zlib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CATALOGUE = "bkind/catalogue.toml"
COMPILED = "bkind/__pycache__/catalogue.toml.json"


def compiled(data: bytes) -> bytes:
    """What `bkind.i18n.load_catalogue` writes for a catalogue file of these bytes."""
    return json.dumps({"stamp": [len(data), zlib.crc32(data)],
                       "catalogue": tomllib.loads(data.decode("utf-8"))},
                      ensure_ascii=False).encode("utf-8")


class CatalogueHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._temp: Path | None = None
        if self.target_name != "wheel" or version == "editable":
            return  # a checkout writes its own copy on its first run
        self._temp = Path(tempfile.mkdtemp())
        out = self._temp / "catalogue.toml.json"
        out.write_bytes(compiled((Path(self.root) / CATALOGUE).read_bytes()))
        build_data["force_include"][str(out)] = COMPILED

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
