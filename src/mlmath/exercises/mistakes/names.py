"""The shared misconceptions: what each slip that cuts across skills is called, why it is
a mistake, and the next hint after it was named (``{…}`` filled in with a variant's
values by :func:`named`)."""

from __future__ import annotations

from typing import Any

from mlmath.exercises.misconception import Misconception


def _common(id_: str, name: str, explanation: str, hint: str) -> Misconception:
    return Misconception(f"common.{id_}", name, explanation, "", hint)


SIGN_FLIPPED = _common(
    "sign_flipped",
    "The sign is flipped",
    "Your answer has the right size but the opposite sign: a minus sign was lost or added "
    "along the way — subtracting a negative number, moving a term across the = sign, or "
    "the sign of a cofactor.",
    "Your last answer had the right size but the wrong sign. Go through the steps again "
    "and check every minus sign: where could one have been lost?",
)


ONE_SIGN = _common(
    "one_sign",
    "One sign is wrong",
    "Every value is right except the sign of {which}: a minus sign was lost or added in the step "
    "that gives it (a back substitution, a row operation, moving a term across =).",
    "Check the sign of {which}: redo the one step that produces it.",
)


TRANSPOSED = _common(
    "transposed",
    "Rows and columns were swapped",
    "Your matrix is the transpose of the answer: entry (i, j) belongs in row i and column j. "
    "Check which index runs down the rows and which across the columns.",
    "Your last matrix had rows where columns belong. Which entry goes in row 1, column 2?",
)


ORDER_REVERSED = _common(
    "order_reversed",
    "The product was taken in the wrong order",
    "Matrix products do not commute: AB and BA are different matrices. {detail}",
    "Which matrix stands on the left in the product asked for? Rows come from the left one, "
    "columns from the right one.",
)


INVERSE_ORDER = _common(
    "inverse_order",
    "The inverse of a product keeps its order",
    "Undoing AB means undoing B first, then A: (AB)⁻¹ = B⁻¹A⁻¹, in the reverse order. "
    "You multiplied A⁻¹B⁻¹.",
    "To undo 'first B, then A', which do you undo first?",
)


ELEMENTWISE = _common(
    "elementwise_product",
    "Matching entries were multiplied instead of taking the matrix product",
    "A matrix product takes the dot product of each row of the left matrix with each column of "
    "the right one. Multiplying matching entries (A * B in NumPy, not A @ B) is a different "
    "operation.",
    "Entry (1, 1) of a matrix product is row 1 of the left matrix dotted with column 1 of the "
    "right one: what is it here?",
)


PRODUCTS_NOT_ADDED = _common(
    "products_not_added",
    "The products were not added up",
    "A dot product multiplies matching entries AND adds the products: the result is one "
    "number, not a vector. (In NumPy, u * v gives the products; u @ v adds them.)",
    "You have the products of matching entries. What is the last step of a dot product?",
)


COLUMNS_NOT_ADDED = _common(
    "columns_not_added",
    "Each entry was scaled, but the rows were not added up",
    "Av is a vector: its entry i is row i of A dotted with v, so the products in each row are "
    "ADDED. A matrix of the products a_ij·v_j (A * v in NumPy) is not the product.",
    "Entry 1 of Av is (row 1 of A)·v: one number. What is it here?",
)


COLUMNS_FOR_ROWS = _common(
    "columns_for_rows",
    "Columns were used where rows belong",
    "Entry i of Av is ROW i of A dotted with v; you dotted the columns with v, which gives Aᵀv.",
    "Entry 1 of Av uses which part of A: its first row or its first column?",
)


MISSING_DIVISION = _common(
    "missing_division",
    "A division is missing",
    "Your answer is the right one before its last division: divide by {what}.",
    "Your last answer was missing a division. Which quantity does the formula divide by?",
)


MULTIPLIED_NOT_DIVIDED = _common(
    "multiplied_not_divided",
    "You multiplied where the formula divides",
    "The last step divides by {what}; your answer multiplies by it instead.",
    "Does the formula multiply by {what}, or divide by it?",
)


DIVIDED_NOT_MULTIPLIED = _common(
    "divided_not_multiplied",
    "You divided where the formula multiplies",
    "The last step multiplies by {what}; your answer divides by it instead.",
    "Does the formula multiply by {what}, or divide by it?",
)


MISSING_FACTOR = _common(
    "missing_factor",
    "A factor is missing",
    "Your answer is the right one before it is multiplied by {what}.",
    "Your last answer was missing one multiplication. Which quantity scales the result?",
)


WRONG_DIVISOR = _common(
    "wrong_divisor",
    "You divided by the wrong number",
    "Divide by {what}; you divided by {wrong}.",
    "What exactly does the formula divide by here?",
)


EXTRA_DIVISION = _common(
    "extra_division",
    "You divided once too often",
    "Your answer is the right one divided again by {what}; that division is already done (or "
    "does not belong in this formula).",
    "Your last answer was divided by {what} once too often. Where does that division belong?",
)


N_FOR_N_MINUS_1 = _common(
    "n_for_n_minus_1",
    "You divided by n instead of n − 1",
    "A variance estimated from a sample divides the squared deviations by n − 1 = {n_minus_1}, "
    "not by n = {n}: the deviations are measured from the sample's own mean, which makes them "
    "a little too small.",
    "Is this a whole population, or a sample used to estimate one? That decides n or n − 1.",
)


N_MINUS_1_FOR_N = _common(
    "n_minus_1_for_n",
    "You divided by n − 1 where the population formula divides by n",
    "For a whole population (or a distribution's own variance), divide the squared deviations "
    "by n = {n}; n − 1 is for estimating from a sample.",
    "Is this a whole population, or a sample used to estimate one? That decides n or n − 1.",
)


N_FOR_ROOT_N = _common(
    "n_for_root_n",
    "You divided by n instead of √n",
    "The standard error of a mean is σ/√n: averaging n values shrinks the spread by √n "
    "(√{n} = {root:.4g} here), not by n.",
    "By how much does averaging n values shrink the standard deviation?",
)


SD_FOR_SE = _common(
    "sd_for_se",
    "The standard deviation was used where the standard error is needed",
    "A mean of n values varies less than one value: use the standard error σ/√n "
    "(divide by √{n} = {root:.4g}).",
    "Is this about one value, or about the mean of n values?",
)


VARIANCE_FOR_SD = _common(
    "variance_for_sd",
    "You gave the variance, not the standard deviation",
    "The standard deviation is the square root of the variance (and has the data's units).",
    "Your last answer was the variance. What one step turns a variance into a standard deviation?",
)


SD_FOR_VARIANCE = _common(
    "sd_for_variance",
    "You gave the standard deviation, not the variance",
    "The variance is the square of the standard deviation (the mean squared deviation).",
    "Your last answer was a standard deviation. What one step turns it into a variance?",
)


Z_FOR_T = _common(
    "z_for_t",
    "You used z where t is needed",
    "σ is unknown and estimated by s, which adds uncertainty: use Student's t with {df} degrees "
    "of freedom, not the normal distribution.",
    "Is σ known in advance, or estimated from this sample? That decides z or t.",
)


T_FOR_Z = _common(
    "t_for_z",
    "You used t where z is needed",
    "{why} so the normal distribution (z) applies, not Student's t.",
    "Is σ known in advance, or estimated from this sample? That decides z or t.",
)


WRONG_DF = _common(
    "wrong_df",
    "The degrees of freedom are off",
    "Use t with {df} degrees of freedom ({rule}); you used {wrong}.",
    "How many degrees of freedom does this t statistic have?",
)


ONE_TAIL_FOR_TWO = _common(
    "one_tail_for_two",
    "One tail was used for a two-sided question",
    "A two-sided question counts both tails: the p-value doubles the one-tail area, and a "
    "two-sided interval or test at level {level} leaves {half} in EACH tail.",
    "Does the question care about a difference in one direction, or in either direction?",
)


TWO_TAILS_FOR_ONE = _common(
    "two_tails_for_one",
    "Two tails were used for a one-sided question",
    "The alternative points one way, so only that tail counts: the whole of α sits in it, and "
    "the p-value is the area of that one tail.",
    "Does the question care about a difference in one direction, or in either direction?",
)


WRONG_TAIL = _common(
    "wrong_tail",
    "The area of the other tail",
    "For H₁ pointing up, the p-value is the area ABOVE the statistic; for H₁ pointing down, "
    "the area BELOW it. You found the other side (1 − p).",
    "Which direction does the alternative hypothesis point? Shade that side of the statistic.",
)


COMPLEMENT = _common(
    "complement",
    "That is the probability of the opposite event",
    "Your answer is 1 − p: the probability that the event does NOT happen (or the other side "
    "of the boundary). Check which side the question asks about.",
    "Sketch the two outcomes: which one does the question ask about, and which did you find?",
)


ONE_TRIAL = _common(
    "one_trial",
    "That is the chance for a single trial",
    "{p} is the probability for ONE {trial}. The question is about {trials}, so the trials "
    "must be combined: {how}",
    "How many trials does the question involve? Does combining them make the chance larger "
    "or smaller than for one?",
)


PERCENT_AS_NUMBER = _common(
    "percent_as_number",
    "A percentage was typed as a plain number",
    "A probability or proportion is between 0 and 1: {percent}% is {fraction}. Type it as "
    "{fraction} or with the sign, {percent}%.",
    "Probabilities are between 0 and 1. Is your last answer?",
)


DIVIDED_BY_100 = _common(
    "divided_by_100",
    "A proportion was divided by 100 once too often",
    "The value is already a proportion: 0.25 is 25%. Dividing by 100 again gives a value 100 "
    "times too small.",
    "Is the value already a proportion (between 0 and 1)?",
)


OFF_BY_ONE = _common(
    "off_by_one",
    "Off by one at the boundary",
    "Your answer is the one for a boundary moved by one step. {detail}",
    "Is the boundary value itself included? Compare 'at least' (≥) with 'more than' (>).",
)


VALUE_FOR_ARGUMENT = _common(
    "value_for_argument",
    "You gave the function's value, not where it is reached",
    "The question asks for the point where the function is smallest or largest (the argmin or "
    "argmax); {value} is the value of the function there.",
    "Does the question ask WHERE the optimum is, or how large the function is there?",
)


ARGUMENT_FOR_VALUE = _common(
    "argument_for_value",
    "You gave where the optimum is, not its value",
    "The question asks for the value of the function at its optimum; {argument} is where that "
    "optimum is reached. Put it into the function.",
    "Does the question ask WHERE the optimum is, or how large the function is there?",
)


STATISTIC_FOR_P = _common(
    "statistic_for_p",
    "You gave the test statistic, not its p-value",
    "The p-value is a probability: the chance, if H₀ were true, of a statistic at least as "
    "extreme as {statistic:.4g}. Look the statistic up in its distribution.",
    "A p-value is a probability between 0 and 1. Which area under the curve is it?",
)


P_FOR_STATISTIC = _common(
    "p_for_statistic",
    "You gave a p-value, not the test statistic",
    "The statistic measures how far the estimate is from H₀ in standard errors: "
    "(estimate − null value)/SE. The p-value comes after it.",
    "How many standard errors is the estimate from the null value?",
)


RATE_MISSING = _common(
    "rate_missing",
    "The learning rate was left out",
    "A gradient-descent step moves by the learning rate TIMES the gradient: "
    "new = old − α·∇f, with α = {rate}.",
    "How far does one step move: the whole gradient, or a fraction α of it?",
)


ASCENT = _common(
    "ascent",
    "The step went uphill",
    "The gradient points uphill; to go down, SUBTRACT it: new = old − α·∇f. Adding it climbs.",
    "Which way does the gradient point: up or down? Which way should the step go?",
)


STEP_ONLY = _common(
    "step_only",
    "You gave the step, not the new point",
    "−α·∇f is the change; the new point is the old one plus that change: old − α·∇f.",
    "You found the change. Where does it take the old point?",
)


NO_STEP = _common(
    "no_step",
    "That is the starting point",
    "The question asks where one step takes you: new = old − α·∇f. Work out the gradient at the "
    "start and move.",
    "What is the gradient at the starting point, and which way does the step go?",
)


HESSIAN_NOT_INVERTED = _common(
    "hessian_not_inverted",
    "The Hessian was multiplied, not inverted",
    "Newton's step solves H·Δ = ∇f: it divides by the curvature, Δ = H⁻¹∇f (in one variable, "
    "f′/f″). Multiplying by H scales the step the wrong way.",
    "Newton's step divides the slope by the curvature. In two variables, what plays the part of "
    "dividing by f″?",
)


RATIO_UPSIDE_DOWN = _common(
    "ratio_upside_down",
    "The Newton ratio is upside down",
    "Newton's step is x − f′(x)/f″(x) for an optimum (x − f(x)/f′(x) for a root): the slope "
    "over the curvature, not the other way round.",
    "In Newton's step, which derivative goes on top of the fraction?",
)


MIXED_PARTIALS_OMITTED = _common(
    "mixed_partials_omitted",
    "The mixed partial derivatives were left out",
    "The off-diagonal entries of the Hessian are ∂²f/∂x∂y: differentiate ∂f/∂x with respect to y. "
    "They are 0 only when no term holds both variables.",
    "Which terms of f contain both x and y? What does ∂²/∂x∂y do to them?",
)


MIXED_PARTIAL_SIGN = _common(
    "mixed_partial_sign",
    "The mixed partial has the wrong sign",
    "Every entry is right except the mixed partial {which}, which has the wrong sign in both "
    "places it stands (the Hessian is symmetric). A minus sign went missing while "
    "differentiating ∂f/∂x in y, or while putting in a negative coordinate.",
    "Work out ∂²f/∂x∂y again: differentiate ∂f/∂x with respect to y, then put in the point, "
    "checking each minus sign.",
)


REVERSED = _common(
    "order_swapped",
    "The values are in the wrong order",
    "Each value is right, but they are listed in the wrong order: {order}.",
    "Which value comes first in the answer?",
)


ZERO_VECTOR = _common(
    "zero_vector",
    "The zero vector does not count",
    "The zero vector satisfies Av = λv for every λ, so it tells nothing: an eigenvector must be "
    "non-zero. Solve (A − λI)v = 0 for a non-zero v.",
    "Which non-zero vectors does A − λI send to 0?",
)


ANGLE_MODE = _common(
    "angle_mode",
    "Degrees and radians were mixed up",
    "The angle is in {unit}; your value uses it as if it were in {other} (check the "
    "calculator's mode, or convert: π radians = 180°).",
    "Is the angle in degrees or in radians? What does your calculator expect?",
)


OTHER_QUANTITY = _common(
    "other_quantity",
    "That is {what}, not {asked}",
    "Your answer is {what}. The question asks for {asked}: {how}",
    "What exactly does the question ask for? Reread its last sentence.",
)


STOPPED_EARLY = _common(
    "stopped_early",
    "You stopped one step early",
    "Your answer is {what}, a step on the way; the question asks for {asked}: {how}",
    "Your last answer was an intermediate result. What is the next step?",
)


ONE_ENTRY = _common(
    "one_entry_only",
    "Only one entry of the answer",
    "Your number is {which} of the answer, and that entry is right; the answer has {count} "
    "entries: give them all, as in (1, 2).",
    "The answer has several entries. Which ones are still missing?",
)


ENTRIES_ADDED = _common(
    "entries_added",
    "The entries were added into one number",
    "The answer is a vector with {count} entries; adding them up loses which is which. "
    "Give each entry, as in (1, 2).",
    "The answer has several entries. What is each one?",
)


INTERVAL_CENTRE = _common(
    "interval_centre",
    "Only the centre of the interval",
    "Your number is the centre (the point estimate), and it is right; an interval adds and "
    "subtracts the margin of error: give both ends, as in (46.1, 53.9) or 50 ± 3.9.",
    "An interval has two ends. What do you add to and subtract from the centre?",
)
INTERVAL_MARGIN = _common(
    "interval_margin",
    "Only the margin of error",
    "Your number is the margin of error, and it is right; the interval is the centre minus "
    "and plus it: give both ends, as in (46.1, 53.9) or 50 ± 3.9.",
    "An interval has two ends: the centre minus the margin and the centre plus it.",
)


COMMON = tuple(m for m in globals().values() if isinstance(m, Misconception))
"""Every shared misconception, for documentation and the contract tests."""


def named(m: Misconception, **values: Any) -> Misconception:
    """``m`` with its name, explanation and hint filled in with this variant's values."""
    return Misconception(
        m.id,
        m.name.format(**values),
        m.explanation.format(**values),
        m.topic,
        m.hint.format(**values),
    )
