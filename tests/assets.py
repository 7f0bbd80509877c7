"""Make the served quiz files from their readable sources: ``make assets``.

``src/quiz.js`` and ``src/quiz.css`` are written to be read; the site serves them minified
(terser, lightningcss from ``tests/minify/``) as ``docs/assets/javascripts/quiz.js`` and
``docs/assets/stylesheets/quiz.css``. The generated files are committed, so any engine
(MkDocs or Zensical) serves the same bytes with no build hook. Each starts with a
fingerprint of its source; ``tests/test_quiz_assets.py`` fails when a source changed and
``make assets`` was not run.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / "tests" / "minify" / "node_modules" / ".bin"
SOURCES = {
    ROOT / "src" / "quiz.js": ROOT / "docs" / "assets" / "javascripts" / "quiz.js",
    ROOT / "src" / "quiz.css": ROOT / "docs" / "assets" / "stylesheets" / "quiz.css",
}
HEADER = "/* {source} {fingerprint} (make assets) */\n"


def header(source: Path) -> str:
    """The first line of the served file: the source's path and fingerprint."""
    fingerprint = hashlib.sha256(source.read_bytes()).hexdigest()[:8]
    return HEADER.format(source=source.relative_to(ROOT).as_posix(), fingerprint=fingerprint)


def minify(source: Path) -> str:
    """The minified code of ``source``."""
    if source.suffix == ".js":
        cmd = [str(BIN / "terser"), str(source), "--ecma", "2020", "-m", "-c", "passes=3"]
    else:
        cmd = [str(BIN / "lightningcss"), "--minify", "--targets", ">= 0.5%", str(source)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    """Write every served file from its source."""
    for source, served in SOURCES.items():
        served.write_text(header(source) + minify(source) + "\n", encoding="utf-8")
        print(f"{served.relative_to(ROOT)}: {served.stat().st_size} bytes")


if __name__ == "__main__":
    main()
