"""Ratios of `import vnsister`, vnsister.load() and vnsister.validate() to `import pandas`, plain
pandas.read_csv and `frictionless validate`, with peak memory.

    python benchmarks/bench_load_validate.py [--sizes 1000 100000 1000000] [--skip-frictionless-above N]

Everything is timed in the same run (machines here are noisy): the baseline is measured next to each
measurement, each figure is the median of --repeat runs, and only ratios are compared. Peak memory is the
maximum resident set of a fresh process that only loads (or only reads with pandas). Frictionless is
row-by-row Python and slow on large packages, so above --skip-frictionless-above ties it is not measured.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_synthetic_package  # noqa: E402

import vnsister  # noqa: E402
from vnsister.schema import TABLES, resource  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def timed(func, repeat: int = 1) -> float:
    """Median wall time of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def read_plain(root: Path) -> None:
    for name in TABLES:
        pd.read_csv(root / resource(name, root)["path"])


def process_time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def peak_mib(code: str) -> float:
    """Peak resident memory (MiB) of a fresh Python process running ``code``, read by GNU time (a child's own
    ru_maxrss would start from this benchmark's, which fork copies)."""
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", code], check=True,
                          capture_output=True, text=True)
    return int(done.stderr.split()[-1]) / 1024


def measure_import(repeat: int) -> None:
    pandas_s = statistics.median(process_time("import pandas") for _ in range(repeat))
    vnsister_s = statistics.median(process_time("import vnsister") for _ in range(repeat))
    print(f"{'import (whole process)':>22}: pandas {pandas_s:5.2f}s | vnsister {vnsister_s:5.2f}s "
          f"= {vnsister_s / pandas_s:4.2f}x import pandas", flush=True)


def measure_memory(label: str, root: Path) -> None:
    files = [str(root / resource(name, root)["path"]) for name in TABLES]
    plain = peak_mib(f"import pandas as pd\nframes = [pd.read_csv(f) for f in {files!r}]")
    loaded = peak_mib(f"import vnsister\nds = vnsister.load({str(root)!r})")
    print(f"{label:>22}: peak memory read_csv {plain:7.0f} MiB | load {loaded:7.0f} MiB = {loaded / plain:4.2f}x",
          flush=True)


def frictionless_cli(root: Path) -> None:
    subprocess.run([sys.executable, "-m", "frictionless", "validate", str(root / "datapackage.json")],
                   capture_output=True, check=False)


def measure(label: str, root: Path, with_frictionless: bool, repeat: int) -> None:
    plain = timed(lambda: read_plain(root), repeat)
    load = timed(lambda: vnsister.load(root), repeat)
    check = timed(lambda: vnsister.validate(root), repeat)
    line = (f"{label:>22}: read_csv {plain:7.2f}s | load {load:7.2f}s = {load / plain:5.1f}x read_csv"
            f" | validate {check:7.2f}s = {check / plain:5.1f}x read_csv")
    if with_frictionless:
        fric = timed(lambda: frictionless_cli(root))
        line += f" | frictionless {fric:7.2f}s; validate/frictionless = {check / fric:4.2f}x"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--skip-frictionless-above", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"pandas {pd.__version__}; medians of {args.repeat} runs")
    measure_import(max(args.repeat, 5))
    measure("shipped dataset", REPO, True, args.repeat)
    measure_memory("shipped dataset", REPO)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = write_synthetic_package(Path(tmp) / f"n{size}", size)
            measure(f"synthetic {size:,} ties", root, size <= args.skip_frictionless_above,
                    args.repeat if size <= 100_000 else 1)
            measure_memory(f"synthetic {size:,} ties", root)


if __name__ == "__main__":
    main()
