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
# This lab belongs to the lesson **Solving systems of linear equations: elimination**.
# The lesson turned cleverness into a recipe: write the system as an augmented matrix,
# use row operations to make a staircase of zeros below the diagonal, then solve from the
# bottom row up. A recipe is exactly what a computer can follow, so here you write it as
# code — first step by step on the lesson's 3×3 system, then as functions that work for
# any size — and compare with NumPy's own solver. Along the way you will see the
# staircase form in a picture, the three planes of a system meet in one point, the
# determinant fall out of elimination for free, and why the work grows like $n^3$.
#
# Run the cells in order. **Try this** cells ask you to predict something, then change
# the code and run it again. **Exercise** cells leave a function for you to write; the
# check after it says `✓` when it is right, explains the first wrong case when it is not,
# and only notes "not written yet" until you start. The rest of the lab never uses your
# functions, so it runs either way.

# %%
import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c1w2_linear_systems_3 import (
    check_back_substitute,
    check_det_by_elimination,
    check_forward_eliminate,
)

# %% [markdown]
# ## 1. From data to a 3×3 system
#
# The lesson's delivery service predicts minutes from distance in km ($x_1$) and stops
# ($x_2$) with $\text{minutes} = w_1 x_1 + w_2 x_2 + b$. Three deliveries give three
# equations in the three unknowns $w_1, w_2, b$. The bias $b$ is multiplied by 1 in every
# equation, so the coefficient matrix is the data with a column of ones glued on.

# %%
km_stops = np.array([[2.0, 1.0], [4.0, 1.0], [3.0, 2.0]])
minutes = np.array([14.0, 20.0, 22.0])
A_delivery = np.hstack([km_stops, np.ones((3, 1))])
print(A_delivery)
w1, w2, bias = np.linalg.solve(A_delivery, minutes)
print(f"w1 = {w1:.3g} min per km, w2 = {w2:.3g} min per stop, b = {bias:.3g} min")
assert np.allclose(A_delivery @ [w1, w2, bias], minutes)

# %% [markdown]
# The model is a plane over (km, stops), but with stops fixed it is a line in km. The
# plot draws the model for 1 and 2 stops together with the three deliveries.

# %%
km = np.linspace(0, 6, 50)
fig, ax = plt.subplots(figsize=(5.5, 4))
for stops, color in [(1, "tab:blue"), (2, "tab:orange")]:
    ax.plot(km, w1 * km + w2 * stops + bias, color=color, label=f"model, {stops} stop(s)")
    chosen = km_stops[:, 1] == stops
    ax.scatter(km_stops[chosen, 0], minutes[chosen], color=color, s=60, zorder=3)
ax.set_xlabel("distance (km)")
ax.set_ylabel("minutes")
ax.set_title("minutes = 3·km + 5·stops + 3")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 1 — the fitted model.* Look at the gap between the two lines: it is the same at
# every distance, 5 minutes — the weight of one stop. The slope of each line is 3 minutes
# per km, and where the blue line would meet 0 km (with one stop) is $5 + 3 = 8$ minutes.
#
# **Try this.** The third delivery took 22 minutes. Predict which of $w_1$, $w_2$, $b$
# change if it had taken 25 (only that delivery has two stops — which weight can "see"
# it?). Change `minutes` and rerun the two cells.

# %% [markdown]
# ## 2. Row operations on arrays
#
# Now the lesson's system, solved the long way:
#
# $$\begin{aligned} x + y + z &= 6 \\ 2x + 3y + z &= 11 \\ x - y + 2z &= 5 \end{aligned}$$
#
# `M[i]` is row `i` (counting from 0), so each row operation is one line of NumPy:
#
# | on paper | in NumPy |
# |---|---|
# | $R_2 \leftarrow R_2 - 2R_1$ | `M[1] = M[1] - 2 * M[0]` |
# | $R_3 \leftarrow 5R_3$ | `M[2] = 5 * M[2]` |
# | $R_1 \leftrightarrow R_2$ | `M[[0, 1]] = M[[1, 0]]` |
#
# Work on floats and on a copy: elimination divides, and the original should stay as it
# was. The cell keeps every intermediate matrix in a list for the picture that follows.

# %%
A = np.array([[1.0, 1.0, 1.0], [2.0, 3.0, 1.0], [1.0, -1.0, 2.0]])
b = np.array([6.0, 11.0, 5.0])
M = np.hstack([A, b.reshape(3, 1)])

history = [("start", M.copy())]
S = M.copy()
S[1] = S[1] - 2 * S[0]  # R2 <- R2 - 2 R1: x leaves equation 2
history.append(("R2 ← R2 − 2·R1", S.copy()))
S[2] = S[2] - S[0]  # R3 <- R3 - R1: x leaves equation 3
history.append(("R3 ← R3 − R1", S.copy()))
S[2] = S[2] + 2 * S[1]  # R3 <- R3 + 2 R2: y leaves equation 3
history.append(("R3 ← R3 + 2·R2", S.copy()))
print(S)
assert np.allclose(np.tril(S[:, :3], k=-1), 0)  # everything below the diagonal is 0

# %% [markdown]
# A heat map shows the staircase forming: each square is one entry of the augmented
# matrix, its colour the size of the number, and the last column is the right-hand side.

# %%
fig, axes = plt.subplots(1, 4, figsize=(14, 3.6))
for ax, (title, matrix) in zip(axes, history, strict=True):
    ax.imshow(matrix, cmap="RdBu_r", vmin=-12, vmax=12)
    for (i, j), value in np.ndenumerate(matrix):
        shade = "white" if abs(value) > 8 else "black"
        ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=11, color=shade)
    ax.axvline(2.5, color="black", linewidth=2)  # the bar of [A | b]
    ax.set_xticks([0, 1, 2, 3], ["x", "y", "z", "rhs"])
    ax.set_yticks([0, 1, 2], ["R1", "R2", "R3"])
    ax.set_title(title)
plt.show()

# %% [markdown]
# *Figure 2 — elimination, one operation per panel.* Look below the diagonal of the left
# block: the entries turn to 0 (white) column by column, first under the $x$ pivot, then
# under the $y$ pivot. Each operation changes a whole row, the right-hand side included.
#
# **Exercise 1.** Write `forward_eliminate(M)` for an augmented matrix of any size: for
# each column, subtract the right multiple of the pivot row from every row below it, so
# that column becomes 0 under the pivot. Use only "add a multiple of the pivot row" (no
# swapping, no scaling) and assume no pivot is 0. Return a new array, and remember that a
# row operation acts on the *whole* row, right-hand side included.


# %%
def forward_eliminate(M):
    """The staircase of the augmented matrix M (shape n x (n+1)): zeros below each pivot.

    Only R_row <- R_row - factor * R_col, for every row below column col's pivot.
    """
    raise NotImplementedError("write this function")


# %%
check_forward_eliminate(forward_eliminate)

# %% [markdown]
# ## 3. Back-substitution
#
# The staircase's bottom row has one unknown left, $-z = -3$. The row above has two, but
# one of them is now known, and so on up. In general, row $i$ says
# $u_{ii} x_i + (\text{the terms of the unknowns already found}) = r_i$, so
# $x_i = (r_i - \text{known terms}) / u_{ii}$.

# %%
z = S[2, 3] / S[2, 2]
y = (S[1, 3] - S[1, 2] * z) / S[1, 1]
x = (S[0, 3] - S[0, 1] * y - S[0, 2] * z) / S[0, 0]
print("x, y, z =", x, y, z, "   NumPy:", np.linalg.solve(A, b))
assert np.allclose([x, y, z], np.linalg.solve(A, b))

# %% [markdown]
# **Exercise 2.** Write `back_substitute(U)` for a staircase of any size (an augmented
# matrix with zeros below the diagonal and no zero on it). Loop over the rows from the
# bottom up. A dot product such as `U[row, row + 1 : n] @ x[row + 1 :]` adds up the known
# terms of a row in one go.


# %%
def back_substitute(U):
    """The solution x of the staircase system U (augmented, upper triangular)."""
    raise NotImplementedError("write this function")


# %%
check_back_substitute(back_substitute)

# %% [markdown]
# ## 4. Three planes, one point
#
# Each equation in three unknowns is a plane in space, and the solution is the point all
# three share. Solving each equation for $z$ gives a height above the $(x, y)$ floor,
# which matplotlib can draw as a surface.

# %%
grid_x, grid_y = np.meshgrid(np.linspace(-1, 3, 20), np.linspace(0, 4, 20))
fig = plt.figure(figsize=(6, 5))
ax3d = fig.add_subplot(projection="3d")
for (p, q, r, rhs), color in zip(M, ["tab:blue", "tab:orange", "tab:green"], strict=True):
    heights = (rhs - p * grid_x - q * grid_y) / r  # solve p x + q y + r z = rhs for z
    ax3d.plot_surface(grid_x, grid_y, heights, color=color, alpha=0.35)
ax3d.scatter([1], [2], [3], color="black", s=60)
ax3d.set_xlabel("x")
ax3d.set_ylabel("y")
ax3d.set_zlabel("z")
ax3d.view_init(elev=25, azim=30)  # change the angles to look from elsewhere
ax3d.set_title("Three planes, one common point")
plt.show()

# %% [markdown]
# *Figure 3 — the system as planes* (blue: $x + y + z = 6$, orange: $2x + 3y + z = 11$,
# green: $x - y + 2z = 5$). Look at the black dot at $(1, 2, 3)$: it is the one point on
# all three planes. Any two of the planes meet in a line; the third plane cuts
# that line in exactly one place because the system is non-singular.

# %% [markdown]
# ## 5. The determinant comes free
#
# The lesson's table of row operations: a swap flips the determinant's sign, scaling a
# row by $k$ multiplies it by $k$, and adding a multiple of one row to another leaves it
# alone. The staircase above used only the third kind, and the determinant of a
# triangular matrix is the product of its diagonal. So:

# %%
pivots = np.diag(S[:, :3])
print("pivots:", pivots, " product:", np.prod(pivots), " np.linalg.det:", np.linalg.det(A))
assert np.isclose(np.prod(pivots), np.linalg.det(A))

# %% [markdown]
# When a pivot is 0 you cannot divide by it, but if some row below has a non-zero entry in
# that column you can **swap** the two rows first — and then flip the sign. If no row
# below has one, the column has no pivot at all, and the matrix is singular: its
# determinant is 0.
#
# **Exercise 3.** Write `det_by_elimination(A)` for a square matrix: eliminate column by
# column; when the pivot is 0 (use `abs(value) < 1e-12`), swap in the first row below
# with a non-zero entry and remember the sign change; if there is none, return `0.0`. At
# the end, multiply the diagonal and apply the sign.


# %%
def det_by_elimination(A):
    """The determinant of the square matrix A, computed by elimination with row swaps."""
    raise NotImplementedError("write this function")


# %%
check_det_by_elimination(det_by_elimination)

# %% [markdown]
# **Try this.** Make the system singular: replace the third equation by the sum of the
# first two, $3x + 4y + 2z = 17$. Predict the last row of the staircase before you run
# it — and then predict how it changes if the right-hand side is 18 instead of 17. (One
# of the two has infinitely many solutions, the other none.)

# %%
A_singular = np.array([[1.0, 1.0, 1.0], [2.0, 3.0, 1.0], [3.0, 4.0, 2.0]])
b_singular = np.array([6.0, 11.0, 17.0])
T = np.hstack([A_singular, b_singular.reshape(3, 1)])
T[1] = T[1] - 2 * T[0]
T[2] = T[2] - 3 * T[0]
T[2] = T[2] - T[1]
print(T)
print("determinant:", np.linalg.det(A_singular))

# %% [markdown]
# ## 6. How much work is elimination?
#
# Clearing column $k$ of an $n \times n$ system touches every row below the pivot, and in
# each of those rows every entry from column $k$ to the right-hand side: roughly
# $(n - k)^2$ multiply-and-subtract steps. Added over all columns that is about
# $n^3 / 3$. Back-substitution only needs about $n^2 / 2$. The cell counts the steps
# exactly and plots them on logarithmic axes, where a power of $n$ is a straight line.

# %%
sizes = np.arange(2, 201)
elimination_steps = np.array([sum((n - k - 1) * (n - k + 1) for k in range(n)) for n in sizes])
substitution_steps = sizes * (sizes + 1) // 2

fig, ax = plt.subplots(figsize=(5.5, 4))
ax.loglog(sizes, elimination_steps, label="forward elimination (counted)")
ax.loglog(sizes, sizes**3 / 3, linestyle="--", color="grey", label="n³ / 3")
ax.loglog(sizes, substitution_steps, label="back-substitution (counted)")
ax.set_xlabel("number of unknowns n")
ax.set_ylabel("multiply-and-subtract steps")
ax.set_title("The cost of solving a system")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 4 — work against size.* Look at how the elimination curve hugs the dashed
# $n^3/3$ line as $n$ grows, and how much flatter back-substitution is. Doubling the
# number of unknowns makes elimination about 8 times as much work; a system with a
# thousand unknowns needs a few hundred million steps, which a computer does in well
# under a second.
#
# **Try this.** Predict how many times as many steps $n = 200$ needs compared with
# $n = 100$; then print `elimination_steps[sizes == 200] / elimination_steps[sizes ==
# 100]` and compare. Finally, time `np.linalg.solve` on a random 1000×1000 system
# (`rng = np.random.default_rng(0)`, `rng.normal(size=(1000, 1000))`) with `%time`.
#
# **What you have done.** Turned data into a 3×3 system with a bias column, performed
# elimination as array operations and watched the staircase form, written elimination
# and back-substitution for any size, drawn a system as three planes, read the
# determinant off the pivots (minding the sign of every swap), and counted why solving
# grows like $n^3$.
