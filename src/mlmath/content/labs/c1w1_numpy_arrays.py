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
# # Lab: Introduction to NumPy arrays
#
# This lab belongs to the lesson **Systems of linear equations: two variables**. There,
# a table of flats (area, rooms, price) turned into a system of equations, each equation
# was drawn as a line, and one number — the determinant — told whether the system has a
# single solution. Here you do the same things with **NumPy**, the library almost every
# piece of machine-learning code in Python is built on. Its central object is the
# **array**: a grid of numbers of one type, with a shape, that you compute with all at
# once instead of looping over entries.
#
# By the end you will be able to build arrays, read their shape, pick out rows, columns
# and single entries, load a small data set into a matrix, compute every prediction of a
# linear model in one line, and draw lines and data with matplotlib.
#
# **How to work through it.** Run the cells in order (Shift + Enter). Three kinds of
# cell ask something of you:
#
# - **Try this** — change a number and run again. Each one asks you to *predict* first:
#   say (or write down) what you expect, then run and compare. A wrong prediction is the
#   most useful outcome; it shows exactly which idea to look at again.
# - **Exercise** — a function for you to write, where it says
#   `raise NotImplementedError`. The cell after it checks your function on a few inputs
#   you have not seen: `✓` means every case passed; a `✗` message names the input, what
#   was expected and what your function gave. Until you write it, the check only says
#   "not written yet", and the rest of the lab still runs.
# - **Plots** — each comes with a line saying what to look at.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from mlmath.content.labs.checks.c1w1_numpy_arrays import check_det2, check_line_y, check_predict
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. One-dimensional arrays: a list of numbers that computes
#
# `np.array` turns a Python list into an array. The difference shows up as soon as you
# compute: arithmetic on an array works **entry by entry**. Multiplying by 2 doubles
# every entry, adding 5 adds 5 to every entry, and two arrays of the same length combine
# entry with entry. A plain Python list does something else entirely with `*`: it
# repeats itself.

# %%
prices = np.array([330, 260, 410])
print("prices      :", prices)
print("prices * 2  :", prices * 2)
print("prices + 5  :", prices + 5)
print("sum, mean   :", prices.sum(), prices.mean())
print("a list * 2  :", [330, 260, 410] * 2)

# %% [markdown]
# Two functions make evenly spaced numbers, and you will use them constantly to draw
# things. `np.arange(start, stop, step)` steps from `start` and stops *before* `stop`;
# `np.linspace(start, stop, count)` gives `count` numbers and includes both ends.

# %%
print(np.arange(0, 10, 2))
print(np.linspace(0, 1, 5))

# %% [markdown]
# **Try this.** Before running anything, predict what `np.arange(1, 4) * np.arange(1, 4)`
# prints, and how many numbers `np.linspace(-1, 1, 4)` gives and what they are. Then
# change the cell above to print both and compare with your guess.

# %% [markdown]
# ## 2. An equation as a line, drawn from arrays
#
# In the lesson, every pair $(x, y)$ that makes $x + y = 4$ true is a point of a line.
# To draw that line, choose many $x$ values with `np.linspace`, solve the equation for
# $y$ (here $y = 4 - x$) and compute all the $y$ values at once — one line of array
# arithmetic, no loop. Do the same for $x - y = 2$, which gives $y = x - 2$, and plot
# both: where they cross is the solution of the system.

# %%
xs = np.linspace(-1, 6, 200)
y_first = 4 - xs  # x + y = 4
y_second = xs - 2  # x - y = 2

fig, ax = plt.subplots(figsize=(5, 4))
ax.plot(xs, y_first, label="x + y = 4")
ax.plot(xs, y_second, label="x − y = 2")
ax.scatter([3], [1], color="black", zorder=3, label="solution (3, 1)")
ax.axhline(0, color="grey", linewidth=0.5)
ax.axvline(0, color="grey", linewidth=0.5)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("Two equations, two lines")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 1 — the system as two lines.* Look at the black dot: it is the only point on
# both lines, so $(3, 1)$ is the only solution. Each line is 200 points joined up; the
# arrays `xs` and `y_first` hold their coordinates.
#
# **Exercise 1.** Write `line_y(a, b, c, x)`: for the line $a x + b y = c$ with
# $b \neq 0$, return the $y$ value at every entry of the array `x`. Solve the equation
# for $y$ on paper first; then the body is one line of array arithmetic.


# %%
def line_y(a, b, c, x):
    """The y of the line a*x + b*y = c at every entry of the array x (b is not 0).

    Example: line_y(1, 1, 4, np.array([0.0, 1.0])) gives array([4., 3.]).
    """
    raise NotImplementedError("write this function")


# %%
check_line_y(line_y)

# %% [markdown]
# **Try this.** In the plotting cell, change the second equation to $x + y = 1$
# (`y_second = 1 - xs`). Before running, predict: do the lines still cross, and what
# does that say about the number of solutions? Run it and check. Then try $2x + 2y = 8$
# (`y_second = (8 - 2 * xs) / 2`) and predict again.

# %% [markdown]
# ## 3. Two-dimensional arrays: a data table becomes a matrix
#
# The lesson started from a table of flats. The package ships a slightly longer version
# of that table: 24 flats with their area in m², their number of rooms and their price
# in thousands. `pandas` reads the CSV file into a table with named columns, and
# `.to_numpy()` turns the columns we choose into a plain 2-D NumPy array — the
# **feature matrix**, one row per flat and one column per feature. The first two rows
# are the two flats of the lesson.

# %%
flats = pd.read_csv(data_file("flats.csv"))
print(flats.head())

X = flats[["area_m2", "rooms"]].to_numpy()
y = flats["price_k"].to_numpy()
print("X has shape", X.shape, "and", X.ndim, "dimensions; y has shape", y.shape)

# %% [markdown]
# `shape` is the first thing to look at whenever code misbehaves. `X.shape` is
# `(24, 2)`: 24 rows, 2 columns. `y.shape` is `(24,)`: a 1-D array of 24 numbers — not
# a row, not a column, just a list of numbers.
#
# **Picking entries.** Python counts from 0. `X[i, j]` is the entry in row `i` and column
# `j`; a colon means "all of them", so `X[i, :]` (or `X[i]`) is row `i` and `X[:, j]` is
# column `j`. The lesson's entry $a_{21}$ — row 2, column 1 — is therefore `X[1, 0]`.
# Slices like `X[:5]` take the first five rows.

# %%
print("area of flat 2 (the lesson's a21):", X[1, 0])
print("flat 1, a whole row:", X[0])
print("the first five room counts, a column slice:", X[:5, 1])
assert X[1, 0] == 80
assert list(X[0]) == [100, 3]

# %% [markdown]
# A picture of the data tells you more than the numbers do. Each flat is a point: area
# across, price up; the colour shows the number of rooms.

# %%
fig, ax = plt.subplots(figsize=(5.5, 4))
points = ax.scatter(X[:, 0], y, c=X[:, 1], cmap="viridis", s=40)
fig.colorbar(points, ax=ax, label="rooms")
ax.set_xlabel("area (m²)")
ax.set_ylabel("price (thousands)")
ax.set_title("24 flats")
plt.show()

# %% [markdown]
# *Figure 2 — price against area.* Look at how the points rise almost along a straight
# line, and at the colours: at the same area, flats with more rooms tend to sit a little
# higher. That is why the model uses both columns.
#
# ## 4. From the matrix to every prediction at once
#
# The lesson's model was $\text{price} = w_1 \cdot \text{area} + w_2 \cdot \text{rooms}$
# with $w_1 = 3$ and $w_2 = 10$. Written for every flat, that is one equation per row of
# `X`. NumPy computes all of them in one step: `X * w` multiplies every row by the
# weights entry by entry (NumPy stretches the 1-D `w` across the rows, which is called
# **broadcasting**), and `.sum(axis=1)` adds across each row. Because this "multiply
# each row by the weights and add" is so common, it has its own operator, `@`, which
# Week 3 explains as matrix multiplication.

# %%
w = np.array([3, 10])
products = X[:3] * w  # the first three rows, each times the weights
print(products)
print("added across each row:", products.sum(axis=1))
print("the same with @      :", X[:3] @ w)

# %% [markdown]
# **Exercise 2.** Write `predict(X, w)`: one prediction per row of `X`, where `w` holds
# one weight per column. The result is a 1-D array with as many entries as `X` has rows.
# Watch the axis: adding *down* the columns gives a number per feature, not per flat.


# %%
def predict(X, w):
    """Predictions of the linear model for every row of X.

    X: shape (n, k), one row per example; w: shape (k,). Returns shape (n,).
    """
    raise NotImplementedError("write this function")


# %%
check_predict(predict)

# %% [markdown]
# With the weights from the lesson, compare the predictions with the real prices. Points
# on the dashed diagonal are predicted exactly; above it, the flat sold for more than the
# model says.

# %%
predicted = X @ w
assert np.array_equal(predicted[:2], y[:2])  # the lesson's two flats fit exactly

fig, ax = plt.subplots(figsize=(4.5, 4.5))
ax.scatter(predicted, y, s=30)
ax.scatter(predicted[:2], y[:2], color="crimson", s=60, label="the lesson's two flats")
ax.plot([100, 500], [100, 500], linestyle="--", color="grey", label="price = prediction")
ax.set_xlabel("predicted price, 3·area + 10·rooms")
ax.set_ylabel("actual price")
ax.set_title("How well do w = (3, 10) fit?")
ax.legend()
plt.show()
print("largest miss (thousands):", np.abs(y - predicted).max())

# %% [markdown]
# *Figure 3 — actual against predicted prices.* Look at the two red points: they lie
# exactly on the diagonal, because the weights were solved from those two flats. The
# other 22 scatter around it; no choice of two weights puts all 24 on the line, which is
# the situation linear regression deals with.
#
# **Try this.** Change `w` to `np.array([2.5, 20])` and run this section again. Predict
# first: does the cloud of points move above or below the diagonal for the big flats, and
# do the two red points stay on it? Then run the two cells and see.

# %% [markdown]
# ## 5. Growing and reshaping arrays
#
# `np.vstack` puts arrays on top of each other (adds rows) and `np.hstack` puts them side
# by side (adds columns). A column of ones beside the features is the usual way to give a
# model a constant term, its **bias**. `reshape` arranges the same numbers in a new shape,
# as long as the count matches.

# %%
new_flat = np.array([[120, 4]])  # one row, two columns: shape (1, 2)
more = np.vstack([X, new_flat])
with_bias = np.hstack([more, np.ones((len(more), 1))])
print("more:", more.shape, " with a bias column:", with_bias.shape)
print(with_bias[-2:])
print(np.arange(6).reshape(2, 3))
assert with_bias.shape == (25, 3)
assert np.all(with_bias[:, 2] == 1)

# %% [markdown]
# **Try this.** Predict the shape of `np.arange(6).reshape(3, 2)` and what it looks like,
# then run it. Now predict what happens with `np.arange(6).reshape(4, 2)` — and read the
# error message when it comes: it names the sizes that do not fit.

# %% [markdown]
# ## 6. The determinant, from entries to `np.linalg`
#
# The lesson's receipts — 2 apples and 1 banana cost 8, 1 apple and 3 bananas cost 9 —
# give the matrix $A = \begin{bmatrix} 2 & 1 \\ 1 & 3 \end{bmatrix}$. Its determinant
# $ad - bc = 2 \cdot 3 - 1 \cdot 1 = 5$ is not zero, so the system has exactly one
# solution. With indexing you can compute it from the four entries yourself.
#
# **Exercise 3.** Write `det2(A)`, the determinant of a 2×2 array: the product of the
# main diagonal minus the product of the other diagonal. Remember that the lesson's
# $a_{11}$ is `A[0, 0]`.


# %%
def det2(A):
    """The determinant of a 2x2 array A: a*d - b*c."""
    raise NotImplementedError("write this function")


# %%
check_det2(det2)

# %% [markdown]
# NumPy has the determinant built in, `np.linalg.det`, and a solver, `np.linalg.solve`,
# that finds the one solution of a non-singular system. The next lab uses both
# properly; here is a first look.

# %%
A = np.array([[2.0, 1.0], [1.0, 3.0]])
b = np.array([8.0, 9.0])
x = np.linalg.solve(A, b)
print("apple, banana:", x, "  determinant:", np.linalg.det(A))
assert np.allclose(A @ x, b)

# %% [markdown]
# How does the determinant depend on the numbers? Keep the first receipt and let the
# second be "1 apple and $k$ bananas". The determinant is then $2k - 1$, and the picture
# below draws it for many $k$ at once — one more use of arrays.

# %%
ks = np.linspace(-1, 3.5, 181)
dets = np.array([np.linalg.det(np.array([[2.0, 1.0], [1.0, k]])) for k in ks])

fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot(ks, dets)
ax.axhline(0, color="grey", linewidth=0.8)
ax.scatter([0.5], [0], color="crimson", zorder=3, label="k = 0.5: singular")
ax.scatter([3.0], [5.0], color="black", zorder=3, label="the receipts, k = 3")
ax.set_xlabel("k (bananas on the second receipt)")
ax.set_ylabel("determinant")
ax.set_title("det [[2, 1], [1, k]] = 2k − 1")
ax.legend()
plt.show()

# %% [markdown]
# *Figure 4 — the determinant as the second receipt changes.* Look at where the line
# crosses zero, $k = 0.5$: there the second receipt (1 apple, half a banana) is exactly
# half the first, the rows are dependent and the system is singular. Everywhere else
# there is exactly one solution.
#
# **Try this.** Set the second receipt to 4 apples and 2 bananas,
# `A = np.array([[2.0, 1.0], [4.0, 2.0]])`, in the cell with `np.linalg.solve`. Predict
# the determinant and what `solve` will do, then run it. (NumPy stops with
# `LinAlgError: Singular matrix`, the error the lesson mentioned.)
#
# **What you have done.** Built arrays and computed with them entry by entry; drawn an
# equation as a line from two arrays; loaded a data table into a feature matrix and read
# its shape, rows, columns and entries; computed every prediction of a linear model with
# one `@`; and computed a determinant by hand and with `np.linalg`. The next lab solves
# systems with NumPy and tells the singular kinds apart.
