"""``mlmath solve SKILL --input JSON``: a worked solution for the learner's own numbers."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from mlmath.cli.errors import fail


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    latex = "latex"
    markdown = "markdown"


def solve(
    skill: Annotated[
        str | None, typer.Argument(help="Skill id, e.g. linalg.determinant_3x3.")
    ] = None,
    input: Annotated[
        str | None, typer.Option("--input", "-i", help="The skill's inputs as a JSON object.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print the solution.")
    ] = OutputFormat.json,
    list_skills: Annotated[
        bool, typer.Option("--list", help="List every skill with its input schema, as JSON.")
    ] = False,
) -> None:
    """Print the answer and the worked steps for your own input."""
    from mlmath.engine import render
    from mlmath.engine.solution import NotSolvable
    from mlmath.exercises import registry
    from mlmath.exercises.inputs import InputError

    if list_skills:
        listing = [
            {
                "id": s.id,
                "title": s.title,
                "summary": s.summary,
                "inputs": [f.schema() for f in s.inputs],
            }
            for s in registry.all_skills().values()
        ]
        typer.echo(json.dumps(listing, indent=1, ensure_ascii=False))
        return
    if skill is None:
        fail("name a skill (`mlmath solve --list` lists them) or pass --list")
    if input is None:
        fail(f"pass the inputs as JSON with --input; `mlmath solve --list` shows {skill}'s inputs")
    try:
        chosen = registry.get(skill)
    except registry.UnknownSkill as error:
        fail(str(error))
    try:
        raw: Any = json.loads(input)
    except json.JSONDecodeError as error:
        fail(f"--input is not valid JSON ({error.msg} at character {error.pos})")
    if not isinstance(raw, dict):
        fail('--input must be a JSON object, like {"matrix": [[1, 2], [3, 4]]}')
    try:
        params = chosen.read_inputs(raw)
        solution = chosen.solve(params)
    except (InputError, NotSolvable) as error:
        fail(str(error))
    match output_format:
        case OutputFormat.json:
            typer.echo(json.dumps(render.solution_to_json(solution), indent=1, ensure_ascii=False))
        case OutputFormat.text:
            typer.echo(render.solution_text(solution))
            answer = render.text(solution.answer)
            typer.echo(f"\nAnswer:\n{answer}" if "\n" in answer else f"\nAnswer: {answer}")
        case OutputFormat.latex:
            typer.echo(render.solution_latex(solution))
        case OutputFormat.markdown:
            typer.echo(render.solution_markdown(solution))
