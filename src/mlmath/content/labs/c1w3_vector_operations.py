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
# # Lab: Vector operations — scalar multiplication, sum and dot product
#
# This lab belongs to the lesson **Vectors**. There, a vector was both a list of numbers
# (one row of a data set) and an arrow from the origin, and every operation — adding,
# stretching, measuring, the dot product — had a rule *and* a picture. Here you compute
# each one with NumPy, draw the arrows with matplotlib, and put them to work on a small
# data set: which flat is most like a given one, and how similar two documents are.
#
# Run the cells in order. **Try this** cells ask you to predict an outcome before you
# change the code and run it. **Exercise** cells leave a small function for you to write;
# the cell after each checks it on inputs you have not seen — `✓` when it is right, a
# message naming the input, the expected and the actual answer when it is not, and just
# "not written yet" until you start. Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c1w3_vector_operations import (
    check_angle_degrees,
    check_dot,
    check_nearest_row,
    check_norm_l1,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. Vectors as arrays, vectors as arrows
#
# A vector is a 1-D array, and `+`, `-` and `*` with a number work entry by entry — the
# rules of the lesson. To *see* a vector, draw it as an arrow. The small helper below
# does that with `ax.quiver`, whose options make one unit of the vector one unit of the
# axes. It can start an arrow anywhere, which is how a sum is drawn "tip to tail".


# %%
def arrow(ax, vector, start=(0, 0), **style):
    """Draw `vector` as an arrow starting at `start`."""
    ax.quiver(*start, *vector, angles="xy", scale_units="xy", scale=1, width=0.012, **style)


def square_axes(ax, low=-2, high=6):
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.axvline(0, color="grey", linewidth=0.6)


u = np.array([4.0, 1.0])
v = np.array([1.0, 3.0])
print("u + v =", u + v, "  u - v =", u - v)
assert np.array_equal(u + v, [5, 4])

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.5))
arrow(left, u, color="tab:blue", label="u = (4, 1)")
arrow(left, v, start=u, color="tab:orange", label="v, drawn from the tip of u")
arrow(left, u + v, color="tab:green", label="u + v = (5, 4)")
left.set_title("Sum: tip to tail")
arrow(right, u, color="tab:blue", label="u")
arrow(right, v, color="tab:orange", label="v")
arrow(right, u - v, start=v, color="tab:red", label="u − v, from the tip of v to the tip of u")
right.set_title("Difference: from v to u")
for ax in (left, right):
    square_axes(ax)
    ax.legend(fontsize=8, loc="upper left")
plt.show()

# %% [markdown]
# *Figure 1 — sum and difference.* On the left, look at where the green arrow ends: at
# the tip of $v$ after walking along $u$ first — adding coordinates is walking one arrow
# after the other. On the right, the red arrow is the step that takes you from $v$ to
# $u$; that is why $v + (u - v) = u$.
#
# ## 2. Stretching: scalar multiplication
#
# Multiplying by a number $c$ multiplies every entry, so the arrow stays on its line
# through the origin: it stretches for $c > 1$, shrinks for $0 < c < 1$, and turns around
# for $c < 0$. Scaling and adding together give **linear combinations** such as $2u - v$.

# %%
fig, ax = plt.subplots(figsize=(6, 5))
# longest first, so that the shorter arrows are drawn on top and stay visible
for c, color in [(1.5, "tab:purple"), (1.0, "tab:blue"), (0.5, "tab:orange"), (-1.0, "tab:red")]:
    x_end, y_end = c * u
    arrow(ax, c * u, color=color, label=f"{c:g}·u = ({x_end:g}, {y_end:g})")
arrow(ax, 2 * u - v, color="tab:green", label="2u − v = (7, −1)")
square_axes(ax, low=-5, high=8)
ax.legend(fontsize=8, loc="upper left")
ax.set_title("Multiples of u, and the combination 2u − v")
plt.show()

# %% [markdown]
# *Figure 2 — scalar multiples.* Look at the blue, orange, purple and red arrows: all on
# one line through the origin, only their lengths and directions along it differ. The
# green combination $2u - v$ leaves that line, because $v$ points elsewhere.
#
# **Try this.** Predict the coordinates of $-u + 2v$ and roughly where its arrow points,
# then add it to the plot (one more `arrow(...)` line) and run. Then predict: which
# number $c$ makes $c \cdot u$ have length exactly 1?

# %% [markdown]
# ## 3. How big is a vector? Norms
#
# The **L2 norm** (length) is the straight-line distance from the origin, Pythagoras'
# $\sqrt{v_1^2 + \dots + v_n^2}$. The **L1 norm** is the walk along the axes,
# $|v_1| + \dots + |v_n|$. NumPy's `np.linalg.norm(v)` gives L2 and
# `np.linalg.norm(v, 1)` gives L1. Regularised models (ridge and lasso) penalise these
# very numbers for a weight vector.

# %%
walk = np.array([3.0, 4.0])
print("L2:", np.linalg.norm(walk), "  L1:", np.linalg.norm(walk, 1))
print("length of 2·walk:", np.linalg.norm(2 * walk), " — twice as long")

# %% [markdown]
# **Exercise 1.** Write `norm_l1(v)` without `np.linalg.norm`. Size has no sign: an entry
# of $-4$ counts as much as $4$ (`np.abs` takes absolute values entry by entry).


# %%
def norm_l1(v):
    """The L1 norm of the vector v: the sum of the absolute values of its entries."""
    raise NotImplementedError("write this function")


# %%
check_norm_l1(norm_l1)

# %% [markdown]
# Which vectors have norm exactly 1? For L2 it is the circle of radius 1. For L1 it is
# something else; the cell finds out by taking many directions and scaling each to norm 1.

# %%
angles = np.linspace(0, 2 * np.pi, 400)
directions = np.column_stack([np.cos(angles), np.sin(angles)])  # one direction per row
l2_unit = directions / np.linalg.norm(directions, axis=1, keepdims=True)
l1_unit = directions / np.abs(directions).sum(axis=1, keepdims=True)

fig, ax = plt.subplots(figsize=(4.8, 4.8))
ax.plot(l2_unit[:, 0], l2_unit[:, 1], label="L2 norm = 1 (a circle)")
ax.plot(l1_unit[:, 0], l1_unit[:, 1], label="L1 norm = 1")
arrow(ax, l2_unit[50], color="tab:blue")
arrow(ax, l1_unit[50], color="tab:orange")
square_axes(ax, low=-1.3, high=1.3)
ax.legend(fontsize=8, loc="lower left")
ax.set_title("All vectors of norm 1")
plt.show()

# %% [markdown]
# *Figure 3 — the two "unit circles".* Look at the orange shape: a diamond with corners on
# the axes, always inside the circle. In any direction, the vector with L1 norm 1 is
# shorter than the one with L2 norm 1 — which is the lesson's rule "L1 is never smaller
# than L2" seen from the other side. (The diamond's sharp corners on the axes are why
# lasso tends to set some weights exactly to 0.)
#
# ## 4. Distance, and the most similar flat
#
# The distance between two vectors is the length of their difference,
# $\lVert u - v \rVert$. With one vector per flat, "the most similar flat" becomes "the
# nearest vector" — the idea behind **nearest-neighbour** methods. Here are the 24 flats
# from Week 1 again, each as (area, rooms).

# %%
flats = pd.read_csv(data_file("flats.csv"))
X = flats[["area_m2", "rooms"]].to_numpy(dtype=float)
mine = np.array([85.0, 4.0])
print("distance from my flat to flat 0:", np.linalg.norm(X[0] - mine))

# %% [markdown]
# **Exercise 2.** Write `nearest_row(X, q)`: the index of the row of `X` nearest to the
# vector `q` (L2 distance). `X - q` subtracts `q` from every row at once;
# `np.linalg.norm(..., axis=1)` takes one length per row; `np.argmin` gives the index of
# the smallest entry.


# %%
def nearest_row(X, q):
    """The index (an int) of the row of X closest to q in L2 distance."""
    raise NotImplementedError("write this function")


# %%
check_nearest_row(nearest_row)

# %% [markdown]
# The picture: every flat, my flat, and a line to each of its three nearest neighbours.

# %%
distances = np.linalg.norm(X - mine, axis=1)
closest = np.argsort(distances)[:3]
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X[:, 0], X[:, 1], color="tab:blue", label="flats")
ax.scatter(*mine, color="crimson", marker="*", s=200, label="my flat (85 m², 4 rooms)")
for index in closest:
    ax.plot([mine[0], X[index, 0]], [mine[1], X[index, 1]], color="crimson", linewidth=1)
ax.set_xlabel("area (m²)")
ax.set_ylabel("rooms")
ax.set_title("My three nearest neighbours")
ax.legend(fontsize=8)
plt.show()
print("nearest flats:", closest, " their (area, rooms):", X[closest].tolist())

# %% [markdown]
# *Figure 4 — nearest neighbours.* Look where the three red lines go: to flats of almost
# the same area with one or two rooms *fewer*, not to the 4-room flat of 99 m². One m² of
# difference counts as much as a whole room, and areas differ by tens of m², so the
# distance is dominated by whichever feature has the bigger numbers.
#
# **Try this.** Predict what happens to the three neighbours if every area is measured in
# hundreds of m² instead (divide column 0 of `X` and `mine[0]` by 100 before computing
# `distances`). Which feature dominates then? Run it and see. Rescaling features before
# measuring distances is standard practice for exactly this reason.

# %% [markdown]
# ## 5. The dot product
#
# Multiply matching entries and add: $u \cdot v = u_1 v_1 + \dots + u_n v_n$. A basket
# of 2 apples, 3 pears and 1 melon at prices 1, 2 and 4 costs
# $2 \cdot 1 + 3 \cdot 2 + 1 \cdot 4 = 12$. NumPy writes it `u @ v` or `np.dot(u, v)`.
# The answer is one number, not a vector.
#
# **Exercise 3.** Write `dot(u, v)` without `@` or `np.dot`: multiply entry by entry,
# then add. Return a single number.


# %%
def dot(u, v):
    """The dot product of two vectors of the same length: a single number."""
    raise NotImplementedError("write this function")


# %%
check_dot(dot)

# %% [markdown]
# A Python loop does the same, one pair of entries at a time, but it is far slower on
# long vectors, because every step goes through the Python interpreter. NumPy's `@` runs
# one compiled loop.

# %%
rng = np.random.default_rng(0)
long_u, long_v = rng.normal(size=100_000), rng.normal(size=100_000)


def dot_loop(a, b):
    total = 0.0
    for x_entry, y_entry in zip(a, b, strict=True):
        total += x_entry * y_entry
    return total


print("loop:", dot_loop(long_u, long_v), "  @:", long_u @ long_v)
assert np.isclose(dot_loop(long_u, long_v), long_u @ long_v)

# %% [markdown]
# **Try this.** Put `%timeit dot_loop(long_u, long_v)` and `%timeit long_u @ long_v` in
# two cells. Predict the ratio first — ten times faster? a thousand? — then run them.

# %% [markdown]
# ## 6. The dot product as an angle
#
# Geometrically, $u \cdot v = \lVert u \rVert \lVert v \rVert \cos\theta$, where $\theta$
# is the angle between the arrows. So the dot product's **sign** tells the kind of angle
# — positive when acute, 0 at a right angle, negative when obtuse — and dividing by the
# lengths gives $\cos\theta$, the **cosine similarity**. The plot keeps $u$ fixed and turns
# a vector $v$ of length 2 once around the circle.

# %%
turn = np.linspace(0, 360, 361)
u_fixed = np.array([3.0, 1.0])
u_angle = np.degrees(np.arctan2(u_fixed[1], u_fixed[0]))
turning = 2 * np.column_stack([np.cos(np.radians(turn)), np.sin(np.radians(turn))])
dots = turning @ u_fixed  # one dot product per row: a matrix times a vector

fig, ax = plt.subplots(figsize=(6.5, 3.8))
ax.plot(turn, dots)
ax.axhline(0, color="grey", linewidth=0.8)
for edge in (u_angle - 90, u_angle + 90):
    ax.axvline(edge % 360, color="crimson", linestyle="--", linewidth=1)
ax.fill_between(turn, dots, 0, where=dots > 0, alpha=0.2, label="acute: u·v > 0")
ax.fill_between(turn, dots, 0, where=dots < 0, alpha=0.2, color="tab:red", label="obtuse: u·v < 0")
ax.set_xlabel("direction of v (degrees)")
ax.set_ylabel("u · v")
ax.set_title("u = (3, 1) fixed, v of length 2 turning")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# *Figure 5 — the dot product as v turns.* Look at the dashed lines: the dot product
# changes sign exactly where $v$ is perpendicular to $u$ (90° either side of $u$'s own
# direction, about 18°). The highest point is where $v$ points along $u$; its height is
# $\lVert u \rVert \cdot 2 = 2\sqrt{10} \approx 6.3$.
#
# **Exercise 4.** Write `angle_degrees(u, v)`: the angle between two non-zero vectors, in
# degrees. Compute $\cos\theta$, then `np.arccos` (which answers in radians) and
# `np.degrees`. Rounding can push $\cos\theta$ a hair above 1, where `arccos` gives NaN;
# `np.clip(cosine, -1, 1)` prevents that.


# %%
def angle_degrees(u, v):
    """The angle between the non-zero vectors u and v, in degrees (0 to 180)."""
    raise NotImplementedError("write this function")


# %%
check_angle_degrees(angle_degrees)

# %% [markdown]
# **Cosine similarity of documents.** Count the words "goal", "match" and "vote" in three
# articles: A = (2, 1, 0), B = (4, 2, 0) (the same mix, twice as long), C = (0, 1, 3).

# %%
articles = {
    "A": np.array([2.0, 1.0, 0.0]),
    "B": np.array([4.0, 2.0, 0.0]),
    "C": np.array([0.0, 1.0, 3.0]),
}
for first, second in [("A", "B"), ("A", "C"), ("B", "C")]:
    p, q = articles[first], articles[second]
    cosine = p @ q / (np.linalg.norm(p) * np.linalg.norm(q))
    print(f"{first}–{second}: cosine similarity {cosine:.3f}, distance {np.linalg.norm(p - q):.2f}")

# %% [markdown]
# A and B have cosine similarity 1 — the same topic — although their distance is larger
# than A's distance to C. For text, the angle is the better measure.
#
# **Try this.** Predict the cosine similarity of A with an article D = (0, 0, 5) that only
# talks about votes, then add it to `articles` and run.
#
# ## 7. A matrix times a vector: many dot products at once
#
# Stack vectors as the rows of a matrix, and `X @ w` takes the dot product of every row
# with `w` — the prediction of a linear model for every flat at once, as in Week 1.
# Read by columns, the same product mixes the columns of `X` with the weights in `w`.

# %%
w = np.array([3.0, 10.0])
row_picture = np.array([row @ w for row in X[:3]])
column_picture = w[0] * X[:3, 0] + w[1] * X[:3, 1]
print("row by row:", row_picture, " column mix:", column_picture, " X @ w:", X[:3] @ w)
assert np.allclose(row_picture, X[:3] @ w)
assert np.allclose(column_picture, X[:3] @ w)

# %% [markdown]
# **What you have done.** Drawn sums, differences and multiples of vectors; measured
# vectors with the L1 and L2 norms and seen their unit shapes; found nearest neighbours
# by distance (and seen why features need comparable scales); written the dot product and
# the angle between vectors, and used cosine similarity on word counts; and read a
# matrix–vector product as a stack of dot products and as a mix of columns.
