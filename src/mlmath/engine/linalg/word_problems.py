"""Word problems ↔ linear systems: a small real situation, its unknowns and equations.

A :class:`Context` is a situation with up to three unknowns (the price of one
apple, the number of child tickets sold, the kilograms of cashews in a blend).
Each equation of a system reads as one sentence of the story, and each sentence
of the story gives one equation: :func:`story` writes the sentences,
:func:`translate` turns a story back into its system with worked steps.

>>> context = context_by_id("fruit")
>>> system = LinearSystem.of([[2, 1], [1, -1]], [7, 1], context.symbols(2))
>>> story(context, system)[1]
'An apple costs $1 more than a banana.'
>>> translate(context, system).answer.augmented().rows[0]
(Fraction(2, 1), Fraction(1, 1), Fraction(7, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import numpy as np

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

ContextKind = Literal["prices", "amounts"]

DAYS = ("On Monday", "On Tuesday", "On Wednesday", "On Thursday")
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
TIMES_WORDS = {2: "twice", 3: "three times", 4: "four times", 5: "five times"}


@dataclass(frozen=True, slots=True)
class Item:
    """One kind of thing in a story, with the letter of its unknown."""

    symbol: str
    singular: str
    plural: str


@dataclass(frozen=True, slots=True)
class Context:
    """A situation a system can describe.

    ``prices``: the unknowns are prices of single items, and each equation is a
    receipt (counts of items and what they cost). ``amounts``: the unknowns are
    how many of each item (tickets sold, kilograms in a blend), and equations
    give totals, values at unit prices, differences and ratios.
    """

    id: str
    kind: ContextKind
    setting: str
    items: tuple[Item, ...]
    unit: str = ""
    total_phrase: str = ""
    value_phrase: str = ""

    def symbols(self, n: int) -> tuple[str, ...]:
        return tuple(item.symbol for item in self.items[:n])

    def legend(self, n: int) -> tuple[str, ...]:
        """What each unknown means: "a = the price of one apple, in dollars"."""
        if self.kind == "prices":
            return tuple(
                f"{i.symbol} = the price of one {i.singular}, in dollars" for i in self.items[:n]
            )
        return tuple(f"{i.symbol} = the {self.unit_of(i)}" for i in self.items[:n])

    def unit_of(self, item: Item) -> str:
        return f"{self.unit} of {item.plural}" if self.unit else f"number of {item.plural}"


CONTEXTS: tuple[Context, ...] = (
    Context(
        "fruit",
        "prices",
        "A market stall sells fruit at fixed prices.",
        (
            Item("a", "apple", "apples"),
            Item("b", "banana", "bananas"),
            Item("m", "mango", "mangoes"),
        ),
    ),
    Context(
        "bakery",
        "prices",
        "A bakery's prices stay the same all week.",
        (
            Item("c", "croissant", "croissants"),
            Item("m", "muffin", "muffins"),
            Item("g", "bagel", "bagels"),
        ),
    ),
    Context(
        "stationery",
        "prices",
        "A school shop sells stationery at fixed prices.",
        (
            Item("p", "pen", "pens"),
            Item("n", "notebook", "notebooks"),
            Item("e", "eraser", "erasers"),
        ),
    ),
    Context(
        "cinema",
        "amounts",
        "A cinema sold tickets of several kinds for one show.",
        (
            Item("a", "adult ticket", "adult tickets"),
            Item("c", "child ticket", "child tickets"),
            Item("s", "senior ticket", "senior tickets"),
        ),
        total_phrase="{r} tickets were sold in all.",
        value_phrase="With {prices}, the show took ${r}.",
    ),
    Context(
        "museum",
        "amounts",
        "A museum counted its visitors on Sunday.",
        (
            Item("f", "full-price visitor", "full-price visitors"),
            Item("s", "student", "students"),
            Item("k", "child", "children"),
        ),
        total_phrase="{r} people visited in all.",
        value_phrase="Entry costs {prices}; the museum took ${r}.",
    ),
    Context(
        "trail_mix",
        "amounts",
        "A shop mixes nuts and dried fruit into one bag of trail mix.",
        (
            Item("a", "almond", "almonds"),
            Item("c", "cashew", "cashews"),
            Item("r", "raisin", "raisins"),
        ),
        unit="kilograms",
        total_phrase="The bag holds {r} kg in all.",
        value_phrase="At {prices}, the ingredients cost ${r}.",
    ),
    Context(
        "coffee",
        "amounts",
        "A roaster blends coffee beans from several countries.",
        (
            Item("k", "Kenyan bean", "Kenyan beans"),
            Item("b", "Brazilian bean", "Brazilian beans"),
            Item("v", "Vietnamese bean", "Vietnamese beans"),
        ),
        unit="kilograms",
        total_phrase="The blend weighs {r} kg.",
        value_phrase="At {prices}, the beans in the blend cost ${r}.",
    ),
)


def context_by_id(context_id: str) -> Context:
    for context in CONTEXTS:
        if context.id == context_id:
            return context
    known = ", ".join(c.id for c in CONTEXTS)
    raise NotSolvable(f"there is no story called {context_id!r}; choose one of {known}")


# --- writing sentences ------------------------------------------------------------------


def money(value: Fraction) -> str:
    """Dollars as a shop writes them: ``$3``, ``$2.50``."""
    if value.denominator == 1:
        return f"${value.numerator}"
    if 100 % value.denominator == 0:
        return f"${float(value):.2f}"
    return f"${number_text(value)}"


def _amount(context: Context, value: Fraction, item: Item) -> str:
    """ "3 apples", "2.5 kg of almonds", "an apple"."""
    if context.unit:
        return f"{_decimal(value)} kg of {item.plural}"
    if value == 1:
        article = "an" if item.singular[0] in "aeiouAEIOU" else "a"
        return f"{article} {item.singular}"
    return f"{_decimal(value)} {item.plural}"


def _decimal(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    if 100 % value.denominator == 0:  # cents: every digit, never rounded (123456.5)
        return str(Decimal(value.numerator) / value.denominator)
    return number_text(value)


def _listing(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def equation_sentence(context: Context, system: LinearSystem, i: int) -> str:
    """Equation ``i`` of ``system`` as one sentence of the story."""
    row = system.matrix.rows[i]
    r = system.rhs[i]
    items = context.items[: len(row)]
    terms = [(c, item) for c, item in zip(row, items, strict=True) if c != 0]
    positive = [(c, item) for c, item in terms if c > 0]
    negative = [(-c, item) for c, item in terms if c < 0]
    if terms and not negative:
        if context.kind == "prices":
            bought = _listing([_amount(context, c, item) for c, item in positive])
            label = DAYS[i] if i < len(DAYS) else f"Receipt {i + 1}"
            verb = "costs" if len(positive) == 1 and positive[0][0] == 1 else "cost"
            return f"{label}, {bought} {verb} {money(r)}."
        if all(c == 1 for c, _ in positive) and len(positive) == len(row):
            return context.total_phrase.format(r=_decimal(r))
        prices = _listing(
            [
                f"{money(c)} per kg of {item.plural}"
                if context.unit
                else f"{money(c)} per {item.singular}"
                for c, item in positive
            ]
        )
        return context.value_phrase.format(prices=prices, r=_decimal(r))
    if len(positive) == 1 and len(negative) == 1:
        return _comparison(context, positive[0], negative[0], r)
    return f"The numbers satisfy {system.equation_text(i)}."


def _comparison(
    context: Context, more: tuple[Fraction, Item], less: tuple[Fraction, Item], r: Fraction
) -> str:
    (p, x), (q, y) = more, less
    if context.kind == "prices":
        left, right = _amount(context, p, x), _amount(context, q, y)
        verb = "costs" if p == 1 else "cost"
        if r == 0:
            return _capital(f"{left} {verb} the same as {right}.")
        direction = "more" if r > 0 else "less"
        return _capital(f"{left} {verb} {money(abs(r))} {direction} than {right}.")
    if p == 1 and r == 0 and q.denominator == 1 and q in TIMES_WORDS:
        return _capital(f"There are {TIMES_WORDS[int(q)]} as many {x.plural} as {y.plural}.")
    if p == 1 and q == 1:
        if r == 0:
            return _capital(f"There are as many {x.plural} as {y.plural}.")
        first, second = (x, y) if r > 0 else (y, x)
        size = abs(r)
        verb = "is" if size == 1 else "are"
        if context.unit:
            amount = f"{_decimal(size)} kg more {first.plural}"
        else:
            noun = first.singular if size == 1 else first.plural
            amount = f"{_decimal(size)} more {noun}"
        return _capital(f"There {verb} {amount} than {second.plural}.")
    return (
        f"The numbers satisfy {number_text(p)}{x.symbol} - {number_text(q)}{y.symbol} = "
        f"{number_text(r)}."
    )


def _capital(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


def story(context: Context, system: LinearSystem) -> tuple[str, ...]:
    """The sentences of the story, one per equation."""
    _check_fits(context, system)
    return tuple(equation_sentence(context, system, i) for i in range(system.size[0]))


def _check_fits(context: Context, system: LinearSystem) -> None:
    n = system.size[1]
    if n > len(context.items):
        raise NotSolvable(f"the {context.id} story has at most {len(context.items)} unknowns")


# --- translating a story into its system ---------------------------------------------------


def translate(context: Context, system: LinearSystem) -> Solution[LinearSystem]:
    """The worked translation of the story of ``system`` back into ``system``.

    One step names the unknowns; one step per sentence writes its equation
    (with the reason for each coefficient); the last shows the augmented matrix.
    """
    _check_fits(context, system)
    n = system.size[1]
    sentences = story(context, system)
    steps = [Step("Name the unknowns: " + "; ".join(context.legend(n)))]
    for i, sentence in enumerate(sentences):
        steps.append(
            Step(
                f"Sentence {i + 1}, “{sentence}” — {_reason(context, system, i)}",
                Formula(_equation_latex(system, i), system.equation_text(i)),
            )
        )
    steps.append(Step("All the equations together", system))
    steps.append(
        Step(
            "As an augmented matrix: one row per sentence, one column per unknown "
            f"({', '.join(system.variables)}), then the right-hand side",
            system.augmented_display(),
        )
    )
    return Solution(system, tuple(steps))


def _reason(context: Context, system: LinearSystem, i: int) -> str:
    row = system.matrix.rows[i]
    if all(c >= 0 for c in row):
        if context.kind == "prices":
            return "each count of an item multiplies that item's price"
        if all(c in (0, 1) for c in row):
            return "add up the amounts"
        return "each amount times its unit price, added up"
    if system.rhs[i] == 0 and sorted(row)[0] != -1:
        return "“k times as many X as Y” means X = k·Y: bring k·Y to the left"
    return "“X is r more than Y” means X − Y = r: the bigger side comes first"


def _equation_latex(system: LinearSystem, i: int) -> str:
    return system.equation_text(i).replace("·", r"\cdot ")


# --- generating ----------------------------------------------------------------------------


def random_word_problem(
    rng: np.random.Generator, unknowns: int, comparisons: bool, fractions: bool
) -> tuple[Context, LinearSystem, Vector]:
    """A context, a system with exactly one solution, and that solution.

    ``comparisons`` adds a "more than" or "times as many" sentence; ``fractions``
    allows prices like $2.25 and amounts like 1.5 kg.
    """
    for _ in range(500):
        context = CONTEXTS[int(rng.integers(len(CONTEXTS)))]
        n = unknowns
        if context.kind == "prices":
            step = Fraction(1, 4) if fractions else Fraction(1)
            x = [
                step * int(rng.integers(2 if fractions else 1, 25 if fractions else 7))
                for _ in range(n)
            ]
            rows = [_receipt(rng, n) for _ in range(n)]
            if comparisons:
                rows[-1] = _difference(rng, n, allow_counts=True)
        else:
            step = Fraction(1, 2) if fractions and context.unit else Fraction(1)
            low, high = (2, 12) if context.unit else (4, 40)
            x = [step * int(rng.integers(low, high)) for _ in range(n)]
            rows = [[1] * n, [int(rng.integers(2, 16)) for _ in range(n)]][:n]
            if n == 3 or comparisons:
                rows = [*rows[: n - 1], _difference(rng, n, allow_counts=False)]
                if n == 2 and rng.random() < 0.5:
                    rows[0] = [int(rng.integers(2, 16)) for _ in range(n)]
            if comparisons and rng.random() < 0.3:
                i, j = (int(k) for k in rng.permutation(n)[:2])
                factor = int(rng.integers(2, 4))
                x[i] = factor * x[j]
                ratio = [0] * n
                ratio[i], ratio[j] = 1, -factor
                rows[-1] = ratio
        matrix = Matrix.of(rows)
        if determinant(matrix) == 0:
            continue
        solution = Vector(tuple(x))
        rhs = matrix.times_vector(solution)
        # a comparison reads "the bigger side first": keep its right-hand side positive
        matrix = Matrix(
            tuple(
                tuple(-c for c in row) if b < 0 else row
                for row, b in zip(matrix.rows, rhs, strict=True)
            )
        )
        system = LinearSystem(matrix, matrix.times_vector(solution), context.symbols(n))
        sentences = story(context, system)
        if any(s.startswith("The numbers satisfy") for s in sentences):
            continue
        if len(set(sentences)) < len(sentences):
            continue
        return context, system, solution
    raise AssertionError("could not build a word problem")  # pragma: no cover


def _receipt(rng: np.random.Generator, n: int) -> list[int]:
    counts = [int(rng.integers(0 if n > 2 else 1, 6)) for _ in range(n)]
    if sum(1 for c in counts if c) < 2:
        counts[int(rng.integers(n))] += 1
        counts[0] = counts[0] or 1
    return counts


def _difference(rng: np.random.Generator, n: int, allow_counts: bool) -> list[int]:
    i, j = (int(k) for k in rng.permutation(n)[:2])
    row = [0] * n
    if allow_counts and rng.random() < 0.4:
        row[i], row[j] = int(rng.integers(1, 4)), -int(rng.integers(1, 4))
    else:
        row[i], row[j] = 1, -1
    return row
