"""Lesson Markdown → HTML: CommonMark + tables + ``$…$`` math + interactive figures.

Raw HTML in lessons is escaped, not passed through. Math becomes an element
holding its LaTeX in ``data-latex`` (rendered in the browser by KaTeX, with the
source as the text until then). A fenced ``figure`` block holds YAML
(``kind``, ``params``, ``caption``, optional ``alt``) and becomes
``<figure class="interactive" data-kind=… data-params='json'>`` with its caption
and a text alternative; scripts under ``static/figures/`` draw it. A
``::: answer`` … ``:::`` container folds its content away behind "Show the answer"
(a ``<details>`` element): the answer to a lesson's "check yourself" question.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from html import escape
from typing import Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin


def _math(content: str, options: dict[str, Any]) -> str:
    source = escape(content.strip(), quote=True)
    if options.get("display_mode"):
        return f'<div class="math display" data-latex="{source}">{source}</div>\n'
    return f'<span class="math" data-latex="{source}">{source}</span>'


def figure_html(source: str) -> str:
    """A fenced ``figure`` block (YAML) as HTML."""
    try:
        spec = yaml.safe_load(source) or {}
        if not isinstance(spec, dict) or not isinstance(spec.get("kind"), str):
            raise ValueError("a figure needs a kind")
    except (yaml.YAMLError, ValueError) as error:
        return f'<p class="notice">This figure could not be read ({escape(str(error))}).</p>\n'
    return figure_element(spec)


def figure_element(spec: Mapping[str, Any]) -> str:
    """``{"kind", "params", "caption", "alt"}`` as the ``<figure>`` the figure scripts draw.

    Used for lesson blocks and for the figures skills build from a variant's numbers."""
    kind = escape(str(spec["kind"]), quote=True)
    params = escape(json.dumps(spec.get("params") or {}, ensure_ascii=False), quote=True)
    caption = escape(str(spec.get("caption") or ""))
    alt = escape(str(spec.get("alt") or spec.get("caption") or f"An interactive {kind} figure."))
    return (
        f'<figure class="interactive" data-kind="{kind}" data-params="{params}">'
        f'<div class="figure-canvas" aria-hidden="true"></div>'
        f'<p class="figure-alt">{alt}</p>'
        f"<figcaption>{caption}</figcaption></figure>\n"
    )


def _answer(_renderer: Any, tokens: Any, idx: int, _options: Any, _env: Any) -> str:
    if tokens[idx].nesting == 1:
        return '<details class="answer"><summary>Show the answer</summary>\n'
    return "</details>\n"


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    dollarmath_plugin(md, allow_labels=False, allow_digits=False)
    container_plugin(md, "answer", render=_answer)
    md.add_render_rule(
        "math_inline", lambda _r, tokens, idx, _o, _e: _math(tokens[idx].content, {})
    )
    md.add_render_rule(
        "math_block",
        lambda _r, tokens, idx, _o, _e: _math(tokens[idx].content, {"display_mode": True}),
    )
    default_fence = md.renderer.rules["fence"]  # type: ignore[attr-defined]

    def fence(_renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.info.strip() == "figure":
            return figure_html(token.content)
        return str(default_fence(tokens, idx, options, env))

    md.add_render_rule("fence", fence)
    return md


def to_html(markdown: str) -> str:
    """Lesson Markdown as HTML (trusted content; raw HTML in it is escaped)."""
    return str(_parser().render(markdown))


def has_figures(markdown: str) -> bool:
    return "```figure" in markdown
