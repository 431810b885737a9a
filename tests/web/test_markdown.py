"""Lesson Markdown: a "check yourself" answer is folded away; raw HTML stays text."""

from __future__ import annotations

from mlmath.web.markdown import to_html


def test_an_answer_container_is_folded_behind_show_the_answer() -> None:
    html = to_html("**Check yourself.** What is $2 + 2$?\n\n::: answer\nIt is **4**.\n:::\n")
    question, folded = html.split('<details class="answer">')
    assert "Check yourself" in question
    assert "It is" not in question
    assert folded.startswith("<summary>Show the answer</summary>")
    assert "<p>It is <strong>4</strong>.</p>" in folded
    assert folded.rstrip().endswith("</details>")


def test_raw_html_in_a_lesson_is_escaped_even_inside_an_answer() -> None:
    html = to_html("::: answer\n<script>alert(1)</script>\n:::\n")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
