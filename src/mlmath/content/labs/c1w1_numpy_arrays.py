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
# In the lesson a data set became a table of numbers — a **matrix** — and each row
# became an equation. In Python, that table is a NumPy **array**. This lab shows how
# to build arrays, read their shape, pick out rows, columns and entries, and compute
# with whole arrays at once instead of writing loops.
#
# Run each cell in order (Shift + Enter). Cells marked **Check** contain `assert`
# lines: they stay silent when everything is right and stop with an error when not.
# Cells marked **Try this** invite you to change something and run again.

# %%
import numpy as np

# %% [markdown]
# ## 1. One-dimensional arrays: a list of numbers
#
# `np.array` turns a Python list into an array. Unlike a list, arithmetic on an array
# works **entry by entry**.

# %%
prices = np.array([330, 260, 410])
print(prices)
print(prices * 2)  # every entry doubled: a list would be repeated instead
print(prices + 5)  # 5 added to every entry
print(prices.sum(), prices.mean())

# %% [markdown]
# Two handy ways to make arrays of evenly spaced numbers:
# `np.arange(start, stop, step)` stops *before* `stop`, while
# `np.linspace(start, stop, count)` includes both ends.

# %%
print(np.arange(0, 10, 2))
print(np.linspace(0, 1, 5))

# %% [markdown]
# **Try this.** Predict what `np.arange(1, 4) * np.arange(1, 4)` prints, then run it in a
# new cell. What does `[1, 2, 3] * 2` (a plain list) give instead?

# %% [markdown]
# ## 2. Two-dimensional arrays: a matrix
#
# A list of rows gives a 2-D array. Here is the table of flats from the lesson: one
# row per flat, one column per feature (area in m², number of rooms).

# %%
features = np.array([[100, 3], [80, 2]])
print(features)
print("shape:", features.shape)  # (rows, columns)
print("number of dimensions:", features.ndim)
print("number of entries:", features.size)

# %% [markdown]
# `shape` is the first thing to look at when code misbehaves: a matrix with
# 2 rows and 3 columns has shape `(2, 3)`, a 1-D array of 3 numbers has shape `(3,)`.

# %% [markdown]
# **Check.**

# %%
assert features.shape == (2, 2)
assert prices.shape == (3,)

# %% [markdown]
# ## 3. Picking entries, rows and columns
#
# Python counts from 0. `A[i, j]` is the entry in row `i`, column `j`; a colon `:`
# means "all of them", so `A[i, :]` (or just `A[i]`) is a row and `A[:, j]` a column.

# %%
print("area of flat 2:", features[1, 0])
print("flat 1 (a row):", features[0])
print("all the room counts (a column):", features[:, 1])

# %% [markdown]
# **Try this.** Print the areas of both flats with one slice. Then try `features[-1]`:
# a negative index counts from the end.

# %% [markdown]
# **Check.** In the lesson's notation the entry $a_{21}$ is row 2, column 1 — which in
# Python is `features[1, 0]`, because Python counts from 0.

# %%
assert features[1, 0] == 80
assert list(features[:, 1]) == [3, 2]

# %% [markdown]
# ## 4. From a data table to equations
#
# The lesson's model was
# $\text{price} = w_1 \cdot \text{area} + w_2 \cdot \text{rooms}$ with
# $w_1 = 3$ and $w_2 = 10$. Multiplying the matrix by the weights **entry by entry**
# and adding along each row computes every flat's predicted price at once.

# %%
weights = np.array([3, 10])
products = features * weights  # the weights are applied to every row ("broadcasting")
print(products)
predicted = products.sum(axis=1)  # axis=1: add across each row
print("predicted prices:", predicted)

# %% [markdown]
# "Multiply each row by the weights and add" is so common that it has its own operator,
# `@` (matrix multiplication, which Week 3 explains). It gives the same numbers:

# %%
print(features @ weights)

# %% [markdown]
# **Check.** The weights fit both flats, as the lesson checked by hand.

# %%
actual = np.array([330, 260])
assert np.array_equal(features @ weights, actual)
assert np.array_equal(predicted, features @ weights)

# %% [markdown]
# **Try this.** Change `weights` to `np.array([2.5, 20])` and run section 4 and this
# check again. Which check fails, and why does that mean these weights do not solve the
# system?

# %% [markdown]
# ## 5. Growing and reshaping arrays
#
# `np.vstack` stacks arrays on top of each other (adds rows); `np.hstack` places them
# side by side (adds columns). `reshape` rearranges the same numbers into a new shape.

# %%
new_flat = np.array([[120, 4]])  # one row, two columns: shape (1, 2)
more_features = np.vstack([features, new_flat])
print(more_features, more_features.shape)

ones = np.ones((3, 1))  # a column of ones, the usual trick for a model's bias term
with_bias = np.hstack([more_features, ones])
print(with_bias, with_bias.shape)

print(np.arange(6).reshape(2, 3))

# %% [markdown]
# **Check.**

# %%
assert more_features.shape == (3, 2)
assert with_bias.shape == (3, 3)
assert np.all(with_bias[:, 2] == 1)

# %% [markdown]
# **Try this.** What does `np.arange(6).reshape(3, 2)` look like? And
# `np.arange(6).reshape(4, 2)`? Read the error message: it names the shapes that do
# not fit.

# %% [markdown]
# ## 6. A first look at singularity
#
# NumPy can solve a square system `A x = b` with `np.linalg.solve(A, b)` and compute a
# determinant with `np.linalg.det(A)`. The next lab uses both; here is a taste with the
# lesson's receipts: 2 apples and 1 banana cost 8, 1 apple and 3 bananas cost 9.

# %%
A = np.array([[2, 1], [1, 3]])
b = np.array([8, 9])
x = np.linalg.solve(A, b)
print("apple, banana:", x)
print("determinant:", np.linalg.det(A))

# %% [markdown]
# **Check.** `np.isclose` compares numbers up to rounding errors, which floating-point
# arithmetic always has; `np.allclose` does the same for whole arrays.

# %%
assert np.allclose(x, [3, 2])
assert np.allclose(A @ x, b)
assert np.isclose(np.linalg.det(A), 2 * 3 - 1 * 1)

# %% [markdown]
# **Try this.** Change the second receipt to 4 apples and 2 bananas
# (`A = np.array([[2, 1], [4, 2]])`) and run the cell. What does the determinant say,
# and what does `np.linalg.solve` do?
#
# That is the whole lab: arrays, their shapes, slices, entry-by-entry arithmetic, and a
# first call to `np.linalg`.
