"""What elimination leaves of a system: its pivots, and the rows 0 = 0 or 0 = c (c ≠ 0).

They are what rules out a wrong choice about a system's solutions: a row 0 = 0 is an
equation that repeats the others (so they agree), a row 0 = 5 one that contradicts
them, and a column of A without a pivot an unknown left free.

>>> from mlmath.engine.linalg.system import LinearSystem
>>> elimination_text(LinearSystem.of([[1, 2], [2, 4]], [3, 7]))
'elimination leaves 1 pivot left of the bar and the row 0 = 1'
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text


def zero_rows(system: LinearSystem) -> tuple[Fraction, ...]:
    """The right-hand side c of each row 0 = c that forward elimination of [A | b] leaves."""
    n = system.size[1]
    reduced = forward_elimination(system.augmented(), pivot_limit=n).result
    return tuple(row[n] for row in reduced.rows if all(a == 0 for a in row[:n]))


def zero_rows_text(system: LinearSystem) -> str:
    """Those rows in words: "the row 0 = 0", "the rows 0 = 0 and 0 = 7/2", "no zero row"."""
    rows = [f"0 = {number_text(c)}" for c in zero_rows(system)]
    if not rows:
        return "no zero row"
    if len(rows) == 1:
        return f"the row {rows[0]}"
    return f"the rows {', '.join(rows[:-1])} and {rows[-1]}"


def elimination_text(system: LinearSystem) -> str:
    """What elimination leaves, in words: its pivots left of the bar and its zero rows."""
    m = system.size[0]
    pivots = m - len(zero_rows(system))
    return (
        f"elimination leaves {pivots} pivot{'s' if pivots != 1 else ''} left of the bar "
        f"and {zero_rows_text(system)}"
    )
