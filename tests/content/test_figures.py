"""Every interactive figure — in a lesson or built by a skill — is one the browser can draw."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from mlmath.exercises import registry
from mlmath.exercises.figures import KINDS, SAMPLES, figure_problems, number
from mlmath.exercises.skill import Skill
from mlmath.web import filters, markdown
from mlmath.web.routes.practice import practice_figure

ROOT = Path(__file__).resolve().parents[2] / "src" / "mlmath"
COURSES = ROOT / "content" / "courses"
STATIC = ROOT / "web" / "static"
SEEDS = range(25)


def figure_blocks() -> Iterator[tuple[str, str]]:
    parser = MarkdownIt("commonmark")
    for path in sorted(COURSES.rglob("*.md")):
        for token in parser.parse(path.read_text(encoding="utf-8")):
            if token.type == "fence" and token.info.strip() == "figure":
                yield (
                    f"{path.relative_to(COURSES)}:{token.map[0] + 1 if token.map else 0}",
                    (token.content),
                )


BLOCKS = list(figure_blocks())


def skills_with_figures() -> list[Skill]:
    return [s for s in registry.all_skills().values() if type(s).figure is not Skill.figure]


def test_the_lessons_have_the_figures_of_weeks_3_and_4() -> None:
    kinds = {yaml.safe_load(source)["kind"] for _, source in BLOCKS}
    assert set(KINDS) <= kinds


@pytest.mark.parametrize(("where", "source"), BLOCKS, ids=[w for w, _ in BLOCKS])
def test_every_figure_block_has_a_known_kind_and_valid_params(where: str, source: str) -> None:
    spec = yaml.safe_load(source)
    assert figure_problems(spec) == [], where
    html = markdown.figure_html(source)
    assert f'data-kind="{spec["kind"]}"' in html
    assert 'class="figure-alt"' in html


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_script_that_registers_it_and_is_loaded(kind: str) -> None:
    script = (STATIC / "figures" / f"{kind}.js").read_text(encoding="utf-8")
    assert re.search(rf'mlmathFigures(\["{kind}"\]|\.{kind}) = function', script)
    assert '"use strict";' in script
    assets = (ROOT / "web" / "templates" / "_figure_assets.html").read_text(encoding="utf-8")
    assert "{% for kind in figure_scripts %}" in assets
    assert kind in filters.figure_scripts()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_valid_sample_for_the_gallery(kind: str) -> None:
    spec = SAMPLES[kind]
    assert spec["kind"] == kind
    assert figure_problems(spec) == []


def test_the_samples_are_of_known_kinds() -> None:
    assert set(SAMPLES) <= set(KINDS)


def test_skills_that_the_figures_illustrate_have_one() -> None:
    ids = {s.id for s in skills_with_figures()}
    assert {
        "linalg.determinant_area",
        "linalg.transformation_image",
        "linalg.transformation_matrix",
        "linalg.span_membership",
        "linalg.is_basis",
        "linalg.eigenvectors",
        "linalg.vector_arithmetic",
        "linalg.dot_product",
        "linalg.geometric_dot_product",
        "calculus.derivative_basic",
        "calculus.critical_points",
        "calculus.gradient_descent_step_1d",
        "calculus.gradient_descent_step_2d",
    } <= ids


@pytest.mark.parametrize(
    "skill_id",
    [
        "calculus.derivative_basic",
        "calculus.critical_points",
        "calculus.gradient_descent_step_1d",
        "calculus.gradient_descent_step_2d",
    ],
)
def test_calculus_figures_wait_for_the_answer_and_draw_the_variant(skill_id: str) -> None:
    # Each of them shows slopes or steps that would give the answer away.
    skill = registry.all_skills()[skill_id]
    for seed in SEEDS:
        params = skill.variant(seed, skill.levels).params
        assert practice_figure(skill, params, shown=False) is None
        spec = skill.figure(params)
        assert spec is not None
        assert spec["params"]["function"] == params["function"]


@pytest.mark.parametrize("skill", skills_with_figures(), ids=lambda s: s.id)
def test_every_skill_figure_validates_like_a_lesson_block(skill: Skill) -> None:
    drawn = 0
    for level in range(1, skill.levels + 1):
        for seed in SEEDS:
            params = skill.variant(seed, level).params
            spec = skill.figure(params)
            if spec is None:
                continue
            drawn += 1
            assert figure_problems(spec) == [], (skill.id, level, seed)
            # It survives the trip through JSON into data-params unchanged.
            assert json.loads(json.dumps(spec["params"])) == spec["params"]
    assert drawn, f"{skill.id} never draws a figure"


def test_a_figure_that_gives_the_answer_away_waits_until_the_variant_is_done() -> None:
    skill = registry.all_skills()["linalg.determinant_area"]
    params = skill.variant(1, 1).params
    assert practice_figure(skill, params, shown=False) is None
    html = practice_figure(skill, params, shown=True)
    assert html is not None
    assert 'data-kind="linear-transformation"' in html
    matrix = [[number(x) for x in row] for row in params["matrix"].rows]
    assert json.dumps({"matrix": matrix}).replace('"', "&quot;") in html


def test_the_eigenvector_figure_shows_the_matrix_not_the_answer() -> None:
    skill = registry.all_skills()["linalg.eigenvectors"]
    for seed in SEEDS:
        params = skill.variant(seed, 1).params
        spec = skill.figure(params)
        assert spec is not None
        assert not spec.get("after_answer")
        (a, b), (c, d) = params["matrix"].rows
        x, y = spec["params"]["v"]
        # The starting v is not an eigenvector: A moves it off its own line.
        assert x * (c * x + d * y) - y * (a * x + b * y) != 0
        assert practice_figure(skill, params, shown=False) is not None


@pytest.mark.parametrize(
    "spec",
    [
        {"kind": "pie-chart", "params": {}, "caption": "x"},
        {"kind": "span", "params": {"vectors": [[1, 2]]}, "caption": "x"},
        {"kind": "span", "params": {"vectors": [[1, 2], [3, 4]], "colour": 1}, "caption": "x"},
        {"kind": "eigenvectors", "params": {"matrix": [[1, 2], [3, "4"]]}, "caption": "x"},
        {"kind": "vector-sum", "params": {"u": [1, 2], "v": [3, 4]}, "caption": ""},
        {"kind": "vector-sum", "params": {"u": [1, 2], "v": [3, 1e6]}, "caption": "x"},
        {"kind": "linear-transformation", "params": {"matrix": [[1, 0], [0, 1]], "step": 3}},
        {"kind": "dot-product-projection", "params": {"u": [True, 0], "v": [1, 1]}, "caption": "x"},
        {"kind": "tangent-line", "params": {"function": "x^2"}, "caption": "x"},
        {"kind": "tangent-line", "params": {"function": "x^2 +", "point": 1}, "caption": "x"},
        {"kind": "tangent-line", "params": {"function": "tan(x)", "point": 1}, "caption": "x"},
        {"kind": "tangent-line", "params": {"function": "x*y", "point": 1}, "caption": "x"},
        {
            "kind": "tangent-line",
            "params": {"function": "x", "point": 1, "domain": [2, 1]},
            "caption": "x",
        },
        {
            "kind": "gradient-descent",
            "params": {"function": "x^2", "start": 1, "learning_rate": 0},
            "caption": "x",
        },
        {
            "kind": "gradient-descent",
            "params": {"function": "x^2 + y^2", "start": 1, "learning_rate": 0.1},
            "caption": "x",
        },
        {
            "kind": "gradient-descent",
            "params": {"function": "x^2", "start": 1, "learning_rate": 0.1, "steps": 99},
            "caption": "x",
        },
    ],
)
def test_figures_the_browser_cannot_draw_are_refused(spec: dict[str, object]) -> None:
    assert figure_problems(spec)


@pytest.mark.parametrize(
    "params",
    [
        {"function": "x^2 - 4x + 5", "start": 0, "learning_rate": 0.25, "steps": 3},
        {"function": "60 - x^2 - 2y^2", "start": [1, 1], "learning_rate": 0.1, "ascent": True},
        {"function": "(1/2)x^2 + 3*e^(2x) - ln(x) + sqrt(x)", "start": 1, "learning_rate": 0.1},
    ],
)
def test_gradient_descent_figures_in_one_or_two_variables_are_accepted(
    params: dict[str, object],
) -> None:
    assert figure_problems({"kind": "gradient-descent", "params": params, "caption": "x"}) == []
