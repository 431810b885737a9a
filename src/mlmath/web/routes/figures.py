"""The figure gallery: every kind of interactive figure with one sample each (``/figures``),
and one kind on its own page (``/figures/<kind>``), without opening a lesson.

``/figures/<kind>?params={…}`` draws the kind with other parameters (JSON, checked like a
lesson block's): a way to try a figure on other numbers, and to test its edge cases.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from mlmath.exercises.figures import SAMPLES, figure_problems
from mlmath.web.deps import OptionalUserDep, render
from mlmath.web.markdown import figure_element

router = APIRouter()

MAX_PARAMS_CHARS = 2_000


@router.get("/figures", response_class=HTMLResponse)
def gallery(request: Request, user: OptionalUserDep) -> HTMLResponse:
    samples = [(kind, figure_element(spec)) for kind, spec in sorted(SAMPLES.items())]
    return render(request, "figures.html", {"samples": samples})


@router.get("/figures/{kind}", response_class=HTMLResponse)
def one_kind(request: Request, kind: str, user: OptionalUserDep) -> HTMLResponse:
    sample = SAMPLES.get(kind)
    if sample is None:
        raise HTTPException(status_code=404)
    spec: dict[str, Any] = dict(sample)
    problems: list[str] = []
    given = request.query_params.get("params")
    if given is not None:
        try:
            params = json.loads(given[:MAX_PARAMS_CHARS])
        except json.JSONDecodeError:
            problems = ['params must be JSON, such as {"start": 2}']
        else:
            tried = {**spec, "params": params}
            problems = figure_problems(tried)
            if not problems:
                spec = tried
    context = {
        "kind": kind,
        "figure": figure_element(spec),
        "problems": problems,
        "params": json.dumps(spec["params"], ensure_ascii=False),
    }
    return render(request, "figure.html", context, status_code=400 if problems else 200)
