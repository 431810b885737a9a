"""Explain: the worked solution for the learner's own input — the same code as `mlmath solve`.

Each input of the skill gets a text box; a box takes JSON (``[[1, 2], [3, 4]]``)
or the way answers are typed (``1 2; 3 4``). Showing a solution changes nothing,
so the form is sent with GET.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mlmath.answers import AnswerError, parse
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.engine import render as engine_render
from mlmath.engine.solution import NotSolvable
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.skill import Skill
from mlmath.web import mathview
from mlmath.web.deps import SiteDep, UserDep, render, skill_or_404

router = APIRouter()

MAX_INPUT_CHARS = 5_000
TYPED_KINDS = {"matrix": Kind.MATRIX, "vector": Kind.VECTOR, "number": Kind.NUMBER}


def read_field(field: Field, text: str) -> Any:
    """A box's text as the JSON value the skill's inputs expect."""
    text = text.strip()[:MAX_INPUT_CHARS]
    if field.kind in ("string", "choice", "expression"):
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    kind = TYPED_KINDS.get(field.kind)
    if kind is None:
        raise InputError(f"{field.name}: write it as JSON, e.g. [1, 2, 3]")
    try:
        value = parse(text, AnswerFormat(kind))
    except AnswerError as error:
        raise InputError(f"{field.name}: {error.message}") from None
    return engine_render.to_json(value)


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


@router.get("/explain", response_class=HTMLResponse)
def explain_index(request: Request, site: SiteDep, user: UserDep) -> HTMLResponse:
    return render(request, "explain_index.html", {"skills": list(site.skills.values())})


@router.get("/explain/{skill_id}", response_class=HTMLResponse)
def explain(request: Request, skill_id: str, site: SiteDep, user: UserDep) -> HTMLResponse:
    skill = skill_or_404(site, skill_id)
    given = {f.name: request.query_params.get(f.name) for f in skill.inputs}
    submitted = any(v is not None for v in given.values())
    values = (
        {k: v for k, v in given.items() if v is not None} if submitted else example_inputs(skill)
    )
    error, solution = "", None
    if submitted:
        try:
            raw = {
                f.name: read_field(f, given[f.name] or "")
                for f in skill.inputs
                if (given[f.name] or "").strip() or f.required
            }
            params = skill.read_inputs(raw)
            result = skill.solve(params)
            solution = {
                "steps": mathview.steps(result),
                "answer": mathview.answer_piece(result.answer),
            }
        except (InputError, NotSolvable) as problem:
            error = str(problem)
    return render(
        request,
        "explain.html",
        {"skill": skill, "values": values, "error": error, "solution": solution},
        status_code=200,
    )
