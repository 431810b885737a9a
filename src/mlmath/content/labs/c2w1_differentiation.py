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
# # Lab: Differentiation in Python — symbolic, numerical and automatic
#
# This lab belongs to the lesson **Derivatives**. The lesson found the derivative as the
# limit of secant slopes, then as rules — the power rule, $e^x$, $\ln x$, the chain rule
# — and met functions with a corner where no derivative exists. A computer can find a
# derivative in three quite different ways, and machine learning uses all three:
#
# 1. **symbolically**, applying the rules to a formula, as you do by hand (SymPy);
# 2. **numerically**, measuring the slope of a very short secant (finite differences);
# 3. **automatically**, carrying each number's derivative along as the function runs
#    (automatic differentiation — how PyTorch, TensorFlow and JAX train networks).
#
# You will see each one at work, draw what it computes, and find out where each one
# breaks: formulas that grow huge, secants ruined by rounding, corners.
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from mlmath.content.labs.checks.c2w1_differentiation import (
    check_average_speeds,
    check_central_difference,
    check_sigmoid_slope,
)

# %% [markdown]
# ## 1. From average speed to the derivative
#
# A trip meter read once an hour gives distances; the average speed between two
# readings is the change in distance over the change in time — the slope of the secant
# through the two points. `np.diff` computes all the changes of an array at once
# (`np.diff([0, 50, 120])` is `[50, 70]`).
#
# **Exercise 1.** Write `average_speeds(t, d)`: the average speed between each pair of
# consecutive readings, one number per interval. The lesson's first common mistake is
# dividing a reading by its own time — that is the average since the start.


# %%
def average_speeds(t, d):
    """Average speeds between consecutive readings (t: times, d: distances, same length)."""
    raise NotImplementedError("write this function")


# %%
check_average_speeds(average_speeds)

# %% [markdown]
# To get the speed at one instant, shrink the interval. For the car that pulls away with
# $d(t) = 5t^2$ metres, the secant from $t = 2$ to $t = 2 + h$ has slope $20 + 5h$, and as
# $h$ shrinks it settles on the tangent's slope, the derivative $d'(2) = 20$.


# %%
def d(t):
    return 5 * t**2


ts = np.linspace(0, 4, 200)
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.plot(ts, d(ts), color="black", label="d(t) = 5t²")
for h, color in [(2.0, "tab:red"), (1.0, "tab:orange"), (0.3, "tab:olive")]:
    slope = (d(2 + h) - d(2)) / h
    ax.plot(
        ts,
        d(2) + slope * (ts - 2),
        color=color,
        linewidth=1,
        label=f"secant, h = {h:g}: slope {slope:g}",
    )
    ax.scatter([2 + h], [d(2 + h)], color=color, zorder=3)
ax.plot(ts, d(2) + 20 * (ts - 2), color="tab:blue", linewidth=2, label="tangent: slope 20")
ax.scatter([2], [d(2)], color="black", zorder=3)
ax.set_ylim(-10, 80)
ax.set_xlabel("t (s)")
ax.set_ylabel("distance (m)")
ax.legend(fontsize=8)
ax.set_title("Secants turning into the tangent at t = 2")
plt.show()

# %% [markdown]
# *Figure 1 — secants approach the tangent.* Look at the coloured lines pivoting about
# the black point as the second point slides in: their slopes 30, 25, 21.5 fall towards
# 20, the slope of the blue tangent line — the car's speed at exactly 2 seconds.
#
# ## 2. Symbolic: the rules, done by SymPy
#
# SymPy works with formulas, not numbers. `sp.diff` applies the same rules you did by
# hand and returns an exact formula; `sp.lambdify` turns that formula into an ordinary
# NumPy function you can evaluate on arrays and plot.

# %%
x = sp.symbols("x")
f_expr = x**2 * sp.exp(-x)
df_expr = sp.diff(f_expr, x)
print("f  =", f_expr)
print("f' =", df_expr, "=", sp.factor(df_expr))
print("where f' = 0:", sp.solve(df_expr, x))
assert sp.simplify(df_expr - (2 * x - x**2) * sp.exp(-x)) == 0  # product rule + chain rule

# %% [markdown]
# Plotting $f$ and $f'$ together shows what the derivative says about the function.

# %%
f_num = sp.lambdify(x, f_expr, "numpy")
df_num = sp.lambdify(x, df_expr, "numpy")
xs = np.linspace(-0.5, 6, 300)

fig, ax = plt.subplots(figsize=(6.5, 4))
ax.plot(xs, f_num(xs), label="f(x) = x² e^(−x)")
ax.plot(xs, df_num(xs), label="f′(x) from sp.diff")
ax.axhline(0, color="grey", linewidth=0.6)
for root in (0, 2):
    ax.axvline(root, color="grey", linestyle="--", linewidth=0.8)
ax.fill_between(xs, -0.6, 0.8, where=df_num(xs) > 0, alpha=0.08, color="tab:green")
ax.set_ylim(-0.6, 0.8)
ax.set_xlabel("x")
ax.legend()
ax.set_title("f rises where f′ > 0 (shaded), and turns where f′ = 0")
plt.show()

# %% [markdown]
# *Figure 2 — a function and its derivative.* Look at the dashed lines at $x = 0$ and
# $x = 2$: there $f'$ crosses zero and $f$ has its lowest and highest point. Between
# them (shaded) $f'$ is positive and $f$ climbs; beyond $x = 2$ the derivative is
# negative and $f$ falls. Finding where the derivative is zero is how the next lesson
# optimises.
#
# **Try this.** Predict how `sp.diff` will write the derivative of
# $\ln(x^2 + 1)$ and its value at $x = 1$ (the lesson did it by hand). Then run
# `sp.diff(sp.log(x**2 + 1), x)` and `.subs(x, 1)`. Also try `sp.diff(f_expr, x, 5)`:
# symbolic derivatives of high order grow long quickly.

# %% [markdown]
# ## 3. Numerical: the slope of a short secant
#
# Without a formula — only a function you can call — measure a secant. The **forward
# difference** $\frac{f(x + h) - f(x)}{h}$ uses the secant from $x$ to $x + h$; its error
# shrinks roughly in proportion to $h$. The **central difference**
# $\frac{f(x + h) - f(x - h)}{2h}$ uses a secant centred on $x$; its errors on the two
# sides cancel, and what is left shrinks like $h^2$.
#
# **Exercise 2.** Write `central_difference(f, x, h)`. Mind the width of the secant: it
# runs from $x - h$ to $x + h$.


# %%
def central_difference(f, x, h):
    """The central-difference estimate of f'(x) with step h."""
    raise NotImplementedError("write this function")


# %%
check_central_difference(central_difference)

# %% [markdown]
# How small should $h$ be? Smaller removes more of the curve's bending, but the computer
# stores about 16 significant digits, and $f(x + h) - f(x)$ subtracts two nearly equal
# numbers: the digits they share cancel, and what is left is mostly rounding. The cell
# measures the error of both formulas at $x = 1$ against the exact $f'(1)$ from SymPy.


# %%
def forward(f, t, h):
    return (f(t + h) - f(t)) / h


def central(f, t, h):
    return (f(t + h) - f(t - h)) / (2 * h)


exact = float(df_num(1.0))
steps = np.logspace(-15, -1, 57)
forward_errors = [abs(forward(f_num, 1.0, h) - exact) for h in steps]
central_errors = [abs(central(f_num, 1.0, h) - exact) for h in steps]

fig, ax = plt.subplots(figsize=(6, 4.2))
ax.loglog(steps, forward_errors, "o-", markersize=3, label="forward difference")
ax.loglog(steps, central_errors, "o-", markersize=3, label="central difference")
ax.set_xlabel("step h")
ax.set_ylabel("error in f′(1)")
ax.set_title("Too big: the curve bends. Too small: rounding.")
ax.legend()
plt.show()
print(f"best forward error {min(forward_errors):.1e}, best central error {min(central_errors):.1e}")

# %% [markdown]
# *Figure 3 — the error of a finite difference against h.* Look at the V shapes. On the
# right, the error falls as $h$ shrinks — along a line of slope 1 for the forward
# difference, slope 2 for the central one. On the left, rounding takes over and the
# error *rises* again as $h$ shrinks. The best central step is around $10^{-5}$, the best
# forward one around $10^{-8}$.
#
# **Try this.** Predict the forward-difference error at $h = 10^{-16}$ — think about
# what `1.0 + 1e-16` is in floating point — then compute `forward(f_num, 1.0, 1e-16)` and
# compare with `exact`.

# %% [markdown]
# ## 4. Corners: when there is no derivative
#
# At a corner the secants from the right and from the left settle on *different* slopes,
# so no single tangent exists. For the lesson's $f(x) = 2|x - 1| + 3$ at $x = 1$, the
# one-sided difference quotients are $+2$ and $-2$ for every $h$ — and the central
# difference, which averages the two, reports a confident and meaningless 0.


# %%
def corner(t):
    return 2 * np.abs(t - 1) + 3


hs = np.logspace(-6, 0, 25)
from_right = [(corner(1 + h) - corner(1)) / h for h in hs]
from_left = [(corner(1 - h) - corner(1)) / (-h) for h in hs]
centred = [central(corner, 1.0, h) for h in hs]

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.semilogx(hs, from_right, "o-", label="from the right")
ax.semilogx(hs, from_left, "o-", label="from the left")
ax.semilogx(hs, centred, "o-", label="central difference")
ax.set_ylim(-3, 4)
ax.set_xlabel("h")
ax.set_ylabel("difference quotient at x = 1")
ax.set_title("A corner: two one-sided slopes, no derivative")
ax.legend(loc="upper center", ncol=3, fontsize=8)
plt.show()

# %% [markdown]
# *Figure 4 — one-sided slopes at a corner.* Look at the two flat lines at $+2$ and $-2$:
# they never meet, however small $h$ gets, so $f'(1)$ does not exist. The green line at
# 0 is the central difference fooling itself. (ReLU, $\max(0, z)$, has such a corner at
# 0; libraries simply choose a slope there.)
#
# **Try this.** Replace `corner` by $x^2$ (`return t**2`) and look at $x = 0$ instead
# (change the 1s in the three difference quotients to 0). Predict: do the three lines
# meet now? At what value?

# %% [markdown]
# ## 5. Automatic differentiation with dual numbers
#
# Automatic differentiation needs neither a formula nor a step $h$. Every number carries
# a second number: its derivative with respect to the input. Each operation updates both,
# using one rule each — the sum rule for `+`, the product rule for `*`, the power rule for
# `**`, and for `exp` the rule $(e^u)' = e^u \cdot u'$, which is the chain rule. Feed the
# function the pair (value $x$, slope 1) and the slope that comes out is $f'(x)$, exact up
# to rounding.


# %%
class Dual:
    """A number together with its derivative: (value, slope)."""

    def __init__(self, value, slope=0.0):
        self.value = value
        self.slope = slope

    @staticmethod
    def lift(other):
        return other if isinstance(other, Dual) else Dual(other)  # a constant: slope 0

    def __add__(self, other):
        other = Dual.lift(other)
        return Dual(self.value + other.value, self.slope + other.slope)  # sum rule

    __radd__ = __add__

    def __neg__(self):
        return Dual(-self.value, -self.slope)

    def __sub__(self, other):
        return self + (-Dual.lift(other))

    def __mul__(self, other):
        other = Dual.lift(other)
        return Dual(  # product rule
            self.value * other.value, self.slope * other.value + self.value * other.slope
        )

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = Dual.lift(other)
        return Dual(  # quotient rule
            self.value / other.value,
            (self.slope * other.value - self.value * other.slope) / other.value**2,
        )

    def __rtruediv__(self, other):
        return Dual.lift(other) / self

    def __pow__(self, n):
        return Dual(self.value**n, n * self.value ** (n - 1) * self.slope)  # power rule


def exp(u):
    return Dual(math.exp(u.value), math.exp(u.value) * u.slope)  # (e^u)' = e^u u'


def derivative_at(function, t):
    return function(Dual(t, 1.0)).slope


print("f'(1) by dual numbers:", derivative_at(lambda t: t**2 * exp(-t), 1.0), " exact:", exact)
assert abs(derivative_at(lambda t: t**2 * exp(-t), 1.0) - exact) < 1e-12

# %% [markdown]
# The sigmoid $\sigma(z) = 1/(1 + e^{-z})$ turns a score into a probability, and every
# classifier trained by gradient descent needs its slope. With the chain rule the lesson's
# way, $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$.
#
# **Exercise 3.** Write `sigmoid_slope(z)` for a NumPy array `z`, using that formula (or
# the chain rule directly — but do not lose the $-1$ from the inside $-z$).


# %%
def sigmoid_slope(z):
    """The derivative of the sigmoid 1 / (1 + exp(-z)) at every entry of the array z."""
    raise NotImplementedError("write this function")


# %%
check_sigmoid_slope(sigmoid_slope)

# %% [markdown]
# Dual numbers compute the same slope with no formula for it at all — only the sigmoid
# itself, written with operations they know.


# %%
def sigmoid(z):
    return 1 / (1 + exp(-z))


zs = np.linspace(-6, 6, 25)
auto = np.array([derivative_at(sigmoid, z) for z in zs])
s = 1 / (1 + np.exp(-zs))
assert np.allclose(auto, s * (1 - s))

fine = np.linspace(-6, 6, 300)
s_fine = 1 / (1 + np.exp(-fine))
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(fine, s_fine, label="σ(z)")
ax.plot(fine, s_fine * (1 - s_fine), label="σ′(z) = σ(1 − σ), by the rules")
ax.scatter(zs, auto, color="black", s=14, zorder=3, label="σ′(z) by dual numbers")
ax.set_xlabel("z")
ax.legend()
ax.set_title("The sigmoid and its slope")
plt.show()

# %% [markdown]
# *Figure 5 — the sigmoid's slope, two ways.* Look at the black dots sitting exactly on
# the orange curve: automatic differentiation agrees with the rules at every point. The
# slope peaks at $z = 0$ with $0.25$ and is almost 0 for large $|z|$ — a sigmoid that is
# very sure barely changes, which slows learning when a classifier is confidently wrong.
#
# **Try this.** Add a function `log(u)` for dual numbers (value $\ln u$, slope
# $u' / u$). Predict the derivative of $\ln(x^2 + 1)$ at $x = 2$ before you compute it
# with `derivative_at` — the lesson's rule gives $2x / (x^2 + 1)$.
#
# **What you have done.** Computed average speeds and watched secants become a tangent;
# let SymPy differentiate a formula and read the function's shape off its derivative;
# written the central difference and seen the error trade-off between a curving function
# and rounding; met a corner where no derivative exists; and built automatic
# differentiation from dual numbers, checking it against the sigmoid's slope.
