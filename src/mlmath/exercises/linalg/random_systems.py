"""Random matrices and linear systems whose answers are known in advance.

Each generator starts from the answer — a reduced row echelon form with chosen
pivots, or a chosen solution — and hides it with random row operations, so the
answer is exactly what was chosen and the numbers stay small. Randomness comes
only from the ``numpy.random.Generator`` passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import gcd, lcm
from typing import TypeVar

import numpy as np

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.system import LinearSystem, default_variables

MAX_TRIES = 200

T = TypeVar("T", int, Fraction)


def pick(rng: np.random.Generator, choices: Sequence[int]) -> int:
    return int(choices[int(rng.integers(len(choices)))])


def nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """An integer in ``[low, high]`` other than 0."""
    return pick(rng, [k for k in range(low, high + 1) if k != 0])


def integers(rng: np.random.Generator, count: int, low: int, high: int) -> list[int]:
    return [int(v) for v in rng.integers(low, high + 1, size=count)]


def scramble(
    rng: np.random.Generator,
    rows: list[list[Fraction]],
    *,
    multiplier: int = 2,
    rounds: int = 2,
    bounds: Sequence[int] | None = None,
) -> list[list[Fraction]]:
    """Hide a matrix behind random 'add a multiple of another row' operations and a shuffle.

    These operations never change the reduced row echelon form, the rank or the
    solutions of the system the rows describe. With ``bounds`` (one per column),
    each operation's multiple is drawn among those that keep every entry within
    its column's bound, and the operation is skipped when none does.
    """
    return _scramble(rng, rows, multiplier=multiplier, rounds=rounds, bounds=bounds)


def _scramble(
    rng: np.random.Generator,
    rows: list[list[T]],
    *,
    multiplier: int,
    rounds: int,
    bounds: Sequence[int] | None,
) -> list[list[T]]:
    out = [list(r) for r in rows]
    m = len(out)
    multiples = [k for k in range(-multiplier, multiplier + 1) if k != 0]
    if m > 1:
        for _ in range(rounds + m // 3):
            for target in rng.permutation(m).tolist():
                source = int(rng.integers(m - 1))
                source += source >= target
                row, other = out[target], out[source]
                if bounds is None:
                    k = multiples[int(rng.integers(len(multiples)))]
                    out[target] = [a + k * b for a, b in zip(row, other, strict=True)]
                    continue
                allowed = [
                    k
                    for k in multiples
                    if all(
                        abs(a + k * b) <= limit
                        for a, b, limit in zip(row, other, bounds, strict=True)
                    )
                ]
                if allowed:
                    k = allowed[int(rng.integers(len(allowed)))]
                    out[target] = [a + k * b for a, b in zip(row, other, strict=True)]
    order = rng.permutation(m).tolist()
    return [out[i] for i in order]


def pivot_columns(rng: np.random.Generator, n: int, rank: int) -> list[int]:
    """Pivot columns for a random echelon form: column 1 always, so no unknown is missing."""
    rest = [int(c) + 1 for c in rng.choice(n - 1, size=rank - 1, replace=False)] if rank > 1 else []
    return [0, *sorted(rest)]


def reduced_form(
    rng: np.random.Generator,
    shape: tuple[int, int],
    pivot_columns: Sequence[int],
    *,
    low: int = -3,
    high: int = 3,
    denominators: Sequence[int] = (1,),
) -> list[list[Fraction]]:
    """A random matrix in reduced row echelon form with pivots in ``pivot_columns``."""
    m, n = shape
    rows = [[Fraction(0)] * n for _ in range(m)]
    for i, column in enumerate(pivot_columns):
        rows[i][column] = Fraction(1)
        for j in range(column + 1, n):
            if j not in pivot_columns:
                rows[i][j] = Fraction(int(rng.integers(low, high + 1)), pick(rng, denominators))
    return rows


def hidden_matrix(
    rng: np.random.Generator,
    shape: tuple[int, int],
    rank: int,
    *,
    bound: int = 9,
    low: int = -3,
    high: int = 3,
    denominators: Sequence[int] = (1,),
    multiplier: int = 2,
    max_zero_share: float = 0.5,
) -> Matrix:
    """A matrix of the given rank with no zero row and entries within ``±bound``.

    At most ``max_zero_share`` of the entries are 0. The reduced form is cleared
    of denominators row by row and then scrambled in whole numbers, each
    operation kept within the bound, so almost every draw is usable.
    """
    m, n = shape
    for attempt in range(MAX_TRIES * 5):
        limit = bound + attempt // 40  # relax slowly, so generation always ends
        columns = pivot_columns(rng, n, rank)
        start = _integer_rows(
            reduced_form(rng, shape, columns, low=low, high=high, denominators=denominators)
        )
        if not _no_zero_columns(start, n) or any(abs(a) > limit for r in start for a in r):
            continue
        rows = _scramble(rng, start, multiplier=multiplier, rounds=2, bounds=[limit] * n)
        zeros = sum(a == 0 for r in rows for a in r)
        if _no_zero_rows(rows, n) and zeros <= max_zero_share * m * n:
            return Matrix(tuple(tuple(Fraction(a) for a in r) for r in rows))
    raise RuntimeError("could not generate a matrix within bounds")  # pragma: no cover


def _no_zero_lines(rows: Sequence[Sequence[Fraction | int]], n: int) -> bool:
    """No row and none of the first ``n`` columns is all zeros (every unknown appears)."""
    return _no_zero_rows(rows, n) and _no_zero_columns(rows, n)


def _no_zero_rows(rows: Sequence[Sequence[Fraction | int]], n: int) -> bool:
    return all(any(r[:n]) for r in rows)


def _no_zero_columns(rows: Sequence[Sequence[Fraction | int]], n: int) -> bool:
    """Row operations keep a zero column zero, so this can be checked before scrambling."""
    return all(any(r[j] for r in rows) for j in range(n))


def _clear_denominators(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Multiply each row by the least common multiple of its denominators."""
    out = []
    for row in rows:
        scale = 1
        for a in row:
            scale = scale * a.denominator // _gcd(scale, a.denominator)
        out.append([a * scale for a in row])
    return out


def _integer_rows(rows: list[list[Fraction]]) -> list[list[int]]:
    """Each row times the least common multiple of its denominators, as whole numbers."""
    out = []
    for row in rows:
        scale = 1
        for a in row:
            scale = scale * a.denominator // _gcd(scale, a.denominator)
        out.append([a.numerator * (scale // a.denominator) for a in row])
    return out


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def regular_system(
    rng: np.random.Generator,
    n: int,
    *,
    bound: int = 9,
    solution_range: tuple[int, int] = (-5, 5),
    denominators: Sequence[int] = (1,),
    multiplier: int = 2,
    want_unit_coefficient: bool = False,
    clean_steps: bool = False,
) -> LinearSystem:
    """An n×n system with exactly one solution, chosen first (fractions if ``denominators``).

    Each equation is cleared of the denominator of its right-hand side, and every
    entry stays within ``4 × bound``. A random matrix is drawn equation by
    equation for the chosen solution; a matrix with whole-number elimination
    steps is kept while solutions are drawn for it.
    """
    low, high = solution_range

    def draw_solution() -> list[Fraction]:
        return [
            Fraction(int(rng.integers(low, high + 1)), pick(rng, denominators)) for _ in range(n)
        ]

    for _ in range(MAX_TRIES * 5):
        rows: list[list[int]] | None
        if clean_steps:
            matrix = _clean_matrix(rng, n, bound=bound, multiplier=multiplier)
            if not _usable(matrix, want_unit_coefficient):
                continue
            for _ in range(20):
                rows = _augmented_within(matrix, draw_solution(), 4 * bound)
                if rows is not None:
                    return _system(rows)
            continue
        solution = draw_solution()
        rows = []
        for _ in range(n):
            for _ in range(MAX_TRIES):
                row = _augmented_within(
                    [rng.integers(-bound, bound + 1, size=n).tolist()], solution, 4 * bound
                )
                if row is not None:
                    rows += row
                    break
            else:
                break
        if len(rows) == n and _usable(rows, want_unit_coefficient) and _determinant(rows) != 0:
            return _system(rows)
    raise RuntimeError("could not generate a system within bounds")  # pragma: no cover


def _usable(rows: Sequence[Sequence[int]], want_unit_coefficient: bool) -> bool:
    """At most a quarter of the coefficients 0, and a coefficient ±1 when wanted."""
    n = len(rows)
    if sum(a == 0 for r in rows for a in r[:n]) > n * n // 4:
        return False
    return not want_unit_coefficient or any(abs(a) == 1 for r in rows for a in r[:n])


def _augmented_within(
    matrix: Sequence[Sequence[int]], solution: Sequence[Fraction], bound: int
) -> list[list[int]] | None:
    """The rows ``[a | a·x]`` of ``matrix``, each cleared of the denominator of its
    right-hand side; ``None`` when an entry exceeds ``bound``."""
    common = 1
    for x in solution:
        common = lcm(common, x.denominator)
    numerators = [x.numerator * (common // x.denominator) for x in solution]
    out = []
    for r in matrix:
        total = sum(a * x for a, x in zip(r, numerators, strict=True))
        divisor = gcd(total, common)
        numerator, d = total // divisor, common // divisor
        if abs(numerator) > bound or any(abs(a) * d > bound for a in r):
            return None
        out.append([a * d for a in r] + [numerator])
    return out


def _system(rows: Sequence[Sequence[int]]) -> LinearSystem:
    """The system with augmented matrix ``rows`` (whole numbers)."""
    return LinearSystem(
        Matrix(tuple(tuple(Fraction(a) for a in r[:-1]) for r in rows)),
        Vector(tuple(Fraction(r[-1]) for r in rows)),
        default_variables(len(rows[0]) - 1),
    )


def _clean_matrix(
    rng: np.random.Generator, n: int, *, bound: int, multiplier: int
) -> list[list[int]]:
    """An invertible n×n matrix whose forward elimination uses whole-number multipliers."""
    for _ in range(MAX_TRIES * 5):
        matrix = hidden_matrix(rng, (n, n), n, bound=bound, multiplier=multiplier)
        rows = [[a.numerator for a in r] for r in matrix.rows]
        if _whole_number_steps(rows):
            return rows
    raise RuntimeError("could not generate a matrix with clean steps")  # pragma: no cover


def _determinant(rows: list[list[int]]) -> int:
    """The determinant of a square integer matrix, by fraction-free (Bareiss) elimination."""
    a = [list(r) for r in rows]
    n = len(a)
    sign, previous = 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((i for i in range(k + 1, n) if a[i][k] != 0), None)
            if swap is None:
                return 0
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        pivot = a[k][k]
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * pivot - a[i][k] * a[k][j]) // previous
        previous = pivot
    return sign * a[n - 1][n - 1]


def singular_system(
    rng: np.random.Generator,
    shape: tuple[int, int],
    rank: int,
    *,
    consistent: bool,
    bound: int = 9,
    denominators: Sequence[int] = (1,),
    multiplier: int = 2,
    spread: int = 3,
) -> LinearSystem:
    """A system whose coefficient matrix has ``rank``: consistent or not, as asked.

    ``spread`` bounds the free entries of the hidden reduced form. Row operations
    keep the rank of the hidden reduced form, so only the bounds need checking.
    """
    m, n = shape
    if rank >= m and not consistent:
        raise ValueError("an inconsistent system needs a dependent equation")
    for attempt in range(MAX_TRIES * 5):
        limit = bound + attempt // 40  # relax slowly, so generation always ends
        columns = pivot_columns(rng, n, rank)
        reduced = reduced_form(
            rng, (m, n + 1), columns, low=-spread, high=spread, denominators=denominators
        )
        for i in range(rank):
            reduced[i][n] = Fraction(int(rng.integers(-5, 6)), pick(rng, denominators))
        if not consistent:
            reduced[rank][n] = Fraction(1)
        start = _integer_rows(reduced)
        bounds = [limit] * n + [4 * limit]
        if not _no_zero_columns(start, n) or any(
            abs(a) > b for r in start for a, b in zip(r, bounds, strict=True)
        ):
            continue
        rows = _scramble(rng, start, multiplier=multiplier, rounds=2, bounds=bounds)
        if _no_zero_rows(rows, n):
            return _system(rows)
    raise RuntimeError("could not generate a system within bounds")  # pragma: no cover


def has_clean_steps(matrix: Matrix) -> bool:
    """Whether forward elimination uses whole-number multipliers only."""
    if any(a.denominator != 1 for r in matrix.rows for a in r):
        return all(
            getattr(op, "factor", Fraction(1)).denominator == 1
            for op in forward_elimination(matrix).operations
        )
    return _whole_number_steps([[a.numerator for a in r] for r in matrix.rows])


def _whole_number_steps(rows: list[list[int]]) -> bool:
    """:func:`has_clean_steps` for a whole-number matrix, in whole numbers.

    Follows :func:`~mlmath.engine.linalg.echelon.forward_elimination`: the pivot is
    the first non-zero entry of the column, with a swap only when the pivot
    position holds 0. While every multiplier is whole, every entry stays whole.
    """
    a = [list(r) for r in rows]
    m, n = len(a), len(a[0])
    row = 0
    for column in range(n):
        if row == m:
            break
        source = next((i for i in range(row, m) if a[i][column] != 0), None)
        if source is None:
            continue
        a[row], a[source] = a[source], a[row]
        pivot_row = a[row]
        pivot = pivot_row[column]
        for i in range(row + 1, m):
            below = a[i][column]
            if below:
                if below % pivot:
                    return False
                k = below // pivot
                a[i] = [x - k * y for x, y in zip(a[i], pivot_row, strict=True)]
        row += 1
    return True


def variables_text(names: Sequence[str]) -> str:
    return ", ".join(names)


def default_names(n: int) -> str:
    return variables_text(default_variables(n))
