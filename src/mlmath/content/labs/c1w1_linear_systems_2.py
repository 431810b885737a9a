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
# This lab does with NumPy what the lessons did by hand for two unknowns: write the
# system as arrays, solve it, compute the determinant, and tell a singular system from
# a non-singular one — including *which* kind of singular it is.
#
# Run the cells in order. **Check** cells stop with an error if something is off;
# **Try this** cells invite you to change numbers and run again.

# %%
import numpy as np

# %% [markdown]
# ## 1. A system as two arrays
#
# The system
#
# $$\begin{aligned} x + y &= 4 \\ x - y &= 2 \end{aligned}$$
#
# has the coefficient matrix $A$ and the right-hand side $b$ below. Each row of `A` is
# one equation; the columns belong to $x$ and $y$.

# %%
A = np.array([[1.0, 1.0], [1.0, -1.0]])
b = np.array([4.0, 2.0])
print("A =\n", A)
print("b =", b)
print("shapes:", A.shape, b.shape)

# %% [markdown]
# ## 2. Solving it
#
# `np.linalg.solve(A, b)` returns the vector `x` with `A @ x` equal to `b` — one value
# per unknown, in column order.

# %%
solution = np.linalg.solve(A, b)
print("x, y =", solution)

# %% [markdown]
# **Check.** Substituting the solution back is the best test of any solver, and
# `A @ solution` does it for every equation at once. (`np.allclose` allows for tiny
# rounding errors.)

# %%
assert np.allclose(A @ solution, b)
assert np.allclose(solution, [3, 1])

# %% [markdown]
# ## 3. The lines, as numbers
#
# Each equation is a line. Solving each for $y$ gives $y = 4 - x$ and $y = x - 2$.
# Evaluating both on a grid of $x$ values shows where they meet: the row where the two
# columns agree.

# %%
xs = np.linspace(0, 5, 11)
line_1 = 4 - xs
line_2 = xs - 2
print("   x   line 1  line 2")
for x_value, y1, y2 in zip(xs, line_1, line_2, strict=True):
    mark = "  <- they meet" if np.isclose(y1, y2) else ""
    print(f"{x_value:4.1f}  {y1:6.1f}  {y2:6.1f}{mark}")

# %% [markdown]
# **Try this.** Change the second line to $x + y = 1$ by setting `line_2 = 1 - xs`, and
# run the cell again. Do the columns ever agree? How far apart are they, row by row,
# and what does that say about the two lines? (Put `line_2 = xs - 2` back afterwards.)

# %% [markdown]
# ## 4. The determinant
#
# For a 2×2 matrix the determinant is $ad - bc$. Write it as a small function and
# compare it with NumPy's `np.linalg.det`.


# %%
def determinant_2x2(matrix: np.ndarray) -> float:
    """ad - bc for the matrix [[a, b], [c, d]]."""
    (a, b), (c, d) = matrix
    return float(a * d - b * c)


print("by hand:", determinant_2x2(A))
print("NumPy:  ", np.linalg.det(A))

# %% [markdown]
# NumPy computes the determinant through elimination in floating point, so it can be
# off in the last digits — `np.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]))` prints
# something like `-2.0000000000000004`. Compare determinants with `np.isclose`, never
# with `==`.

# %% [markdown]
# **Check.**

# %%
assert determinant_2x2(A) == -2
assert np.isclose(np.linalg.det(A), determinant_2x2(A))
assert np.isclose(np.linalg.det(np.array([[5, 2], [3, 4]])), 14)

# %% [markdown]
# ## 5. Singular systems
#
# When the determinant is 0 the system has no unique solution, and `np.linalg.solve`
# refuses with a `LinAlgError`. Catching the error lets a program react instead of
# crashing.

# %%
singular = np.array([[1.0, 2.0], [2.0, 4.0]])
print("determinant:", np.linalg.det(singular))
try:
    np.linalg.solve(singular, np.array([3.0, 5.0]))
except np.linalg.LinAlgError as error:
    print("NumPy says:", error)

# %% [markdown]
# A singular system has either infinitely many solutions or none, and the determinant
# cannot tell which: it ignores the right-hand side. Elimination can. Put `A` and `b`
# side by side in an **augmented matrix**, subtract the right multiple of row 1 from
# row 2, and look at what is left of row 2:
#
# - `[0, 0, 0]` reads $0 = 0$: redundant, **infinitely many** solutions;
# - `[0, 0, c]` with $c \neq 0$ reads $0 = c$: contradictory, **no** solution.


# %%
def classify(matrix: np.ndarray, rhs: np.ndarray) -> str:
    """'one solution', 'infinitely many' or 'no solution' for a 2x2 system."""
    if not np.isclose(np.linalg.det(matrix), 0):
        return "one solution"
    augmented = np.hstack([matrix, rhs.reshape(2, 1)]).astype(float)
    if np.isclose(augmented[0, 0], 0) and np.isclose(augmented[0, 1], 0):
        augmented = augmented[::-1]  # swap the rows so that row 1 has a non-zero entry
    pivot = 0 if not np.isclose(augmented[0, 0], 0) else 1
    if np.isclose(augmented[0, pivot], 0):  # every coefficient is 0
        return "infinitely many" if np.allclose(augmented[:, 2], 0) else "no solution"
    factor = augmented[1, pivot] / augmented[0, pivot]
    augmented[1] = augmented[1] - factor * augmented[0]  # R2 <- R2 - factor * R1
    return "infinitely many" if np.isclose(augmented[1, 2], 0) else "no solution"


print(classify(A, b))
print(classify(singular, np.array([3.0, 6.0])))
print(classify(singular, np.array([3.0, 5.0])))

# %% [markdown]
# **Check.** $x + 2y = 3$ and $2x + 4y = 6$ are the same line; with $5$ instead of $6$
# the lines are parallel.

# %%
assert classify(A, b) == "one solution"
assert classify(singular, np.array([3.0, 6.0])) == "infinitely many"
assert classify(singular, np.array([3.0, 5.0])) == "no solution"
assert classify(np.array([[0.0, 0.0], [3.0, 1.0]]), np.array([0.0, 2.0])) == "infinitely many"

# %% [markdown]
# **Try this.** Write the system "3 apples and 2 bananas cost 13; 6 apples and 4 bananas
# cost 26" as arrays and classify it. Then change 26 to 25. Before running, predict
# both answers.
#
# **Try this.** Pick your own non-singular system, solve it with `np.linalg.solve`, and
# write a check like the one in section 2 that substitutes the answer back.
