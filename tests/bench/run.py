"""``make bench``: measure build time, weight, Lighthouse and interaction in one run.

Usage: ``python -m tests.bench.run --out .bench`` (see ``--help``). Writes
``<out>/report.md`` and ``<out>/report.json``; keeps the builds under ``<out>/work``.
Sections that cannot run are recorded as errors and the command exits 1 after writing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import browser, builds, fixtures, lighthouse, machine, report, weight
from tests.bench.profile import profile_build
from tests.bench.server import serve_gzip
from tests.harness import ROOT

MQ_PYTHON = ROOT / ".bench" / "venv-mkdocs-quiz" / "bin" / "python"
QUIZ_PAGE = "bench/self-reflection/index.html"
REAL_QUIZ_PAGE = "reflect/noticing-my-patterns/index.html"
LESSON_PAGE = "learn/what-is-hyper-independence/"


def _section(results: dict[str, Any], name: str, work: Callable[[], Any]) -> Any:
    """Run one measurement; on failure record the error and go on with the rest."""
    start = time.perf_counter()
    print(f"[bench] {name}...", flush=True)
    try:
        value = work()
    except Exception as exc:  # a failed section must not lose the others' figures
        results.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"[:4000]
        traceback.print_exc()
        return None
    results.setdefault("durations_s", {})[name] = round(time.perf_counter() - start, 1)
    results[name] = value
    return value


def _sites(work: Path, quiz: dict[str, Any], results: dict[str, Any]) -> dict[str, Path]:
    """Build our bench project and the mkdocs-quiz one; return their site folders."""
    sixty = fixtures.fixture_quiz(60, "Sixty statements")
    ours = fixtures.bench_project(work / "ours", quiz, sixty)
    theirs = fixtures.mkdocs_quiz_project(work / "mkdocs-quiz", quiz)
    sites = {"ours": work / "ours-site", "mkdocs-quiz": work / "mkdocs-quiz-site"}
    results["site_build_s"] = {
        "ours": builds.timed_build(ours, sites["ours"], fixtures.BENCH_CONFIG),
        "mkdocs-quiz": builds.timed_build(
            theirs, sites["mkdocs-quiz"], fixtures.BENCH_CONFIG, python=str(MQ_PYTHON)
        ),
    }
    return sites


def _weight(sites: dict[str, Path], has_real: bool) -> dict[str, Any]:
    ours = weight.ours_page(sites["ours"], QUIZ_PAGE)
    reference = (sites["ours"] / QUIZ_PAGE).read_text(encoding="utf-8")
    theirs = weight.mkdocs_quiz_page(sites["mkdocs-quiz"], QUIZ_PAGE, reference)
    out = {
        "assets": weight.quiz_assets(sites["ours"]),
        "ours": ours,
        "mkdocs-quiz": theirs,
        "mkdocs-quiz_extra_files": weight.site_extras(sites["mkdocs-quiz"], sites["ours"]),
    }
    real = sites["ours"] / REAL_QUIZ_PAGE
    if has_real and real.is_file() and "data-quiz=" in real.read_text(encoding="utf-8"):
        out["real_page"] = weight.ours_page(sites["ours"], REAL_QUIZ_PAGE)
    return out


def _browser(sites: dict[str, Path], runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with (
        serve_gzip(sites["ours"]) as ours_url,
        serve_gzip(sites["mkdocs-quiz"]) as theirs_url,
        browser.chromium() as chromium,
    ):
        page = QUIZ_PAGE.removesuffix("index.html")
        out["axe"] = {
            "ours": browser.axe_violations(chromium, ours_url + page),
            "mkdocs-quiz": browser.axe_violations(chromium, theirs_url + page),
        }
        out["submit_to_result"] = browser.submit_to_result(
            chromium, ours_url + "bench/sixty/", runs
        )
    return out


def _lighthouse(site: Path, quiz_page: str, out: Path, runs: int) -> dict[str, Any]:
    pages = {"home": "", "lesson": LESSON_PAGE, "quiz": quiz_page.removesuffix("index.html")}
    results: dict[str, Any] = {}
    with serve_gzip(site) as url:
        for name, path in pages.items():
            results[name] = {"url_path": "/" + path}
            results[name].update(
                lighthouse.median_run(url + path, out / f"lighthouse-{name}", runs)
            )
    return results


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, write the report, return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".bench")
    parser.add_argument("--repeats", type=int, default=7, help="builds of each: real, plain")
    parser.add_argument("--scale", default="10,100,500", help="quiz page counts")
    parser.add_argument("--scale-repeats", type=int, default=3, help="builds per count (min)")
    parser.add_argument("--runs", type=int, default=9, help="submit-to-result runs")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="median of N per page")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args(argv)

    out: Path = args.out.resolve()
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    quiz, has_real = fixtures.self_reflection_quiz()
    results: dict[str, Any] = {
        "machine": machine.describe(),
        "quiz_source": "docs/data/quizzes/noticing-my-patterns.yml" if has_real else "fixture",
        "quiz_items": len(quiz["items"]),
    }
    _section(results, "overhead", lambda: builds.overhead(work / "overhead", args.repeats))
    _section(results, "engines", lambda: builds.engines(work / "engines", args.repeats))
    counts = [int(c) for c in args.scale.split(",")]
    _section(
        results,
        "growth",
        lambda: builds.growth(work / "growth", counts, quiz, args.scale_repeats).as_dict(),
    )
    _section(
        results,
        "profile",
        lambda: profile_build(
            work / "overhead" / "real", work / "profile-site", out / "build.prof"
        ),
    )
    sites = _section(results, "sites", lambda: _sites(work, quiz, results))
    if sites:
        results["sites"] = {k: str(v) for k, v in sites.items()}
        _section(results, "weight", lambda: _weight(sites, has_real))
        _section(results, "browser", lambda: _browser(sites, args.runs))
        if not args.skip_lighthouse:
            page = REAL_QUIZ_PAGE if "real_page" in results.get("weight", {}) else QUIZ_PAGE
            _section(
                results,
                "lighthouse",
                lambda: _lighthouse(sites["ours"], page, out, args.lighthouse_runs),
            )
    results["budgets"] = report.budgets(results)
    (out / "report.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "report.md").write_text(report.markdown(results), encoding="utf-8")
    print(f"[bench] wrote {out / 'report.md'} and {out / 'report.json'}")
    for budget in results["budgets"]:
        print(
            f"[bench] {'PASS' if budget['ok'] else 'FAIL' if budget['ok'] is False else 'N/A '}"
            f" {budget['name']}: {budget['figure']}"
        )
    return 1 if results.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
