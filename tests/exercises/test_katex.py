"""Every prompt, option, worked-solution step and answer of every skill is LaTeX that KaTeX
renders without an error (the web shows a red source line otherwise)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mlmath.engine import render
from mlmath.engine.solution import Step
from mlmath.exercises.registry import all_skills

KATEX = Path(__file__).resolve().parents[2] / "src/mlmath/web/static/vendor/katex/katex.min.js"
SEEDS = range(4)


def step_formulas(steps: tuple[Step, ...], where: str) -> list[dict[str, str]]:
    found = []
    for number, step in enumerate(steps, 1):
        if step.math is not None:
            found.append({"where": f"{where} step {number}", "tex": render.latex(step.math)})
        found += step_formulas(step.substeps, f"{where} step {number}.")
    return found


def formulas() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for skill in all_skills().values():
        for level in range(1, skill.levels + 1):
            for seed in SEEDS:
                params = skill.variant(seed, level).params
                where = f"{skill.id} level {level} seed {seed}"
                for part in skill.prompt(params):
                    if not isinstance(part, str):
                        found.append({"where": f"{where} prompt", "tex": render.latex(part)})
                for option in skill.answer_format(params).options:
                    found.append({"where": f"{where} option", "tex": render.latex(option.label)})
                solution = skill.solve(params)
                found += step_formulas(solution.steps, where)
                answer = solution.answer
                if not isinstance(answer, str | frozenset):
                    found.append({"where": f"{where} answer", "tex": render.latex(answer)})
    return found


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run KaTeX")
@pytest.mark.skipif(not KATEX.is_file(), reason=f"KaTeX is not vendored at {KATEX}")
def test_katex_renders_every_skill_formula(tmp_path: Path) -> None:
    items = formulas()
    data = tmp_path / "formulas.json"
    data.write_text(json.dumps(items), encoding="utf-8")
    script = f"""
const katex = require({json.dumps(str(KATEX))});
const items = require({json.dumps(str(data))});
const seen = new Set();
for (const item of items) {{
  try {{
    katex.renderToString(item.tex, {{displayMode: true, throwOnError: true, strict: "ignore",
                                     trust: false, maxExpand: 1000, maxSize: 50}});
  }} catch (error) {{
    const key = item.where.split(" level")[0] + error.message;
    if (!seen.has(key)) {{ seen.add(key); console.log(item.where + ": " + error.message); }}
  }}
}}
"""
    result = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout == "", result.stdout
