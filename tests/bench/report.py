"""Budgets and the Markdown report from the benchmark's figures."""

from __future__ import annotations

from typing import Any

#: Quiz JS + CSS, gzip, in bytes (5 KB = 5 x 1024).
ASSET_BUDGET = 5 * 1024
OVERHEAD_BUDGET = 1.2
LINEAR_BUDGET_PCT = 5.0


def _get(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def budgets(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Each budget with its figure and whether it holds (``None``: not measured)."""
    out = []
    gz = _get(r, "weight", "assets", "total", "gzip")
    out.append(
        {
            "name": "Quiz JS + CSS <= 5 KB gzip",
            "figure": f"{gz} B" if gz is not None else "n/a",
            "ok": None if gz is None else gz <= ASSET_BUDGET,
        }
    )
    ours, theirs = (
        _get(r, "weight", "ours", "total_gzip"),
        _get(r, "weight", "mkdocs-quiz", "total_gzip"),
    )
    out.append(
        {
            "name": "Quiz page no heavier than mkdocs-quiz (gzip, page + quiz assets)",
            "figure": f"{ours} B vs {theirs} B" if ours and theirs else "n/a",
            "ok": None if not (ours and theirs) else ours <= theirs,
        }
    )
    lh = r.get("lighthouse")
    if lh:
        below = [
            f"{page} {cat} {score}"
            for page, f in lh.items()
            for cat, score in f["scores"].items()
            if score < 100
        ]
        out.append(
            {
                "name": "Lighthouse 100 x 4 categories x 3 pages",
                "figure": "all 100" if not below else ", ".join(below),
                "ok": not below,
            }
        )
    else:
        out.append({"name": "Lighthouse 100 x 4 categories x 3 pages", "figure": "n/a", "ok": None})
    # CPU time: wall time on a shared 2-core machine moves with whatever else runs.
    ratio = _get(r, "overhead", "cpu_ratio_median")
    calls = _get(r, "overhead", "quizzes_replaced")
    out.append(
        {
            "name": "Macro overhead <= 1.2x the plain build",
            "figure": f"{ratio:.3f}x CPU time ({calls} quiz call(s))" if ratio else "n/a",
            "ok": None if not ratio or not calls else ratio <= OVERHEAD_BUDGET,
        }
    )
    # The budget guards against growth worse than linear (a quadratic step in the build):
    # a largest build that lands below the line grows more slowly than linear, which is fine.
    dev = _get(r, "growth", "deviation_pct_of_last_from_line")
    out.append(
        {
            "name": "Largest quiz-count build at most 5% above linear",
            "figure": f"{dev:+.1f}%" if dev is not None else "n/a",
            "ok": None if dev is None else dev <= LINEAR_BUDGET_PCT,
        }
    )
    return out


def _kb(n: int | None) -> str:
    return "n/a" if n is None else f"{n:,} B ({n / 1024:.1f} KB)"


def _weight_rows(w: dict[str, Any]) -> list[str]:
    rows = ["| | ours | mkdocs-quiz |", "|---|---:|---:|"]
    for label, key in (("page HTML", "html"), ("quiz JS", "quiz_js"), ("quiz CSS", "quiz_css")):
        for kind in ("raw", "gzip"):
            a, b = _get(w, "ours", key, kind), _get(w, "mkdocs-quiz", key, kind)
            rows.append(f"| {label}, {kind} | {_kb(a)} | {_kb(b)} |")
    rows.append(
        f"| **page total, gzip** (HTML + quiz JS + CSS) | **{_kb(_get(w, 'ours', 'total_gzip'))}** "
        f"| **{_kb(_get(w, 'mkdocs-quiz', 'total_gzip'))}** |"
    )
    rows.append(
        f"| page total, raw | {_kb(_get(w, 'ours', 'total_raw'))} "
        f"| {_kb(_get(w, 'mkdocs-quiz', 'total_raw'))} |"
    )
    return rows


def _lighthouse_rows(lh: dict[str, Any]) -> list[str]:
    rows = [
        "| page | perf | a11y | best pr. | SEO | LCP | TBT | CLS | total bytes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, f in lh.items():
        s = f["scores"]
        rows.append(
            f"| {name} (`{f['url_path']}`) | {s['performance']} | {s['accessibility']} "
            f"| {s['best-practices']} | {s['seo']} | {f.get('lcp_ms', 0):.0f} ms "
            f"| {f.get('tbt_ms', 0):.0f} ms | {f.get('cls', 0):.3f} | {_kb(f.get('total_bytes'))} |"
        )
    first = next(iter(lh.values()))
    all_runs = ", ".join(f"{name} {f.get('performance_runs')}" for name, f in lh.items())
    rows += [
        "",
        f"Median run of {len(first.get('performance_runs', [1]))} per page by performance "
        f"score (performance of every run: {all_runs}); Lighthouse "
        f"{first.get('lighthouse_version')}, benchmarkIndex {first.get('benchmark_index')}.",
    ]
    failing = {k: v for f in lh.values() for k, v in f.get("failing_audits", {}).items()}
    if failing:
        rows += [
            "",
            "Audits below full marks: "
            + "; ".join(
                f"`{k}` ({v['category']}, {v['score']}): {v['title']}" for k, v in failing.items()
            ),
        ]
    return rows


def markdown(r: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    m = r.get("machine", {})
    lines = [
        "# Benchmark report",
        "",
        f"Machine: {m.get('cores')} cores, {m.get('cpu')}, {m.get('ram_gib')} GiB RAM; "
        f"{m.get('os')}; Python {m.get('python')}, MkDocs {m.get('mkdocs')}, Material "
        f"{m.get('mkdocs-material')}, {m.get('chromium')}, Node {m.get('node')}; "
        f"commit {m.get('git_commit')}.",
        f"Self-reflection quiz: {r.get('quiz_source')} ({r.get('quiz_items')} statements).",
        "",
        "## Budgets",
        "",
        "| budget | figure | holds |",
        "|---|---|---|",
    ]
    for b in r.get("budgets", []):
        verdict = {True: "yes", False: "**NO**", None: "not measured"}[b["ok"]]
        lines.append(f"| {b['name']} | {b['figure']} | {verdict} |")
    o = r.get("overhead")
    if o:
        lines += [
            "",
            "## Build time",
            "",
            f"Whole `mkdocs build --strict` in a fresh process, {len(o['real']['runs'])} "
            "alternating runs each, wall time and CPU time (user + system).",
            "",
            "| site | median | min |",
            "|---|---:|---:|",
            f"| real site | {o['real']['median']:.3f} s | {o['real']['min']:.3f} s |",
            f"| same, {o['quizzes_replaced']} quiz call(s) replaced by plain text "
            f"| {o['plain']['median']:.3f} s | {o['plain']['min']:.3f} s |",
            f"| **ratio** | {o['ratio_median']:.3f}x | {o['ratio_min']:.3f}x |",
            f"| real site, CPU time | {o['real_cpu']['median']:.3f} s "
            f"| {o['real_cpu']['min']:.3f} s |",
            f"| plain site, CPU time | {o['plain_cpu']['median']:.3f} s "
            f"| {o['plain_cpu']['min']:.3f} s |",
            f"| **ratio, CPU time** (the budget) | **{o['cpu_ratio_median']:.3f}x** "
            f"| {o['cpu_ratio_min']:.3f}x |",
        ]
    e = r.get("engines")
    if e:
        lines += ["", "| engine (real site, strict, fresh process) | median | min | CPU median |"]
        lines += ["|---|---:|---:|---:|"]
        lines += [
            f"| {name} | {e[key]['median']:.3f} s | {e[key]['min']:.3f} s "
            f"| {e[key + '_cpu']['median']:.3f} s |"
            for name, key in (("MkDocs + Material", "mkdocs"), ("Zensical", "zensical"))
        ]
    g = r.get("growth")
    if g:
        lines += ["", "| quiz pages added | build CPU time (min) |", "|---:|---:|"]
        lines += [f"| {c} | {s:.3f} s |" for c, s in zip(g["counts"], g["seconds"], strict=True)]
        lines += [
            "",
            f"Line through the first two points: {g['ms_per_quiz_page']:.2f} ms per quiz page "
            f"+ {g['intercept_s']:.3f} s; the last point is "
            f"{g['deviation_pct_of_last_from_line']:+.1f}% off that line (least squares: "
            f"{g['least_squares']['ms_per_quiz_page']:.2f} ms per quiz page).",
        ]
    p = r.get("profile")
    if p and p.get("top"):
        lines += [
            "",
            f"Profile of one real build ({p['total_s']} s under cProfile), costliest "
            "quiz-side functions:",
            "",
            "| function | calls | own | cumulative |",
            "|---|---:|---:|---:|",
        ]
        lines += [
            f"| `{t['function']}` | {t['calls']} | {t['own_s']} s | {t['cumulative_s']} s |"
            for t in p["top"]
        ]
    w = r.get("weight")
    if w:
        lines += [
            "",
            "## Weight, side by side with mkdocs-quiz",
            "",
            "The same statements on the same page of the same site; mkdocs-quiz "
            "inlines its JS and CSS into the page.",
            "",
        ]
        lines += _weight_rows(w)
        if w.get("real_page"):
            lines += [
                "",
                f"Real quiz page `{w['real_page']['page']}`: HTML "
                f"{_kb(w['real_page']['html']['gzip'])} gzip.",
            ]
    b = r.get("browser")
    if b:
        axe = b["axe"]
        lines += [
            "",
            "## Browser",
            "",
            f"axe violations: ours {axe['ours']['count']} {axe['ours']['rules'] or ''}, "
            f"mkdocs-quiz {axe['mkdocs-quiz']['count']} {axe['mkdocs-quiz']['rules'] or ''}.",
        ]
        s = b["submit_to_result"]
        if "error" in s:
            lines.append(f"Submit to result: {s['error']}")
        else:
            lines.append(
                f"Submit to result, {s['answered']} statements answered, median of {s['runs']}: "
                f"{s['dom_ms']['median']:.1f} ms to the result in the page, "
                f"{s['painted_ms']['median']:.1f} ms to the next frame."
            )
    if r.get("lighthouse"):
        lines += ["", "## Lighthouse (mobile preset, gzip, 127.0.0.1)", ""]
        lines += _lighthouse_rows(r["lighthouse"])
    if r.get("errors"):
        lines += ["", "## Errors", ""]
        lines += [f"- {k}: `{v.splitlines()[0]}`" for k, v in r["errors"].items()]
    lines += ["", "Reproduce: `make bench` (figures in `.bench/report.json`).", ""]
    return "\n".join(lines)
