"""``mlmath solve SKILL --input JSON``: a worked solution for the learner's own numbers.

The inputs come as JSON on the command line, from a file (``--input @data.json``) or
from standard input (``--input -``); a skill that takes a data set also reads it from
the columns of a CSV file (``--csv FILE --columns a,b``), with ``--input`` giving
the other inputs.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from mlmath.cli.errors import fail

MAX_INPUT_BYTES = 64 << 20
"""Largest JSON input read from a file or standard input (64 MiB)."""


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    latex = "latex"
    markdown = "markdown"


def solve(
    skill: Annotated[
        str | None, typer.Argument(help="Skill id, e.g. linalg.determinant_3x3.")
    ] = None,
    *,
    input: Annotated[
        str | None,
        typer.Option(
            "--input",
            "-i",
            help="The skill's inputs as a JSON object; @FILE reads it from a file, - from "
            "standard input.",
        ),
    ] = None,
    csv_file: Annotated[
        str | None,
        typer.Option(
            "--csv",
            help="A CSV file (with a header line) holding the data set; - reads standard input.",
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            help="The CSV columns to use, comma-separated, in the order of the skill's data "
            "inputs (x,y), or by name (y=weight,x=height); for groups, one column per group.",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="For groups: the CSV column naming each row's group."),
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
    if input is None and csv_file is None:
        fail(
            f"pass the inputs as JSON with --input (or a data set with --csv); "
            f"`mlmath solve --list` shows {skill}'s inputs"
        )
    if (columns or by) and csv_file is None:
        fail("--columns and --by name the columns of a CSV file: pass it with --csv")
    if input == "-" and csv_file == "-":
        fail("standard input can hold the JSON or the CSV, not both")
    try:
        chosen = registry.get(skill)
    except registry.UnknownSkill as error:
        fail(str(error))
    try:
        raw = _json_inputs(input) if input is not None else {}
        if csv_file is not None:
            raw.update(_csv_inputs(chosen.inputs, csv_file, columns, by or ""))
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


def _json_inputs(option: str) -> dict[str, Any]:
    """The --input JSON object: the text itself, @FILE, or - for standard input."""
    from mlmath.exercises.inputs import InputError, read_json

    where = "--input"
    if option == "-":
        text = _bounded(sys.stdin.buffer, "standard input")
        where = "the JSON on standard input"
    elif option.startswith("@"):
        path = Path(option[1:])
        try:
            with path.open("rb") as handle:
                text = _bounded(handle, str(path))
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
        where = str(path)
    else:
        text = option.encode()
    try:
        raw: Any = read_json(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where} is not valid JSON ({error.msg} at character {error.pos})"
        ) from None
    except UnicodeDecodeError:
        raise InputError(f"{where} is not UTF-8 text") from None
    except RecursionError:
        raise InputError(f"{where} is nested too deeply") from None
    if not isinstance(raw, dict):
        raise InputError(f'{where} must be a JSON object, like {{"matrix": [[1, 2], [3, 4]]}}')
    return raw


def _bounded(handle: IO[bytes], name: str) -> bytes:
    from mlmath.exercises.inputs import InputError

    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} holds more than {MAX_INPUT_BYTES >> 20} MiB of JSON")
    return data


def _csv_inputs(fields: Any, option: str, columns: str | None, by: str) -> dict[str, Any]:
    from mlmath.exercises.csv_data import csv_inputs, parse_columns
    from mlmath.exercises.inputs import InputError

    if not columns:
        raise InputError('with --csv, name the columns to use: --columns x,y (or "values" --by g)')
    names = parse_columns(columns)
    if option == "-":
        return csv_inputs(fields, sys.stdin.buffer, names, by)
    try:
        with open(option, "rb") as handle:
            return csv_inputs(fields, handle, names, by)
    except OSError as error:
        raise InputError(f"cannot read {option}: {error.strerror or error}") from None
