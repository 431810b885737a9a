"""Lesson Markdown renders as intended: all math is read as math, and KaTeX accepts it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mlmath.content.curriculum import Curriculum

DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE = re.compile(r"\$(.+?)\$", re.DOTALL)
KATEX = Path(__file__).resolve().parents[2] / "src/mlmath/web/static/vendor/katex/katex.min.js"


def math_of(course_tree: Curriculum) -> list[dict[str, Any]]:
    found = []
    for lesson in course_tree.lessons():
        for topic in lesson.topics:
            where = f"{lesson.id}: {topic.title}"
            for tex in DISPLAY.findall(topic.body):
                found.append({"where": where, "tex": tex, "display": True})
            for tex in INLINE.findall(DISPLAY.sub("", topic.body)):
                found.append({"where": where, "tex": tex, "display": False})
    return found


def test_every_dollar_sign_is_read_as_math(course_tree: Curriculum) -> None:
    markdown = pytest.importorskip("mlmath.web.markdown")
    stray = []
    for lesson in course_tree.lessons():
        for topic in lesson.topics:
            pending = list(markdown._parser().parse(topic.body))
            while pending:
                token = pending.pop()
                pending += token.children or []
                if token.type == "text" and "$" in token.content:
                    stray.append(f"{lesson.id}: {topic.title}: {token.content[:60]!r}")
    assert not stray, "a '$' read as text (display math needs a blank line before it):\n" + (
        "\n".join(stray)
    )


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run KaTeX")
@pytest.mark.skipif(not KATEX.is_file(), reason=f"KaTeX is not vendored at {KATEX}")
def test_katex_accepts_every_formula(course_tree: Curriculum, tmp_path: Path) -> None:
    formulas = tmp_path / "formulas.json"
    formulas.write_text(json.dumps(math_of(course_tree)), encoding="utf-8")
    script = f"""
const katex = require({json.dumps(str(KATEX))});
const items = require({json.dumps(str(formulas))});
for (const item of items) {{
  try {{
    katex.renderToString(item.tex, {{displayMode: item.display, throwOnError: true,
                                     strict: "error"}});
  }} catch (error) {{ console.log(item.where + ": " + error.message); }}
}}
"""
    result = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "", result.stdout
