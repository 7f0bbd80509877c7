"""Where a build's time goes: cProfile of one real build, summarised for the report."""

from __future__ import annotations

import os
import pstats
import subprocess
import sys
from pathlib import Path
from typing import Any


def profile_build(project: Path, site_dir: Path, out: Path, top: int = 12) -> dict[str, Any]:
    """Profile ``mkdocs build`` of ``project``; return the costliest functions of ours.

    "Ours" is anything under the project's ``macros/`` folder (its cumulative time includes
    the YAML loading and Jinja compiling it calls); PyYAML's own functions are listed too.
    Jinja is left out: most of its time is Material rendering the pages.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"]
    cmd += ["--strict", "--quiet", "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": (proc.stdout + proc.stderr)[-2000:]}
    stats = pstats.Stats(str(out))
    raw: Any = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_cc, _nc, _tt, ct, _callers) in raw.values())
    macros_dir = str(project / "macros")
    rows = []
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        mine = filename.startswith(macros_dir)
        lib = "/yaml/" in filename
        if mine or lib:
            where = filename.replace(macros_dir, "macros") if mine else filename.split("/")[-2:]
            rows.append(
                {
                    "function": f"{'/'.join(where) if isinstance(where, list) else where}"
                    f":{line}({name})",
                    "calls": ncalls,
                    "own_s": round(tottime, 4),
                    "cumulative_s": round(cumtime, 4),
                }
            )
    rows.sort(key=lambda r: r["cumulative_s"], reverse=True)
    return {"total_s": round(total, 3), "top": rows[:top]}
