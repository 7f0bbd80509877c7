"""Loading and checking quiz files: every broken file gives its one-line message, and text
is always escaped."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from macros.engine import page_url
from macros.quiz import ids, register
from macros.quiz.errors import QuizError
from macros.quiz.load import load_all, load_text
from macros.quiz.model import (
    SLUG,
    KnowledgeCheck,
    QuizFile,
    ReflectionExercise,
    SelfReflection,
    rule,
)
from macros.quiz.pages import heading_ids
from macros.quiz.schema import dumps
from macros.quiz.source import decode_bytes
from macros.quiz.strings import strings
from tests.harness import BuildError, build_site, copy_project
from tests.quiz_helpers import (
    EXTRA,
    GOLDEN,
    PAGES,
    QUIZZES,
    ROOT,
    load,
    page_anchors,
    page_exists,
    render,
)

BAD = sorted(Path(__file__).with_name("bad_quizzes").glob("*.yml"))
EXPECT = re.compile(r"^# expect: (.+)$", re.M)


def test_there_are_at_least_25_broken_examples() -> None:
    assert len(BAD) >= 25


def _readable(raw: bytes) -> str:
    """The text of a test file in whatever encoding it was saved, to find its expect line."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.count(b"\x00") > len(raw) // 4:
        return raw.decode("utf-16-le")
    return raw.decode("latin-1").removeprefix("\xef\xbb\xbf")


def load_file(name: str, stem: str, raw: bytes) -> QuizFile:
    """Read and load a quiz file's bytes as the build does."""
    return load_text(name, stem, decode_bytes(name, raw), page_exists, page_anchors)


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_broken_quiz_gives_its_one_line_message(path: Path) -> None:
    raw = path.read_bytes()
    expected = EXPECT.search(_readable(raw).split("\n", 1)[0])
    assert expected, f"{path.name}: first line must be '# expect: <message>'"
    name = f"tests/bad_quizzes/{path.name}"
    start = time.perf_counter()
    with pytest.raises(QuizError) as info:
        load_file(name, path.stem, raw)
    assert time.perf_counter() - start < 10
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


def test_hostile_html_in_a_self_reflection_comes_out_escaped() -> None:
    text = (GOLDEN / "self-reflection.yml").read_text(encoding="utf-8")
    text = text.replace(
        "text: First statement.",
        'text: "<script>alert(5)</script><img src=x onerror=alert(6)> &lt;"',
    )
    qf = load_text("sr.yml", "sr", text, page_exists)
    html = render(qf)
    assert "<script>" not in html and "<img" not in html
    assert (
        "&lt;script&gt;alert(5)&lt;/script&gt;&lt;img src=x onerror=alert(6)&gt; &amp;lt;" in html
    )


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
    # quiz() with no id, and a quiz shown twice on one page.
    out = _broken_build(tmp_path / "d", uses_all + "{{ quiz() }}\n")
    assert "docs/editors/write-a-quiz.md: {{ quiz() }}: write it as" in out and "(line 8)" in out
    out = _broken_build(tmp_path / "e", uses_all + uses)
    assert 'docs/editors/write-a-quiz.md: quiz("example-knowledge-check") is shown twice' in out
    # An alias bomb stops the build at once, in one line.
    bomb = (Path(__file__).with_name("bad_quizzes") / "alias-bomb.yml").read_text()
    out = _broken_build(tmp_path / "f", uses_all, quiz=bomb)
    assert "docs/data/quizzes/zz-broken.yml: anchors and aliases" in out


# Files that could hurt the build ----------------------------------------------------------

PROMPTS = "type: reflection-exercise\nversion: 1\ntitle: T\nprompts: [{id: p1, text: Write.}]\n"


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_nesting_50000_deep_gives_one_line_fast(opening: str) -> None:
    deep = opening * 50_000 if opening != "- " else "\n  " + "- " * 50_000 + "x"
    start = time.perf_counter()
    with pytest.raises(QuizError) as info:
        load_text("deep.yml", "deep", PROMPTS + "intro: " + deep + "\n", page_exists)
    assert time.perf_counter() - start < 10
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("deep.yml: lists and groups of fields are nested more than 20")


def test_a_huge_file_is_refused_before_it_is_parsed() -> None:
    huge = (PROMPTS + "intro: " + "x" * 300_000 + "\n").encode()
    with pytest.raises(
        QuizError, match=r"^big.yml: the file is 293 KB; a quiz file can be at most 256"
    ):
        decode_bytes("big.yml", huge)
    with pytest.raises(QuizError, match=r"^big.yml: the file is over 256 KB"):
        load_text("big.yml", "big", huge.decode(), page_exists)


def test_nothing_in_a_broken_file_escapes_as_a_traceback() -> None:
    """Every hostile case above raised QuizError (a SiteError), never another exception."""
    for path in BAD:
        with pytest.raises(QuizError):
            load_file(path.name, path.stem, path.read_bytes())


# Ids: declared once, checked against the HTML ----------------------------------------------

ID = re.compile(r'\bid="([^"]+)"')


@pytest.mark.parametrize(
    "path", [*sorted(QUIZZES.glob("*.yml")), *sorted(GOLDEN.glob("*.yml"))], ids=lambda p: p.stem
)
def test_declared_ids_are_exactly_the_ids_in_the_html(path: Path) -> None:
    qf = load(path)
    html = render(qf)
    made = [i for i in ID.findall(html) if i.startswith(ids.prefix(qf.id)) and "--" not in i]
    assert len(made) == len(set(made)), "an id appears twice"
    assert set(made) == ids.element_ids(qf.id, qf.quiz)


def test_every_form_level_suffix_is_declared() -> None:
    parts = (ROOT / "overrides" / "partials" / "quiz" / "_parts.html").read_text(encoding="utf-8")
    found = set(re.findall(r'id="hi-quiz-\{\{ qf\.id \}\}-([a-z-]+)"', parts))
    assert found == set(ids.FORM_SUFFIXES)


def _all_models() -> set[type[BaseModel]]:
    models: list[type[BaseModel]] = [SelfReflection, KnowledgeCheck, ReflectionExercise]
    seen: set[type[BaseModel]] = set()
    while models:
        model = models.pop()
        if model not in seen:
            seen.add(model)
            for info in model.model_fields.values():
                for arg in get_args(info.annotation) or (info.annotation,):
                    for inner in get_args(arg) or (arg,):
                        if isinstance(inner, type) and issubclass(inner, BaseModel):
                            models.append(inner)
    return seen


def test_model_fields_carry_no_unknown_options() -> None:
    """``rule()`` refuses a misspelt rule; pydantic's own Field() would keep ``el=`` (for
    ``le=``) in json_schema_extra and only warn, so no field may have any."""
    with pytest.raises(TypeError):
        rule(description="x", el=1)  # type: ignore[call-arg]
    models = _all_models()
    assert len(models) >= 10
    for model in models:
        for name, info in model.model_fields.items():
            assert info.json_schema_extra is None, f"{model.__name__}.{name}"
            assert info.description, f"{model.__name__}.{name} needs a description for editors"


def test_every_field_is_explained_on_the_write_a_quiz_page() -> None:
    page = (ROOT / "docs" / "editors" / "write-a-quiz.md").read_text(encoding="utf-8")
    missing = {
        f"{model.__name__}.{name}"
        for model in _all_models()
        for name in model.model_fields
        if f"`{name}`" not in page and f"`{name}:" not in page
    }
    assert not missing, "docs/editors/write-a-quiz.md does not mention: " + ", ".join(
        sorted(missing)
    )


def test_the_schema_carries_the_rules_of_the_model() -> None:
    text = dumps()
    assert '"maximum": 365' in text and '"minimum": 1' in text
    assert (
        '"maxItems": 80' in text
        and '"enum": [\n            "crisis",\n            "connection"' in text
    )
    assert SLUG.replace("\\", "\\\\") in text


# Pages: headings, quiz() calls, each quiz on one page ---------------------------------------


def test_heading_ids_follow_the_toc_extension() -> None:
    page = (
        "---\ntitle: T\n---\n# Healing takes *time*\n\n## Therapy [can](x.md) help\n\n"
        "## Therapy can help\n\nWhat `works`\n---------------\n\n"
        "```md\n## Not a heading\n```\n\n## Custom {#my-id}\n\n## Attr { .big #other }\n\n"
        '<div id="box"></div>\n\n## Café &amp; tea!\n\n!!! tip\n\n    ### In a box\n'
    )
    assert heading_ids(page) == {
        "healing-takes-time",
        "therapy-can-help",
        "therapy-can-help_1",
        "what-works",
        "my-id",
        "other",
        "box",
        "cafe-tea",
        "in-a-box",
    }


def _docs(tmp_path: Path, pages: dict[str, str], quizzes: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "data" / "quizzes").mkdir(parents=True)
    for name, text in quizzes.items():
        (docs / "data" / "quizzes" / f"{name}.yml").write_text(text, encoding="utf-8")
    return docs


def _load_all_error(tmp_path: Path, pages: dict[str, str], quizzes: dict[str, str]) -> str:
    docs = _docs(tmp_path, pages, quizzes)
    with pytest.raises(QuizError) as info:
        load_all(tmp_path, docs)
    assert "\n" not in str(info.value)
    return str(info.value)


TWO = PROMPTS.replace("p1", "p2")


@pytest.mark.parametrize(
    ("call", "shown"),
    [
        ("{{ quiz() }}", "{{ quiz() }}"),
        ("{{ quiz(1) }}", "{{ quiz(1) }}"),
        ("{{ quiz(a, b) }}", "{{ quiz(a, b) }}"),
        ('{{ quiz("one", extra=1) }}', '{{ quiz("one", extra=1) }}'),
        ('{{ quiz("one") | upper }}', '{{ quiz("one") | upper }}'),
    ],
)
def test_a_quiz_call_written_wrongly_names_the_page_and_line(
    tmp_path: Path, call: str, shown: str
) -> None:
    page = f'# A\n\n{{{{ quiz("one") }}}}\n\n{call}\n'
    out = _load_all_error(tmp_path, {"a.md": page}, {"one": PROMPTS})
    assert out == (
        f'docs/a.md: {shown}: write it as {{{{ quiz("quiz-id") }}}}, with one quiz id in quotes '
        "and nothing else (line 5)"
    )


def test_the_same_quiz_twice_on_one_page_is_refused(tmp_path: Path) -> None:
    page = '# A\n\n{{ quiz("one") }}\n\nMore.\n\n{{ quiz("one") }}\n'
    assert _load_all_error(tmp_path, {"a.md": page}, {"one": PROMPTS}) == (
        'docs/a.md: quiz("one") is shown twice on this page (lines 3 and 7), so its answers '
        "and ids would clash; keep one"
    )


def test_a_quiz_on_two_pages_is_refused(tmp_path: Path) -> None:
    pages = {"a.md": '{{ quiz("one") }}\n', "b/c.md": '\n{{ quiz("one") }}\n'}
    assert _load_all_error(tmp_path, pages, {"one": PROMPTS}) == (
        "docs/data/quizzes/one.yml: used on docs/a.md (line 1) and docs/b/c.md (line 2); each "
        "quiz belongs on one page, so copy the file under a new name for the second page"
    )


def test_two_quizzes_on_one_page_may_not_make_the_same_id(tmp_path: Path) -> None:
    # hi-quiz-a + b-title and hi-quiz-a-b + title: the same id
    quiz_a = PROMPTS.replace("id: p1", "id: b-title")
    page = '{{ quiz("a") }}\n{{ quiz("a-b") }}\n'
    assert _load_all_error(tmp_path, {"x.md": page}, {"a": quiz_a, "a-b": TWO}) == (
        "docs/x.md: quizzes a and a-b both make the HTML id hi-quiz-a-b-title; rename an item, "
        "question or prompt id in one of them (line 2)"
    )


def test_quiz_calls_in_raw_blocks_are_examples_not_uses(tmp_path: Path) -> None:
    page = '{{ quiz("one") }}\n{% raw %}\n{{ quiz("one") }} {{ quiz() }}\n{% endraw %}\n'
    docs = _docs(tmp_path, {"a.md": page}, {"one": PROMPTS})
    assert list(load_all(tmp_path, docs)) == ["one"]


def test_a_link_may_point_to_a_heading_or_the_quiz_on_the_target_page(tmp_path: Path) -> None:
    kc = (
        "type: knowledge-check\nversion: 1\ntitle: T\nquestions:\n  - {id: q, kind: true-false, "
        "text: Q, answer: true, see: '%s'}\n"
    )
    pages = {
        "a.md": '# A\n\n## Read this {#here}\n\n{{ quiz("k") }}\n',
        "b.md": '{{ quiz("r") }}\n',
    }
    for good in ("a.md#here", "a.md#hi-quiz-k", "a.md#a", "b.md"):
        docs = _docs(tmp_path / good.replace("#", "-"), pages, {"k": kc % good, "r": PROMPTS})
        assert set(load_all(tmp_path, docs)) == {"k", "r"}
    assert _load_all_error(tmp_path / "bad", pages, {"k": kc % "b.md#nowhere", "r": PROMPTS}) == (
        "docs/data/quizzes/k.yml: questions[0].see: b.md has no heading with the id 'nowhere'; "
        "use the id of one of its headings (its words in lowercase, joined by hyphens), or "
        "leave out the #part (line 5)"
    )


class _Env:
    """Just enough of mkdocs-macros' ``env`` to register the macros and call them."""

    def __init__(self, docs: Path) -> None:
        self.conf: dict[str, Any] = {
            "docs_dir": str(docs),
            "config_file_path": str(ROOT / "mkdocs.yml"),
            "theme": {"language": "en"},
            "extra": EXTRA,
            "use_directory_urls": True,
        }
        self.variables: dict[str, Any] = {"page": {"src_uri": "a.md", "url": "a/"}}
        self.macros: dict[str, Any] = {}

    def macro(self, fn: Any) -> None:
        self.macros[fn.__name__] = fn


@pytest.mark.parametrize(
    ("args", "kwargs", "shown"),
    [
        ((), {}, ""),
        ((1,), {}, "1"),
        (("a", "b"), {}, "'a', 'b'"),
        (("one",), {"extra": 1}, "'one', extra=1"),
    ],
)
def test_the_quiz_macro_checks_its_own_arguments(
    tmp_path: Path, args: tuple[Any, ...], kwargs: dict[str, Any], shown: str
) -> None:
    env = _Env(_docs(tmp_path, {"a.md": '{{ quiz("one") }}\n'}, {"one": PROMPTS}))
    register(env)
    assert 'id="hi-quiz-one"' in env.macros["quiz"]("one")
    with pytest.raises(QuizError) as info:
        env.macros["quiz"](*args, **kwargs)
    assert str(info.value) == (
        f"docs/a.md: quiz({shown}): give exactly one quiz id in quotes and nothing else, like "
        '{{ quiz("quiz-id") }}'
    )


def test_heading_ids_match_the_built_pages(site_dir: Path) -> None:
    """The ids the checks compute are the ids MkDocs gave every heading of every page."""
    heading = re.compile(r'<h[1-6][^>]* id="([^"]+)"')
    checked = 0
    for page in PAGES.texts:
        known = PAGES.anchors(page)
        built = site_dir / (page_url(page).removesuffix("./")) / "index.html"
        if known is None or not built.is_file():
            continue
        ids_in_html = set(heading.findall(built.read_text(encoding="utf-8")))
        ids_in_html = {i for i in ids_in_html if not i.startswith("hi-quiz-")}
        assert ids_in_html <= known, f"{page}: {sorted(ids_in_html - known)}"
        checked += 1
    assert checked >= 20
