"""Time the comparison with published figures and the text report against one computation of the time rule.

    python benchmarks/bench_compare.py [--repeat 3]

Every as-of figure goes through the time rule (vnsister.timeline.tie_timeline), which is computed once per state
of the tables and then served from a cache. The baseline, measured in the same run, is one fresh computation of it
on the shipped data (without the cache); each line prints a function's time, the baseline's and their
ratio, so machine noise cancels out. The comparison with published figures counts each finding three times
(lower bound, default rule, upper bound): if it recomputed the time rule for each count, its ratio would be about
three times the number of findings. The series of ties in existence counts three bounds at each year end from
1990 (about 110 counts) from one computation of the rule, so its ratio stays at a few units, not about 110.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_load_validate import timed  # noqa: E402  (median wall time of repeated runs)

import vnsister  # noqa: E402
from vnsister.findings import compare  # noqa: E402
from vnsister.report import text_report  # noqa: E402
from vnsister.timeline import _compute_tie_timeline, count_series  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ds = vnsister.load()
    findings = len(ds.published_findings)
    baseline = timed(lambda: _compute_tie_timeline(ds), args.repeat)
    print(f"data {ds.version}: {len(ds.partnerships)} ties, {findings} published findings")
    print(f"{'function':<28}{'seconds':>9}{'baseline':>10}{'ratio':>8}")
    for name, func in (("compare (all findings)", lambda: compare(ds)),
                       ("count_series (from 1990)", lambda: count_series(ds, first_year=1990)),
                       ("text_report", lambda: text_report(ds))):
        seconds = timed(func, args.repeat)
        print(f"{name:<28}{seconds:>9.3f}{baseline:>10.3f}{seconds / baseline:>8.1f}")


if __name__ == "__main__":
    main()
