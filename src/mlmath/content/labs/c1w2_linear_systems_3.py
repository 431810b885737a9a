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
# # Lab: Solving linear systems — 3 variables
#
# The lesson solved a 3×3 system by elimination: row operations on an augmented
# matrix until it became a staircase, then back-substitution. Here you do the same
# steps on NumPy arrays, one line per row operation, and compare the result with
# `np.linalg.solve` and `np.linalg.det`.
#
# Run the cells in order. **Check** cells stop with an error if something is off;
# **Try this** cells invite you to change something and run again.

# %%
import numpy as np

# %% [markdown]
# ## 1. The system and its augmented matrix
#
# $$\begin{aligned} x + y + z &= 6 \\ 2x + 3y + z &= 11 \\ x - y + 2z &= 5 \end{aligned}$$
#
# `np.hstack` glues the column of right-hand sides to the coefficients. We use floats
# (`1.0`, not `1`) because elimination divides, and an integer array would silently
# round the results of a division when they are stored back into it.

# %%
A = np.array([[1.0, 1.0, 1.0], [2.0, 3.0, 1.0], [1.0, -1.0, 2.0]])
b = np.array([6.0, 11.0, 5.0])
augmented = np.hstack([A, b.reshape(3, 1)])
print(augmented)
print("shape:", augmented.shape)

# %% [markdown]
# ## 2. NumPy's answer first
#
# `np.linalg.solve` runs elimination for you. Its answer is the one to match.

# %%
expected = np.linalg.solve(A, b)
print("x, y, z =", expected)
print("determinant:", np.linalg.det(A))

# %% [markdown]
# **Check.**

# %%
assert np.allclose(A @ expected, b)
assert not np.isclose(np.linalg.det(A), 0)

# %% [markdown]
# ## 3. Row operations on arrays
#
# `M[i]` is row `i` (counting from 0), so each row operation is one assignment. Work on
# a copy so the original stays as it was.
#
# | on paper | in NumPy |
# |---|---|
# | $R_2 \leftarrow R_2 - 2R_1$ | `M[1] = M[1] - 2 * M[0]` |
# | $R_3 \leftarrow 5R_3$ | `M[2] = 5 * M[2]` |
# | $R_1 \leftrightarrow R_2$ | `M[[0, 1]] = M[[1, 0]]` |

# %%
M = augmented.copy()
M[1] = M[1] - 2 * M[0]  # R2 <- R2 - 2 R1: removes x from equation 2
M[2] = M[2] - M[0]  # R3 <- R3 - R1: removes x from equation 3
print(M)

# %% [markdown]
# Column 1 is now zero below the first pivot. One more operation clears column 2 below
# the second pivot.

# %%
M[2] = M[2] + 2 * M[1]  # R3 <- R3 + 2 R2: removes y from equation 3
print(M)

# %% [markdown]
# **Check.** The matrix is a staircase: every entry below the diagonal is 0.

# %%
assert np.allclose(np.tril(M[:, :3], k=-1), 0)  # tril(k=-1): the part below the diagonal
assert np.allclose(M[2], [0, 0, -1, -3])

# %% [markdown]
# ## 4. Back-substitution
#
# Read the unknowns from the bottom row up: each row has one unknown more than the row
# below it, and the ones already found move to the right-hand side.

# %%
z = M[2, 3] / M[2, 2]
y = (M[1, 3] - M[1, 2] * z) / M[1, 1]
x = (M[0, 3] - M[0, 1] * y - M[0, 2] * z) / M[0, 0]
by_hand = np.array([x, y, z])
print("x, y, z =", by_hand)

# %% [markdown]
# **Check.** Your elimination agrees with NumPy's.

# %%
assert np.allclose(by_hand, expected)

# %% [markdown]
# ## 5. The same steps for any size
#
# The operations above follow a pattern: for each column, use the pivot row to clear
# the entries below it, then back-substitute from the bottom. A loop writes it once for
# every size. (This version assumes no pivot is 0; the next lesson shows how a row swap
# handles that case.)


# %%
def eliminate(matrix: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve matrix @ x = rhs by elimination and back-substitution (non-zero pivots)."""
    n = len(rhs)
    work = np.hstack([matrix, rhs.reshape(n, 1)]).astype(float)
    for col in range(n):
        for row in range(col + 1, n):
            factor = work[row, col] / work[col, col]
            work[row] = work[row] - factor * work[col]  # R_row <- R_row - factor R_col
    solution = np.zeros(n)
    for row in range(n - 1, -1, -1):
        known = work[row, row + 1 : n] @ solution[row + 1 :]
        solution[row] = (work[row, n] - known) / work[row, row]
    return solution


print(eliminate(A, b))

# %% [markdown]
# **Check.** Compare with `np.linalg.solve` on the lesson's system and on a random 5×5
# system (a random matrix is non-singular with near certainty).

# %%
assert np.allclose(eliminate(A, b), expected)
rng = np.random.default_rng(0)
big = rng.normal(size=(5, 5)) + 5 * np.eye(5)  # a strong diagonal keeps the pivots non-zero
rhs = rng.normal(size=5)
assert np.allclose(eliminate(big, rhs), np.linalg.solve(big, rhs))

# %% [markdown]
# ## 6. The determinant from the staircase
#
# Adding a multiple of one row to another does not change the determinant, and only
# such operations were used above. So the determinant of `A` is the product of the
# diagonal of the staircase.

# %%
diagonal_product = float(np.prod(np.diag(M[:, :3])))
print("product of the pivots:", diagonal_product)
print("np.linalg.det:        ", np.linalg.det(A))

# %% [markdown]
# **Check.**

# %%
assert np.isclose(diagonal_product, np.linalg.det(A))

# %% [markdown]
# ## 7. When the system is singular
#
# Change the third equation to the sum of the first two, $3x + 4y + 2z = 17$. The third
# row of the staircase becomes all zeros — $0 = 0$ — and the determinant is 0.

# %%
A_singular = np.array([[1.0, 1.0, 1.0], [2.0, 3.0, 1.0], [3.0, 4.0, 2.0]])
b_singular = np.array([6.0, 11.0, 17.0])
S = np.hstack([A_singular, b_singular.reshape(3, 1)])
S[1] = S[1] - 2 * S[0]
S[2] = S[2] - 3 * S[0]
S[2] = S[2] - S[1]
print(S)
print("determinant:", np.linalg.det(A_singular))

# %% [markdown]
# **Check.** A row of zeros, right-hand side included: the system is redundant and has
# infinitely many solutions, such as $(1, 2, 3)$ and $(3, 1, 2)$.

# %%
assert np.allclose(S[2], 0)
assert np.isclose(np.linalg.det(A_singular), 0)
for candidate in ([1, 2, 3], [3, 1, 2]):
    assert np.allclose(A_singular @ np.array(candidate, dtype=float), b_singular)

# %% [markdown]
# **Try this.** Change the last right-hand side from 17 to 18 and run section 7 again.
# What does the bottom row say now, and which check fails? Then call
# `np.linalg.solve(A_singular, b_singular)` and read the error.
#
# **Try this.** Use `eliminate` on a 4×4 system of your own, and check it by
# substituting the answer back with `@`.
