"""Each differentiation rule's buggy twins, applied at one node of the rule tree.

The rule tree of :mod:`~mlmath.engine.calculus.differentiation` works a derivative
from the outside in. A beginner rarely gets every rule wrong; more often one rule,
somewhere inside a larger expression, is applied the way it is misremembered: the
product rule on ``x·(3x + 6)`` keeps only ``f′·g``, the chain rule inside a sum loses
its inner factor, the power rule keeps the exponent. :func:`twins` lists the
misremembered versions of one node; :func:`located_mistakes` rebuilds the whole
derivative with one node (or every node of one kind) replaced by its twin, and says
where it happened.

>>> from mlmath.engine.calculus.differentiation import derivative_rule
>>> from mlmath.engine.calculus.expression import Var, add, const, mul
>>> x = Var("x")
>>> f = mul(x, add(mul(const(3), x), const(6)))
>>> found = {m.where: m.result.text() for m in located_mistakes(derivative_rule(f))}
>>> found["Product rule on x*(3x + 6): you kept f′·g and dropped f·g′"]
'3x + 6'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from mlmath.engine.calculus.differentiation import (
    ChainRule,
    ConstantMultipleRule,
    ConstantRule,
    ExponentialRule,
    FunctionRule,
    PowerRule,
    ProductRule,
    QuotientRule,
    Rule,
    derivative_of,
)
from mlmath.engine.calculus.expression import (
    ZERO,
    Expr,
    Func,
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


def _own_text(e: Expr) -> str:
    return e.text()


@dataclass(frozen=True)
class Twin:
    """One rule applied wrongly at one node: which slip (``kind``), what the learner did
    (``did``), the rule as it should read (``rule_text``) and this node's wrong result."""

    node: Rule
    kind: str
    did: str
    rule_text: str
    result: Expr


@dataclass(frozen=True)
class LocatedMistake:
    """The whole derivative with one node (or every node of a kind) applied wrongly."""

    kind: str
    where: str
    """The rule, where it was applied, and what went wrong, in one line for the learner."""
    fix: str
    """The rule as it should read, filled in with this node's parts where it helps."""
    result: Expr


@dataclass(frozen=True)
class _Given(Rule):
    """A rule whose result is given: a sub-derivative replaced by a mistaken one."""

    name = "given"
    given: Expr = ZERO

    def compute(self) -> Expr:
        return self.given


def _filled(rule: Rule) -> str:
    filled = rule.filled()
    return f" Here: {filled.text} = {rule.result.text()}." if filled is not None else ""


def _wrap(e: Expr) -> str:
    text = e.text()
    return f"({text})" if e.precedence < 5 and not isinstance(e, Var) else text


def twins(rule: Rule, shown: Callable[[Expr], str] = _own_text) -> Iterator[Twin]:
    """The misremembered versions of this one node (``shown`` writes an expression)."""
    c = rule.context
    v = c.variable
    e = rule.expression
    if isinstance(rule, ConstantRule):
        yield from _constant_twins(rule)
    elif isinstance(rule, PowerRule):
        n = rule.exponent
        x = Var(v)
        law = f"The power rule: d/d{v} {v}^n = n·{v}^(n−1).{_filled(rule)}"
        yield Twin(
            rule, "kept_exponent", "you kept the exponent", law, mul(const(n), power(x, const(n)))
        )
        yield Twin(
            rule,
            "raised_exponent",
            "you raised the exponent",
            law,
            mul(const(n), power(x, const(n + 1))),
        )
        if n not in (0, 1):
            yield Twin(
                rule, "dropped_factor", f"the factor {n} went missing", law, power(x, const(n - 1))
            )
        if n != -1:
            yield Twin(
                rule,
                "antiderivative",
                "you integrated instead of differentiating",
                law,
                div(power(x, const(n + 1)), const(n + 1)),
            )
        if n < 0:
            m = -n
            below = power(x, const(m)).text()
            yield Twin(
                rule,
                "reciprocal",
                f"you took 1 over the derivative of {below}",
                f"{law} The derivative of 1/{below} is not 1 over the derivative of {below}: "
                f"write 1/{below} as {v}^({n}) and lower that exponent by one.",
                div(const(1), mul(const(m), power(x, const(m - 1)))),
            )
    elif isinstance(rule, ConstantMultipleRule):
        assert rule.inner is not None
        law = f"A constant factor stays in front: (c·f)′ = c·f′.{_filled(rule)}"
        others = sorted(rule.factor.variables())
        yield Twin(
            rule,
            "other_factor_dropped" if others else "factor_dropped",
            f"the factor {shown(rule.factor)} was dropped",
            law,
            rule.inner.result,
        )
        if c.partial and others:
            o = others[0]
            treated = add(
                mul(rule.factor, rule.inner.result),
                mul(derivative_of(rule.factor, o), rule.inner.expression),
            )
            yield Twin(
                rule,
                "other_variable_changed",
                f"you differentiated {o} too, as if it changed with {v}",
                f"In ∂/∂{v}, {o} is held constant: {shown(rule.factor)} is a constant factor."
                f"{_filled(rule)}",
                treated,
            )
    elif isinstance(rule, ProductRule):
        assert rule.left is not None
        assert rule.right is not None
        f, g = rule.left.expression, rule.right.expression
        df, dg = rule.left.result, rule.right.result
        law = (
            f"The product rule: (f·g)′ = f′·g + f·g′, with f = {shown(f)} and g = {shown(g)}."
            f"{_filled(rule)}"
        )
        yield Twin(
            rule,
            "product_of_derivatives",
            "you multiplied the derivatives, f′·g′",
            law,
            mul(df, dg),
        )
        yield Twin(rule, "dropped_second", "you kept f′·g and dropped f·g′", law, mul(df, g))
        yield Twin(rule, "dropped_first", "you kept f·g′ and dropped f′·g", law, mul(f, dg))
        yield Twin(rule, "minus", "you subtracted the two terms", law, sub(mul(df, g), mul(f, dg)))
    elif isinstance(rule, QuotientRule):
        assert rule.top is not None
        assert rule.bottom is not None
        f, g = rule.top.expression, rule.bottom.expression
        df, dg = rule.top.result, rule.bottom.result
        law = (
            f"The quotient rule: (f/g)′ = (f′·g − f·g′)/g², with f = {shown(f)} and "
            f"g = {shown(g)}.{_filled(rule)}"
        )
        square = power(g, const(2))
        yield Twin(
            rule,
            "divided_derivatives",
            "you divided the derivatives, f′/g′",
            law,
            div(df, dg) if dg != ZERO else ZERO,
        )
        yield Twin(
            rule,
            "reversed",
            "the two terms of the numerator are swapped",
            law,
            div(sub(mul(f, dg), mul(df, g)), square),
        )
        yield Twin(
            rule,
            "plus",
            "the numerator has + where the rule has −",
            law,
            div(add(mul(df, g), mul(f, dg)), square),
        )
        yield Twin(
            rule,
            "not_squared",
            "the denominator is g, not g²",
            law,
            div(sub(mul(df, g), mul(f, dg)), g),
        )
        yield Twin(
            rule,
            "no_denominator",
            "the denominator g² went missing",
            law,
            sub(mul(df, g), mul(f, dg)),
        )
    elif isinstance(rule, FunctionRule):
        yield from _function_twins(rule)
    elif isinstance(rule, ExponentialRule):
        assert isinstance(e, Pow)
        law = f"An exponential a^{v} has the derivative a^{v}·ln a."
        x = Var(v)
        yield Twin(
            rule,
            "power_rule",
            f"you used the power rule, but {v} is in the exponent",
            law,
            mul(x, power(e.base, sub(x, const(1)))),
        )
        yield Twin(rule, "no_log", "the factor ln a went missing", law, e)
    elif isinstance(rule, ChainRule):
        assert rule.outer is not None
        assert rule.inside is not None
        outside = substitute(rule.outer.result, rule.placeholder, rule.inside.expression)
        inner = shown(rule.inside.expression)
        law = (
            f"The chain rule: differentiate the outside at the inside, then multiply by the "
            f"derivative of the inside, {inner}.{_filled(rule)}"
        )
        outer_expr = rule.outer.expression
        if isinstance(outer_expr, Func) and outer_expr.name == "ln":
            did = f"you wrote 1/({inner}) without the chain factor (the derivative of {inner})"
            yield Twin(rule, "ln_without_inner", did, law, outside)
        else:
            if isinstance(outer_expr, Func) and outer_expr.name == "exp":
                g = rule.inside.expression
                yield Twin(
                    rule,
                    "exp_power_rule",
                    f"you used the power rule on e^({shown(g)}), but it is not a power of x",
                    law,
                    mul(g, Func("exp", sub(g, const(1)))),
                )
            yield Twin(
                rule,
                "outer_only",
                f"you did not multiply by the derivative of {inner}",
                law,
                outside,
            )
        integral = _antiderivative_of_chain(rule)
        if integral is not None:
            yield Twin(
                rule,
                "antiderivative",
                "you integrated instead of differentiating",
                f"{law} Dividing by the inside's slope {shown(rule.inside.result)} (and raising "
                "a power by one) is integrating, the reverse.",
                integral,
            )
        if rule.inside.result != ZERO:
            yield Twin(
                rule,
                "inner_only",
                "you kept only the derivative of the inside",
                law,
                rule.inside.result,
            )


def _antiderivative_of_chain(rule: ChainRule) -> Expr | None:
    """The antiderivative of a power or an exponential of a linear inside ``a·x + b`` (its
    slope ``a`` a non-zero constant): ``(a·x + b)^(n+1)/((n + 1)·a)`` or ``e^(a·x + b)/a``."""
    assert rule.outer is not None
    assert rule.inside is not None
    slope, g = rule.inside.result, rule.inside.expression
    if slope == ZERO or slope.variables():
        return None
    outer = rule.outer
    if isinstance(outer, PowerRule) and outer.exponent != -1:
        n = outer.exponent
        return div(power(g, const(n + 1)), mul(const(n + 1), slope))
    exponential = isinstance(outer.expression, Func) and outer.expression.name == "exp"
    if isinstance(outer, FunctionRule) and exponential:
        return div(Func("exp", g), slope)
    return None


def _constant_twins(rule: ConstantRule) -> Iterator[Twin]:
    c = rule.context
    e = rule.expression
    others = sorted(e.variables() - {c.variable})
    if others and c.partial:
        o = others[0]
        yield Twin(
            rule,
            "other_variable_changed",
            f"you differentiated it in {o}",
            f"It has no {c.variable} in it: with {o} held constant it is a constant, so its "
            f"∂/∂{c.variable} is 0.",
            derivative_of(e, o),
        )
    elif not others:
        yield Twin(
            rule,
            "constant_kept",
            "you kept the constant instead of 0",
            "A constant does not change, so its derivative is 0.",
            e,
        )
        if c.variable not in "uwts":  # a chain's outside has no constant terms of its own
            yield Twin(
                rule,
                "antiderivative",
                "you integrated instead of differentiating",
                "A constant does not change, so its derivative is 0.",
                mul(e, Var(c.variable)),
            )


_FUNCTION_TWINS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "exp": (("power_rule", "you used the power rule, but e^{v} is not a power of {v}", "x_exp"),),
    "sin": (
        (
            "sign",
            "you gave −cos {v} (that is the antiderivative); the derivative is cos {v}",
            "neg_cos",
        ),
    ),
    "cos": (("sign", "you lost the minus sign: the derivative of cos {v} is −sin {v}", "sin"),),
    "sigmoid": (
        ("sigmoid_value", "you gave σ({v}) itself, without the factor 1 − σ({v})", "self"),
        ("one_minus", "you gave 1 − σ({v}), without the factor σ({v})", "one_minus"),
    ),
}


def _function_twins(rule: FunctionRule) -> Iterator[Twin]:
    e = rule.expression
    assert isinstance(e, Func)
    v = rule.context.variable
    x = Var(v)
    law = {
        "exp": f"The derivative of e^{v} is e^{v} itself.",
        "sin": f"The derivative of sin {v} is cos {v}.",
        "cos": f"The derivative of cos {v} is −sin {v}.",
        "ln": f"The derivative of ln {v} is 1/{v}.",
        "sigmoid": f"σ′({v}) = σ({v})·(1 − σ({v})).",
    }.get(e.name, "")
    wrongs: dict[str, Callable[[], Expr]] = {
        "x_exp": lambda: mul(x, Func("exp", sub(x, const(1)))),
        "neg_cos": lambda: neg(Func("cos", x)),
        "sin": lambda: Func("sin", x),
        "self": lambda: e,
        "one_minus": lambda: sub(const(1), e),
    }
    for kind, did, shape in _FUNCTION_TWINS.get(e.name, ()):
        wrong = wrongs[shape]()
        yield Twin(rule, kind, did.format(v=v), law, wrong)


def _walk(rule: Rule) -> Iterator[Rule]:
    yield rule
    for child in rule.substeps():
        yield from _walk(child)


def _labelled(
    rule: Rule, shown: Callable[[Expr], str], outside_of: str = ""
) -> Iterator[tuple[Rule, str]]:
    """Every node with the words that say where it is: ``Product rule on x(3x + 6)``; the
    outside of a chain is named by the whole expression (its own is in a placeholder u)."""
    yield rule, _label(rule, shown, outside_of)
    for child in rule.substeps():
        if isinstance(rule, ChainRule) and child is rule.outer:
            inherited = shown(rule.expression)
        elif outside_of and child.context.variable == rule.context.variable:
            inherited = outside_of
        else:
            inherited = ""
        yield from _labelled(child, shown, inherited)


def _contains(rule: Rule, targets: Mapping[int, Expr]) -> bool:
    return any(id(node) in targets for node in _walk(rule))


def rebuilt(rule: Rule, wrong: Mapping[int, Expr]) -> Expr:
    """The derivative of ``rule``'s expression with the nodes in ``wrong`` (by ``id``)
    giving the wrong results mapped to them, every other rule applied as it should be."""
    if id(rule) in wrong:
        return wrong[id(rule)]
    if not _contains(rule, wrong):
        return rule.result
    changes: dict[str, Any] = {}
    for item in fields(rule):
        value = getattr(rule, item.name)
        if isinstance(value, Rule):
            changes[item.name] = _given(value, wrong)
        elif isinstance(value, tuple) and value and all(isinstance(v, Rule) for v in value):
            changes[item.name] = tuple(_given(v, wrong) for v in value)
    return replace(rule, **changes).compute()


def _given(child: Rule, wrong: Mapping[int, Expr]) -> Rule:
    if not _contains(child, wrong):
        return child
    return _Given(child.expression, child.context, given=rebuilt(child, wrong))


def _label(rule: Rule, shown: Callable[[Expr], str], outside_of: str = "") -> str:
    names = {
        "constant": "Constant rule",
        "power": "Power rule",
        "constant multiple": "Constant multiple rule",
        "product": "Product rule",
        "quotient": "Quotient rule",
        "function": "Derivative",
        "exponential": "Exponential rule",
        "chain": "Chain rule",
    }
    name = names.get(rule.name, rule.name.capitalize())
    if outside_of:
        return f"{name} on the outside of {outside_of}"
    return f"{name} on {shown(rule.expression)}"


def located_mistakes(
    root: Rule, shown: Callable[[Expr], str] = _own_text
) -> Iterator[LocatedMistake]:
    """Every twin at every node, as the whole derivative it produces, outermost node first;
    then each kind of slip made at every node where it can be (when there are several).
    ``shown`` writes an expression for the learner (by default, its own text)."""
    by_kind: dict[str, list[tuple[Twin, str]]] = {}
    for node, label in _labelled(root, shown):
        if isinstance(node, _Given):
            continue
        for twin in twins(node, shown):
            try:
                result = rebuilt(root, {id(node): twin.result})
            except (ArithmeticError, ValueError, TypeError):
                continue
            where = f"{label}: {twin.did}"
            yield LocatedMistake(f"{node.name}.{twin.kind}", where, twin.rule_text, result)
            by_kind.setdefault(twin.kind, []).append((twin, label))
    for kind, found in by_kind.items():
        if len(found) < 2:
            continue
        try:
            result = rebuilt(root, {id(t.node): t.result for t, _ in found})
        except (ArithmeticError, ValueError, TypeError):
            continue
        first, label = found[0]
        rules = {t.node.name for t, _ in found}
        if len(rules) == 1:
            where = f"{label.split(' on ')[0]}, every time: {first.did}"
        else:
            where = f"Every term: {first.did}"
        name = first.node.name if len(rules) == 1 else "every"
        fix = _INTEGRATED if kind == "antiderivative" else first.rule_text
        yield LocatedMistake(f"{name}.{kind}.everywhere", where, fix, result)


_INTEGRATED = (
    "Differentiating lowers each power by one, d/dx xⁿ = n·xⁿ⁻¹, and sends a constant to 0; "
    "raising the power and dividing by the new power is integrating, the reverse."
)


__all__ = ["LocatedMistake", "Twin", "located_mistakes", "rebuilt", "twins"]
