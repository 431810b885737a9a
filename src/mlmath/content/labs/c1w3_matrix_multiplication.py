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
# Entry $(i, j)$ of $AB$ is row $i$ of $A$ dotted with column $j$ of $B$. This lab builds
# the product from that rule, compares it with NumPy's `@`, and shows why `*` is a
# different operation.

# %%
import numpy as np

# %% [markdown]
# ## 1. Row times column, by hand


# %%
def matrix_product_by_hand(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    m, n = a.shape
    n_b, p = b.shape
    assert n == n_b, f"inner sizes differ: {n} and {n_b}"
    c = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            c[i, j] = a[i, :] @ b[:, j]
    return c


A = np.array([[1, 2], [3, 4]])
B = np.array([[0, 1], [1, 0]])
print(matrix_product_by_hand(A, B))

# %% [markdown]
# **Check**: the hand-made product agrees with `@` and `np.matmul`.

# %%
assert np.array_equal(matrix_product_by_hand(A, B), A @ B)
assert np.array_equal(A @ B, np.matmul(A, B))
assert np.array_equal(A @ B, [[2, 1], [4, 3]])

# %% [markdown]
# ## 2. Order matters, and `*` is not `@`

# %%
print(A @ B)
print(B @ A)
print(A * B)  # entry by entry: a different operation

# %%
assert not np.array_equal(A @ B, B @ A)
assert np.array_equal(A * B, [[0, 2], [3, 0]])

# %% [markdown]
# ## 3. Shapes
#
# A $(2 \times 3)$ matrix times a $(3 \times 2)$ one is $2 \times 2$; the other order is
# $3 \times 3$; a $(2 \times 3)$ times a $(2 \times 3)$ is not defined.

# %%
C = np.arange(6).reshape(2, 3)
D = np.arange(6).reshape(3, 2)
print((C @ D).shape, (D @ C).shape)
try:
    C @ C
except ValueError as error:
    print("not defined:", error)

# %%
assert (C @ D).shape == (2, 2)
assert (D @ C).shape == (3, 3)

# %% [markdown]
# ## 4. Matrix times vector, and the identity

# %%
v = np.array([5, 6])
print(A @ v)
identity = np.eye(2)
assert np.array_equal(A @ v, [17, 39])
assert np.array_equal(A @ identity, A)
assert np.array_equal(identity @ A, A)

# %% [markdown]
# **Try this**: multiply a random $3 \times 4$ matrix by a random $4 \times 2$ one with
# `matrix_product_by_hand` and with `@`, and check they agree with `np.allclose`.
