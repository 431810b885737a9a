"""Mistakes computed, not only listed: the slips that cut across skills.

A skill names its own mistakes as buggy rules (:meth:`Skill.buggy_answers`). Many
slips are the same in every skill where the answer has the right ingredients — a
sign lost, a product taken in the wrong order, a division by n missing, z where t is
needed, one tail for two, 1 − p for p, one trial's chance for many. Each :class:`Slip`
here is one such family: a skill declares the slips that fit a variant, with the values
they need (:meth:`Skill.common_mistakes`), and each slip computes the wrong answers it
produces. A slip never names a right answer (grading drops any wrong answer equal to the
answer), and a skill's own buggy rules are tried first, so the more specific name wins
when two mistakes give the same wrong answer.

- :mod:`.names`: what each shared slip is called, why it is one, the hint after it;
- :mod:`.algebra`, :mod:`.statistics`, :mod:`.optimisation`: the slips by subject;
- :mod:`.values`: arithmetic on any kind of answer.

>>> from fractions import Fraction
>>> from mlmath.answers import AnswerFormat, Kind
>>> slip = Division(Fraction(12), 4, "n = 4")
>>> [m.misconception.id for m in slip.mistakes(Fraction(3), AnswerFormat(Kind.NUMBER))][:2]
['common.missing_division', 'common.extra_division']
"""

from mlmath.exercises.mistakes.algebra import (
    AngleMode,
    Boundary,
    Division,
    InverseOfProduct,
    Multiplication,
    OneSign,
    OtherQuantity,
    Product,
    Reversed,
    SignFlipped,
    Transposed,
    ZeroVector,
)
from mlmath.exercises.mistakes.names import COMMON, ENTRIES_ADDED, ONE_ENTRY
from mlmath.exercises.mistakes.optimisation import (
    ArgumentForValue,
    DescentStep,
    MixedPartials,
    NewtonStep,
    ValueForArgument,
)
from mlmath.exercises.mistakes.slip import Slip
from mlmath.exercises.mistakes.statistics import (
    Complement,
    Critical,
    OneTrial,
    Percent,
    PValue,
    SampleDivisor,
    Spread,
    StandardError,
    StatisticAsked,
    probability_slips,
)
from mlmath.exercises.mistakes.values import mapped, negated, scaled

__all__ = [
    "COMMON",
    "ENTRIES_ADDED",
    "ONE_ENTRY",
    "AngleMode",
    "ArgumentForValue",
    "Boundary",
    "Complement",
    "Critical",
    "DescentStep",
    "Division",
    "InverseOfProduct",
    "MixedPartials",
    "Multiplication",
    "NewtonStep",
    "OneSign",
    "OneTrial",
    "OtherQuantity",
    "PValue",
    "Percent",
    "Product",
    "Reversed",
    "SampleDivisor",
    "SignFlipped",
    "Slip",
    "Spread",
    "StandardError",
    "StatisticAsked",
    "Transposed",
    "ValueForArgument",
    "ZeroVector",
    "mapped",
    "negated",
    "probability_slips",
    "scaled",
]
