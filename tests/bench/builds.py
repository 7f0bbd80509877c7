"""Build timing: the real site against the same site without quizzes, and growth with N quizzes.

Each build is a whole ``python -m mkdocs build --strict`` in a fresh process, as a person or
CI runs it, so interpreter start-up and imports are part of every figure. ``engines`` also
times the same site built by Zensical (``make build ENGINE=zensical``).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench import fixtures
from tests.harness import copy_project


class BenchBuildError(RuntimeError):
    """A benchmark build failed; the message holds mkdocs' output."""


def timed_build(
    project: Path,
    site_dir: Path,
    config: str = "mkdocs.yml",
    python: str = "",
    cpu: bool = False,
    engine: str = "mkdocs",
) -> float:
    """Build ``project`` into ``site_dir`` with ``--strict``; return its wall time (s).

    With ``cpu=True``, return the CPU time (user + system) of the build process instead:
    on a shared 2-core machine it barely moves when other work runs at the same time.
    ``engine="zensical"`` builds with Zensical instead, from a clean cache, into
    ``project/site`` (Zensical has no ``-d``; ``site_dir`` is not used).
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    cmd = [python or sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["-f", config, "-d", str(site_dir)]
    if engine == "zensical":
        cmd = [python or sys.executable, "-m", "macros", "build", "--strict", "--clean"]
        cmd += ["-f", config]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise BenchBuildError(f"build of {project} failed:\n{proc.stdout}{proc.stderr}")
    if cpu:
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed


@dataclass
class Timing:
    """Repeated wall times of one build, in seconds."""

    runs: list[float]

    @property
    def median(self) -> float:
        """Median of the runs."""
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        """Fastest run (least disturbed by the rest of the machine)."""
        return min(self.runs)

    def as_dict(self) -> dict[str, Any]:
        """Figures for the JSON file."""
        return {"runs": [round(r, 4) for r in self.runs], "median": self.median, "min": self.best}


def overhead(work: Path, repeats: int) -> dict[str, Any]:
    """Real site vs the same site with every ``quiz()`` call replaced by plain text.

    The two builds alternate, so a slow moment of the machine hits both alike.
    """
    real = copy_project(work / "real")
    plain = copy_project(work / "plain")
    calls = fixtures.quiz_calls(real)
    replaced = fixtures.strip_quizzes(plain)
    timed_build(real, work / "real-site")  # warm the file cache and .pyc files once
    timed_build(plain, work / "plain-site")
    runs: dict[str, list[float]] = {"real": [], "plain": [], "real_cpu": [], "plain_cpu": []}
    for _ in range(repeats):
        for name, project in (("real", real), ("plain", plain)):
            runs[name].append(timed_build(project, work / f"{name}-site"))
            runs[f"{name}_cpu"].append(timed_build(project, work / f"{name}-site", cpu=True))
    t = {name: Timing(values) for name, values in runs.items()}
    return {
        "quiz_calls": calls,
        "quizzes_replaced": replaced,
        **{name: timing.as_dict() for name, timing in t.items()},
        "ratio_median": t["real"].median / t["plain"].median,
        "ratio_min": t["real"].best / t["plain"].best,
        "cpu_ratio_median": t["real_cpu"].median / t["plain_cpu"].median,
        "cpu_ratio_min": t["real_cpu"].best / t["plain_cpu"].best,
        "site_dir": str(work / "real-site"),
    }


def engines(work: Path, repeats: int) -> dict[str, Any]:
    """Wall and CPU time of the real site built by MkDocs and by Zensical, alternating."""
    project = copy_project(work / "engines")
    names = ("mkdocs", "zensical")
    for engine in names:  # warm the file cache and .pyc files once
        timed_build(project, work / "engines-site", engine=engine)
    runs: dict[str, list[float]] = {f"{n}{kind}": [] for n in names for kind in ("", "_cpu")}
    for _ in range(repeats):
        for engine in names:
            runs[engine].append(timed_build(project, work / "engines-site", engine=engine))
            cpu = timed_build(project, work / "engines-site", cpu=True, engine=engine)
            runs[f"{engine}_cpu"].append(cpu)
    return {name: Timing(values).as_dict() for name, values in runs.items()}


@dataclass
class Growth:
    """Build time against the number of quiz pages, and how far 500 is from a line."""

    counts: list[int]
    seconds: list[float]

    def line_through_first_two(self) -> tuple[float, float]:
        """Slope and intercept of the line through the first two points."""
        (x0, x1), (y0, y1) = self.counts[:2], self.seconds[:2]
        slope = (y1 - y0) / (x1 - x0)
        return slope, y0 - slope * x0

    def least_squares(self) -> tuple[float, float]:
        """Slope and intercept of the least-squares line through all points."""
        n = len(self.counts)
        mx, my = sum(self.counts) / n, sum(self.seconds) / n
        sxx = sum((x - mx) ** 2 for x in self.counts)
        sxy = sum((x - mx) * (y - my) for x, y in zip(self.counts, self.seconds, strict=True))
        slope = sxy / sxx
        return slope, my - slope * mx

    def deviation_of_last(self) -> float:
        """% by which the last point is above (+) or below (-) the line of the first two."""
        slope, intercept = self.line_through_first_two()
        predicted = slope * self.counts[-1] + intercept
        return 100.0 * (self.seconds[-1] - predicted) / predicted

    def as_dict(self) -> dict[str, Any]:
        """Figures for the JSON file."""
        slope, intercept = self.line_through_first_two()
        ls_slope, ls_intercept = self.least_squares()
        return {
            "counts": self.counts,
            "seconds": self.seconds,
            "ms_per_quiz_page": 1000 * slope,
            "intercept_s": intercept,
            "deviation_pct_of_last_from_line": self.deviation_of_last(),
            "least_squares": {"ms_per_quiz_page": 1000 * ls_slope, "intercept_s": ls_intercept},
        }


def growth(work: Path, counts: list[int], quiz: dict[str, Any], repeats: int) -> Growth:
    """Best-of-``repeats`` build CPU time of the site with each number of extra quiz pages."""
    seconds = []
    for count in counts:
        project = fixtures.scale_project(work / f"scale-{count}", count, quiz)
        out = work / f"scale-{count}-site"
        runs = [timed_build(project, out, fixtures.BENCH_CONFIG, cpu=True) for _ in range(repeats)]
        seconds.append(min(runs))
    return Growth(counts, seconds)
