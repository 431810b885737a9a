"""Learner text → values, with our own grammar (never ``eval``), and equivalence.

- :func:`parse` reads a response according to an :class:`AnswerFormat`, bounding
  length, nesting, digits, exponents and sizes *before* computing; it raises
  :class:`AnswerError` with a one-sentence message (and a position) otherwise.
- :func:`compare` decides whether two values are the same answer: exactly for
  rationals, within tolerance for decimals, by probing for expressions;
  ``Verdict.UNDECIDED`` when it cannot tell (never reported as wrong), and
  ``Verdict.INCOMPLETE`` when the answer is right but says less than asked
  ("infinitely many" where the solutions must be described).
- :func:`expression` builds an expected :class:`Expression` from text in the
  learner grammar (``expression("2x^2 + 1", ("x",))``); SymPy expressions and
  numbers are accepted as expected answers too.
- :func:`show` writes a value the way a learner could type it.
"""

from mlmath.answers.compare import Verdict, compare
from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.expression import Expression, expression
from mlmath.answers.format import AnswerFormat, Choice, Kind
from mlmath.answers.parse import parse
from mlmath.answers.show import show
from mlmath.answers.solutions import InfinitelyMany

__all__ = [
    "AnswerError",
    "AnswerFormat",
    "Choice",
    "Expression",
    "InfinitelyMany",
    "Kind",
    "TooLarge",
    "Verdict",
    "compare",
    "expression",
    "parse",
    "show",
]
