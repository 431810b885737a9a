"""Random matrices and linear systems whose answers are known in advance.

Each generator starts from the answer — a reduced row echelon form with chosen
pivots, or a chosen solution — and hides it with random row operations, so the
answer is exactly what was chosen and the numbers stay small. Randomness comes
only from the ``numpy.random.Generator`` passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.system import LinearSystem, default_variables

MAX_TRIES = 200


def pick(rng: np.random.Generator, choices: Sequence[int]) -> int:
    return int(choices[int(rng.integers(len(choices)))])


def nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """An integer in ``[low, high]`` other than 0."""
    return pick(rng, [k for k in range(low, high + 1) if k != 0])


def integers(rng: np.random.Generator, count: int, low: int, high: int) -> list[int]:
    return [int(v) for v in rng.integers(low, high + 1, size=count)]


def scramble(
    rng: np.random.Generator, rows: list[list[Fraction]], *, multiplier: int = 2, rounds: int = 2
) -> list[list[Fraction]]:
    """Hide a matrix behind random 'add a multiple of another row' operations and a shuffle.

    These operations never change the reduced row echelon form, the rank or the
    solutions of the system the rows describe.
    """
    out = [list(r) for r in rows]
    m = len(out)
    if m > 1:
        for _ in range(rounds + m // 3):
            for target in rng.permutation(m):
                source = int(rng.integers(m - 1))
                source += source >= target
                k = nonzero(rng, -multiplier, multiplier)
                out[target] = [a + k * b for a, b in zip(out[target], out[source], strict=True)]
    order = rng.permutation(m)
    return [out[int(i)] for i in order]


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

    At most ``max_zero_share`` of the entries are 0.
    """
    n = shape[1]
    for attempt in range(MAX_TRIES * 5):
        limit = bound + attempt // 40  # relax slowly, so generation always ends
        columns = pivot_columns(rng, n, rank)
        rows = reduced_form(rng, shape, columns, low=low, high=high, denominators=denominators)
        rows = _clear_denominators(scramble(rng, rows, multiplier=multiplier))
        zeros = sum(a == 0 for r in rows for a in r)
        if (
            _no_zero_lines(rows, n)
            and all(abs(a) <= limit for r in rows for a in r)
            and zeros <= max_zero_share * shape[0] * n
        ):
            return Matrix(tuple(tuple(r) for r in rows))
    raise RuntimeError("could not generate a matrix within bounds")  # pragma: no cover


def _no_zero_lines(rows: list[list[Fraction]], n: int) -> bool:
    """No row and none of the first ``n`` columns is all zeros (every unknown appears)."""
    return all(any(a != 0 for a in r[:n]) for r in rows) and all(
        any(r[j] != 0 for r in rows) for j in range(n)
    )


def _clear_denominators(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Multiply each row by the least common multiple of its denominators."""
    out = []
    for row in rows:
        scale = 1
        for a in row:
            scale = scale * a.denominator // _gcd(scale, a.denominator)
        out.append([a * scale for a in row])
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
    """An n×n system with exactly one solution, chosen first (fractions if ``denominators``)."""
    low, high = solution_range
    for _ in range(MAX_TRIES * 5):
        if clean_steps:
            matrix = hidden_matrix(rng, (n, n), n, bound=bound, multiplier=multiplier)
        else:
            matrix = Matrix.of(rng.integers(-bound, bound + 1, size=(n, n)).tolist())
            if rank_of(matrix) < n:
                continue
        if sum(a == 0 for r in matrix.rows for a in r) > n * n // 4:
            continue
        if want_unit_coefficient and not any(abs(a) == 1 for r in matrix.rows for a in r):
            continue
        if clean_steps and not has_clean_steps(matrix):
            continue
        solution = Vector(
            tuple(
                Fraction(int(rng.integers(low, high + 1)), pick(rng, denominators))
                for _ in range(n)
            )
        )
        rhs = matrix.times_vector(solution)
        rows = _clear_denominators([[*r, b] for r, b in zip(matrix.rows, rhs, strict=True)])
        if all(abs(a) <= 4 * bound for r in rows for a in r):
            return LinearSystem.of([r[:-1] for r in rows], [r[-1] for r in rows])
    raise RuntimeError("could not generate a system within bounds")  # pragma: no cover


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

    ``spread`` bounds the free entries of the hidden reduced form.
    """
    m, n = shape
    if rank >= m and not consistent:
        raise ValueError("an inconsistent system needs a dependent equation")
    for attempt in range(MAX_TRIES * 5):
        limit = bound + attempt // 40  # relax slowly, so generation always ends
        columns = pivot_columns(rng, n, rank)
        rows = reduced_form(
            rng, (m, n + 1), columns, low=-spread, high=spread, denominators=denominators
        )
        for i in range(rank):
            rows[i][n] = Fraction(int(rng.integers(-5, 6)), pick(rng, denominators))
        if not consistent:
            rows[rank][n] = Fraction(1)
        rows = _clear_denominators(scramble(rng, rows, multiplier=multiplier))
        system = LinearSystem.of([r[:-1] for r in rows], [r[-1] for r in rows])
        entries = [a for r in rows for a in r[:-1]]
        if (
            _no_zero_lines(rows, n)
            and all(abs(a) <= limit for a in entries)
            and all(abs(r[-1]) <= 4 * limit for r in rows)
            and rank_of(system.matrix) == rank
        ):
            return system
    raise RuntimeError("could not generate a system within bounds")  # pragma: no cover


def has_clean_steps(matrix: Matrix) -> bool:
    """Whether forward elimination uses whole-number multipliers only."""
    return all(
        getattr(op, "factor", Fraction(1)).denominator == 1
        for op in forward_elimination(matrix).operations
    )


def variables_text(names: Sequence[str]) -> str:
    return ", ".join(names)


def default_names(n: int) -> str:
    return variables_text(default_variables(n))
