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
# This lab belongs to the lesson **Linear transformations**. Its central picture was a
# grid of squares bent by a matrix into a grid of parallelograms: a matrix *moves every
# point of the plane*, and where it sends $e_1 = (1, 0)$ and $e_2 = (0, 1)$ — its two
# columns — decides everything else. Here you draw that picture for any matrix, build
# matrices from a description ("turn by 30°", "mirror", "slant"), measure how much a
# matrix stretches areas (the determinant), and undo a move with the inverse — or find
# out why some moves cannot be undone.
#
# Run the cells in order. **Try this** cells ask for a prediction before you change the
# code: decide what the picture will look like, then run it. **Exercise** cells leave a
# function for you to write; the check after it says `✓` when it is right, shows the
# first input it gets wrong with the expected and the actual answer when it is not, and
# only notes "not written yet" until you start. Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c1w3_linear_transformations import (
    check_inverse_2x2,
    check_matrix_from_images,
    check_rotation,
)

# %% [markdown]
# ## 1. A matrix bends the grid
#
# To see what a matrix does, transform many points at once. Put the points as the
# **columns** of a $2 \times N$ array `P`; then `M @ P` moves all of them in one product.
# The helper below draws the lines of a square grid after the move (thin grey: before),
# the image of the unit square (shaded), and the images of $e_1$ and $e_2$ — the columns
# of `M` — as arrows. Read it once; every picture in this lab uses it.


# %%
def draw_transformed(ax, M, title="", extent=3):
    """The grid, the unit square and e1, e2 as they are after the move M."""
    ticks = np.arange(-extent, extent + 1)
    along = np.linspace(-extent, extent, 50)
    for t in ticks:
        for line in (np.vstack([along, np.full(50, t)]), np.vstack([np.full(50, t), along])):
            ax.plot(line[0], line[1], color="lightgrey", linewidth=0.6)  # before
            moved = M @ line
            ax.plot(moved[0], moved[1], color="tab:blue", linewidth=0.8, alpha=0.6)
    square = M @ np.array([[0, 1, 1, 0], [0, 0, 1, 1]])
    ax.fill(square[0], square[1], color="tab:orange", alpha=0.4)
    for column, color in ((M[:, 0], "tab:red"), (M[:, 1], "tab:green")):
        ax.quiver(0, 0, *column, angles="xy", scale_units="xy", scale=1, color=color, width=0.015)
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.set_title(title, fontsize=10)


A = np.array([[2.0, 1.0], [0.0, 1.0]])
v = np.array([3.0, 2.0])
print("A e1 =", A[:, 0], " A e2 =", A[:, 1], " A v =", A @ v)
assert np.allclose(A @ v, 3 * A[:, 0] + 2 * A[:, 1])  # v = 3 e1 + 2 e2, so Av mixes the columns

fig, (before, after) = plt.subplots(1, 2, figsize=(10, 5))
draw_transformed(before, np.eye(2), "before: the identity")
draw_transformed(after, A, "after A = [[2, 1], [0, 1]]")
plt.show()

# %% [markdown]
# *Figure 1 — the lesson's matrix.* Look at the red and green arrows on the right: they
# are the columns $(2, 0)$ and $(1, 1)$ of $A$, the images of $e_1$ and $e_2$. Every grid
# line stays a straight line, parallel lines stay parallel and evenly spaced, and the
# origin does not move — the three marks of a linear transformation. The orange unit
# square became a slanted parallelogram.
#
# **Try this.** Before running, sketch what $\begin{bmatrix} 1 & 0 \\ 0 & -1 \end{bmatrix}$
# does to the grid and where the red and green arrows end. Then draw it: add a third
# panel, or change `A` in the cell above.

# %% [markdown]
# ## 2. From a description to a matrix
#
# The other way round: a move described in words — "slant", "mirror", "turn" — has the
# matrix whose **columns** are the images of $e_1$ and $e_2$. Decide where the arrow
# pointing right goes and where the arrow pointing up goes, and write them side by side.
#
# **Exercise 1.** Write `matrix_from_images(image_e1, image_e2)`. `np.column_stack`
# stacks 1-D arrays as columns. (The images may have 3 entries: a move from the plane
# into space has a $3 \times 2$ matrix.)


# %%
def matrix_from_images(image_e1, image_e2):
    """The matrix whose first column is image_e1 and second column is image_e2."""
    raise NotImplementedError("write this function")


# %%
check_matrix_from_images(matrix_from_images)

# %% [markdown]
# Here is the lesson's catalogue of moves, each written by its columns, and drawn.

# %%
catalogue = {
    "stretch x by 2": np.column_stack([[2, 0], [0, 1]]),
    "mirror in the x-axis": np.column_stack([[1, 0], [0, -1]]),
    "shear: e2 → (1, 1)": np.column_stack([[1, 0], [1, 1]]),
    "quarter turn": np.column_stack([[0, 1], [-1, 0]]),
    "project onto the x-axis": np.column_stack([[1, 0], [0, 0]]),
    "a general matrix": np.column_stack([[1, 0.5], [-0.5, 1.5]]),
}
fig, axes = plt.subplots(2, 3, figsize=(12, 8))
for ax, (name, M) in zip(axes.ravel(), catalogue.items(), strict=True):
    draw_transformed(ax, M.astype(float), f"{name}\ndet = {np.linalg.det(M):.2g}")
plt.show()

# %% [markdown]
# *Figure 2 — six moves.* Look at the orange square in each panel and at the determinant
# in each title. The stretch doubles its area (det 2); the shear slants it without
# changing its area (det 1); the mirror keeps the area but flips it over (det −1, the
# green arrow now points down); the projection squashes it flat onto a line (det 0).
#
# **Try this.** Predict the matrix of "mirror in the diagonal line $y = x$" — where do
# $e_1$ and $e_2$ go? — and its determinant. Add it to `catalogue` (you will need to
# change the grid to `plt.subplots(2, 4, ...)` or replace an entry) and check your picture.

# %% [markdown]
# ## 3. Turning the plane: rotations
#
# Turning anticlockwise by an angle $\theta$ sends $e_1$ to $(\cos\theta, \sin\theta)$ —
# the point at angle $\theta$ on the unit circle — and $e_2$, which starts a quarter turn
# further on, to $(-\sin\theta, \cos\theta)$. Those are the columns of the rotation matrix
#
# $$R_\theta = \begin{bmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{bmatrix}.$$
#
# NumPy's `np.cos` and `np.sin` work in radians; `np.radians` converts from degrees.
#
# **Exercise 2.** Write `rotation(degrees)`, the matrix of the anticlockwise turn by that
# many degrees. A negative angle turns clockwise.


# %%
def rotation(degrees):
    """The 2x2 matrix turning the plane anticlockwise by `degrees` degrees."""
    raise NotImplementedError("write this function")


# %%
check_rotation(rotation)

# %% [markdown]
# Rotating training images is a standard **data augmentation**: a photo of a digit turned
# by 15° is still the same digit, so a model can learn from both. With the letter F as a
# set of points (the columns of a $2 \times N$ array), eight rotations are eight matrix
# products.

# %%
F_shape = np.array(
    [
        [0, 0, 1.2, 1.2, 0.4, 0.4, 0.9, 0.9, 0.4, 0.4, 0],
        [0, 2, 2, 1.6, 1.6, 1.2, 1.2, 0.8, 0.8, 0, 0],
    ]
) + np.array([[0.5], [0.3]])  # shifted a little away from the origin


def turn(degrees):
    t = np.radians(degrees)
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])


F_away = F_shape + np.array([[0.7], [0.0]])  # further from the origin, so the copies overlap less
fig, ax = plt.subplots(figsize=(5.5, 5.5))
for step in range(8):
    turned = turn(45 * step) @ F_away
    ax.fill(turned[0], turned[1], color=plt.cm.viridis(step / 8), alpha=0.8)
ax.scatter([0], [0], color="black", s=20)
ax.set_aspect("equal")
ax.set_xlim(-3.5, 3.5)
ax.set_ylim(-3.5, 3.5)
ax.set_title("The F turned by 0°, 45°, …, 315°")
plt.show()
assert np.allclose(turn(30) @ turn(60), turn(90))  # turning twice adds the angles

# %% [markdown]
# *Figure 3 — a wheel of rotations.* Look at how every F keeps its shape and its size and
# all of them circle the black origin, which no rotation moves. A rotation has
# determinant 1: it changes neither areas nor the handedness of the F.
#
# **Try this.** `turn(30) @ turn(60)` equals `turn(90)` — turning twice adds the angles.
# Predict what `np.linalg.matrix_power(turn(360 / 7), 7)` is (the turn by $360°/7$
# applied seven times), then print it.

# %% [markdown]
# ## 4. Areas, orientation and the determinant
#
# The unit square has area 1; after the move $M$ it is a parallelogram of area
# $|\det M|$. A negative determinant says the move also flips the plane over, like a
# mirror: an F comes out reversed. A determinant of 0 means the plane is squashed onto a
# line (or a point), and areas become 0.

# %%
moves = {
    "det = 3": np.array([[2.0, 1.0], [-1.0, 1.0]]),
    "det = −1.5": np.array([[-1.0, 0.5], [0.5, 1.25]]),
    "det = 0": np.array([[1.0, 2.0], [0.5, 1.0]]),
}
fig, axes = plt.subplots(1, 3, figsize=(13, 4.5))
for ax, (name, M) in zip(axes, moves.items(), strict=True):
    moved = M @ F_shape
    ax.fill(F_shape[0], F_shape[1], color="lightgrey")
    ax.fill(moved[0], moved[1], color="tab:blue", alpha=0.6)
    ax.plot(moved[0], moved[1], color="tab:blue")
    ax.set_aspect("equal")
    ax.set_xlim(-3, 6)
    ax.set_ylim(-3, 6)
    ax.grid(alpha=0.3)
    ax.set_title(f"{name} (numerically {np.linalg.det(M):.3g})")
plt.show()

# %% [markdown]
# *Figure 4 — what the determinant says about a shape.* Look at the F in the middle
# panel: it is mirrored (its arms point the other way) because the determinant is
# negative, and it is bigger, by a factor of 1.5 in area. On the right the F is squashed
# onto a line: the two columns $(1, 0.5)$ and $(2, 1)$ point the same way.

# %% [markdown]
# ## 5. Undoing a move: the inverse
#
# The inverse $A^{-1}$ is the move that puts every point back: $A^{-1}A = I$. For a
# $2 \times 2$ matrix with $\det A = ad - bc \neq 0$ there is a formula: swap $a$ and $d$,
# change the signs of $b$ and $c$, divide everything by the determinant,
#
# $$\begin{bmatrix} a & b \\ c & d \end{bmatrix}^{-1} = \frac{1}{ad - bc}
#   \begin{bmatrix} d & -b \\ -c & a \end{bmatrix}.$$
#
# **Exercise 3.** Write `inverse_2x2(A)` with this formula (not `np.linalg.inv`). Check
# your answer the way the lesson suggests: `A @ inverse_2x2(A)` should be the identity.


# %%
def inverse_2x2(A):
    """The inverse of the 2x2 matrix A, whose determinant is not 0."""
    raise NotImplementedError("write this function")


# %%
check_inverse_2x2(inverse_2x2)

# %% [markdown]
# NumPy's `np.linalg.inv` computes inverses of any size. Below, a shear-and-stretch moves
# the F and its inverse brings it back exactly.

# %%
M_move = np.array([[1.5, 1.0], [0.0, 1.0]])
M_back = np.linalg.inv(M_move)
print("inverse:\n", M_back, "\nproduct with the move:\n", M_back @ M_move)
assert np.allclose(M_back @ M_move, np.eye(2))

stages = [
    ("the F", F_shape),
    ("after the move", M_move @ F_shape),
    ("moved back", M_back @ (M_move @ F_shape)),
]
fig, axes = plt.subplots(1, 3, figsize=(12, 4))
for ax, (title, shape) in zip(axes, stages, strict=True):
    ax.fill(shape[0], shape[1], color="tab:blue", alpha=0.6)
    ax.set_aspect("equal")
    ax.set_xlim(-1, 6)
    ax.set_ylim(-1, 3)
    ax.grid(alpha=0.3)
    ax.set_title(title)
plt.show()

# %% [markdown]
# *Figure 5 — there and back again.* Look at the first and the last panel: identical.
# The inverse undid the slant and the stretch point by point.
#
# A move with determinant 0 cannot be undone: it sends different points to the same
# place — here $(1, 0)$ and $(-1, 1)$ both land on $(1, 0.5)$ — and no move can send one
# point back to two places. NumPy refuses:

# %%
squash = moves["det = 0"]
print("squash (1, 0) =", squash @ [1.0, 0.0], "  squash (-1, 1) =", squash @ [-1.0, 1.0])
try:
    np.linalg.inv(squash)
except np.linalg.LinAlgError as error:
    print("np.linalg.inv says:", error)

# %% [markdown]
# **Try this.** Change `squash` to `np.array([[1.0, 2.0], [0.5, 1.001]])` — nearly
# singular. Predict: does `inv` still refuse? If not, are the entries of the inverse
# small or huge? Run it, and look at the determinant.
#
# **What you have done.** Drawn the grid, the unit square and the basis arrows after any
# $2 \times 2$ matrix; built matrices from where $e_1$ and $e_2$ go, including the
# rotation by any angle; read the determinant as the change of area and orientation; and
# undone a move with the inverse, by formula and with NumPy, while seeing why a squashing
# move has none.
