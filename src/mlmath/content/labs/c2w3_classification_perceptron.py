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
# # Lab: Classification with a perceptron
#
# This lab belongs to the lesson **Optimization in Neural Networks**, topic *Perceptron
# with sigmoid activation and log loss*. There, a spam filter read two numbers from an
# e-mail and squashed their weighted sum with the **sigmoid** into a probability of spam;
# the **log loss** measured how wrong that probability was; and the chain rule gave a
# gradient of the same form as for linear regression, $(\hat y - y)\,x$, because the
# sigmoid's slope cancels against the log. Here you train that filter on 200 e-mails and
# watch it draw its line between spam and the rest:
#
# 1. the sigmoid and its slope, drawn;
# 2. the log loss, and why it beats the squared loss for probabilities;
# 3. training by gradient descent, the decision line turning as it learns;
# 4. turning probabilities into decisions, and counting the mistakes.
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

from mlmath.content.labs.checks.c2w3_classification_perceptron import (
    check_classify,
    check_log_loss,
    check_sigmoid,
)
from mlmath.labcheck import data_file

# %% [markdown]
# ## 1. The data: 200 e-mails, two counts each
#
# Each row of the table is an e-mail: how many links it contains, how many times the
# word "free" appears, and its label, `spam` (1 for spam, 0 for a normal e-mail). The
# counts are whole numbers, so many e-mails sit on the same point; the plot adds a
# little random jitter to each point so that piles of e-mails show up as clouds.

# %%
emails = pd.read_csv(data_file("emails.csv"))
print(emails.head())
print(f"{len(emails)} e-mails, {emails['spam'].mean():.0%} of them spam")

X = emails[["links", "free"]].to_numpy().astype(float)
y = emails["spam"].to_numpy().astype(float)
m = len(y)

rng = np.random.default_rng(0)
jitter = rng.uniform(-0.25, 0.25, size=X.shape)


def show_emails(ax):
    for label, colour, name in [(0, "tab:blue", "normal"), (1, "tab:red", "spam")]:
        mine = y == label
        ax.scatter(*(X[mine] + jitter[mine]).T, s=14, color=colour, alpha=0.6, label=name)
    ax.set_xlabel("links")
    ax.set_ylabel('times "free" appears')


fig, ax = plt.subplots(figsize=(6, 4.2))
show_emails(ax)
ax.legend()
ax.set_title("Spam has more links and more 'free'")
plt.show()

# %% [markdown]
# *Figure 1 — the e-mails, jittered.* Look at the lower left corner: normal e-mails
# (blue) crowd at few links and no "free". Spam (red) spreads up and to the right. The
# two clouds overlap in the middle, so no line can separate them perfectly — a
# classifier will make some mistakes, and a probability says how sure it is.
#
# ## 2. The sigmoid: from a score to a probability
#
# The weighted sum $z = w_1 x_1 + w_2 x_2 + b$ can be any number. The sigmoid turns it
# into a number between 0 and 1:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# At $z = 0$ it is exactly $\tfrac12$; large positive $z$ give nearly 1, large negative
# ones nearly 0. Its slope, by the chain rule, is $\sigma'(z) = \sigma(z)(1 - \sigma(z))$.
#
# **Exercise 1.** Write `sigmoid(z)` for a NumPy array `z` (entry by entry). Mind the
# sign in the exponent: the lesson's $\sigma(0.5) \approx 0.6225$, above one half.


# %%
def sigmoid(z):
    """The sigmoid 1 / (1 + e^(-z)) of every entry of the array z."""
    raise NotImplementedError("write this function")


# %%
check_sigmoid(sigmoid)

# %% [markdown]
# The lab's own sigmoid, used from here on, and a picture of it with its slope.


# %%
def sig(z):
    return 1 / (1 + np.exp(-z))


zs = np.linspace(-8, 8, 400)
fig, ax = plt.subplots(figsize=(6, 3.8))
ax.plot(zs, sig(zs), label="σ(z)")
ax.plot(zs, sig(zs) * (1 - sig(zs)), label="σ′(z) = σ(z)(1 − σ(z))")
ax.axhline(0.5, color="grey", linewidth=0.6, linestyle="--")
ax.axvline(0, color="grey", linewidth=0.6)
ax.set_xlabel("z")
ax.legend()
ax.set_title("The sigmoid squashes any score into (0, 1)")
plt.show()
print("σ(0) =", sig(0.0), " σ'(0) =", sig(0.0) * (1 - sig(0.0)))
print("σ(6) =", round(sig(6.0), 4), " σ'(6) =", round(sig(6.0) * (1 - sig(6.0)), 4))

# %% [markdown]
# *Figure 2 — the sigmoid and its slope.* Look at the orange curve: the slope peaks at
# $\tfrac14$ where $z = 0$ and is almost zero beyond $|z| = 5$. Wherever the model is
# very sure, nudging the weights barely changes its output — remember this for the next
# section.
#
# **Try this.** Predict $\sigma(-z)$ in terms of $\sigma(z)$ (look at the symmetry of
# the blue curve about the point $(0, \tfrac12)$). Then check your guess with
# `sig(-2.0)` and `1 - sig(2.0)`.

# %% [markdown]
# ## 3. The log loss
#
# For a label $y$ (1 or 0) and a predicted probability $\hat y$, the lesson's log loss is
#
# $$L = -y\ln \hat y - (1 - y)\ln(1 - \hat y).$$
#
# Only one of the two terms is ever active: for spam ($y = 1$) the loss is $-\ln \hat y$,
# for a normal e-mail $-\ln(1 - \hat y)$. Over a data set we average it, as we averaged
# the squared loss. The lesson's example: $\hat y = 0.5$ for a spam gives
# $-\ln 0.5 \approx 0.6931$; after one step, $\hat y \approx 0.7773$ gives $0.2519$.
#
# **Exercise 2.** Write `log_loss(y_hat, y)`: the mean log loss over the arrays `y_hat`
# (probabilities) and `y` (labels 0 and 1). Both terms matter — the check includes
# normal e-mails.


# %%
def log_loss(y_hat, y):
    """The mean of -y ln(y_hat) - (1 - y) ln(1 - y_hat) over all the examples."""
    raise NotImplementedError("write this function")


# %%
check_log_loss(log_loss)

# %% [markdown]
# Why this loss and not the squared loss? Compare how hard each one pushes on the
# score $z$ of a spam e-mail ($y = 1$). With the log loss the chain rule gives
# $\partial L/\partial z = \hat y - y$, because the sigmoid's slope cancels. With the
# squared loss $\tfrac12(\hat y - y)^2$ the slope stays in:
# $\partial L/\partial z = (\hat y - y)\,\sigma'(z)$.

# %%
y_hat_z = sig(zs)
push_log = y_hat_z - 1
push_squared = (y_hat_z - 1) * y_hat_z * (1 - y_hat_z)

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.plot(zs, -push_log, label="log loss: −∂L/∂z = 1 − ŷ")
ax.plot(zs, -push_squared, label="squared loss: −∂L/∂z = (1 − ŷ) σ′(z)")
ax.set_xlabel("score z of a spam e-mail")
ax.set_ylabel("push towards 'spam'")
ax.set_title("A confidently wrong model: who pushes harder?")
ax.legend()
plt.show()
print(
    "at z = -6: log loss pushes",
    round(-push_log[np.abs(zs + 6).argmin()], 4),
    " squared loss pushes",
    round(-push_squared[np.abs(zs + 6).argmin()], 4),
)

# %% [markdown]
# *Figure 3 — the size of the gradient on the score of a spam e-mail.* Look at the left
# end, where the model is confidently wrong (it gives the spam a tiny probability): the
# log loss pushes with almost full strength 1, while the squared loss has died away to
# nearly 0, because the flat tail of the sigmoid multiplies it. The squared loss learns
# least exactly when it is most wrong.
#
# ## 4. Training: the decision line turns into place
#
# The gradients have the same form as for linear regression — the error times the
# input, averaged: $\nabla_w J = \frac1m X^{\mathsf T}(\hat y - y)$ and
# $\partial J/\partial b = \text{mean}(\hat y - y)$. The model says "spam" where
# $\hat y \ge \tfrac12$, that is where $z = w_1 x_1 + w_2 x_2 + b \ge 0$. So its
# **decision boundary** is the straight line $w_1 x_1 + w_2 x_2 + b = 0$, or, solved for
# the second feature, $x_2 = -(w_1 x_1 + b)/w_2$. We train from zero weights and draw that
# line now and then.


# %%
def mean_log_loss(y_hat, y):
    return float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))


def train(X, y, alpha, steps, *, keep=(), extra_slope=False):
    """Gradient descent on the log loss from zero weights."""
    w, b = np.zeros(X.shape[1]), 0.0
    losses, snapshots = [], {}
    for step in range(steps + 1):
        y_hat = sig(X @ w + b)
        losses.append(mean_log_loss(y_hat, y))
        if step in keep:
            snapshots[step] = (w.copy(), b)
        error = y_hat - y
        if extra_slope:  # the lesson's mistake: multiplying by σ'(z) once more
            error = error * y_hat * (1 - y_hat)
        w = w - alpha * X.T @ error / len(y)
        b = b - alpha * float(np.mean(error))
    return w, b, np.array(losses), snapshots


w, b, losses, snaps = train(X, y, alpha=0.3, steps=1000, keep=(10, 50, 200, 1000))
print("w =", w.round(3), " b =", round(b, 3), " final loss", round(losses[-1], 4))

fig, ax = plt.subplots(figsize=(6, 4.2))
show_emails(ax)
x1 = np.linspace(-0.5, 9.5, 50)
for step, (w_s, b_s) in snaps.items():
    ax.plot(x1, -(w_s[0] * x1 + b_s) / w_s[1], label=f"boundary, step {step}")
ax.set_ylim(-0.5, 6.5)
ax.legend(fontsize=8)
ax.set_title("The decision line as the perceptron trains")
plt.show()

# %% [markdown]
# *Figure 4 — the decision boundary at steps 10, 50, 200 and 1000.* Look at the early
# line (step 10): it sits low, with many normal e-mails on its spam side — from zero
# weights every e-mail starts at probability one half. As training goes on the line moves
# up and tilts until it runs between the two clouds: below and left of it the model says
# "normal", above and right "spam". The lines of steps 200 and 1000 almost coincide.
#
# **Try this.** The lesson's third common mistake multiplies the error by an extra
# $\hat y(1 - \hat y)$ — the slope of the sigmoid, which the log loss had already
# cancelled. Predict: will training with that mistake end at a different line, or reach
# the same one more slowly, or more quickly? Run
# `w_x, b_x, losses_x, _ = train(X, y, 0.3, 1000, extra_slope=True)` and compare
# `losses_x[-1]` with `losses[-1]`; then plot both loss curves with `plt.plot`.

# %% [markdown]
# ## 5. From probabilities to decisions
#
# The trained model gives each e-mail a probability. To act — move it to the spam
# folder or not — we compare it with a threshold, normally $\tfrac12$. The map below
# colours the whole plane by the model's probability.

# %%
g1, g2 = np.meshgrid(np.linspace(-0.5, 9.5, 200), np.linspace(-0.5, 6.5, 200))
probability = sig(w[0] * g1 + w[1] * g2 + b)
fig, ax = plt.subplots(figsize=(6.5, 4.2))
shade = ax.contourf(g1, g2, probability, levels=np.linspace(0, 1, 11), cmap="coolwarm", alpha=0.5)
ax.contour(g1, g2, probability, levels=[0.5], colors="black")
fig.colorbar(shade, ax=ax, label="P(spam)")
show_emails(ax)
ax.set_title("The model's probability of spam, and its 0.5 line")
plt.show()

# %% [markdown]
# *Figure 5 — the probability map.* Look at how the colour changes fastest across the
# black line and fades to sure blue or sure red away from it: the probability is the
# sigmoid of the (signed) distance from the line, scaled by the size of the weights.
# E-mails on the wrong side of the line are the model's mistakes.
#
# **Exercise 3.** Write `classify(X, w, b)`: 1 for every row whose probability
# $\sigma(Xw + b)$ is at least $\tfrac12$, else 0 (an array of 0s and 1s, one per row).
# A common slip is to compare the *score* $z$ with $\tfrac12$ instead of the probability:
# $\sigma(z) \ge \tfrac12$ exactly when $z \ge 0$.


# %%
def classify(X, w, b):
    """1 where sigmoid(X @ w + b) >= 0.5, else 0: one label per row of X."""
    raise NotImplementedError("write this function")


# %%
check_classify(classify)

# %% [markdown]
# With the lab's own version, count the right and wrong decisions. A **confusion
# table** splits them: of the spam, how many were caught, and of the normal e-mails,
# how many were wrongly sent to the spam folder.

# %%
decided = (X @ w + b >= 0).astype(int)
truth = y.astype(int)
caught = int(np.sum((decided == 1) & (truth == 1)))
missed = int(np.sum((decided == 0) & (truth == 1)))
false_alarm = int(np.sum((decided == 1) & (truth == 0)))
correct_normal = int(np.sum((decided == 0) & (truth == 0)))
print(f"accuracy {np.mean(decided == truth):.1%}")
print(f"spam:   caught {caught}, missed {missed}")
print(f"normal: kept {correct_normal}, sent to spam by mistake {false_alarm}")
assert caught + missed + false_alarm + correct_normal == m
assert np.mean(decided == truth) > 0.85
assert losses[-1] < losses[0] / 2

# %% [markdown]
# **Try this.** Sending a real e-mail to the spam folder is worse than letting a spam
# through. Predict what happens to the two kinds of mistake if the threshold rises from
# 0.5 to 0.8. Then change the decision to `sig(X @ w + b) >= 0.8` in the cell above and
# run it. Which count went down, which went up?
#
# **Try this.** Predict the probability of spam the model gives an e-mail with 5 links
# and "free" 3 times — find the point on Figure 5 first — then compute
# `sig(w @ [5, 3] + b)`.
#
# **What you have done.** Written the sigmoid and the log loss; seen why the log loss
# keeps pushing when the model is confidently wrong while the squared loss stalls;
# trained a sigmoid perceptron and watched its decision line swing into place; mapped
# its probabilities over the plane; and turned them into decisions with a threshold,
# counting both kinds of mistake. A single perceptron always draws a straight line; the
# lesson's two-layer network bends it.
