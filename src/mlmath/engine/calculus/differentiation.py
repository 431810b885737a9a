"""Derivatives by rules, each rule a small object that knows its words and its result.

:func:`derivative_rule` reads an expression from the outside in and picks one rule
per node — constant, power, sum, constant multiple, product, quotient, chain,
``eˣ``, ``ln x``, ``sin``/``cos``, the sigmoid — the way SymPy's
``manualintegrate`` does for integrals. The rule tree *is* the worked solution:
:meth:`Rule.step` writes it out, one step per rule with its sub-steps.

A rule can also be applied the way a beginner misremembers it (``mistake=``):
the power rule that keeps the exponent, a forgotten chain rule, the product of
the derivatives for the product rule … Skills use these to recognise a wrong
answer by the mistake that produces it.

>>> from mlmath.engine.calculus.expression import Func, Var, mul, power, const
>>> x = Var("x")
>>> f = mul(power(x, const(2)), Func("exp", mul(const(3), x)))
>>> derivative(f).answer.text()
'2x*e^(3x) + 3x^2*e^(3x)'
>>> mistaken_derivative(f, "x", "product_of_derivatives").text()
'6x*e^(3x)'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any, ClassVar

from mlmath.engine.calculus.expression import (
    ONE,
    ZERO,
    Add,
    Const,
    Div,
    Expr,
    Func,
    Mul,
    Pow,
    Var,
    add,
    const,
    div,
    mul,
    neg,
    power,
    sub,
    substitute,
)
from mlmath.engine.solution import NotSolvable, Solution, Step, WorkedLater

MISTAKES = frozenset(
    {
        "constant_kept",  # d/dx c = c
        "power_keeps_exponent",  # d/dx xⁿ = n·xⁿ
        "power_raises_exponent",  # d/dx xⁿ = n·xⁿ⁺¹
        "exp_power_rule",  # d/dx eˣ = x·eˣ⁻¹
        "chain_forgotten",  # f(g(x))′ = f′(g(x))
        "ln_without_inner",  # ln(g)′ = 1/g
        "product_of_derivatives",  # (fg)′ = f′g′
        "quotient_reversed",  # (f/g)′ = (fg′ − f′g)/g²
    }
)
"""The misremembered rules :func:`mistaken_derivative` can apply."""


@dataclass(frozen=True)
class Context:
    """With respect to which variable, whether partially, and with which mistake (if any)."""

    variable: str
    partial: bool = False
    mistake: str | None = None

    def operator_latex(self) -> str:
        d = r"\partial" if self.partial else "d"
        return rf"\frac{{{d}}}{{{d} {self.variable}}}"

    def operator_text(self) -> str:
        d = "∂" if self.partial else "d"
        return f"{d}/{d}{self.variable}"


@dataclass(frozen=True, slots=True)
class DerivativeFormula:
    """``d/dx [f] = f′``, written out only when a step is shown.

    With the ``rule`` that gave it, it shows that rule with this step's parts put in
    (:meth:`Rule.filled`, before simplifying), also only when shown:
    ``d/dx [x(3x + 6)] = 1·(3x + 6) + x·3 = 6x + 6``."""

    context: Context
    expression: Expr
    result: Expr
    rule: Rule | None = field(default=None, compare=False, repr=False)

    @property
    def filled(self) -> Filled | None:
        return self.rule.filled() if self.rule is not None else None

    def latex(self) -> str:
        c = self.context
        filled = self.filled
        middle = f" = {filled.latex}" if filled and self._shows(filled) else ""
        return (
            rf"{c.operator_latex()}\left[{self.expression.latex()}\right]{middle}"
            rf" = {self.result.latex()}"
        )

    def text(self) -> str:
        c = self.context
        filled = self.filled
        middle = f" = {filled.text}" if filled and self._shows(filled) else ""
        return f"{c.operator_text()} [{self.expression.text()}]{middle} = {self.result.text()}"

    def _shows(self, filled: Filled) -> bool:
        return filled.text != self.result.text()

    def to_json(self) -> Any:
        return {"latex": self.latex(), "text": self.text()}


@dataclass(frozen=True, slots=True)
class Filled:
    """A rule with its parts substituted, as text and LaTeX (nothing simplified yet)."""

    text: str
    latex: str


def _factor_text(e: Expr) -> str:
    body = e.text()
    # a fraction is bracketed too: (11/5)·2x, not 11/5·2x
    wrap = e.precedence < 2 or body.startswith("-") or ("/" in body and isinstance(e, Const))
    return f"({body})" if wrap else body


def _factor_latex(e: Expr) -> str:
    body = e.latex()
    wrap = e.precedence < 2 or body.startswith("-")
    return rf"\left({body}\right)" if wrap else body


def _times(*factors: Expr) -> Filled:
    """``a·b`` with each factor bracketed where it needs to be: ``1·(3x + 6)``."""
    return Filled(
        "·".join(_factor_text(f) for f in factors),
        r" \cdot ".join(_factor_latex(f) for f in factors),
    )


@dataclass(frozen=True)
class Rule:
    """One rule applied to one expression; ``result`` is the derivative it gives."""

    expression: Expr
    context: Context

    name: ClassVar[str] = "rule"

    def words(self) -> str:
        raise NotImplementedError

    def compute(self) -> Expr:
        raise NotImplementedError

    def substeps(self) -> tuple[Rule, ...]:
        return ()

    @property
    def result(self) -> Expr:
        """The derivative this rule gives, worked once on first use (the tree is immutable;
        a plain dictionary look-up, as ``functools.cached_property`` takes a lock)."""
        found = self.__dict__.get("_result")
        if found is None:
            found = self.__dict__["_result"] = self.compute()
        return found

    def filled(self) -> Filled | None:
        """The rule with this expression's parts put in, before simplifying (if it has one)."""
        return None

    def formula(self) -> DerivativeFormula:
        return DerivativeFormula(self.context, self.expression, self.result, self)

    def step(self) -> Step:
        return Step(self.words(), self.formula(), tuple(r.step() for r in self.substeps()))

    def _mistake(self, name: str) -> bool:
        return self.context.mistake == name


@dataclass(frozen=True)
class ConstantRule(Rule):
    name = "constant"

    def words(self) -> str:
        others = sorted(self.expression.variables())
        if others:
            held = " and ".join(others)
            return (
                f"{held} {'is' if len(others) == 1 else 'are'} held constant, "
                f"so this is a constant: its derivative is 0"
            )
        return "Constant rule: a constant does not change, so its derivative is 0"

    def compute(self) -> Expr:
        return self.expression if self._mistake("constant_kept") else const(0)


@dataclass(frozen=True)
class IdentityRule(Rule):
    name = "identity"

    def words(self) -> str:
        v = self.context.variable
        height = "z" if v == "y" else "y"  # the line z = y, not y = y
        return f"The derivative of {v} itself is 1 (the line {height} = {v} has slope 1)"

    def compute(self) -> Expr:
        return const(1)


@dataclass(frozen=True)
class PowerRule(Rule):
    name = "power"
    exponent: Fraction = Fraction(1)

    def words(self) -> str:
        n = self.exponent
        v = self.context.variable
        return f"Power rule: the derivative of {v}^n is n·{v}^(n−1); here n = {n}"

    def compute(self) -> Expr:
        n = self.exponent
        base = Var(self.context.variable)
        if self._mistake("power_keeps_exponent"):
            return mul(const(n), power(base, const(n)))
        if self._mistake("power_raises_exponent"):
            return mul(const(n), power(base, const(n + 1)))
        if n < 1:
            return div(const(n), power(base, const(1 - n)))
        return mul(const(n), power(base, const(n - 1)))

    def filled(self) -> Filled | None:
        n, v = self.exponent, self.context.variable
        if self.context.mistake is not None or n == 1:
            return None
        lowered = f"{n} - 1" if n > 0 else f"({n}) - 1"
        return Filled(
            f"{_factor_text(Const(n))}·{v}^({lowered})",
            rf"{_factor_latex(Const(n))} \cdot {v}^{{{lowered}}}",
        )


@dataclass(frozen=True)
class SumRule(Rule):
    name = "sum"
    terms: tuple[Rule, ...] = ()

    def words(self) -> str:
        return "Sum rule: differentiate term by term and add the results"

    def compute(self) -> Expr:
        return add(*(t.result for t in self.terms))

    def filled(self) -> Filled | None:
        results = [t.result for t in self.terms]
        text = results[0].text()
        latex = results[0].latex()
        for r in results[1:]:
            text += f" + {_factor_text(r)}"
            latex += f" + {_factor_latex(r)}"
        return Filled(text, latex)

    def substeps(self) -> tuple[Rule, ...]:
        return self.terms


@dataclass(frozen=True)
class ConstantMultipleRule(Rule):
    name = "constant multiple"
    factor: Expr = ONE
    inner: Rule | None = None

    def words(self) -> str:
        return f"Constant multiple rule: the factor {self.factor.text()} stays in front"

    def compute(self) -> Expr:
        assert self.inner is not None
        return mul(self.factor, self.inner.result)

    def filled(self) -> Filled | None:
        assert self.inner is not None
        return _times(self.factor, self.inner.result)

    def substeps(self) -> tuple[Rule, ...]:
        assert self.inner is not None
        return (self.inner,)


@dataclass(frozen=True)
class ProductRule(Rule):
    name = "product"
    left: Rule | None = None
    right: Rule | None = None

    def words(self) -> str:
        assert self.left
        assert self.right
        f, g = self.left.expression.text(), self.right.expression.text()
        return f"Product rule: (f·g)′ = f′·g + f·g′, with f = {f} and g = {g}"

    def compute(self) -> Expr:
        assert self.left
        assert self.right
        f, g = self.left.expression, self.right.expression
        df, dg = self.left.result, self.right.result
        if self._mistake("product_of_derivatives"):
            return mul(df, dg)
        return add(mul(df, g), mul(f, dg))

    def filled(self) -> Filled | None:
        assert self.left
        assert self.right
        f, g = self.left.expression, self.right.expression
        first, second = _times(self.left.result, g), _times(f, self.right.result)
        return Filled(f"{first.text} + {second.text}", f"{first.latex} + {second.latex}")

    def substeps(self) -> tuple[Rule, ...]:
        assert self.left
        assert self.right
        return (self.left, self.right)


@dataclass(frozen=True)
class QuotientRule(Rule):
    name = "quotient"
    top: Rule | None = None
    bottom: Rule | None = None

    def words(self) -> str:
        assert self.top
        assert self.bottom
        f, g = self.top.expression.text(), self.bottom.expression.text()
        return f"Quotient rule: (f/g)′ = (f′·g − f·g′)/g², with f = {f} and g = {g}"

    def compute(self) -> Expr:
        assert self.top
        assert self.bottom
        f, g = self.top.expression, self.bottom.expression
        df, dg = self.top.result, self.bottom.result
        if self._mistake("quotient_reversed"):
            return div(sub(mul(f, dg), mul(df, g)), power(g, const(2)))
        return div(sub(mul(df, g), mul(f, dg)), power(g, const(2)))

    def filled(self) -> Filled | None:
        assert self.top
        assert self.bottom
        f, g = self.top.expression, self.bottom.expression
        first, second = _times(self.top.result, g), _times(f, self.bottom.result)
        return Filled(
            f"({first.text} − {second.text})/({g.text()})^2",
            rf"\frac{{{first.latex} - {second.latex}}}{{\left({g.latex()}\right)^2}}",
        )

    def substeps(self) -> tuple[Rule, ...]:
        assert self.top
        assert self.bottom
        return (self.top, self.bottom)


@dataclass(frozen=True)
class RewriteRule(Rule):
    name = "rewrite"
    rewritten: Expr = ZERO
    inner: Rule | None = None

    def words(self) -> str:
        return f"Rewrite {self.expression.text()} as {self.rewritten.text()}"

    def compute(self) -> Expr:
        assert self.inner is not None
        return self.inner.result

    def substeps(self) -> tuple[Rule, ...]:
        assert self.inner is not None
        return (self.inner,)


_FUNCTION_WORDS = {
    "exp": "The derivative of e^{v} is e^{v} itself: its slope equals its height",
    "ln": "The derivative of ln {v} is 1/{v}",
    "sin": "The derivative of sin {v} is cos {v}",
    "cos": "The derivative of cos {v} is −sin {v}",
    "sigmoid": "The derivative of the sigmoid is σ({v})·(1 − σ({v}))",
}


@dataclass(frozen=True)
class FunctionRule(Rule):
    """A named function of the bare variable: ``eˣ``, ``ln x``, ``sin x``, ``cos x``, ``σ(x)``."""

    name = "function"

    def words(self) -> str:
        assert isinstance(self.expression, Func)
        return _FUNCTION_WORDS[self.expression.name].format(v=self.context.variable)

    def compute(self) -> Expr:
        assert isinstance(self.expression, Func)
        v = Var(self.context.variable)
        match self.expression.name:
            case "exp":
                if self._mistake("exp_power_rule"):
                    return mul(v, Func("exp", sub(v, const(1))))
                return self.expression
            case "ln":
                return div(const(1), v)
            case "sin":
                return Func("cos", v)
            case "cos":
                return neg(Func("sin", v))
            case _:
                return Mul(self.expression, Add((const(1), neg(self.expression))))


@dataclass(frozen=True)
class ExponentialRule(Rule):
    """``aˣ`` for a constant base ``a``: ``aˣ·ln a``."""

    name = "exponential"

    def words(self) -> str:
        v = self.context.variable
        return f"Exponential rule: the derivative of a^{v} is a^{v}·ln a"

    def compute(self) -> Expr:
        assert isinstance(self.expression, Pow)
        return mul(Func("ln", self.expression.base), self.expression)


@dataclass(frozen=True)
class ChainRule(Rule):
    name = "chain"
    outer: Rule | None = None
    inside: Rule | None = None
    placeholder: str = "u"

    def words(self) -> str:
        assert self.outer
        assert self.inside
        u = self.placeholder
        return (
            f"Chain rule: the outside is f({u}) = {self.outer.expression.text()} with the inside "
            f"{u} = {self.inside.expression.text()}; multiply f′({u}) by the inside's derivative"
        )

    def compute(self) -> Expr:
        assert self.outer
        assert self.inside
        outside = substitute(self.outer.result, self.placeholder, self.inside.expression)
        forgotten = self._mistake("chain_forgotten") or (
            self._mistake("ln_without_inner")
            and isinstance(self.outer.expression, Func)
            and self.outer.expression.name == "ln"
        )
        if forgotten:
            return outside
        return (
            mul(self.inside.result, outside)
            if _is_simple(self.inside.result)
            else mul(outside, self.inside.result)
        )

    def filled(self) -> Filled | None:
        assert self.outer
        assert self.inside
        outside = substitute(self.outer.result, self.placeholder, self.inside.expression)
        return _times(outside, self.inside.result)

    def substeps(self) -> tuple[Rule, ...]:
        assert self.outer
        assert self.inside
        return (self.outer, self.inside)


def _is_simple(e: Expr) -> bool:
    return isinstance(e, Const | Var) or (isinstance(e, Mul) and isinstance(e.left, Const))


# --- choosing the rule ------------------------------------------------------------------


def derivative_rule(
    expression: Expr, variable: str = "x", *, partial: bool = False, mistake: str | None = None
) -> Rule:
    """The tree of rules that differentiates ``expression`` with respect to ``variable``."""
    if mistake is not None and mistake not in MISTAKES:
        raise ValueError(f"unknown mistake {mistake!r}")
    return _rule(expression, Context(variable, partial, mistake))


@lru_cache(maxsize=32)
def _remembered_rule(expression: Expr, variable: str, partial: bool) -> Rule:
    """:func:`derivative_rule` (no mistake), remembered per expression: a gradient and its
    Hessian, the worked steps and the answer alone all start from the same first
    derivatives. Expressions compare by structure (their constants are exact fractions)
    and a rule tree is immutable (its result is worked once, on first use)."""
    return derivative_rule(expression, variable, partial=partial)


def _rule(e: Expr, c: Context) -> Rule:
    v = c.variable
    if not e.depends_on(v):
        return ConstantRule(e, c)
    if isinstance(e, Var):
        return IdentityRule(e, c)
    if isinstance(e, Add):
        return SumRule(e, c, terms=tuple(_rule(t, c) for t in e.terms))
    if isinstance(e, Mul):
        if not e.left.depends_on(v):
            return ConstantMultipleRule(e, c, factor=e.left, inner=_rule(e.right, c))
        if not e.right.depends_on(v):
            return ConstantMultipleRule(e, c, factor=e.right, inner=_rule(e.left, c))
        return ProductRule(e, c, left=_rule(e.left, c), right=_rule(e.right, c))
    if isinstance(e, Div):
        top, bottom = e.numerator, e.denominator
        if not bottom.depends_on(v):
            rewritten: Expr = Mul(Div(const(1), bottom), top)
            return RewriteRule(e, c, rewritten=rewritten, inner=_rule(rewritten, c))
        if not top.depends_on(v):
            rewritten = mul(top, power(bottom, const(-1)))
            return RewriteRule(e, c, rewritten=rewritten, inner=_rule(rewritten, c))
        return QuotientRule(e, c, top=_rule(top, c), bottom=_rule(bottom, c))
    if isinstance(e, Pow):
        if e.exponent.depends_on(v) and e.base.depends_on(v):
            raise NotSolvable(
                f"{e.text()} has the variable in both the base and the exponent; "
                "this course's rules do not cover it"
            )
        if not e.exponent.depends_on(v):
            if not isinstance(e.exponent, Const):
                raise NotSolvable(f"the exponent of {e.text()} must be a number")
            if isinstance(e.base, Var):
                return PowerRule(e, c, exponent=e.exponent.value)
            return _chain(e, c, lambda u: Pow(u, e.exponent), e.base)
        if isinstance(e.exponent, Var):
            return ExponentialRule(e, c)
        return _chain(e, c, lambda u: Pow(e.base, u), e.exponent)
    if isinstance(e, Func):
        if e.name == "abs":
            raise NotSolvable(
                f"{e.text()} has a corner where its inside is 0, so there is no single rule "
                "for its derivative; differentiate each side of the corner separately"
            )
        if isinstance(e.argument, Var):
            return FunctionRule(e, c)
        return _chain(e, c, lambda u: Func(e.name, u), e.argument)
    raise TypeError(type(e).__name__)


def _chain(e: Expr, c: Context, outer_of: object, inside: Expr) -> Rule:
    assert callable(outer_of)
    placeholder = next(n for n in ("u", "w", "t", "s") if not e.depends_on(n))
    outer: Expr = outer_of(Var(placeholder))
    outer_rule = _rule(outer, Context(placeholder, False, c.mistake))
    return ChainRule(e, c, outer=outer_rule, inside=_rule(inside, c), placeholder=placeholder)


# --- the solvers ----------------------------------------------------------------------


def derivative(
    expression: Expr, variable: str = "x", *, partial: bool = False, name: str = "f"
) -> Solution[Expr]:
    """The derivative of ``expression``, with one step per rule used."""
    return _worked_derivative(expression, variable, partial, name)


@lru_cache(maxsize=32)
def _worked_derivative(expression: Expr, variable: str, partial: bool, name: str) -> Solution[Expr]:
    """:func:`derivative`, remembered per expression: a gradient, its Hessian and the
    answer check all ask for the same partial derivatives, and expressions, rule trees
    and solutions are immutable (expressions compare by structure, their constants are
    exact fractions), so each is worked once."""
    rule = _remembered_rule(expression, variable, partial)
    result = rule.result

    def write() -> tuple[Step, ...]:
        answer = derivative_statement(result, variable, partial=partial, name=name)
        return (rule.step(), Step("So the derivative is", answer))

    # the steps, one per rule, are written when first read: a derivative is worked far
    # more often for its answer (every check) than shown
    return WorkedLater(result, write)


def derivative_statement(
    result: Expr, variable: str = "x", *, partial: bool = False, name: str = "f"
) -> DerivativeStatement:
    """The line that states a derivative: ``f'(x) = …``, or ``∂f/∂x = …`` when partial."""
    return DerivativeStatement(result, variable, partial, name)


@dataclass(frozen=True, slots=True)
class DerivativeStatement:
    """``f'(x) = …`` (``∂f/∂x = …`` when partial), written out only when it is shown."""

    result: Expr
    variable: str = "x"
    partial: bool = False
    name: str = "f"

    def latex(self) -> str:
        if self.partial:
            return (
                rf"\frac{{\partial {self.name}}}{{\partial {self.variable}}} = "
                f"{self.result.latex()}"
            )
        return f"{self.name}'({self.variable}) = {self.result.latex()}"

    def text(self) -> str:
        if self.partial:
            return f"∂{self.name}/∂{self.variable} = {self.result.text()}"
        return f"{self.name}'({self.variable}) = {self.result.text()}"

    def to_json(self) -> Any:
        return {"latex": self.latex(), "text": self.text()}


def derivative_of(expression: Expr, variable: str = "x", *, partial: bool = False) -> Expr:
    """The answer of :func:`derivative` alone, by the same rules, without writing the steps."""
    return _remembered_rule(expression, variable, partial).result


def mistaken_derivative(
    expression: Expr, variable: str, mistake: str, *, partial: bool = False
) -> Expr:
    """What a learner who applies one rule wrongly (``mistake``, see :data:`MISTAKES`) gets."""
    return derivative_rule(expression, variable, partial=partial, mistake=mistake).result


def rules_used(rule: Rule) -> frozenset[str]:
    """The names of every rule in a rule tree (``{"product", "chain", "power", …}``)."""
    names = {rule.name}
    for sub_rule in rule.substeps():
        names |= rules_used(sub_rule)
    return frozenset(names)


__all__ = [
    "MISTAKES",
    "ChainRule",
    "ConstantMultipleRule",
    "ConstantRule",
    "Context",
    "DerivativeStatement",
    "ExponentialRule",
    "FunctionRule",
    "IdentityRule",
    "PowerRule",
    "ProductRule",
    "QuotientRule",
    "RewriteRule",
    "Rule",
    "SumRule",
    "derivative",
    "derivative_of",
    "derivative_rule",
    "derivative_statement",
    "mistaken_derivative",
    "rules_used",
]
