"""Benchmarks for `bkind status`, as ratios measured in the same run (machines are noisy).

Every figure is a ratio to the framework floor, the wall time of
`python -c "import typer, rich.table, yaml"` measured in the same run, runs interleaved,
medians (issue 9's goals):

(a) start-up: `python -m bkind status` on the embedded workspace. Target: <= 1.3.
(b) national scale: `python -m bkind status --format json` on a generated workspace of 2,000
    metrics x 30 years (60,000 values, one target per metric, values with sources), with a
    warm cache (target <= 2.5) and cold, without a cache (target <= 10). A 200 x 30 one is
    measured too: the in-process cost should grow about linearly (10x for 10x the data).

Run: python bench/bench_status.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", "COLUMNS": "100"}
ENV.pop("BKIND_NO_CACHE", None)
# with it set, every edited module is compiled afresh on every run: not what users see
# (pip compiles the installed package once)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def wall(cmd: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - start


def make_workspace(root: Path, metrics: int, years: int) -> Path:
    root.mkdir(parents=True)
    lines = ["resolution:", "  id: BENCH", "  title: {en: Bench, vi: Bench}",
             "  baseline_year: 1996", "metrics:"]
    for i in range(metrics):
        kind = "growth" if i % 2 == 0 else "level"
        lines += [f"  m{i}:", f"    name: {{en: Metric {i}, vi: Chỉ tiêu {i}}}",
                  f"    kind: {kind}", "    prices: constant-2010"]
        if kind == "level":
            lines.append("    unit: bn VND")
    lines.append("targets:")
    last = 1996 + years - 1
    for i in range(metrics):
        if i % 2 == 0:
            lines += [f"  - id: t{i}", "    type: average_growth", f"    metric: m{i}",
                      f"    period: [{last - 4}, {last + 5}]", "    above: 7%"]
        else:
            lines += [f"  - id: t{i}", "    type: level", f"    metric: m{i}",
                      f"    year: {last + 5}", "    at_least: 5000"]
    (root / "targets.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "actuals").mkdir()
    for y in range(1996, 1996 + years):
        out = [f"year: {y}", "values:"]
        for i in range(metrics):
            if i % 2 == 0:
                out.append(f"  m{i}: {{value: {5 + (i + y) % 7}.5%, status: estimate, "
                           f"source: \"bench {y}\"}}")
            else:
                out.append(f"  m{i}: {1000 + 37 * (y - 1996) + i % 100}")
        (root / "actuals" / f"{y}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        ENV["BKIND_CACHE_DIR"] = str(Path(tmp) / "cache")
        base_cmd = [py, "-c", "import typer, rich.table, yaml"]
        status_cmd = [py, "-m", "bkind", "status"]
        wall(status_cmd, tmp)  # warm caches (bytecode)
        base, status = [], []
        for _ in range(args.runs):
            base.append(wall(base_cmd, tmp))
            status.append(wall(status_cmd, tmp))
        b, s = statistics.median(base), statistics.median(status)
        print(f"(a) import baseline {b * 1000:.0f} ms, bkind status {s * 1000:.0f} ms, "
              f"ratio {s / b:.2f} (target <= 1.3)")

        small = make_workspace(Path(tmp) / "small", 200, 30)
        large = make_workspace(Path(tmp) / "large", 2000, 30)
        runs = max(3, args.runs // 3)
        json_cmd = [py, "-m", "bkind", "status", "-f", "json", "-w"]
        wall(json_cmd + [str(large)], tmp)  # fill the cache
        floor, warm, cold = [], [], []
        for _ in range(runs):
            floor.append(wall(base_cmd, tmp))
            warm.append(wall(json_cmd + [str(large)], tmp))
            ENV["BKIND_NO_CACHE"] = "1"
            cold.append(wall(json_cmd + [str(large)], tmp))
            del ENV["BKIND_NO_CACHE"]
        f, w, c = (statistics.median(x) for x in (floor, warm, cold))
        print(f"(b) 2000x30 (60,000 values), floor {f * 1000:.0f} ms: warm cache "
              f"{w * 1000:.0f} ms, ratio {w / f:.2f} (target <= 2.5); cold "
              f"{c * 1000:.0f} ms, ratio {c / f:.2f} (target <= 10)")
        for label, cache in (("warm cache", Path(tmp) / "cache"), ("no cache", None)):
            w_small = min(work(small, cache) for _ in range(3))
            w_large = min(work(large, cache) for _ in range(3))
            print(f"    in-process load+evaluate+render, {label}: 200x30 {w_small * 1000:.0f} ms, "
                  f"2000x30 {w_large * 1000:.0f} ms: {w_large / w_small:.1f}x for 10x the data "
                  f"(linear: about 10)")


def work(root: Path, cache: Path | None) -> float:
    """Load, evaluate and render JSON in this process; seconds."""
    sys.path.insert(0, str(REPO))
    from bkind.core.status import evaluate_all
    from bkind.io.load import load_workspace
    from bkind.render import render
    from bkind.render.views.status import status_view

    start = time.perf_counter()
    ws = load_workspace(root, cache=cache)
    year = ws.latest_year() or ws.resolution.baseline_year
    render(status_view(ws, evaluate_all(ws, year), year, "en"), "json")
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
