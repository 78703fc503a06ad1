"""What the fast YAML path (`bkind/io/fastyaml.py`) buys, measured in one run.

On the generated national workspace of `bench_status.py` (2,000 metrics x 30 years,
60,000 values, 2.7 MB of YAML), without the cache (a first run, or files just edited):

(a) in-process reading of every file: the fast path, then PyYAML alone (the loader with
    the fast path turned off), best of 3;
(b) `bkind status --format json` cold, with and without the fast path, as ratios to the
    framework floor (`python -c "import typer, rich.table, yaml"`), medians.

Run: python bench/bench_fastyaml.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_status import ENV, make_workspace, wall  # noqa: E402

RUN = ("import sys; sys.argv = ['bkind', *sys.argv[1:]]; {off}"
       "from bkind.cli import main; main()")
OFF = "import bkind.io.fastyaml as f; f.read = lambda text: None; "


def read_all(texts: list[tuple[str, str]], fast: bool) -> float:
    import bkind.io.fastyaml as fastyaml
    from bkind.io.yaml12 import parse_yaml

    real = fastyaml.read
    if not fast:
        fastyaml.read = lambda text: None  # type: ignore[assignment]
    fastyaml._shared.clear()  # scalars typed afresh, as in a new process
    try:
        start = time.perf_counter()
        for name, text in texts:
            assert parse_yaml(name, text, []) is not None
        return time.perf_counter() - start
    finally:
        fastyaml.read = real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        large = make_workspace(Path(tmp) / "large", 2000, 30)
        texts = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(large.rglob("*.yaml"))]
        size = sum(len(t.encode()) for _, t in texts)
        fast = min(read_all(texts, True) for _ in range(3))
        slow = min(read_all(texts, False) for _ in range(3))
        print(f"(a) reading {len(texts)} files ({size / 1e6:.1f} MB): fast path "
              f"{fast * 1000:.0f} ms, PyYAML alone {slow * 1000:.0f} ms ({slow / fast:.1f}x)")
        ENV["BKIND_NO_CACHE"] = "1"
        base_cmd = [py, "-c", "import typer, rich.table, yaml"]
        cmd = ["status", "-f", "json", "-w", str(large)]
        with_cmd = [py, "-c", RUN.format(off=""), *cmd]
        without_cmd = [py, "-c", RUN.format(off=OFF), *cmd]
        wall(with_cmd, tmp)  # bytecode
        floor, on, off = [], [], []
        for _ in range(args.runs):
            floor.append(wall(base_cmd, tmp))
            on.append(wall(with_cmd, tmp))
            off.append(wall(without_cmd, tmp))
        f, a, b = (statistics.median(x) for x in (floor, on, off))
        print(f"(b) status -f json, 2000x30 cold, floor {f * 1000:.0f} ms: with the fast path "
              f"{a * 1000:.0f} ms (ratio {a / f:.2f}), without {b * 1000:.0f} ms "
              f"(ratio {b / f:.2f})")


if __name__ == "__main__":
    main()
