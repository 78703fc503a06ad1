"""One catalogue of human-facing strings (English, Vietnamese) and number formatting.

JSON and CSV field names and status codes never go through here: they stay SPEC's.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

LANGS = ("en", "vi")

STATUS_SYMBOLS = {
    "achieved": "✔",
    "on_track": "●",
    "acceleration_needed": "▲",
    "limited_progress": "◐",
    "deterioration": "▼",
    "missed": "✘",
    "insufficient_data": "?",
    "discontinued": "⊘",
}

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")


class _Compiled(msgspec.Struct, frozen=True):
    stamp: tuple[int, int]  # the catalogue file's size and CRC-32
    catalogue: dict[str, dict[str, str]]


def load_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, dict[str, str]]:
    """The catalogue file, {key: {language: text}}.

    Parsing its TOML takes about 20 ms, too much for every start-up, so, as Python does
    with a module's bytecode, a JSON copy is kept in `__pycache__/` and read instead
    (0.3 ms) while the file's size and CRC-32 are the ones it was made from. Where that
    folder cannot be written (or PYTHONDONTWRITEBYTECODE is set), the TOML is parsed on
    every run."""
    data = path.read_bytes()
    stamp = (len(data), zlib.crc32(data))
    compiled = path.parent / "__pycache__" / f"{path.name}.json"
    try:
        saved = msgspec.json.decode(compiled.read_bytes(), type=_Compiled)
        if saved.stamp == stamp:
            return saved.catalogue
    except (OSError, msgspec.DecodeError):
        pass
    import tomllib

    catalogue: dict[str, dict[str, str]] = tomllib.loads(data.decode("utf-8"))
    if not sys.dont_write_bytecode:
        temp = compiled.with_name(f"{compiled.name}.{os.getpid()}.tmp")
        try:
            compiled.parent.mkdir(exist_ok=True)
            temp.write_bytes(msgspec.json.encode(_Compiled(stamp, catalogue)))
            os.replace(temp, compiled)
        except OSError:
            temp.unlink(missing_ok=True)
    return catalogue


# the human strings, in bkind/catalogue.toml (its header says how to add one)
CATALOGUE = load_catalogue()


def t(key: str, lang: str, /, **params: Any) -> str:
    """The catalogue text for `key` in `lang`, with `params` filled in."""
    entry = CATALOGUE[key]
    return entry.get(lang, entry["en"]).format(**params)


_VI_NAMES = {"vi", "vn", "vie", "viet", "vietnamese", "tieng viet", "tiếng việt", "tv"}
_EN_NAMES = {"en", "eng", "english", "tieng anh", "tiếng anh"}


def lang_code(value: str) -> str:
    """`vi` for the ways people name Vietnamese (vn, vi_VN.UTF-8, Tiếng Việt), `en` for
    English; anything else as given (refused by the caller)."""
    key = value.strip().lower().replace("-", "_")
    if key in _VI_NAMES or key.startswith(("vi_", "vn_")):
        return "vi"
    if key in _EN_NAMES or key.startswith("en_"):
        return "en"
    return value


def detect_lang(option: str | None, env: Mapping[str, str]) -> str:
    """--lang, then BKIND_LANG, then LC_ALL / LC_MESSAGES / LANG starting with `vi`."""
    for value in (option, env.get("BKIND_LANG")):
        if value:
            return lang_code(value)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def fmt_number(x: float, lang: str, digits: int = 2, trim: bool = True) -> str:
    """2,023.72 in English, 2.023,72 in Vietnamese; trailing zeros dropped (kept with
    `trim=False`: a value shown beside its range has the range's precision, 9,90%)."""
    text = f"{x:,.{digits}f}"
    if "." in text and trim:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if text.startswith("-") and not text.strip("-0.,"):  # -0.00 kept as 0.00
        text = text[1:]
    if lang == "vi":
        text = text.translate({ord(","): ".", ord("."): ","})
    return text


def fmt_percent(x: float, lang: str, digits: int = 2, sign: bool = False,
                trim: bool = True) -> str:
    """A fraction as a percent: 0.1103 -> 11.03% (11,03% in Vietnamese)."""
    text = fmt_number(x * 100, lang, digits, trim)
    if sign and x > 0:
        text = "+" + text
    return text + "%"


def fmt_date(iso: str | None, lang: str) -> str:
    """ISO dates (or YYYY-MM) as a Vietnamese document writes them: a month as 6/2025
    (never 06/2025, as in "tháng 6/2025"); a day as 01/7/2025, the day in two digits and
    the month in two only for January and February (Nghị định 30/2020/NĐ-CP's rule, so
    that 1 and 2 cannot be turned into 11 and 12: 05/01/2025, 13/6/2025)."""
    if not iso:
        return ""
    if lang != "vi":
        return iso
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return iso
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    if day is None:
        return f"{int(month)}/{year}"
    month_text = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
    return f"{day}/{month_text}/{year}"
