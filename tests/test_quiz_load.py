"""Loading and checking quiz files: every broken file gives its one-line message, and text
is always escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.quiz.errors import QuizError
from macros.quiz.load import load_text
from macros.quiz.strings import strings
from tests.harness import BuildError, build_site, copy_project
from tests.quiz_helpers import QUIZZES, load, page_exists, render

BAD = sorted(Path(__file__).with_name("bad_quizzes").glob("*.yml"))
EXPECT = re.compile(r"^# expect: (.+)$", re.M)


def test_there_are_at_least_25_broken_examples() -> None:
    assert len(BAD) >= 25


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_broken_quiz_gives_its_one_line_message(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = EXPECT.match(text)
    assert expected, f"{path.name}: first line must be '# expect: <message>'"
    name = f"tests/bad_quizzes/{path.name}"
    with pytest.raises(QuizError) as info:
        load_text(name, path.stem, text, page_exists)
    message = str(info.value)
    assert message == f"{name}: {expected.group(1)}"
    assert "\n" not in message


@pytest.mark.parametrize("path", sorted(QUIZZES.glob("*.yml")), ids=lambda p: p.stem)
def test_every_quiz_in_the_site_loads_and_names_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../macros/quiz/schema.json"
    load(path)


HOSTILE = """\
type: knowledge-check
version: 1
title: "<script>alert(1)</script> Title"
intro: "<img src=x onerror=alert(2)> & friends"
questions:
  - id: q1
    kind: single
    text: "Is <b>this</b> bold? {{ 7*7 }}"
    options:
      - {text: "<a href='javascript:alert(3)'>yes</a>", correct: true, feedback: "\\"quoted\\" 'x'"}
      - {text: "no </fieldset></form>"}
summary: "</details><script>alert(4)</script>"
"""


def test_hostile_html_in_text_fields_comes_out_escaped() -> None:
    qf = load_text("hostile.yml", "hostile", HOSTILE, page_exists)
    html = render(qf)
    for raw in ("<script>", "<img", "<b>", "<a href='javascript", "</fieldset></form>"):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Title" in html
    assert "&lt;img src=x onerror=alert(2)&gt; &amp; friends" in html
    assert "{{ 7*7 }}" in html  # never evaluated as a template
    assert html.count("<form") == 1 and html.count("</form>") == 1


def test_plain_yaml_words_stay_words() -> None:
    text = HOSTILE.replace('title: "<script>alert(1)</script> Title"', "title: No")
    assert load_text("x.yml", "x", text, page_exists).quiz.title == "No"


def test_strings_follow_the_language_with_english_as_fallback() -> None:
    assert strings("en")["js"]["submit"] == "See my results"
    assert strings("xx")["js"]["submit"] == "See my results"
    assert strings("pt-BR")["prefer_not"] == "Prefer not to say"


def _broken_build(tmp_path: Path, page_text: str, quiz: str | None = None) -> str:
    project = copy_project(tmp_path)
    front_matter = "---\ntitle: Quiz test\ndescription: A page for the test.\n---\n"
    (project / "docs" / "editors" / "write-a-quiz.md").write_text(front_matter + page_text)
    if quiz is not None:
        (project / "docs" / "data" / "quizzes" / "zz-broken.yml").write_text(quiz)
    with pytest.raises(BuildError) as info:
        build_site(tmp_path / "site", project=project)
    out = str(info.value)
    assert "Traceback" not in out
    return out


def test_build_stops_with_one_line_for_author_mistakes(tmp_path: Path) -> None:
    # An unknown id in quiz(): "did you mean".
    uses = '{{ quiz("example-knowledge-check") }}\n{{ quiz("example-reflection-exercise") }}\n'
    uses_all = uses + '{{ quiz("example-self-reflection") }}\n'
    out = _broken_build(tmp_path / "a", uses_all + '\n{{ quiz("example-self-reflectoin") }}\n')
    assert (
        'docs/editors/write-a-quiz.md: quiz("example-self-reflectoin"): no file '
        "docs/data/quizzes/example-self-reflectoin.yml; did you mean 'example-self-reflection'? "
        "(line 9)"
    ) in out
    # A quiz file no page uses.
    out = _broken_build(tmp_path / "b", uses)
    assert "docs/data/quizzes/example-self-reflection.yml: no page uses this quiz" in out
    # A file that is not valid YAML.
    out = _broken_build(tmp_path / "c", uses, quiz="type: [self-reflection\n")
    assert "docs/data/quizzes/zz-broken.yml: not valid YAML:" in out
