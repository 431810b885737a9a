"""What to type: the answer format described to the learner before they answer.

>>> from mlmath.answers.format import AnswerFormat, Kind
>>> answer_instructions(AnswerFormat(Kind.NUMBER, decimals=2))
'A number, to 2 decimal places (e.g. 0.25), or exact (e.g. 1/4).'
>>> answer_instructions(AnswerFormat(Kind.MATRIX, shape=(2, 3)))
'A 2×3 matrix: rows separated by semicolons or new lines, e.g. 1 2 3; 4 5 6.'
"""

from __future__ import annotations

from mlmath.answers.format import AnswerFormat, Kind


def answer_instructions(fmt: AnswerFormat) -> str:
    """One sentence saying what kind of answer is expected and how precisely."""
    match fmt.kind:
        case Kind.NUMBER:
            if fmt.decimals is not None:
                example = f"{0.25:.{fmt.decimals}f}" if fmt.decimals else "3"
                text = f"A number, to {fmt.decimals} decimal places (e.g. {example}), or exact"
                return text + " (e.g. 1/4)."
            if fmt.relative_tolerance or fmt.absolute_tolerance:
                return "A number; decimals are fine (e.g. 0.333 or 1/3)."
            tail = ", or a percentage (e.g. 25%)" if fmt.percent_allowed else ""
            return f"An exact number: an integer, a fraction (e.g. -3/4) or a decimal{tail}."
        case Kind.VECTOR if fmt.interval:
            places = f", to {fmt.decimals} decimal places" if fmt.decimals is not None else ""
            return f"An interval{places}: (46.1, 53.9), 46.1 to 53.9, or 50 ± 3.9."
        case Kind.VECTOR if fmt.unordered:
            size = f"{fmt.shape[0]} values" if fmt.shape else "the values"
            places = f", to {fmt.decimals} decimal places" if fmt.decimals is not None else ""
            return f"The {size}{places}, in any order, separated by commas, e.g. 2, -1."
        case Kind.VECTOR:
            size = f"{fmt.shape[0]} entries" if fmt.shape else "its entries"
            scale = " Any non-zero multiple is accepted." if fmt.up_to_scale else ""
            return f"A vector with {size}, e.g. (1, -2, 3/4).{scale}"
        case Kind.MATRIX:
            if fmt.shape and len(fmt.shape) == 2:
                rows, cols = fmt.shape
                example = "; ".join(
                    " ".join(str(r * cols + c + 1) for c in range(cols)) for r in range(rows)
                )
                return (
                    f"A {rows}×{cols} matrix: rows separated by semicolons or new lines, "
                    f"e.g. {example}."
                )
            return "A matrix: rows separated by semicolons or new lines, e.g. 1 2; 3 4."
        case Kind.SOLUTION_SET:
            names = ", ".join(fmt.variables) or "the unknowns"
            return (
                f"Values for {names} (e.g. x = 1, y = 2), a description with a parameter "
                "(e.g. x = 1 - t, y = t), or 'no solution'."
            )
        case Kind.EXPRESSION:
            names = ", ".join(fmt.variables)
            variables = f" in {names}" if names else ""
            return f"An expression{variables}, e.g. 2x^2 + 3x - 1 or 2(x + 1)."
        case Kind.CHOICE:
            return "One option: its letter or its text."
        case Kind.CHOICES:
            return "Every option that applies: their letters, separated by commas (e.g. a, c)."
    raise AssertionError(fmt.kind)
