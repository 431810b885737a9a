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
# # Lab: Linear transformations
#
# A matrix moves every point of the plane. This lab applies matrices to many points at
# once, builds matrices from the images of the basis vectors, composes transformations
# and undoes them with the inverse.

# %%
import numpy as np

# %% [markdown]
# ## 1. Transforming many points at once
#
# Put points as the **columns** of a $2 \times N$ array; one product moves them all.

# %%
square = np.array([[0, 1, 1, 0], [0, 0, 1, 1]])  # corners of the unit square
A = np.array([[2, 1], [0, 1]])
print(A @ square)

# %%
assert np.array_equal(A @ square, [[0, 2, 3, 1], [0, 0, 1, 1]])

# %% [markdown]
# ## 2. A matrix from the images of the basis vectors
#
# The image of $e_1$ is column 1 and the image of $e_2$ is column 2.


# %%
def matrix_from_images(image_e1: list[float], image_e2: list[float]) -> np.ndarray:
    return np.column_stack([image_e1, image_e2])


rotation = matrix_from_images([0, 1], [-1, 0])  # 90° anticlockwise
reflection = matrix_from_images([1, 0], [0, -1])  # across the x-axis
print(rotation)

# %%
assert np.array_equal(rotation @ np.array([1, 0]), [0, 1])
assert np.array_equal(rotation @ np.array([0, 1]), [-1, 0])

# %% [markdown]
# ## 3. Composition is multiplication
#
# Rotate first, then reflect: the single matrix is `reflection @ rotation` — the
# transformation applied first stands on the right.

# %%
v = np.array([3, 2])
both = reflection @ rotation
assert np.array_equal(both @ v, reflection @ (rotation @ v))
assert not np.array_equal(both, rotation @ reflection)

# %% [markdown]
# ## 4. Area and the determinant
#
# The unit square becomes a parallelogram of area $|\det A|$.

# %%
print(np.linalg.det(A), np.linalg.det(reflection))
assert np.isclose(np.linalg.det(A), 2)
assert np.isclose(np.linalg.det(reflection), -1)  # flips orientation

# %% [markdown]
# ## 5. Undoing a transformation

# %%
A_inverse = np.linalg.inv(A)
assert np.allclose(A_inverse @ A, np.eye(2))
assert np.allclose(A_inverse @ (A @ v), v)
singular = np.array([[1, 2], [2, 4]])
try:
    np.linalg.inv(singular)
except np.linalg.LinAlgError as error:
    print("no inverse:", error)

# %% [markdown]
# **Try this**: build the matrix of a shear that sends $e_2$ to $(1, 1)$ and keeps
# $e_1$; apply it to `square` and compute its determinant. What happens to the area?
