"""No traceback (issue 18, item 8): mistakes that used to end a build in a Python
traceback from the theme or Jinja are one line naming the file, the field and the line,
under the current ENGINE. Each case is a copy of the project with one careless edit.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.harness import copy_project
from tests.test_safety_layer import _fails_with_one_line


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` by ``new``; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return 1 + text[: text.index(old)].count("\n")


def test_a_theme_language_the_theme_does_not_have(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    found = re.search(r"^  language: \S+", config.read_text(encoding="utf-8"), re.M)
    assert found, "mkdocs.yml has no theme language line"
    line = _edit(config, found.group(0), "  language: sp")
    _fails_with_one_line(
        project,
        tmp_path,
        f"mkdocs.yml: theme.language: 'sp' is not a language code the theme knows, like en "
        f"(line {line})",
    )


def test_a_misspelt_social_icon(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    line = 1 + _edit(
        config,
        "\nextra:\n",
        "\nextra:\n  social:\n    - icon: fontawesome/brands/mastodn\n"
        "      link: https://social.example/@clinic\n",
    )
    _fails_with_one_line(
        project,
        tmp_path,
        'mkdocs.yml: extra.social[0].icon: "fontawesome/brands/mastodn" is not an icon the '
        f"theme has; did you mean fontawesome/brands/mastodon? (line {line + 2})",
    )


def test_a_template_left_broken_by_an_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    main = project / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text + "{% block oops %}\n", encoding="utf-8")
    lines = text.count("\n") + 1
    _fails_with_one_line(
        project,
        tmp_path,
        f"overrides/main.html: line {lines}: Unexpected end of template. Jinja was looking "
        "for the following tags: 'endblock'",
    )


def test_a_partial_with_a_typo_in_a_tag(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    partials = sorted((project / "overrides" / "partials").glob("*.html"))
    partial = next(p for p in partials if re.search(r"\{%-? *if ", p.read_text("utf-8")))
    text = partial.read_text(encoding="utf-8")
    found = re.search(r"\{%-? *if ", text)
    assert found
    partial.write_text(text[: found.start()] + "{% fi " + text[found.end() :], encoding="utf-8")
    line = 1 + text[: found.start()].count("\n")
    out = _fails_with_one_line(project, tmp_path, f"overrides/partials/{partial.name}: line ")
    assert f": line {line}: " in out and "undo the last change to this file" in out, out
