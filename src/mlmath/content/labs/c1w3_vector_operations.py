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
# In the lesson you added vectors, stretched them and took dot products by hand. Here
# NumPy does the same with whole arrays at once. Cells marked **Check** hold `assert`
# lines that stay silent when all is well; **Try this** invites a change.

# %%
import numpy as np

# %% [markdown]
# ## 1. Vectors as arrays
#
# A vector is a 1-D array. Its entries are read with `v[0]`, `v[1]`, …

# %%
u = np.array([4, 1])
v = np.array([1, 3])
print(u, v, u.shape)

# %% [markdown]
# ## 2. Scalar multiples and sums
#
# `*` with a number and `+` between arrays work entry by entry, just like by hand.

# %%
print(2 * u)  # stretch by 2
print(-0.5 * u)  # half as long, pointing the other way
print(u + v, u - v)

# %% [markdown]
# **Check**: the sum and difference from the lesson.

# %%
assert np.array_equal(u + v, [5, 4])
assert np.array_equal(u - v, [3, -2])
assert np.array_equal(3 * u - 2 * v, [10, -3])

# %% [markdown]
# ## 3. Norms and distance
#
# `np.linalg.norm(v)` is the L2 norm; `ord=1` gives the L1 norm. The distance between
# two points is the norm of their difference.

# %%
w = np.array([3, 4])
print(np.linalg.norm(w), np.linalg.norm(w, ord=1))
print(np.linalg.norm(np.array([1, 5]) - np.array([4, 1])))

# %%
assert np.isclose(np.linalg.norm(w), 5)
assert np.isclose(np.linalg.norm(w, ord=1), 7)
assert np.isclose(np.linalg.norm(np.array([1, 5]) - np.array([4, 1])), 5)

# %% [markdown]
# ## 4. The dot product
#
# Three ways to write it: a loop (what you do by hand), `np.dot`, and the `@` operator.
# For long vectors the NumPy versions are much faster.


# %%
def dot_by_hand(a: np.ndarray, b: np.ndarray) -> float:
    total = 0.0
    for x, y in zip(a, b, strict=True):
        total += x * y
    return total


quantities = np.array([2, 3, 1])
prices = np.array([1, 2, 4])
print(dot_by_hand(quantities, prices), np.dot(quantities, prices), quantities @ prices)

# %%
assert dot_by_hand(quantities, prices) == np.dot(quantities, prices) == 12
big = np.arange(10_000)
assert np.isclose(dot_by_hand(big, big), big @ big)

# %% [markdown]
# ## 5. The angle between two vectors
#
# $\cos\theta = u \cdot v / (\lVert u \rVert \lVert v \rVert)$; `np.arccos` answers in
# radians and `np.degrees` converts.

# %%
a = np.array([1, 0])
b = np.array([1, 1])
cosine = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
print(np.degrees(np.arccos(cosine)))

# %%
assert np.isclose(np.degrees(np.arccos(cosine)), 45)
assert np.array([1, 2]) @ np.array([-2, 1]) == 0  # perpendicular vectors

# %% [markdown]
# **Try this**: find a vector perpendicular to `(3, 5)` and check its dot product is 0.
# Then change `b` above to `(-1, 1)` and predict the angle before running the cell.
