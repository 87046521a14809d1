"""Ratios of vnsister.load() and vnsister.validate() to plain pandas.read_csv and to `frictionless validate`.

    python benchmarks/bench_load_validate.py [--sizes 1000 100000 1000000] [--skip-frictionless-above N]

Everything is timed in the same run (machines here are noisy): the baseline is measured next to each
measurement and only ratios are compared. Frictionless is row-by-row Python and slow on large packages,
so above --skip-frictionless-above ties its ratio is not measured.
"""

from __future__ import annotations

import argparse
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
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def read_plain(root: Path) -> None:
    for name in TABLES:
        pd.read_csv(root / resource(name, root)["path"])


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
    measure("shipped dataset", REPO, True, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = write_synthetic_package(Path(tmp) / f"n{size}", size)
            measure(f"synthetic {size:,} ties", root, size <= args.skip_frictionless_above,
                    args.repeat if size <= 100_000 else 1)


if __name__ == "__main__":
    main()
