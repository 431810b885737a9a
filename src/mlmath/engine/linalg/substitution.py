"""Solve a linear system by substitution: isolate an unknown, put it into the others, repeat.

The unknown to isolate is chosen as a person would: one whose coefficient is 1
or −1 if there is one (no fractions), in the first equation that has it.

>>> from mlmath.engine.linalg.system import LinearSystem
>>> solution = solve_by_substitution(LinearSystem.of([[3, 4], [1, 2]], [7, 5]))
>>> solution.answer.text()
'x = -3, y = 4'
>>> solution.steps[1].math.text()
'x + 2y = 5  ⇒  x = 5 - 2y'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.exact import Vector
from mlmath.engine.linalg.linear_expression import (
    LinearEquation,
    LinearExpression,
    coefficient_text,
)
from mlmath.engine.linalg.solution_set import SolutionSet, parameter_names
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import Formula, LazyFormula, Solution, Step, formula_later


@dataclass(frozen=True, slots=True)
class Isolation:
    """Equation ``equation`` (1-based label) solved for ``unknown``: ``unknown = expression``."""

    equation: int
    unknown: str
    expression: LinearExpression


def equations_of(system: LinearSystem) -> list[LinearEquation]:
    """The system's equations over its unknowns and spare parameter names."""
    names = system.variables + parameter_names(system.size[1], system.variables)
    return [
        LinearEquation.of(names, dict(zip(system.variables, row, strict=True)), right)
        for row, right in zip(system.matrix.rows, system.rhs, strict=True)
    ]


def choose_isolation(
    labelled: Sequence[tuple[int, LinearEquation]], unknowns: Sequence[str]
) -> tuple[int, str] | None:
    """Which equation to solve for which unknown: a coefficient ±1 first, else the first one."""
    for label, equation in labelled:
        for name in unknowns:
            if abs(equation.left.coefficient(name)) == 1:
                return label, name
    for label, equation in labelled:
        for name in unknowns:
            if equation.left.coefficient(name) != 0:
                return label, name
    return None


def solve_by_substitution(system: LinearSystem) -> Solution[SolutionSet]:
    """The solution set of ``system``, by repeated substitution, then back substitution."""
    unknowns = system.variables
    remaining = list(enumerate(equations_of(system), start=1))
    steps: list[Step] = [Step("The system", system)]
    isolations: list[Isolation] = []
    while remaining:
        choice = choose_isolation(remaining, unknowns)
        if choice is None:
            break
        label, name = choice
        equation = dict(remaining)[label]
        expression = equation.solve_for(name)
        isolations.append(Isolation(label, name, expression))
        remaining = [(k, e) for k, e in remaining if k != label]
        steps.append(_isolation_step(label, name, equation, expression))
        substeps: list[Step] = []
        kept: list[tuple[int, LinearEquation]] = []
        for other_label, other in remaining:
            if other.left.coefficient(name) == 0:
                kept.append((other_label, other))
                continue
            result = other.substitute(name, expression)
            substeps.append(
                Step(
                    f"Equation {other_label}",
                    _substitution_formula(other, name, expression, result),
                )
            )
            if result.is_contradiction:
                steps.append(_substitute_step(name, expression, substeps))
                steps.append(
                    Step(
                        f"Equation {other_label} became {result.text()}, which is never true: "
                        "the system has no solution",
                        result,
                    )
                )
                return Solution(SolutionSet.empty(unknowns), tuple(steps))
            if result.is_identity:
                substeps.append(
                    Step(
                        f"Equation {other_label} became 0 = 0: always true, it adds nothing "
                        "(it depended on the others); drop it"
                    )
                )
                continue
            kept.append((other_label, result))
        if substeps:
            steps.append(_substitute_step(name, expression, substeps))
        remaining = kept
    for label, equation in remaining:
        if equation.is_contradiction:
            steps.append(
                Step(f"Equation {label} reads {equation.text()}: never true, no solution", equation)
            )
            return Solution(SolutionSet.empty(unknowns), tuple(steps))
    solution_set, back_steps = _back_substitute(system, isolations)
    steps += back_steps
    return Solution(solution_set, tuple(steps))


def _isolation_step(
    label: int, name: str, equation: LinearEquation, expression: LinearExpression
) -> Step:
    coefficient = equation.left.coefficient(name)
    why = ""
    if coefficient == 1:
        why = " (its coefficient is 1, so no fractions appear)"
    elif coefficient == -1:
        why = " (its coefficient is -1, so no fractions appear)"
    return Step(
        f"Solve equation {label} for {name}{why}",
        formula_later(
            lambda: rf"{equation.latex()} \;\Rightarrow\; {name} = {expression.latex()}",
            lambda: f"{equation.text()}  ⇒  {name} = {expression.text()}",
        ),
    )


def _substitute_step(name: str, expression: LinearExpression, substeps: list[Step]) -> Step:
    return Step(
        f"Substitute {name} = {expression.text()} into the other equations and collect terms",
        None,
        tuple(substeps),
    )


def _substitution_formula(
    equation: LinearEquation, name: str, expression: LinearExpression, result: LinearEquation
) -> LazyFormula:
    """``3x + 4y = 7 ⇒ 3(5 - 2y) + 4y = 7 ⇒ -2y = -8``."""

    def substituted(write: Callable[[Fraction], str], inner: str, brackets: tuple[str, str]) -> str:
        parts: list[tuple[bool, str]] = []
        left = equation.left
        for other, a in zip(left.names, left.coefficients, strict=True):
            if a == 0:
                continue
            magnitude = abs(a)
            if other == name:
                scale = "" if magnitude == 1 else write(magnitude)
                body = f"{scale}{brackets[0]}{inner}{brackets[1]}"
            else:
                body = other if magnitude == 1 else f"{write(magnitude)}{other}"
            parts.append((a < 0, body))
        out = ("-" if parts[0][0] else "") + parts[0][1]
        for negative, body in parts[1:]:
            out += (" - " if negative else " + ") + body
        return out

    def latex() -> str:
        inner = substituted(number_latex, expression.latex(), (r"\left(", r"\right)"))
        return (
            rf"{equation.latex()} \;\Rightarrow\; {inner} = {number_latex(equation.right)}"
            rf" \;\Rightarrow\; {result.latex()}"
        )

    def text() -> str:
        inner = substituted(coefficient_text, expression.text(), ("(", ")"))
        return f"{equation.text()}  ⇒  {inner} = {number_text(equation.right)}  ⇒  {result.text()}"

    return formula_later(latex, text)


def _back_substitute(
    system: LinearSystem, isolations: list[Isolation]
) -> tuple[SolutionSet, list[Step]]:
    unknowns = system.variables
    names = unknowns + parameter_names(len(unknowns), unknowns)
    isolated = {i.unknown for i in isolations}
    free = [name for name in unknowns if name not in isolated]
    parameters = parameter_names(len(free), unknowns)
    values = {
        name: LinearExpression.name(names, p) for name, p in zip(free, parameters, strict=True)
    }
    steps: list[Step] = []
    if free:
        listed = ", ".join(free)
        steps.append(
            Step(
                f"No equation is left to fix {listed}: "
                f"{'they are free variables' if len(free) > 1 else 'it is a free variable'}",
                Formula(
                    r",\quad ".join(f"{v} = {p}" for v, p in zip(free, parameters, strict=True)),
                    ", ".join(f"{v} = {p}" for v, p in zip(free, parameters, strict=True)),
                ),
            )
        )
    substeps: list[Step] = []
    for isolation in reversed(isolations):
        value = isolation.expression
        for name, known in values.items():
            value = value.substitute(name, known)
        values[isolation.unknown] = value
        if isolation.expression.is_constant:
            continue
        substeps.append(
            Step(
                f"Put the values found into {isolation.unknown} = {isolation.expression.text()}",
                _plugged_in_formula(isolation, dict(values), value),
            )
        )
    if substeps:
        steps.append(Step("Work back up, substituting the values found", None, tuple(substeps)))
    particular = Vector(tuple(values[name].constant for name in unknowns))
    directions = tuple(
        Vector(tuple(values[name].coefficient(p) for name in unknowns)) for p in parameters
    )
    solution_set = SolutionSet(unknowns, particular, directions)
    steps.append(
        Step(
            "The system has exactly one solution"
            if not directions
            else "The system has infinitely many solutions, one for each value of "
            + ", ".join(parameters),
            solution_set,
        )
    )
    return solution_set, steps


def _plugged_in_formula(
    isolation: Isolation, values: dict[str, LinearExpression], value: LinearExpression
) -> LazyFormula:
    """``z = 2 - y = 2 - (3) = -1``: an isolated unknown worked out from the values found."""
    unknown, expression = isolation.unknown, isolation.expression
    return formula_later(
        lambda: (
            rf"{unknown} = {expression.latex()} = "
            rf"{_plugged_in(expression, values, latex=True)} = {value.latex()}"
        ),
        lambda: (
            f"{unknown} = {expression.text()} = "
            f"{_plugged_in(expression, values, latex=False)} = {value.text()}"
        ),
    )


def _plugged_in(
    expression: LinearExpression, values: dict[str, LinearExpression], *, latex: bool
) -> str:
    """``-4/5 + (37/15)``: the expression with each unknown replaced by its value."""
    write = number_latex if latex else coefficient_text
    left, right = (r"\left(", r"\right)") if latex else ("(", ")")
    out = number_latex(expression.constant) if latex else number_text(expression.constant)
    out = "" if expression.constant == 0 else out
    for name, a in zip(expression.names, expression.coefficients, strict=True):
        if a == 0:
            continue
        shown = values[name].latex() if latex else values[name].text()
        body = ("" if abs(a) == 1 else write(abs(a))) + f"{left}{shown}{right}"
        if not out:
            out = ("-" if a < 0 else "") + body
        else:
            out += (" - " if a < 0 else " + ") + body
    return out
