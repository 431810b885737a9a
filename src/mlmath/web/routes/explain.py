"""Explain: the worked solution for the learner's own input — the same code as `mlmath solve`.

Each input of the skill gets a text box; a box takes JSON (``[[1, 2], [3, 4]]``)
or the way answers are typed (``1 2; 3 4``). A data set is pasted as numbers
separated by spaces, commas or new lines (groups: one group per line), or comes
from a CSV table — uploaded or pasted — with the columns to use named. Showing a
solution changes nothing: small inputs may come in a GET link; the form itself is
POSTed, so that a large data set fits.
"""

from __future__ import annotations

import io
import json
import re
from typing import IO, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from mlmath.answers import AnswerError, parse
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.engine import render as engine_render
from mlmath.engine.solution import NotSolvable
from mlmath.exercises.csv_data import csv_inputs, parse_columns
from mlmath.exercises.inputs import DATA_KINDS, Field, InputError, read_json
from mlmath.exercises.skill import Skill
from mlmath.web import mathview
from mlmath.web.deps import SiteDep, UserDep, render, skill_or_404

router = APIRouter()

MAX_INPUT_CHARS = 5_000
"""Longest text accepted in a box (a data set's box: MAX_DATA_CHARS)."""
MAX_DATA_CHARS = 1 << 20
"""Longest data set pasted into a box (1 MiB; a larger one comes as a CSV file)."""
TYPED_KINDS = {"matrix": Kind.MATRIX, "vector": Kind.VECTOR, "number": Kind.NUMBER}
SEPARATORS = re.compile(r"[\s,;]+")
CSV_FIELDS = ("csv_text", "columns", "by")


def read_field(field: Field, text: str) -> Any:
    """A box's text as the JSON value the skill's inputs expect."""
    text = text.strip()
    limit = MAX_DATA_CHARS if field.kind in DATA_KINDS else MAX_INPUT_CHARS
    if len(text) > limit:
        raise InputError(
            f"{field.name}: more than {limit:,} characters; give a data set this large as a "
            "CSV file"
        )
    if field.kind in ("string", "choice", "expression"):
        return text
    try:
        return read_json(text)
    except json.JSONDecodeError:
        pass
    if field.kind == "data":
        return pasted_numbers(text)
    if field.kind == "groups":
        return [pasted_numbers(line) for line in text.splitlines() if line.strip()]
    kind = TYPED_KINDS.get(field.kind)
    if kind is None:
        raise InputError(f"{field.name}: write it as JSON, e.g. [1, 2, 3]")
    try:
        value = parse(text, AnswerFormat(kind))
    except AnswerError as error:
        raise InputError(f"{field.name}: {error.message}") from None
    return engine_render.to_json(value)


def pasted_numbers(text: str) -> list[str]:
    """Numbers pasted from a spreadsheet or typed: separated by spaces, tabs, commas,
    semicolons or new lines. Each is read exactly by the skill's input."""
    return [token for token in SEPARATORS.split(text.strip().strip("[]")) if token]


def example_inputs(skill: Skill) -> dict[str, str]:
    """A generated variant's inputs, as starting values for the boxes."""
    try:
        params = skill.variant(1, 1).params
    except Exception:  # a skill whose params are not its inputs: leave the boxes empty
        return {}
    out = {}
    for field in skill.inputs:
        if field.name in params:
            value = engine_render.to_json(params[field.name])
            out[field.name] = value if isinstance(value, str) else json.dumps(value)
    return out


def explained(
    skill: Skill,
    given: dict[str, str | None],
    table: IO[bytes] | None = None,
    columns: str = "",
    by: str = "",
) -> tuple[str, dict[str, Any] | None]:
    """The error to show, or the worked solution, for the boxes' text (and a CSV table)."""
    try:
        raw = {
            f.name: read_field(f, given[f.name] or "")
            for f in skill.inputs
            if (given[f.name] or "").strip() or (f.required and table is None)
        }
        if table is not None:
            if not columns.strip():
                raise InputError("name the CSV columns to use, comma-separated, like x,y")
            raw.update(csv_inputs(skill.inputs, table, parse_columns(columns), by.strip()))
        params = skill.read_inputs(raw)
        result = skill.solve(params)
    except (InputError, NotSolvable) as problem:
        return str(problem), None
    return "", {"steps": mathview.steps(result), "answer": mathview.answer_piece(result.answer)}


def _page(
    request: Request,
    skill: Skill,
    values: dict[str, str],
    error: str = "",
    solution: dict[str, Any] | None = None,
) -> HTMLResponse:
    takes_data = any(f.kind in DATA_KINDS for f in skill.inputs)
    return render(
        request,
        "explain.html",
        {
            "skill": skill,
            "values": values,
            "error": error,
            "solution": solution,
            "takes_data": takes_data,
        },
    )


@router.get("/explain", response_class=HTMLResponse)
def explain_index(request: Request, site: SiteDep, user: UserDep) -> HTMLResponse:
    return render(request, "explain_index.html", {"skills": list(site.skills.values())})


@router.get("/explain/{skill_id}", response_class=HTMLResponse)
def explain(request: Request, skill_id: str, site: SiteDep, user: UserDep) -> HTMLResponse:
    skill = skill_or_404(site, skill_id)
    given = {f.name: request.query_params.get(f.name) for f in skill.inputs}
    if not any(v is not None for v in given.values()):
        return _page(request, skill, example_inputs(skill))
    error, solution = explained(skill, given)
    values = {k: v for k, v in given.items() if v is not None}
    return _page(request, skill, values, error, solution)


@router.post("/explain/{skill_id}", response_class=HTMLResponse)
async def explain_posted(
    request: Request, skill_id: str, site: SiteDep, user: UserDep
) -> HTMLResponse:
    """The form: the boxes, and a CSV table uploaded or pasted (its CSRF token is checked
    for every POST)."""
    skill = skill_or_404(site, skill_id)
    form = await request.form()
    text = {name: value for name, value in form.items() if isinstance(value, str)}
    given = {f.name: text.get(f.name) for f in skill.inputs}
    upload = form.get("csv_file")
    table: IO[bytes] | None = None
    if isinstance(upload, UploadFile) and upload.filename:
        table = upload.file
    elif text.get("csv_text", "").strip():
        table = io.BytesIO(text["csv_text"].encode())
    try:
        error, solution = await run_in_threadpool(
            explained, skill, given, table, text.get("columns", ""), text.get("by", "")
        )
    finally:
        if isinstance(upload, UploadFile):
            await upload.close()
    values = {k: v for k, v in given.items() if v is not None}
    values.update({k: text[k] for k in CSV_FIELDS if k in text})
    return _page(request, skill, values, error, solution)
