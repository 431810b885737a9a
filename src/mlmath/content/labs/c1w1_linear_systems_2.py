# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab: Solving linear systems — 2 variables
#
# This lab goes with the lesson **Systems of linear equations: three variables**, and
# does with NumPy what the two lessons of this week did by hand — but with two unknowns,
# so that every step can be drawn as lines in the plane. (The next lab, in Week 2, does
# the same with three.) You will:
#
# 1. store a system as a matrix `A` and a right-hand side `b`, and as one
#    **augmented matrix**;
# 2. solve it with `np.linalg.solve` and check the answer by substituting it back;
# 3. solve it yourself with row operations, and *watch* elimination turn the lines
#    until the answer can be read off;
# 4. tell the three cases apart — one solution, infinitely many, none — which the
#    determinant alone cannot do.
#
# Run the cells in order. **Try this** cells ask you to predict something, change a
# number and run again. **Exercise** cells are functions for you to write; the cell after
# each runs a check that says `✓` when your function is right, explains the first wrong
# case when it is not, and only notes "not written yet" until you start.

# %%
import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c1w1_linear_systems_2 import (
    check_add_multiple,
    check_classify,
    check_solve_2x2,
)

# %% [markdown]
# ## 1. A system as arrays
#
# The receipts from the lesson — 2 apples and 1 banana cost 8, 1 apple and 3 bananas
# cost 9 — are the system
#
# $$\begin{aligned} 2a + b &= 8 \\ a + 3b &= 9 \end{aligned}$$
#
# Each row of `A` is one equation and each column belongs to one unknown ($a$, then
# $b$). The right-hand sides go into a 1-D array `b`. Gluing `b` to `A` as an extra
# column gives the **augmented matrix** `M`, which holds the whole system in one array:
# elimination works on it row by row.

# %%
A = np.array([[2.0, 1.0], [1.0, 3.0]])
b = np.array([8.0, 9.0])
M = np.hstack([A, b.reshape(2, 1)])  # b as a column: shape (2, 1)
print("A =\n", A, "\nb =", b, "\nM =\n", M)
print("shapes:", A.shape, b.shape, M.shape)

# %% [markdown]
# `b.reshape(2, 1)` turns the 1-D array into a column so that `np.hstack` can put it
# beside `A`. Use floats (`2.0`, not `2`) for anything you will divide: an integer array
# silently drops fractions when you store a result back into it.
#
# ## 2. Drawing a system
#
# The helper below draws every row $(p, q, r)$ of an augmented matrix as the line
# $p x + q y = r$. When $q \neq 0$ it solves for $y$; when $q = 0$ the line is vertical,
# $x = r / p$. (`equation_text` only writes the row as a readable label.) Read
# `draw_system` once — you will use it for every picture in this lab.


# %%
def equation_text(p, q, r, names):
    """The row (p, q, r) written as an equation, e.g. '2a + b = 8' or 'a − 3b = 0'."""
    terms = []
    for coefficient, name in ((p, names[0]), (q, names[1])):
        if coefficient == 0:
            continue
        size = "" if abs(coefficient) == 1 else f"{abs(coefficient):g}"
        sign = "−" if coefficient < 0 else "+"
        terms.append((sign, size + name))
    if not terms:
        return f"0 = {r:g}"
    text = ("−" if terms[0][0] == "−" else "") + terms[0][1]
    text += "".join(f" {sign} {term}" for sign, term in terms[1:])
    return f"{text} = {r + 0:g}"


def draw_system(ax, M, names=("a", "b"), span=(-1.0, 6.0)):
    """Draw each row (p, q, r) of the augmented matrix M as the line p*x + q*y = r."""
    xs = np.linspace(*span, 200)
    for (p, q, r), color in zip(M, ["tab:blue", "tab:orange"], strict=False):
        label = equation_text(p, q, r, names)
        if q != 0:
            ax.plot(xs, (r - p * xs) / q, color=color, label=label)
        elif p != 0:
            ax.axvline(r / p, color=color, label=label)
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.axvline(0, color="grey", linewidth=0.5)
    ax.set_xlim(*span)
    ax.set_ylim(*span)
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.legend(fontsize=8, loc="upper right")


fig, ax = plt.subplots(figsize=(4.5, 4.5))
draw_system(ax, M)
ax.set_title("The receipts as two lines")
plt.show()

# %% [markdown]
# *Figure 1 — the receipts.* Look for the crossing point: about $(3, 2)$. That is the
# solution — an apple costs 3 and a banana 2 — read off a picture. A picture is only
# as exact as your eyes, so next we compute it.
#
# ## 3. Solving with `np.linalg.solve`
#
# `np.linalg.solve(A, b)` returns the vector `x` with `A @ x` equal to `b`: one value
# per unknown, in column order. Whatever produced an answer, the honest check is to put
# it back into every equation; `A @ x` does that for all rows at once, and
# `np.allclose` compares up to floating-point rounding.

# %%
solution = np.linalg.solve(A, b)
print("a, b =", solution)
print("A @ solution =", A @ solution, " (should be", b, ")")
assert np.allclose(A @ solution, b)
print("determinant:", np.linalg.det(A))

# %% [markdown]
# **Try this.** Change the second receipt's total from 9 to 14 (`b = np.array([8.0,
# 14.0])`) and rerun sections 1–3. Predict first: does the determinant change? Does the
# crossing point move, and which line moves? Then look at the picture and the numbers.

# %% [markdown]
# ## 4. Elimination, one row operation at a time
#
# The lesson solved the receipts by hand: make the $a$ disappear from the second
# equation, read off $b$, substitute back. Every step is a **row operation** on the
# augmented matrix, and the one that does almost all the work is
#
# $$R_{\text{target}} \leftarrow R_{\text{target}} + k \cdot R_{\text{source}},$$
#
# "add $k$ times one row to another". It never changes the solution: any $(a, b)$ that
# satisfies both old equations satisfies their combination too, and the step can be
# undone by subtracting again.
#
# **Exercise 1.** Write `add_multiple(M, source, target, k)`. Return a **new** array; do
# not change `M` itself (the check notices if you do — work on `M.astype(float)` or
# `M.copy()`). Rows are numbered from 0.


# %%
def add_multiple(M, source, target, k):
    """A copy of M whose row `target` is replaced by row `target` + k * row `source`."""
    raise NotImplementedError("write this function")


# %%
check_add_multiple(add_multiple)

# %% [markdown]
# Now the elimination itself, with our own row operations. Step 1 removes $a$ from row 2
# ($k = -\tfrac12$, because row 2 starts with 1 and row 1 with 2). Step 2 scales row 2 so
# its $b$ has coefficient 1. Step 3 removes $b$ from row 1, and step 4 scales row 1. After
# the last step the augmented matrix *is* the answer: $a = 3$, $b = 2$.

# %%
steps = [M.copy()]
E = M.copy()
E[1] = E[1] - 0.5 * E[0]  # R2 <- R2 - 1/2 R1: a is gone from row 2
steps.append(E.copy())
E[1] = E[1] / E[1, 1]  # R2 <- R2 / 2.5: now it reads b = 2
steps.append(E.copy())
E[0] = E[0] - E[0, 1] * E[1]  # R1 <- R1 - 1 * R2: b is gone from row 1
E[0] = E[0] / E[0, 0]  # R1 <- R1 / 2: now it reads a = 3
steps.append(E.copy())
for step in steps:
    print(step, "\n")
assert np.allclose(E[:, 2], solution)

titles = ["start", "R2 ← R2 − ½·R1", "R2 ← R2 / 2.5", "back-substitution done"]
fig, axes = plt.subplots(1, 4, figsize=(15, 4))
for ax, step, title in zip(axes, steps, titles, strict=True):
    draw_system(ax, step)
    ax.scatter([3], [2], color="black", zorder=3)
    ax.set_title(title)
plt.show()

# %% [markdown]
# *Figure 2 — elimination as moving lines.* Look at the black dot: every row operation
# turns or slides a line, but the crossing point never moves. Step by step the lines
# become horizontal ($b = 2$) and vertical ($a = 3$), and at the end you can read the
# solution straight off the axes.
#
# **Exercise 2.** Put it together: write `solve_2x2(M)`, which takes a 2×3 augmented
# matrix (assume `M[0, 0]` is not 0), removes the first unknown from row 2, solves row 2
# for $y$, and substitutes back into row 1 for $x$. Return `np.array([x, y])`. When you
# substitute back, remember that row 1 still contains $y$.


# %%
def solve_2x2(M):
    """The solution [x, y] of the 2x2 system with augmented matrix M (M[0, 0] != 0)."""
    raise NotImplementedError("write this function")


# %%
check_solve_2x2(solve_2x2)

# %% [markdown]
# ## 5. When there is no single answer
#
# With a determinant of 0 the two lines have the same slope: they are parallel, or they
# are the same line. `np.linalg.solve` then refuses with a `LinAlgError`. Catching the
# error lets a program react instead of stopping.

# %%
singular = np.array([[1.0, 2.0], [2.0, 4.0]])
print("determinant:", np.linalg.det(singular))
try:
    np.linalg.solve(singular, np.array([3.0, 5.0]))
except np.linalg.LinAlgError as error:
    print("NumPy says:", error)

# %% [markdown]
# The determinant ignores the right-hand side, so it cannot say *which* singular case you
# have. Elimination can. Subtract twice row 1 from row 2 and look at what is left of
# row 2: `[0, 0, 0]` reads $0 = 0$ (always true: the same line, **infinitely many**
# solutions), while `[0, 0, -1]` reads $0 = -1$ (never true: parallel lines, **no**
# solution). The three cases side by side:

# %%
cases = {
    "one solution": np.array([[1.0, 1.0, 4.0], [1.0, -1.0, 2.0]]),
    "infinitely many": np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]),
    "no solution": np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 5.0]]),
}
fig, axes = plt.subplots(1, 3, figsize=(13, 4.2))
for ax, (name, system) in zip(axes, cases.items(), strict=True):
    draw_system(ax, system, names=("x", "y"), span=(-3.0, 5.0))
    reduced = system[1] - (system[1, 0] / system[0, 0]) * system[0]
    shown = ", ".join(f"{value + 0:g}" for value in reduced)  # + 0 turns -0.0 into 0.0
    ax.set_title(f"{name}\nrow 2 after elimination: [{shown}]", fontsize=10)
plt.show()

# %% [markdown]
# *Figure 3 — the three cases.* Look at the middle panel: there is only one line visible
# because the second is drawn exactly on top of the first, and elimination leaves
# `[0, 0, 0]`. On the right the lines never meet and elimination leaves `[0, 0, -1]`, a
# contradiction.
#
# A compact way to say all this uses the **rank** of a matrix (Week 2 explains it):
# `np.linalg.matrix_rank` counts the independent rows. If `A` has full rank, there is
# one solution. If not, compare with the augmented matrix: gluing on `b` raises the rank
# exactly when `b` contradicts the equations.

# %%
for name, system in cases.items():
    rank_A = np.linalg.matrix_rank(system[:, :2])
    rank_M = np.linalg.matrix_rank(system)
    print(f"{name:16}  rank of A: {rank_A}   rank of [A | b]: {rank_M}")

# %% [markdown]
# **Exercise 3.** Write `classify(A, b)` for a 2×2 system: return the string
# `"one solution"`, `"infinitely many"` or `"no solution"`. Compare the two ranks above —
# or eliminate as in the figure. Beware the shortcut "determinant 0 means no solution":
# the middle panel has determinant 0 and infinitely many solutions. The check includes
# the all-zero matrix too.


# %%
def classify(A, b):
    """'one solution', 'infinitely many' or 'no solution' for the 2x2 system A x = b."""
    raise NotImplementedError("write this function")


# %%
check_classify(classify)

# %% [markdown]
# **Try this.** "3 apples and 2 bananas cost 13; 6 apples and 4 bananas cost 26."
# Predict which of the three cases this is before writing it as arrays and drawing it
# with `draw_system`. Then change 26 to 25 and predict again.

# %% [markdown]
# ## 6. Nearly parallel lines
#
# The determinant can be tiny without being 0. Then the lines are *nearly* parallel, the
# crossing point exists, but it is very sensitive: a small change of a right-hand side
# slides one line a little, and the far-away crossing point moves a lot. The cell below
# changes the second right-hand side by just 0.01 and draws both crossings.

# %%
A_close = np.array([[1.0, 1.0], [1.0, 1.02]])
before = np.linalg.solve(A_close, np.array([2.0, 2.0]))
after = np.linalg.solve(A_close, np.array([2.0, 2.01]))
print("determinant:", np.linalg.det(A_close))
print("solution before:", before, " after moving b by 0.01:", after)

fig, ax = plt.subplots(figsize=(5, 4.5))
draw_system(ax, np.hstack([A_close, [[2.0], [2.0]]]), names=("x", "y"), span=(-1.0, 3.0))
xs = np.linspace(-1, 3, 200)
ax.plot(xs, (2.01 - xs) / 1.02, linestyle="--", color="tab:red", label="row 2 moved by 0.01")
ax.scatter(*before, color="black", zorder=3)
ax.scatter(*after, color="tab:red", zorder=3)
ax.legend(fontsize=8)
ax.set_title("Almost singular: a tiny change, a big move")
plt.show()

# %% [markdown]
# *Figure 4 — a nearly singular system.* Look at the two dots: the dashed line is barely
# distinguishable from the orange one, yet the crossing point jumped from $(2, 0)$ to
# $(1.5, 0.5)$. In data, this is what two almost-identical features do to a fitted
# model's weights.
#
# **Try this.** Change `1.02` to `1.002` in `A_close` (and in the dashed line). Predict:
# will the jump of the solution be bigger or smaller than before, and by roughly what
# factor? Run it and compare the printed solutions.
#
# **What you have done.** Stored a system as arrays, solved it with NumPy and checked the
# answer by substitution, written the row operation that elimination is made of and a
# complete 2×2 solver, seen that row operations move lines but not their crossing, and
# told the three cases apart with ranks. Next week's lab does all of it with three
# unknowns.
