"""Lighthouse (npm, pinned in tests/bench/package-lock.json) with the system Chromium.

Mobile preset (Lighthouse's default: a mid-range phone, simulated slow 4G, 4x CPU slowdown).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from tests.harness import ROOT, find_chromium

LIGHTHOUSE = ROOT / "tests" / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--disable-dev-shm-usage"
)
_METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "fcp_ms": "first-contentful-paint",
    "total_bytes": "total-byte-weight",
}


def _chrome_path() -> str:
    """The Chromium binary for Lighthouse: the harness's choice, else Playwright's own."""
    path = find_chromium()
    if path:
        return path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        return str(p.chromium.executable_path)


class LighthouseError(RuntimeError):
    """Lighthouse could not run or gave no report."""


def run(url: str, out: Path) -> dict[str, Any]:
    """Audit ``url``; keep the full JSON report at ``out``; return the figures."""
    if not LIGHTHOUSE.exists():
        raise LighthouseError(f"{LIGHTHOUSE} missing: run `npm ci --prefix tests/bench`")
    env = dict(os.environ, CHROME_PATH=_chrome_path())
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=45000",
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=240)
    if proc.returncode != 0 or not out.is_file():
        raise LighthouseError(
            f"lighthouse {url} failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}"
        )
    return figures(json.loads(out.read_text(encoding="utf-8")))


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """The four category scores (0-100), LCP, TBT, CLS, FCP, total bytes, and what failed."""
    audits = report["audits"]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    metrics = {k: audits[a].get("numericValue") for k, a in _METRICS.items() if a in audits}
    failing = {}
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing[ref["id"]] = {
                    "category": cat,
                    "score": audit["score"],
                    "title": audit.get("title", ""),
                }
    return {
        "scores": scores,
        **metrics,
        "failing_audits": failing,
        "lighthouse_version": report.get("lighthouseVersion"),
        "benchmark_index": (report.get("environment") or {}).get("benchmarkIndex"),
        "warnings": report.get("runWarnings", []),
        "runtime_error": (report.get("runtimeError") or {}).get("message"),
    }


def median_run(url: str, out_stem: Path, runs: int) -> dict[str, Any]:
    """Audit ``url`` ``runs`` times; return the run with the median performance score.

    Lighthouse's own advice for noisy machines: several runs, report the median one.
    """
    results = [run(url, out_stem.with_name(f"{out_stem.name}-{i + 1}.json")) for i in range(runs)]
    results.sort(key=lambda f: (f["scores"]["performance"], -(f.get("tbt_ms") or 0)))
    chosen = dict(results[len(results) // 2])
    chosen["performance_runs"] = [f["scores"]["performance"] for f in results]
    return chosen
