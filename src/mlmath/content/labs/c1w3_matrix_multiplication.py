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
# # Lab: Matrix multiplication
#
# This lab belongs to the lesson **Linear transformations**, whose topic "Matrix
# multiplication" defined the product $AB$ twice: as a rule — entry $(i, j)$ is row $i$
# of $A$ dotted with column $j$ of $B$ — and as a meaning — $BA$ is the single matrix
# that does "first $A$, then $B$". Here you build the product from the rule, compare it
# with NumPy's `@`, see why the order of the factors matters, and finish with the reason
# machine learning cares so much: a layer of a neural network *is* a matrix product.
#
# Run the cells in order. **Try this** cells ask for a prediction first — write it down,
# then change the code and run. **Exercise** cells leave a function for you to write; the
# check after it says `✓` when it is right, shows the first input it gets wrong with the
# expected and actual answer when it is not, and only notes "not written yet" until you
# start. The rest of the lab never uses your functions.

# %%
import timeit

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from mlmath.content.labs.checks.c1w3_matrix_multiplication import (
    check_compose,
    check_layer,
    check_matmul,
)

# %% [markdown]
# ## 1. Row times column
#
# For an $m \times n$ matrix $A$ and an $n \times p$ matrix $B$, the product $C = AB$ is
# $m \times p$, and
#
# $$C_{ij} = (\text{row } i \text{ of } A) \cdot (\text{column } j \text{ of } B)
#          = a_{i1} b_{1j} + a_{i2} b_{2j} + \dots + a_{in} b_{nj}.$$
#
# In NumPy, `A[i, :]` is row `i`, `B[:, j]` is column `j`, and `@` between two 1-D
# arrays is their dot product. So a single entry of the lesson's product is one line:

# %%
A = np.array([[1.0, 2.0], [3.0, 4.0]])
B = np.array([[2.0, 0.0], [1.0, 3.0]])
print("entry (0, 1):", A[0, :] @ B[:, 1])  # row 0 of A with column 1 of B
print("A @ B =\n", A @ B)

# %% [markdown]
# The picture below shows where each entry comes from. The highlighted row of $A$ and the
# highlighted column of $B$ produce the highlighted entry of $AB$.

# %%
A_tall = np.array([[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]])
B_wide = np.array([[3.0, 1.0, 0.0, 2.0], [2.0, 1.0, -1.0, 0.0], [1.0, 0.0, 2.0, 1.0]])
C = A_tall @ B_wide
i, j = 1, 2  # the entry to explain

fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), gridspec_kw={"width_ratios": [3, 4, 4]})
for ax, matrix, name in zip(
    axes, [A_tall, B_wide, C], ["A (2×3)", "B (3×4)", "AB (2×4)"], strict=True
):
    ax.imshow(matrix, cmap="RdBu_r", vmin=-8, vmax=8)
    for (row, col), value in np.ndenumerate(matrix):
        ax.text(col, row, f"{value:g}", ha="center", va="center", fontsize=12)
    ax.set_title(name)
    ax.set_xticks([])
    ax.set_yticks([])
axes[0].add_patch(Rectangle((-0.5, i - 0.5), 3, 1, fill=False, edgecolor="black", linewidth=3))
axes[1].add_patch(Rectangle((j - 0.5, -0.5), 1, 3, fill=False, edgecolor="black", linewidth=3))
axes[2].add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=3))
plt.show()
print(f"row {i} of A · column {j} of B =", A_tall[i], "·", B_wide[:, j], "=", C[i, j])

# %% [markdown]
# *Figure 1 — one entry of a product.* Look at the three black boxes: row 1 of $A$
# $(-1, 3, 1)$ meets column 2 of $B$ $(0, -1, 2)$, and their dot product
# $0 - 3 + 2 = -1$ is entry $(1, 2)$ of $AB$. The row of $A$ and the column of $B$ must
# have the same length — that is the rule "inner sizes must match".
#
# **Try this.** Change `i, j` to another entry. Before running, predict its value by
# computing the dot product in your head; then run and compare.
#
# **Exercise 1.** Write `matmul(A, B)` from the rule: make an array of zeros of the
# right shape and fill in every entry $(i, j)$ with a dot product of a row and a column.
# Do not use `@` between the two whole matrices (a dot product of two 1-D arrays is
# fine).


# %%
def matmul(A, B):
    """The matrix product of A (shape m x n) and B (shape n x p): shape m x p."""
    raise NotImplementedError("write this function")


# %%
check_matmul(matmul)

# %% [markdown]
# ## 2. `*` is not `@`, and shapes decide
#
# NumPy's `*` multiplies **matching entries** — a perfectly good operation, but not the
# matrix product. The product needs the inner sizes to agree, and the outer sizes give
# its shape: $(2 \times 3)(3 \times 4)$ is $2 \times 4$, while $(2 \times 3)(2 \times 3)$
# is not defined at all.

# %%
print("A * B (entry by entry):\n", A * B)
print("A @ B (the product):\n", A @ B)
print("shape of A_tall @ B_wide:", (A_tall @ B_wide).shape)
try:
    A_tall @ A_tall
except ValueError as error:
    print("A_tall @ A_tall is not defined:", str(error).split(" (")[0])
assert (A_tall @ B_wide).shape == (2, 4)

# %% [markdown]
# **Try this.** Predict the shapes of `B_wide.T @ A_tall.T` and of `A_tall.T @ A_tall`
# (`.T` is the transpose: rows become columns). Then print them. One of the two is the
# transpose of `C`; which, and why?

# %% [markdown]
# ## 3. Order matters: first $A$, then $B$ is $BA$
#
# A matrix moves every point of the plane; doing one move after the other is again a
# move, and its matrix is the product. The vector meets the first move first, so that
# move stands next to it, on the **right**: $B(Av) = (BA)v$. To see it, take a lopsided
# shape — the letter F, as points — and apply "rotate a quarter turn" and "stretch $x$ by
# 2" in both orders.

# %%
F_shape = np.array(  # the outline of an F, one point per column (x in row 0, y in row 1)
    [
        [0, 0, 1.2, 1.2, 0.4, 0.4, 0.9, 0.9, 0.4, 0.4, 0],
        [0, 2, 2, 1.6, 1.6, 1.2, 1.2, 0.8, 0.8, 0, 0],
    ]
)
rotate = np.array([[0.0, -1.0], [1.0, 0.0]])
stretch = np.array([[2.0, 0.0], [0.0, 1.0]])

pictures = [
    ("the F", np.eye(2)),
    ("rotate, then stretch: stretch @ rotate", stretch @ rotate),
    ("stretch, then rotate: rotate @ stretch", rotate @ stretch),
]
fig, axes = plt.subplots(1, 3, figsize=(12, 4))
for ax, (title, M) in zip(axes, pictures, strict=True):
    moved = M @ F_shape  # every point at once: a 2x2 matrix times a 2xN matrix
    ax.fill(F_shape[0], F_shape[1], color="lightgrey", label="before")
    ax.fill(moved[0], moved[1], alpha=0.6, color="tab:blue", label="after")
    ax.plot(moved[0], moved[1], color="tab:blue")
    ax.set_xlim(-4.5, 3)
    ax.set_ylim(-1, 3)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_title(title, fontsize=10)
axes[0].legend(loc="lower left")
plt.show()
print("stretch @ rotate =\n", stretch @ rotate, "\nrotate @ stretch =\n", rotate @ stretch)

# %% [markdown]
# *Figure 2 — the same two moves in both orders.* Look at the middle and right pictures:
# rotating first makes the F lie on its back, and the stretch then widens it along $x$ —
# its *height* before the turn; stretching first widens the F, and the rotation then
# turns that width upright. Different shapes, so $BA \neq AB$.
#
# **Exercise 2.** Write `compose(first, second)`: the single matrix that applies `first`
# and then `second`. (It is one line — the point is the order.)


# %%
def compose(first, second):
    """The matrix of the transformation 'apply first, then second'."""
    raise NotImplementedError("write this function")


# %%
check_compose(compose)

# %% [markdown]
# ## 4. The identity, and many vectors at once
#
# The identity matrix `np.eye(n)` has ones on the diagonal and zeros elsewhere; it is the
# move that leaves everything where it is, so $IA = AI = A$. And a matrix times a vector
# is just the product with a one-column matrix — which is why the F above could be moved
# in one product: its points, as columns, form a $2 \times N$ matrix.

# %%
I2 = np.eye(2)
assert np.array_equal(I2 @ A, A)
assert np.array_equal(A @ I2, A)
v = np.array([5.0, 6.0])
print("A @ v =", A @ v, "  A @ v as a column:", (A @ v.reshape(2, 1)).ravel())

# %% [markdown]
# ## 5. A layer of a neural network is a matrix product
#
# A neuron weighs its inputs (a dot product), adds its own **bias**, and applies an
# **activation**; ReLU, $\max(0, z)$, keeps positive numbers and turns negative ones into
# 0. A **layer** of neurons reading the same input stacks their weight rows into a
# matrix $W$, so the whole layer is $\text{ReLU}(Wx + b)$. NumPy's `np.maximum(0, z)`
# applies ReLU entry by entry.
#
# **Exercise 3.** Write `layer(W, b, x)`. The bias is added *before* the activation.


# %%
def layer(W, b, x):
    """A ReLU layer: max(0, W x + b), entry by entry (W: m x n, b: m, x: n)."""
    raise NotImplementedError("write this function")


# %%
check_layer(layer)

# %% [markdown]
# What does such a layer do to the plane? Feed it a whole grid of points at once — as
# the *rows* of a matrix `P`, the usual layout for a data set, so the layer is
# `P @ W.T + b` — and colour each point by where it started.

# %%
W_demo = np.array([[1.0, 1.0], [1.0, -1.0]])
b_demo = np.array([-0.5, 0.0])
axis = np.linspace(-2, 2, 21)
P = np.array([[x, y] for x in axis for y in axis])  # 441 points, one per row
Z = P @ W_demo.T + b_demo  # every weighted sum plus bias at once
out = np.maximum(0, Z)

fig, axes = plt.subplots(1, 3, figsize=(13, 4.2))
for ax, points, title in zip(
    axes, [P, Z, out], ["input points", "after W x + b (a linear move)", "after ReLU"], strict=True
):
    ax.scatter(points[:, 0], points[:, 1], c=P[:, 0] + 2 * P[:, 1], cmap="viridis", s=12)
    ax.set_aspect("equal")
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_title(title)
plt.show()
print(
    "points flattened onto an axis by ReLU:", int(np.sum(np.any(out == 0, axis=1))), "of", len(out)
)

# %% [markdown]
# *Figure 3 — a ReLU layer folds the plane.* Look at the right panel: all points whose
# weighted sum was negative are pushed onto the axes, so many different inputs end up at
# the same output. The middle panel is only a linear move (a grid stays a grid); the
# folding is what the activation adds. Without it, two layers would collapse into one
# matrix — the product from section 3.
#
# **Try this.** Predict what the right panel looks like if `b_demo` is `[2.0, 2.0]`: will
# more points or fewer be pushed onto the axes? Run it. Then try `[-2.0, -2.0]`.
#
# ## 6. Why `@` and not loops
#
# Your `matmul` does $m \cdot p$ dot products in Python. NumPy's `@` does the same
# arithmetic in compiled code that uses the processor's vector instructions. The cell
# times both on square matrices of growing size (with the lab's own loop version, so it
# runs whether or not you have written yours), keeping the fastest of several runs.


# %%
def matmul_loops(A, B):
    C = np.zeros((A.shape[0], B.shape[1]))
    for row in range(A.shape[0]):
        for col in range(B.shape[1]):
            C[row, col] = A[row, :] @ B[:, col]
    return C


def best_time(function, A, B, repeat):
    """The fastest of `repeat` runs of function(A, B), in seconds: the least disturbed."""
    return min(timeit.repeat(lambda: function(A, B), number=1, repeat=repeat))


rng = np.random.default_rng(0)
sizes = [10, 20, 40, 80, 120]
loop_seconds, numpy_seconds = [], []
for n in sizes:
    X, Y = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    assert np.allclose(matmul_loops(X, Y), X @ Y)
    loop_seconds.append(best_time(matmul_loops, X, Y, repeat=3))
    numpy_seconds.append(best_time(np.matmul, X, Y, repeat=20))  # np.matmul is @

fig, ax = plt.subplots(figsize=(5.5, 4))
ax.semilogy(sizes, loop_seconds, "o-", label="Python loops of dot products")
ax.semilogy(sizes, numpy_seconds, "o-", label="NumPy's @")
ax.set_xlabel("n (multiplying two n×n matrices)")
ax.set_ylabel("seconds (log scale)")
ax.set_title("The same product, two ways")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 4 — time against size.* Look at the vertical gap between the two lines: on a
# logarithmic axis a constant gap is a constant *factor*, typically a hundred or more.
# (Your numbers depend on your machine and on what else it is doing.)
#
# **What you have done.** Built the matrix product from rows and columns and checked it
# against `@`; told `*` from `@`; predicted shapes; seen with the F that the order of a
# product is the order of the moves, read from right to left; written a neural-network
# layer as $\text{ReLU}(Wx + b)$ and watched it fold the plane; and measured why
# everyone uses `@`.
