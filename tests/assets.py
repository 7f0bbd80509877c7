"""Make the served quiz and quick-exit files from their readable sources: ``make assets``.

``docs/assets/src/quiz.js``, ``quiz.css``, ``quick-exit.js`` and ``quick-exit.css`` are
written to be read; the site serves them minified (terser, lightningcss from
``tests/minify/``) from ``docs/assets/javascripts/`` and ``docs/assets/stylesheets/``.
The generated files are committed, so any engine (MkDocs or Zensical) serves the same
bytes with no build hook. The fingerprint of each
source goes to ``tests/minify/sources.sha256``; ``tests/test_quiz_assets.py`` fails when a
source changed and ``make assets`` was not run.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / "tests" / "minify" / "node_modules" / ".bin"
FINGERPRINTS = ROOT / "tests" / "minify" / "sources.sha256"
SOURCES = {
    ROOT / "docs" / "assets" / "src" / name: ROOT / "docs" / "assets" / folder / name
    for name, folder in (
        ("quiz.js", "javascripts"),
        ("quiz.css", "stylesheets"),
        ("quick-exit.js", "javascripts"),
        ("quick-exit.css", "stylesheets"),
    )
}


def fingerprints() -> str:
    """``sha256sum`` lines for every source and the file served from it."""
    lines = []
    for source, served in SOURCES.items():
        for path in (source, served):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(ROOT).as_posix()}\n")
    return "".join(lines)


def minify(source: Path) -> str:
    """The minified code of ``source``, after a comment naming it."""
    if source.suffix == ".js":
        cmd = [str(BIN / "terser"), str(source), "--ecma", "2020", "-m", "-c", "passes=3"]
    else:
        cmd = [str(BIN / "lightningcss"), "--minify", "--targets", ">= 0.5%", str(source)]
    code = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
    return f"/* {source.relative_to(ROOT).as_posix()} */\n{code}\n"


def main() -> None:
    """Write every served file from its source, then the fingerprints."""
    for source, served in SOURCES.items():
        served.write_text(minify(source), encoding="utf-8")
        print(f"{served.relative_to(ROOT)}: {served.stat().st_size} bytes")
    FINGERPRINTS.write_text(fingerprints(), encoding="utf-8")


if __name__ == "__main__":
    main()
