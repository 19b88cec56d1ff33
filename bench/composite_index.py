#!/usr/bin/env python
"""Benchmark the composite-index engine at 408 units × 60 indicators; write its section of docs/benchmarks.md.

    .venv/bin/python bench/composite_index.py [--units 408] [--runs 15] [--replications 1000]
    (or: make bench-composite)

Everything runs in this process, without a database: the engine (creative_cities.composite)
is a library of its own. Synthetic data, seeded: the same every run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
# The script's own directory would shadow top-level modules; the repository root is what we need.
sys.path[0] = str(ROOT)

from bench.common import REPORT, code_fingerprint, log, write_section  # noqa: E402 - after the path fix above

COMPUTE_TARGET_S = 0.5
UNCERTAINTY_TARGET_S = 10.0
SUB_INDICES, DIMENSIONS_EACH, INDICATORS_EACH = 3, 4, 5
MISSING_SHARE = 0.05
SEED = 2024


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=408, help="Units (default 408).")
    parser.add_argument("--runs", type=int, default=15, help="Timed runs of compute() and analyse() (default 15).")
    parser.add_argument("--uncertainty-runs", type=int, default=3, help="Timed runs of uncertainty() (default 3).")
    parser.add_argument("--replications", type=int, default=1000, help="Monte Carlo evaluations (default 1,000).")
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    return parser.parse_args(argv)


def synthetic_framework():
    from creative_cities.composite import Framework, Node

    nodes = [Node("index", "Index", None)]
    for s in range(1, SUB_INDICES + 1):
        nodes.append(Node(f"S{s}", f"Sub-index {s}", "index"))
        for d in range(1, DIMENSIONS_EACH + 1):
            dimension = f"S{s}D{d}"
            nodes.append(Node(dimension, f"Dimension {s}.{d}", f"S{s}"))
            for i in range(1, INDICATORS_EACH + 1):
                # One indicator in five is "less is better" (a cost, a gap), weights vary a little.
                nodes.append(
                    Node(
                        f"{dimension}I{i}",
                        f"Indicator {s}.{d}.{i}",
                        dimension,
                        weight=1 + (i % 3) / 2,
                        direction=-1 if i == INDICATORS_EACH else 1,
                    )
                )
    return Framework(nodes)


def synthetic_data(framework, units: int, seed: int = SEED) -> pd.DataFrame:
    """Indicators driven by a unit's general level, its sub-index and dimension levels, and noise.

    Half the indicators are log-normal (counts, money: strongly right-skewed), a few have an
    extreme outlier, 5 % of the values are missing at random.
    """
    rng = np.random.default_rng(seed)
    general = rng.normal(size=units)
    columns = {}
    for s in range(1, SUB_INDICES + 1):
        sub = 0.7 * general + 0.7 * rng.normal(size=units)
        for d in range(1, DIMENSIONS_EACH + 1):
            dim = 0.8 * sub + 0.6 * rng.normal(size=units)
            for i in range(1, INDICATORS_EACH + 1):
                code = f"S{s}D{d}I{i}"
                latent = 0.8 * dim + 0.6 * rng.normal(size=units)
                sign = -1 if framework.node(code).direction < 0 else 1
                skewed = i % 2
                values = np.exp(1.0 + 0.9 * sign * latent) if skewed else 50 + 12 * sign * latent
                if i == 2 and d % 2:
                    values[rng.integers(units)] *= 8
                columns[code] = values
    frame = pd.DataFrame(columns, index=[f"unit-{n:03}" for n in range(1, units + 1)])[framework.indicators]
    mask = rng.random(frame.shape) < MISSING_SHARE
    return frame.mask(mask)


def timed(function, runs: int) -> tuple[list[float], object]:
    result = function()  # warm-up: imports, first allocations
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return samples, result


def summary(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "runs": len(samples)}


HOW = """\
## Composite indices

Written by `make bench-composite` (or `.venv/bin/python bench/composite_index.py`).

**How.** The composite-index engine (`creative_cities.composite`, docs/composite-indices.md) is
a library without database or web: it is timed in this process. Synthetic data, seeded (the
same every run): {units} units × {indicators} indicators in {dimensions} dimensions of
{per_dimension}, grouped into {subs} sub-indices and one index. Each indicator follows its
unit's general, sub-index and dimension levels plus noise (so dimensions are coherent, as in a
real index); half are log-normal (strongly right-skewed, like counts and money), a few carry an
extreme outlier, one in five is "less is better", weights vary, {missing:.0%} of the values are
missing at random.

*`compute()`* with the default method (no imputation, winsorisation with log fallback, min-max
0–100, the framework's weights, arithmetic means; the step record included), *`analyse()`*
(correlations, Cronbach's alpha, principal components, warnings) and *`compute()` with k-NN
imputation*: median of {runs} runs after one warm-up. *`uncertainty()`* with the default
choices (imputation none/mean/k-NN, outliers winsorised or not, normalisation
min-max/z-score/rank, arithmetic or geometric means, weights × U(0.75, 1.25) per level) and
{replications:,} evaluations asked for: median of {uncertainty_runs} runs, each from scratch
(the cached normalisations rebuilt).

**Targets** (composite-index issue): `compute()` under {compute_target} s, `uncertainty()` with
1,000 evaluations well under {uncertainty_target:.0f} s, on one core.
"""


def main(argv=None) -> int:
    args = parse_args(argv)
    from bench import report
    from creative_cities.composite import Method, analyse, compute, uncertainty

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    framework = synthetic_framework()
    data = synthetic_data(framework, args.units)
    log(f"{args.units} units × {len(framework.indicators)} indicators, {int(data.isna().sum().sum())} missing values")

    compute_s, result = timed(lambda: compute(data, framework), args.runs)
    log(f"  compute() median {statistics.median(compute_s) * 1000:.0f} ms")
    analyse_s, stats = timed(lambda: analyse(result, framework), args.runs)
    log(f"  analyse() median {statistics.median(analyse_s) * 1000:.0f} ms")
    knn_s, _ = timed(lambda: compute(data, framework, Method(imputation="knn")), args.runs)
    log(f"  compute(k-NN) median {statistics.median(knn_s) * 1000:.0f} ms")
    cpu = time.process_time()
    uncertainty_s, mc = timed(
        lambda: uncertainty(data, framework, replications=args.replications), args.uncertainty_runs
    )
    mc_cpu = (time.process_time() - cpu) / (args.uncertainty_runs + 1)
    log(f"  uncertainty() median {statistics.median(uncertainty_s):.2f} s, {mc.replications} evaluations")

    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Run time": f"{duration:.0f} s"})
    info["Date"] = date
    figures = {
        "compute": summary(compute_s),
        "analyse": summary(analyse_s),
        "knn": summary(knn_s),
        "uncertainty": summary(uncertainty_s),
    }
    found = write_report(
        args.output,
        info=info,
        figures=figures,
        result=result,
        stats=stats,
        mc=mc,
        mc_cpu=mc_cpu,
        args=args,
        framework=framework,
    )
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


def write_report(path: Path, *, info, figures, result, stats, mc, mc_cpu, args, framework) -> list[tuple]:
    found = [
        (
            f"`compute()` median under {COMPUTE_TARGET_S} s at {args.units} × {len(framework.indicators)}",
            figures["compute"]["median"] < COMPUTE_TARGET_S,
            f"{figures['compute']['median'] * 1000:.0f} ms",
        ),
        (
            f"`uncertainty()` with {args.replications:,} evaluations asked under {UNCERTAINTY_TARGET_S:.0f} s",
            figures["uncertainty"]["median"] < UNCERTAINTY_TARGET_S,
            f"{figures['uncertainty']['median']:.2f} s ({mc.replications:,} evaluations)",
        ),
    ]
    options = {
        "units": args.units,
        "indicators": len(framework.indicators),
        "dimensions": SUB_INDICES * DIMENSIONS_EACH,
        "per_dimension": INDICATORS_EACH,
        "subs": SUB_INDICES,
        "missing": MISSING_SHARE,
        "runs": args.runs,
        "replications": args.replications,
        "uncertainty_runs": args.uncertainty_runs,
        "compute_target": COMPUTE_TARGET_S,
        "uncertainty_target": UNCERTAINTY_TARGET_S,
    }
    lines = [HOW.format(**options), "### Machine", ""]
    lines += ["| | |", "|---|---|", *[f"| {key} | {value} |" for key, value in info.items()], "", "### Verdict", ""]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    lines += ["", "### Timings", "", "| Measure | median | min | max | runs |", "|---|---:|---:|---:|---:|"]
    for key, label in (
        ("compute", "`compute()`, default method"),
        ("knn", "`compute()`, k-NN imputation"),
        ("analyse", "`analyse()`"),
        ("uncertainty", f"`uncertainty()`, {mc.replications:,} evaluations"),
    ):
        f = figures[key]
        unit, factor = ("s", 1) if key == "uncertainty" else ("ms", 1000)
        digits = 2 if unit == "s" else 0
        lines.append(
            f"| {label} | {f['median'] * factor:.{digits}f} {unit} | {f['min'] * factor:.{digits}f} {unit} "
            f"| {f['max'] * factor:.{digits}f} {unit} | {f['runs']} |"
        )
    counts = pd.Series([step.step for step in result.steps]).value_counts()
    per_evaluation = figures["uncertainty"]["median"] / mc.replications * 1000
    lines += [
        "",
        f"`uncertainty()`: {len(mc.factors)} factors ({', '.join(mc.factors)}), base sample N = {mc.base_samples}, "
        f"N × ({len(mc.factors)} + 2) = {mc.replications:,} evaluations, about {per_evaluation:.2f} ms each "
        f"including the cached normalisations; CPU time per run {mc_cpu:.2f} s.",
        "",
        "The step record of one `compute()`: "
        + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        + f"; `analyse()` raised {len(stats.flags)} warning{'' if len(stats.flags) == 1 else 's'}.",
        "",
        "Sensitivity of the ranks to each choice on these synthetic data (mean absolute rank shift):",
        "",
        "| Choice | S1 | ST |",
        "|---|---:|---:|",
        *[f"| {name} | {row.S1:.2f} | {row.ST:.2f} |" for name, row in mc.sensitivity.iterrows()],
    ]
    write_section(path, "composite", "\n".join(lines))
    return found


if __name__ == "__main__":
    sys.exit(main())
