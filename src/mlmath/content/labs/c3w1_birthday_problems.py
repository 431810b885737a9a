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
# # Lab: Four birthday problems
#
# This lab belongs to the lesson **Introduction to probability**. There, a probability
# was a long-run share of repeated trials; equally likely outcomes let you count instead
# of trying; and the **complement rule**, $P(\text{not } A) = 1 - P(A)$, turned "at
# least one" into "none", which is easy to multiply out. Birthday questions use all
# three, and their answers surprise almost everyone — which makes them the perfect place
# to check intuition against exact calculation *and* against simulation.
#
# The four problems:
#
# 1. How many people must I meet before one of them shares **my** birthday?
# 2. How many people must be in a room before **some two** of them share a birthday?
# 3. Two rooms: how likely is a birthday that occurs **in both** rooms?
# 4. People walk in one by one: **when** does the first shared birthday appear?
#
# Throughout, a year has 365 equally likely birthdays (no 29 February, and real
# birthdays are only nearly uniform — a **Try this** at the end looks at that).
#
# Run the cells in order. **Try this** cells ask you to predict first, then change
# something and run. **Exercise** cells leave a function for you to write; the check
# after it says `✓` when it is right, names the first input it gets wrong (with expected
# and actual answers) when it is not, and only notes "not written yet" until you start.
# Later cells never use your functions.

# %%
import matplotlib.pyplot as plt
import numpy as np

from mlmath.content.labs.checks.c3w1_birthday_problems import (
    check_shares_mine,
    check_simulate_some_pair,
    check_some_pair,
)

DAYS = 365
rng = np.random.default_rng(0)

# %% [markdown]
# ## Problem 1: someone shares MY birthday
#
# **Try this.** Before reading on, write down a guess: how many other people must you
# meet for a better-than-even chance that at least one of them has your birthday? Many
# people answer 183, half of 365. Keep your guess; the plot below tests it.
#
# Each other person *misses* your birthday with probability $\frac{364}{365}$. Birthdays
# of different people are independent, so the chance that all $n$ of them miss is a
# product, $\left(\frac{364}{365}\right)^n$, and "at least one hit" is its complement:
#
# $$P(\text{someone shares mine}) = 1 - \left(\tfrac{364}{365}\right)^n.$$
#
# This is the lesson's rule $P(\text{at least one}) = 1 - (1 - p)^n$ with $p = \frac1{365}$.
#
# **Exercise 1.** Write `shares_mine(n)`: the exact probability that at least one of `n`
# other people shares your birthday. The lesson's common mistake is to add the chances,
# $n \cdot \frac1{365}$ — which would pass 1 at $n = 366$.


# %%
def shares_mine(n):
    """P(at least one of n other people has my birthday), with 365 equally likely days."""
    raise NotImplementedError("write this function")


# %%
check_shares_mine(shares_mine)

# %% [markdown]
# The lab's own version, and a simulation: draw everybody's birthday at random, many
# times over, and count the share of trials with a hit. By symmetry we can call my
# birthday day 0. `rng.integers(0, DAYS, size=(trials, n))` draws a whole table of
# birthdays at once — one row per trial, one column per person.


# %%
def p_shares_mine(n):
    return 1 - (1 - 1 / DAYS) ** n


def simulate_shares_mine(n, trials=4000):
    others = rng.integers(0, DAYS, size=(trials, n))
    return float(np.mean((others == 0).any(axis=1)))


ns = np.arange(0, 801)
tried = np.arange(25, 801, 50)
simulated = [simulate_shares_mine(n) for n in tried]
half = int(np.argmax(p_shares_mine(ns) > 0.5))
print(f"first n with a better-than-even chance: {half}")
assert p_shares_mine(half - 1) < 0.5 < p_shares_mine(half)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(ns, p_shares_mine(ns), label="exact: 1 − (364/365)ⁿ")
ax.plot(ns, np.minimum(ns / DAYS, 1), linestyle="--", color="grey", label="adding: n/365 (wrong)")
ax.scatter(tried, simulated, color="black", s=15, zorder=3, label="simulated, 4000 trials")
ax.axhline(0.5, color="grey", linewidth=0.6)
ax.axvline(half, color="tab:red", linewidth=0.8)
ax.set_xlabel("number of other people n")
ax.set_ylabel("P(someone shares my birthday)")
ax.legend(fontsize=8)
ax.set_title(f"You need {half} people, not 183")
plt.show()

# %% [markdown]
# *Figure 1 — the chance that someone shares my birthday.* Look at where the blue curve
# crosses one half (the red line): at $n = 253$, far beyond 183. The reason is in the
# gap between the blue curve and the dashed line: adding $\frac1{365}$ per person counts
# the cases where *several* people share my birthday more than once; the curve bends
# away and approaches 1 only slowly. The black dots — pure simulation — sit on the exact
# curve, up to the wobble of 4000 trials.
#
# ## Problem 2: two people share SOME birthday
#
# Now any pair counts. Seat people one by one. The second person must miss the first
# one's birthday ($\frac{364}{365}$), the third must miss both earlier ones
# ($\frac{363}{365}$), and so on, the $k$-th person missing $k - 1$ days. The probability
# that all $n$ birthdays differ is the product
#
# $$P(\text{all different}) = \frac{365}{365}\cdot\frac{364}{365}\cdots\frac{365 - n + 1}{365},$$
#
# and a shared birthday is its complement.
#
# **Try this.** Predict the number of people for a better-than-even chance of a shared
# birthday *before* you run the next cells. Then compare with your answer to problem 1.
#
# **Exercise 2.** Write `some_pair(n)`: the exact probability that among `n` people at
# least two share a birthday. `np.arange(n)` gives $0, 1, \ldots, n - 1$ and `np.prod`
# multiplies an array's entries. Remember which event the product is the probability of.


# %%
def some_pair(n):
    """P(at least two of n people share a birthday), with 365 equally likely days."""
    raise NotImplementedError("write this function")


# %%
check_some_pair(some_pair)

# %% [markdown]
# To simulate it, we need to spot a repeated value in each row of a table of
# birthdays. Sorting each row puts equal birthdays next to each other; then a repeat
# shows up as a difference of zero between neighbours.
#
# **Exercise 3.** Write `simulate_some_pair(n, trials, rng)`: draw a `(trials, n)` table
# of birthdays with `rng.integers(0, 365, size=(trials, n))`, and return the share of
# rows that contain a repeated birthday. Use `np.sort(..., axis=1)`, then
# `np.diff(..., axis=1)`: without sorting, only neighbours that happen to be adjacent
# are compared. The check compares your share with the exact probability, allowing for
# the random wobble of the simulation.


# %%
def simulate_some_pair(n, trials, rng):
    """The share of `trials` simulated rooms of n people in which two share a birthday."""
    raise NotImplementedError("write this function")


# %%
check_simulate_some_pair(simulate_some_pair)

# %% [markdown]
# The lab's own versions, plotted for rooms of 1 to 70 people, with a well-known
# approximation: there are $\binom n2 = \frac{n(n-1)}2$ pairs, each sharing with
# probability $\frac1{365}$; treating the pairs as independent gives
# $1 - \left(\frac{364}{365}\right)^{n(n-1)/2} \approx 1 - e^{-n(n-1)/730}$.


# %%
def p_some_pair(n):
    return 1 - np.prod((DAYS - np.arange(n)) / DAYS)


def simulated_some_pair(n, trials=4000):
    days = np.sort(rng.integers(0, DAYS, size=(trials, n)), axis=1)
    return float(np.mean((np.diff(days, axis=1) == 0).any(axis=1)))


room = np.arange(1, 71)
exact = np.array([p_some_pair(n) for n in room])
approx = 1 - np.exp(-room * (room - 1) / (2 * DAYS))
sizes = np.arange(5, 71, 5)
sim = [simulated_some_pair(n) for n in sizes]
crossing = int(room[np.argmax(exact > 0.5)])
print(f"first room size with a better-than-even chance: {crossing}")
print(f"P(shared) for 23 people: {p_some_pair(23):.4f}; for 50: {p_some_pair(50):.4f}")
assert crossing == 23
assert p_some_pair(22) < 0.5 < p_some_pair(23)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(room, exact, label="exact: 1 − ∏ (365 − k)/365")
ax.plot(room, approx, linestyle="--", label="pairs as independent: 1 − e^(−n(n−1)/730)")
ax.scatter(sizes, sim, color="black", s=15, zorder=3, label="simulated, 4000 rooms")
ax.axhline(0.5, color="grey", linewidth=0.6)
ax.axvline(crossing, color="tab:red", linewidth=0.8)
ax.set_xlabel("people in the room n")
ax.set_ylabel("P(two share a birthday)")
ax.legend(fontsize=8)
ax.set_title("23 people are enough")
plt.show()

# %% [markdown]
# *Figure 2 — the chance of a shared birthday in a room of $n$.* Look at the red line:
# the exact curve passes one half at 23 people, and by 50 people a shared birthday is
# nearly certain (0.97). The dashed approximation is almost indistinguishable from the
# exact curve — a sign that the right way to think about this problem is in *pairs*:
# 23 people make $23 \cdot 22 / 2 = 253$ pairs, the same number as the 253 people of
# problem 1.
#
# ## Problem 3: a birthday in both rooms
#
# Room A has $m$ people and room B has $n$. We want a birthday that occurs in both rooms
# (matches inside one room do not count). The difficulty: if room B's people have $d$
# *different* birthdays between them, each person in room A misses all of them with
# probability $\frac{365 - d}{365}$ — but $d$ itself is random.
#
# The way out is to condition on $d$. The number of different birthdays grows as people
# enter room B: the next person brings a new day with probability $\frac{365 - d}{365}$,
# else repeats one. That rule gives the whole distribution of $d$, one person at a time,
# and then
#
# $$P(\text{no match}) = \sum_d P(d \text{ days in B}) \left(\frac{365 - d}{365}\right)^m.$$


# %%
def distinct_days_distribution(n):
    """P(the n people of a room have exactly d different birthdays), for d = 0..365."""
    p = np.zeros(DAYS + 1)
    p[0] = 1.0
    for _ in range(n):
        new = p * (DAYS - np.arange(DAYS + 1)) / DAYS  # the next person brings a new day
        p = p - new + np.roll(new, 1)
    return p


def p_cross_rooms(m, n):
    d = np.arange(DAYS + 1)
    return 1 - float(np.sum(distinct_days_distribution(n) * ((DAYS - d) / DAYS) ** m))


def simulated_cross_rooms(m, n, trials=4000):
    a = rng.integers(0, DAYS, size=(trials, m))
    b = rng.integers(0, DAYS, size=(trials, n))
    return float(np.mean((a[:, :, None] == b[:, None, :]).any(axis=(1, 2))))


exact_15, simulated_15 = p_cross_rooms(15, 15), simulated_cross_rooms(15, 15)
print(f"two rooms of 15: exact {exact_15:.4f}, simulated {simulated_15:.4f}")
assert abs(exact_15 - simulated_15) < 0.03
assert abs(distinct_days_distribution(23).sum() - 1) < 1e-12

sides = np.arange(1, 41)
grid = np.array([[p_cross_rooms(m, n) for n in sides] for m in sides])
fig, ax = plt.subplots(figsize=(5.5, 4.5))
image = ax.imshow(
    grid, origin="lower", extent=(0.5, 40.5, 0.5, 40.5), cmap="viridis", vmin=0, vmax=1
)
contour = ax.contour(sides, sides, grid, levels=[0.25, 0.5, 0.75], colors="white", linewidths=1)
ax.clabel(contour, fmt="%.2f", fontsize=8)
fig.colorbar(image, ax=ax, label="P(a birthday in both rooms)")
ax.set_xlabel("people in room B, n")
ax.set_ylabel("people in room A, m")
ax.set_title("Two rooms: a match across")
plt.show()

# %% [markdown]
# *Figure 3 — the chance of a birthday in both rooms.* Look at the white line marked
# 0.50: it is close to the curve $m \cdot n \approx 253$ (two rooms of 16, or 10 and 25).
# Again it is the number of *pairs* that counts — here pairs with one person from each
# room — and again the magic number is about 253. The map is symmetric: swapping the
# rooms changes nothing.
#
# **Try this.** Predict the chance of a match across two rooms of 20 and of 30 people,
# using the pairs idea ($20 \cdot 30 = 600$ pairs, each matching with probability
# $\frac1{365}$). Then compute `p_cross_rooms(20, 30)` and compare with
# `1 - (364/365)**600`.

# %% [markdown]
# ## Problem 4: when does the first shared birthday appear?
#
# People walk in one at a time until someone's birthday repeats one already in the
# room. Let $N$ be the number of people in the room at that moment. $N$ is a random
# variable (the next lesson's subject); its distribution comes from problem 2: the first
# $k - 1$ people all differ, *and* the $k$-th hits one of their $k - 1$ days,
#
# $$P(N = k) = P(\text{first } k - 1 \text{ all different}) \cdot \frac{k - 1}{365}.$$

# %%
k = np.arange(1, DAYS + 2)
all_different_before = np.concatenate([[1.0], np.cumprod((DAYS - np.arange(DAYS)) / DAYS)])
pmf = all_different_before * (k - 1) / DAYS
expected = float(np.sum(k * pmf))
print(f"total probability {pmf.sum():.6f}; expected N = {expected:.2f}")
assert abs(pmf.sum() - 1) < 1e-9
assert abs(expected - 24.62) < 0.01

trials, room_size = 20_000, 100
days = rng.integers(0, DAYS, size=(trials, room_size))
seen = np.zeros((trials, DAYS), dtype=bool)
first_repeat = np.zeros(trials, dtype=int)
rows = np.arange(trials)
for person in range(room_size):
    hit = seen[rows, days[:, person]] & (first_repeat == 0)
    first_repeat[hit] = person + 1
    seen[rows, days[:, person]] = True
assert (first_repeat > 0).all()  # 100 people always contain a repeat in practice
print(f"simulated mean {first_repeat.mean():.2f}, median {np.median(first_repeat):.0f}")

fig, ax = plt.subplots(figsize=(6.5, 4))
ax.hist(
    first_repeat, bins=np.arange(0.5, 80.5), density=True, alpha=0.5, label="simulated, 20000 rooms"
)
ax.plot(k[:80], pmf[:80], color="black", label="exact P(N = k)")
ax.axvline(expected, color="tab:red", linewidth=1, label=f"expected value {expected:.1f}")
ax.set_xlim(0, 80)
ax.set_xlabel("k: people in the room at the first shared birthday")
ax.set_ylabel("probability")
ax.legend(fontsize=8)
ax.set_title("When the first shared birthday appears")
plt.show()

# %% [markdown]
# *Figure 4 — the distribution of $N$.* Look at the peak around 20 and the long right
# tail: the first repeat usually comes with the 15th to 35th person, and rarely after
# the 60th. The simulated bars follow the exact black curve closely. The expected value
# (red line, 24.6) lies a little right of the peak, pulled by the tail.
#
# **Try this.** Real birthdays are not uniform: more are in September than in April.
# Predict whether uneven days make a shared birthday more or less likely. Then draw the
# birthdays of problem 2 with
# `rng.choice(DAYS, size=(4000, 23), p=weights)` for uneven `weights` — for example
# `weights = 1 + 0.3 * np.sin(np.arange(DAYS) / DAYS * 2 * np.pi)`, divided by its sum —
# and compare the share of shared birthdays with `p_some_pair(23)`.
#
# **What you have done.** Used the complement rule to compute "at least one" exactly;
# simulated random rooms with NumPy and seen simulation agree with calculation; found
# why 23 is enough (253 pairs); conditioned on a random quantity to solve the two-room
# problem; and computed a whole distribution — the first shared birthday — checking it
# against 20,000 simulated rooms.
