"""Benchmark inputs: copies of the project, generated quizzes and the mkdocs-quiz page.

The real self-reflection quiz (``docs/data/quizzes/noticing-my-patterns.yml``) is used when
it exists; otherwise a fixture quiz that follows /work/notes/quiz-format.md stands in, and
the report says so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.harness import ROOT, copy_project

REAL_QUIZ_ID = "noticing-my-patterns"
QUIZ_DIR = Path("docs") / "data" / "quizzes"
BENCH_DIR = "bench"
BENCH_CONFIG = "mkdocs-bench.yml"
SCHEMA_LINE = "# yaml-language-server: $schema=../../../macros/quiz/schema.json\n"

#: ``{{ quiz("id") }}`` as a page writes it (either quote style, any spacing).
QUIZ_CALL = re.compile(r"\{\{\s*quiz\(\s*[\"']([a-z0-9-]+)[\"']\s*\)\s*\}\}")
#: ``{% raw %}...{% endraw %}``: shown as text on the page, never called.
_RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_CALL_OR_RAW = re.compile(f"(?P<raw>{_RAW_BLOCK.pattern})|{QUIZ_CALL.pattern}", re.S)
PLAIN_TEXT = "A short plain paragraph stands here instead of the quiz."

_SCALE = [
    {"value": 0, "label": "Never"},
    {"value": 1, "label": "Rarely"},
    {"value": 2, "label": "Sometimes"},
    {"value": 3, "label": "Often"},
    {"value": 4, "label": "Always"},
]
_DIMENSIONS = [
    ("asking-for-help", "Asking for and accepting help"),
    ("sharing-feelings", "Sharing how I feel"),
    ("resting", "Resting and slowing down"),
]
_STATEMENTS = [
    "I would rather struggle alone than ask for help.",
    "When someone offers to help, I say no before I think about it.",
    "I keep my worries to myself so I do not bother anyone.",
    "I feel uneasy when I have to rely on another person.",
    "I find it hard to rest until every task is done.",
    "I tell people I am fine even when I am not.",
]


def _bands(kind: str) -> list[dict[str, Any]]:
    return [
        {"min": 0, "max": 1.5, "title": f"Few signs ({kind})", "text": "This rarely shows up."},
        {"min": 1.5, "max": 2.5, "title": f"Some signs ({kind})", "text": "This shows up a bit."},
        {"min": 2.5, "max": 4, "title": f"Many signs ({kind})", "text": "This shows up often."},
    ]


def fixture_quiz(items: int, title: str = "Noticing my patterns (fixture)") -> dict[str, Any]:
    """A self-reflection quiz with ``items`` statements over three dimensions."""
    return {
        "type": "self-reflection",
        "version": 1,
        "title": title,
        "intro": "Read each sentence and choose how often it is true for you.",
        "scale": _SCALE,
        "prefer_not_to_say": True,
        "dimensions": [
            {"id": slug, "title": name, "bands": _bands(slug)} for slug, name in _DIMENSIONS
        ],
        "overall": {"bands": _bands("overall")},
        "items": [
            {
                "id": f"item-{i + 1}",
                "text": f"{_STATEMENTS[i % len(_STATEMENTS)][:-1]} ({i + 1}).",
                "dimension": _DIMENSIONS[i % len(_DIMENSIONS)][0],
                "reverse": i % 7 == 6,
            }
            for i in range(items)
        ],
    }


def load_quiz(path: Path) -> dict[str, Any]:
    """Read a quiz YAML file."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def write_quiz(project: Path, quiz_id: str, data: dict[str, Any]) -> Path:
    """Write ``data`` as ``docs/data/quizzes/<quiz_id>.yml`` under ``project``."""
    path = project / QUIZ_DIR / f"{quiz_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(SCHEMA_LINE + text, encoding="utf-8")
    return path


def self_reflection_quiz() -> tuple[dict[str, Any], bool]:
    """The real self-reflection quiz if it is on this branch (True), else a fixture."""
    path = ROOT / QUIZ_DIR / f"{REAL_QUIZ_ID}.yml"
    if path.is_file():
        return load_quiz(path), True
    return fixture_quiz(24), False


def quiz_calls(project: Path) -> dict[str, list[str]]:
    """Pages (docs-relative) that call ``quiz()``, with the ids they call."""
    docs = project / "docs"
    found: dict[str, list[str]] = {}
    for page in sorted(docs.rglob("*.md")):
        text = _RAW_BLOCK.sub("", page.read_text(encoding="utf-8"))
        ids = QUIZ_CALL.findall(text)
        if ids:
            found[page.relative_to(docs).as_posix()] = ids
    return found


def strip_quizzes(project: Path) -> int:
    """Replace every ``{{ quiz(...) }}`` under ``project/docs`` with plain text; count them.

    The quiz files are removed too: the plain site reads no YAML (and the quiz engine
    rejects a quiz file that no page uses).
    """
    for quiz_file in (project / QUIZ_DIR).glob("*.yml"):
        quiz_file.unlink()
    count = 0
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        n = len(QUIZ_CALL.findall(_RAW_BLOCK.sub("", text)))
        new = _CALL_OR_RAW.sub(lambda m: m.group(0) if m.group("raw") else PLAIN_TEXT, text)
        if n:
            page.write_text(new, encoding="utf-8")
            count += n
    return count


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, turning ``!ENV [NAME, default]`` into its default."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(project: Path) -> dict[str, Any]:
    """``project/mkdocs.yml`` as a dict (``!ENV`` tags read as their defaults)."""
    data: dict[str, Any] = yaml.load((project / "mkdocs.yml").read_text(), _ConfigLoader)
    return data


def write_bench_config(project: Path, **overrides: Any) -> str:
    """Write ``mkdocs-bench.yml`` inheriting mkdocs.yml, with bench pages out of the nav.

    Bench pages live in ``docs/bench/`` and are listed in ``not_in_nav``, so the nav (which
    Material renders on every page) stays the real one and ``--strict`` stays quiet.
    """
    config: dict[str, Any] = {"INHERIT": "mkdocs.yml", "not_in_nav": f"/{BENCH_DIR}/"}
    config.update(overrides)
    (project / BENCH_CONFIG).write_text(yaml.safe_dump(config, sort_keys=False))
    return BENCH_CONFIG


def quiz_page(title: str, quiz_id: str) -> str:
    """A Markdown page that shows one quiz."""
    return f'# {title}\n\nA benchmark page.\n\n{{{{ quiz("{quiz_id}") }}}}\n'


def add_pages(project: Path, pages: dict[str, str]) -> None:
    """Write ``docs/bench/<name>.md`` pages."""
    folder = project / "docs" / BENCH_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")


def mkdocs_quiz_page(quiz: dict[str, Any]) -> str:
    """The self-reflection statements as an mkdocs-quiz page (``<quiz>`` blocks).

    mkdocs-quiz has no self-reflection type: each statement becomes a single-choice
    question with the same scale labels, one marked as "correct" because it needs one.
    """
    labels = [str(point["label"]) for point in quiz["scale"]]
    middle = len(labels) // 2
    lines = [f"# {quiz['title']}", ""]
    if quiz.get("intro"):
        lines += [str(quiz["intro"]), ""]
    for item in quiz["items"]:
        lines += ["<quiz>", str(item["text"])]
        lines += [f"- [{'x' if i == middle else ' '}] {label}" for i, label in enumerate(labels)]
        lines += ["</quiz>", ""]
    return "\n".join(lines)


def bench_project(dest: Path, quiz: dict[str, Any], sixty: dict[str, Any]) -> Path:
    """A copy of the project with two bench pages: the self-reflection quiz and 60 items."""
    project = copy_project(dest)
    write_quiz(project, "bench-self-reflection", quiz)
    write_quiz(project, "bench-sixty", sixty)
    add_pages(
        project,
        {
            "self-reflection": quiz_page(str(quiz["title"]), "bench-self-reflection"),
            "sixty": quiz_page("Sixty statements", "bench-sixty"),
        },
    )
    write_bench_config(project)
    return project


def mkdocs_quiz_project(dest: Path, quiz: dict[str, Any]) -> Path:
    """A copy of the project with mkdocs-quiz on and our quiz assets off.

    ``docs/bench/self-reflection.md`` holds the same statements as mkdocs-quiz blocks, so
    the two quiz pages share all of the site's chrome and differ only in the quiz.
    """
    project = copy_project(dest)
    config = read_config(project)
    ours = ("assets/stylesheets/quiz.css", "assets/javascripts/quiz.js")
    add_pages(project, {"self-reflection": mkdocs_quiz_page(quiz)})
    write_bench_config(
        project,
        plugins=[*config.get("plugins", []), "mkdocs_quiz"],
        extra_css=[c for c in config.get("extra_css", []) if c not in ours],
        extra_javascript=[j for j in config.get("extra_javascript", []) if j not in ours],
    )
    return project


def scale_project(dest: Path, quizzes: int, quiz: dict[str, Any]) -> Path:
    """A copy of the project with ``quizzes`` extra pages, each showing its own quiz file."""
    project = copy_project(dest)
    pages = {}
    for n in range(quizzes):
        quiz_id = f"bench-{n:04d}"
        write_quiz(project, quiz_id, quiz)
        pages[quiz_id] = quiz_page(f"Quiz {n}", quiz_id)
    add_pages(project, pages)
    write_bench_config(project)
    return project
