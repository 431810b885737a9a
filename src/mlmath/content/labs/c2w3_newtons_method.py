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
# # Lab: Optimization using Newton's method
#
# This lab belongs to the lesson **Beyond Gradient Descent: Newton's Method**. There,
# Newton's method first solved an equation by sliding down tangent lines, then found a
# minimum by applying the same idea to the derivative, and finally went to two
# variables with the Hessian matrix. Here you run all three, draw what each step does,
# and measure the famous speed — correct digits doubling at every step — against
# gradient descent. At the end, Newton's method fits the spam filter of the
# classification lab in a handful of steps.
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import sympy as sp

from mlmath.content.labs.checks.c2w3_newtons_method import (
    check_newton_minimize_step,
    check_newton_step,
    check_newton_step_2d,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. Root finding: slide down the tangent
#
# To solve $f(x) = 0$, replace the curve by its tangent at the current guess $x_k$ and
# take the point where the *tangent* crosses zero as the next guess:
#
# $$x_{k+1} = x_k - \frac{f(x_k)}{f'(x_k)}.$$
#
# Value over slope is how far the tangent runs before it reaches zero.
#
# **Exercise 1.** Write `newton_step(f, df, x)`: one Newton step for a root of `f`, whose
# derivative is `df`. For $f(x) = x^2 - 2$ from $x = 1$ it gives $1.5$, as in the lesson.


# %%
def newton_step(f, df, x):
    """One Newton step for a root of f: x - f(x) / df(x)."""
    raise NotImplementedError("write this function")


# %%
check_newton_step(newton_step)

# %% [markdown]
# The lab's own version runs several steps and keeps the path. Here it is on
# $x^2 - 2$ from $x_0 = 1$, with each step drawn: the tangent at the current point, and
# where it meets the axis.


# %%
def newton_root(f, df, x, steps):
    path = [x]
    for _ in range(steps):
        x = x - f(x) / df(x)
        path.append(x)
    return path


def f(x):
    return x**2 - 2


def df(x):
    return 2 * x


path = newton_root(f, df, 1.0, 4)
for k, x_k in enumerate(path):
    print(f"x{k} = {x_k:.15f}   error {abs(x_k - np.sqrt(2)):.1e}")
assert path[1] == 1.5
assert abs(path[2] - 17 / 12) < 1e-15

xs = np.linspace(0.9, 1.7, 200)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(xs, f(xs), color="black", label="f(x) = x² − 2")
ax.axhline(0, color="grey", linewidth=0.6)
for k, colour in zip(range(3), ["tab:red", "tab:orange", "tab:green"], strict=True):
    x_k = path[k]
    ax.plot(xs, f(x_k) + df(x_k) * (xs - x_k), color=colour, linewidth=1, label=f"tangent at x{k}")
    ax.scatter([x_k], [f(x_k)], color=colour, zorder=3)
    ax.plot([path[k + 1]] * 2, [0, f(path[k + 1])], color=colour, linestyle=":")
ax.set_ylim(-1.2, 0.9)
ax.set_xlabel("x")
ax.legend(fontsize=8)
ax.set_title("Each tangent's zero is the next guess")
plt.show()

# %% [markdown]
# *Figure 1 — three Newton steps toward $\sqrt 2$.* Look at where each coloured tangent
# crosses the axis: that is the next guess (the dotted line takes it back up to the
# curve). The first tangent, from $x_0 = 1$, overshoots to $1.5$; after that the curve
# and its tangent almost agree near the root, and the guesses land almost on it.
#
# The printed errors show the real news: $0.41$, $0.086$, $0.0025$, $0.0000021$,
# $0.0000000000016$. Each error is roughly the *square* of the one before (times a
# constant), so the number of correct digits doubles. Compare that with a method that
# only halves the error each step, such as **bisection**: keep an interval where $f$
# changes sign, and cut it in half. The root is in the interval, so half its width is a
# guaranteed bound on the error of its midpoint.

# %%
low, high, bisection_bounds = 1.0, 2.0, []
for _ in range(30):
    middle = (low + high) / 2
    bisection_bounds.append((high - low) / 2)
    if f(middle) < 0:
        low = middle
    else:
        high = middle
newton_errors = [abs(x_k - np.sqrt(2)) for x_k in newton_root(f, df, 1.0, 5)]

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.semilogy(bisection_bounds, "o-", markersize=3, label="bisection: halves the error bound")
ax.semilogy(np.maximum(newton_errors, 1e-17), "s-", label="Newton: squares the error")
ax.set_xlabel("step")
ax.set_ylabel("error (log scale)")
ax.set_ylim(1e-17, 1)
ax.legend()
ax.set_title("Linear against quadratic convergence")
plt.show()

# %% [markdown]
# *Figure 2 — how fast the error falls.* Look at the shapes: bisection's bound lies on a
# straight line on the log axis (the same factor $\tfrac12$ each step: thirty steps for
# nine digits), while Newton's curve bends ever more steeply downward and reaches the
# limit of double precision, about 16 digits, at step 5 (where the error is exactly
# zero in floating point, drawn at the bottom of the plot).
#
# **Try this.** The lesson warns about two starting points. Predict what happens from
# $x_0 = 0$ for $x^2 - 2$ (what is the tangent there?), then run
# `newton_root(f, df, 0.0, 3)`. Then predict the path of $x^3 - 2x + 2$ from $x_0 = 0$ and
# run `newton_root(lambda x: x**3 - 2*x + 2, lambda x: 3*x**2 - 2, 0.0, 6)`.

# %% [markdown]
# ## 2. A minimum is a root of the derivative
#
# At the lowest point of a smooth function the slope is zero. So apply the root rule to
# $f'$, whose slope is $f''$:
#
# $$x_{k+1} = x_k - \frac{f'(x_k)}{f''(x_k)}.$$
#
# Gradient descent multiplies the slope by a learning rate you choose; Newton divides
# it by the curvature. Equivalently, it replaces $f$ near $x_k$ by the parabola with the
# same value, slope and curvature, and jumps to that parabola's lowest point.
#
# **Exercise 2.** Write `newton_minimize_step(df, d2f, x)`: one Newton step toward a
# minimum, given the first and second derivatives. For $f(x) = x^4 - 3x$ from $x = 1$
# ($f'(1) = 1$, $f''(1) = 12$) it lands on $11/12$. Mind the sign: where the slope is
# positive, the minimum is to the left.


# %%
def newton_minimize_step(df, d2f, x):
    """One Newton step toward a minimum: x - df(x) / d2f(x)."""
    raise NotImplementedError("write this function")


# %%
check_newton_minimize_step(newton_minimize_step)

# %% [markdown]
# SymPy differentiates for us, and `sp.lambdify` turns its formulas into NumPy
# functions. The plot shows the function and the parabola Newton's step jumps into at
# two different starting points.

# %%
x = sp.Symbol("x")
g_expr = x**4 - 3 * x
g = sp.lambdify(x, g_expr, "numpy")
dg = sp.lambdify(x, sp.diff(g_expr, x), "numpy")
d2g = sp.lambdify(x, sp.diff(g_expr, x, 2), "numpy")
print("g' =", sp.diff(g_expr, x), "  g'' =", sp.diff(g_expr, x, 2))

point, steps = 1.0, [1.0]
for _ in range(4):
    point = point - dg(point) / d2g(point)
    steps.append(point)
print("Newton from 1:", np.round(steps, 6), " exact minimum (3/4)^(1/3) =", 0.75 ** (1 / 3))
assert abs(steps[-1] - 0.75 ** (1 / 3)) < 1e-12

xs = np.linspace(-0.6, 1.6, 300)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(xs, g(xs), color="black", label="g(x) = x⁴ − 3x")
for start, colour in [(1.4, "tab:red"), (0.4, "tab:blue")]:
    parabola = g(start) + dg(start) * (xs - start) + d2g(start) / 2 * (xs - start) ** 2
    landing = start - dg(start) / d2g(start)
    ax.plot(xs, parabola, color=colour, linewidth=1, label=f"Newton's parabola at {start}")
    ax.scatter([start], [g(start)], color=colour, zorder=3)
    ax.axvline(landing, color=colour, linestyle=":", linewidth=1)
ax.set_ylim(-3, 3)
ax.set_xlabel("x")
ax.legend(fontsize=8)
ax.set_title("Each step jumps to the bottom of a local parabola")
plt.show()

# %% [markdown]
# *Figure 3 — Newton's parabolas for $x^4 - 3x$.* Look at the red parabola, built at
# $x = 1.4$: it hugs the curve near its point, and its bottom (the red dotted line, at
# about $1.06$) is much closer to the true minimum near $0.91$ than the start was. The
# blue one, built at $x = 0.4$ where the curve is nearly straight, is very flat, and its
# bottom lies far to the right, past the minimum, near $1.83$ — a flat parabola means a
# long step. The closer the start, the better the parabola, and the better the
# step.
#
# The lesson's coin is a real loss: $L(p) = -7\ln p - 3\ln(1 - p)$ for 7 heads in 10
# flips. Newton needs no formula for the answer, only the two derivatives.

# %%
p = sp.Symbol("p")
coin = -7 * sp.log(p) - 3 * sp.log(1 - p)
d_coin = sp.lambdify(p, sp.diff(coin, p))
d2_coin = sp.lambdify(p, sp.diff(coin, p, 2))
guess = 0.4
for k in range(1, 6):
    guess = guess - d_coin(guess) / d2_coin(guess)
    print(f"step {k}: p = {guess:.6f}")
assert abs(guess - 0.7) < 1e-9

# %% [markdown]
# **Try this.** Newton looks for *any* flat point. Predict where it ends for
# $x^3 - 3x$ started at $x_0 = -2$: at a minimum or somewhere else? Replace `g_expr` by
# `x**3 - 3*x`, start the loop from `-2.0`, run, and check the sign of the second
# derivative `d2g` where it lands.

# %% [markdown]
# ## 3. Two variables: the gradient and the Hessian
#
# With two variables the slope becomes the gradient $\nabla f$, and the curvature the
# **Hessian** $H$, the matrix of second partial derivatives. Dividing by the curvature
# becomes multiplying by $H^{-1}$:
#
# $$p_{k+1} = p_k - H(p_k)^{-1}\,\nabla f(p_k).$$
#
# In code one does not invert $H$: solve the linear system $H s = \nabla f$ for the step
# $s$ with `np.linalg.solve(H, g)` — the elimination of Course 1 — and subtract it.
#
# **Exercise 3.** Write `newton_step_2d(grad, hess, p)`: one Newton step from the point
# `p` (an array of two numbers), where `grad(p)` returns the gradient and `hess(p)` the
# Hessian there. For the lesson's $f = x^3 + 2xy + y^2$ from $(1, 1)$ it lands on
# $(0.75, -0.75)$.


# %%
def newton_step_2d(grad, hess, p):
    """One Newton step in several variables: p - H(p)^(-1) grad(p), via np.linalg.solve."""
    raise NotImplementedError("write this function")


# %%
check_newton_step_2d(newton_step_2d)

# %% [markdown]
# SymPy builds the gradient and the Hessian of the lesson's surface, and its
# eigenvalues classify the two critical points — the origin and $(\tfrac23, -\tfrac23)$.

# %%
X_, Y_ = sp.symbols("x y")
surface = X_**3 + 2 * X_ * Y_ + Y_**2
H_expr = sp.hessian(surface, (X_, Y_))
print("Hessian:", H_expr)
gradient = sp.lambdify((X_, Y_), [sp.diff(surface, v) for v in (X_, Y_)], "numpy")
hessian = sp.lambdify((X_, Y_), H_expr, "numpy")
height = sp.lambdify((X_, Y_), surface, "numpy")


def grad2(q):
    return np.array(gradient(*q), dtype=float)


def hess2(q):
    return np.array(hessian(*q), dtype=float)


for critical in ([0.0, 0.0], [2 / 3, -2 / 3]):
    curvatures = np.linalg.eigvalsh(hess2(critical))
    kind = (
        "minimum"
        if curvatures.min() > 0
        else "saddle"
        if curvatures.min() < 0 < curvatures.max()
        else "?"
    )
    print(f"at {np.round(critical, 4)}: Hessian eigenvalues {curvatures.round(3)} -> {kind}")


def newton_path(start, steps):
    q, walk = np.array(start, dtype=float), [np.array(start, dtype=float)]
    for _ in range(steps):
        q = q - np.linalg.solve(hess2(q), grad2(q))
        walk.append(q)
    return np.array(walk)


def descent_path(start, alpha, steps):
    q, walk = np.array(start, dtype=float), [np.array(start, dtype=float)]
    for _ in range(steps):
        q = q - alpha * grad2(q)
        walk.append(q)
    return np.array(walk)


newton_from_11 = newton_path([1, 1], 5)
descent_from_11 = descent_path([1, 1], 0.1, 60)
print("Newton from (1, 1):", newton_from_11.round(6).tolist())
assert np.allclose(newton_from_11[1], [0.75, -0.75])
assert np.allclose(newton_from_11[-1], [2 / 3, -2 / 3])

gx, gy = np.meshgrid(np.linspace(-1, 1.5, 200), np.linspace(-1.5, 1.2, 200))
fig, ax = plt.subplots(figsize=(6, 5))
ax.contour(gx, gy, height(gx, gy), levels=30, cmap="Greys", linewidths=0.7)
ax.plot(*descent_from_11.T, "o-", markersize=3, color="tab:blue", label="gradient descent, α = 0.1")
ax.plot(*newton_from_11.T, "s-", color="tab:red", label="Newton from (1, 1)")
saddle_run = newton_path([0, -0.25], 1)
ax.plot(*saddle_run.T, "s--", color="tab:purple", label="Newton from (0, −0.25)")
ax.scatter([2 / 3, 0], [-2 / 3, 0], marker="x", color="black", s=60, zorder=4)
ax.annotate("minimum", (2 / 3, -2 / 3), textcoords="offset points", xytext=(8, -12))
ax.annotate("saddle", (0, 0), textcoords="offset points", xytext=(8, 6))
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend(fontsize=8, loc="upper left")
ax.set_title("Newton jumps; gradient descent walks")
plt.show()

# %% [markdown]
# *Figure 4 — Newton and gradient descent on $x^3 + 2xy + y^2$.* Look at the red path:
# from $(1, 1)$ Newton jumps almost to the minimum in one step and sits on it after two
# more. The blue dots of gradient descent first run toward the saddle, then crawl along
# the valley, and are still short of the minimum after 60 steps. The purple dashed step
# is the warning: started at $(0, -0.25)$, where the Hessian has one positive and one
# negative eigenvalue, Newton jumps straight onto the saddle point, uphill — it solves
# $\nabla f = 0$ and does not care which kind of flat point it finds.
#
# **Try this.** Predict what `np.linalg.solve` will do on the line $x = \tfrac13$, where
# the Hessian is $\begin{bmatrix} 2 & 2 \\ 2 & 2 \end{bmatrix}$ (what is its
# determinant?). Then run `newton_path([1/3, 0.5], 1)` and read the error message.

# %% [markdown]
# ## 4. Newton fits a classifier
#
# Statistics packages fit logistic regression — the sigmoid perceptron of the
# classification lab — with Newton's method. For the mean log loss, with the bias as an
# extra column of ones in $A = [X\;\mathbf 1]$ and parameters $\theta = (w, b)$:
#
# $$\nabla J = \tfrac1m A^{\mathsf T}(\hat y - y), \qquad
# H = \tfrac1m A^{\mathsf T}\,\mathrm{diag}\big(\hat y(1 - \hat y)\big)\,A.$$
#
# The Hessian weights each e-mail by $\hat y(1 - \hat y)$, the sigmoid's slope: e-mails
# the model is unsure about shape the curvature most. Here is Newton against gradient
# descent on the same 200 e-mails.

# %%
emails = pd.read_csv(data_file("emails.csv"))
A = np.column_stack([emails[["links", "free"]].to_numpy(float), np.ones(len(emails))])
labels = emails["spam"].to_numpy(float)


def log_loss_of(theta):
    y_hat = 1 / (1 + np.exp(-(A @ theta)))
    return float(-np.mean(labels * np.log(y_hat) + (1 - labels) * np.log(1 - y_hat)))


theta_newton, newton_losses = np.zeros(3), []
for _ in range(8):
    newton_losses.append(log_loss_of(theta_newton))
    y_hat = 1 / (1 + np.exp(-(A @ theta_newton)))
    grad_J = A.T @ (y_hat - labels) / len(labels)
    H = (A.T * (y_hat * (1 - y_hat))) @ A / len(labels)
    theta_newton = theta_newton - np.linalg.solve(H, grad_J)
newton_losses.append(log_loss_of(theta_newton))

theta_gd, gd_losses = np.zeros(3), []
for _ in range(1000):
    gd_losses.append(log_loss_of(theta_gd))
    y_hat = 1 / (1 + np.exp(-(A @ theta_gd)))
    theta_gd = theta_gd - 0.3 * A.T @ (y_hat - labels) / len(labels)
gd_losses.append(log_loss_of(theta_gd))

best = newton_losses[-1]
print("Newton, 8 steps:            ", theta_newton.round(4), " loss", round(best, 6))
print("gradient descent, 1000 steps:", theta_gd.round(4), " loss", round(gd_losses[-1], 6))
assert newton_losses[-1] <= gd_losses[-1] + 1e-9

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.semilogy(np.array(gd_losses) - best + 1e-16, label="gradient descent, α = 0.3")
ax.semilogy(np.array(newton_losses) - best + 1e-16, "s-", label="Newton")
ax.set_xscale("symlog", linthresh=10)
ax.set_xlabel("step (linear up to 10, then log scale)")
ax.set_ylabel("loss − best loss")
ax.legend()
ax.set_title("Fitting the spam filter")
plt.show()

# %% [markdown]
# *Figure 5 — the gap to the best loss, step by step.* Look at the orange squares: Newton
# closes the gap to rounding error in about six steps, each one multiplying the number
# of correct digits. Gradient descent's curve creeps down and is still visibly above
# the best loss after 1000 steps. Each Newton step costs more — it builds a 3×3
# Hessian and solves a linear system — but with three parameters that is nothing. With
# a million parameters the Hessian would have $10^{12}$ entries, which is why deep
# learning stays with gradient descent.
#
# **Try this.** Predict how many Newton steps are needed if you start from
# `theta_newton = np.array([1.0, 1.0, -5.0])` instead of zeros — more, fewer, or about
# the same? Change the start, run the cell, and print `np.round(newton_losses, 8)`.
#
# **What you have done.** Written a Newton step for a root, for a minimum, and in two
# variables; watched tangents and parabolas guide the steps; measured the doubling of
# correct digits against the halving of bisection; seen Newton land on a saddle point
# when started in the wrong place; and fitted the spam filter in a handful of Newton
# steps, where gradient descent needed a thousand.
