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
# How many people must be in a room before two of them probably share a birthday? The
# answer surprises almost everyone. We solve four versions of the question twice: exactly,
# with the complement rule from the lesson, and by simulation with NumPy — and check that
# the two agree. Cells marked **Check** hold `assert` lines that stay silent when all is
# well; **Try this** invites a change.
#
# Throughout, a year has 365 equally likely birthdays (we ignore 29 February and the fact
# that real birthdays are not quite uniform).

# %%
import numpy as np

rng = np.random.default_rng(2024)
DAYS = 365
TRIALS = 20_000

# %% [markdown]
# ## Problem 1: someone shares MY birthday
#
# You are in a room with $n$ other people. Each of them misses your birthday with
# probability $364/365$, independently, so by the complement rule
#
# $$P(\text{someone shares mine}) = 1 - \left(\tfrac{364}{365}\right)^n.$$


# %%
def shares_mine_exact(n: int) -> float:
    return 1 - (1 - 1 / DAYS) ** n


def shares_mine_simulated(n: int, trials: int = TRIALS) -> float:
    others = rng.integers(0, DAYS, size=(trials, n))
    mine = 0  # by symmetry, call my birthday day 0
    return float(np.mean((others == mine).any(axis=1)))


for n in (10, 100, 253):
    print(n, round(shares_mine_exact(n), 3), round(shares_mine_simulated(n), 3))

# %% [markdown]
# **Check**: the simulation lands within a couple of hundredths of the exact answer, and
# you need 253 other people for a better-than-even chance.

# %%
assert abs(shares_mine_exact(100) - shares_mine_simulated(100)) < 0.02
assert shares_mine_exact(252) < 0.5 < shares_mine_exact(253)

# %% [markdown]
# ## Problem 2: two people share SOME birthday
#
# Now any pair counts. Seat people one by one: the second must miss the first's birthday
# ($364/365$), the third must miss both ($363/365$), and so on. All different has
# probability $\tfrac{365}{365}\cdot\tfrac{364}{365}\cdots\tfrac{365-n+1}{365}$, and a
# shared birthday is its complement.


# %%
def some_pair_exact(n: int) -> float:
    all_different = np.prod((DAYS - np.arange(n)) / DAYS)
    return float(1 - all_different)


def some_pair_simulated(n: int, trials: int = TRIALS) -> float:
    days = np.sort(rng.integers(0, DAYS, size=(trials, n)), axis=1)
    repeated = (np.diff(days, axis=1) == 0).any(axis=1)
    return float(np.mean(repeated))


for n in (10, 23, 50):
    print(n, round(some_pair_exact(n), 3), round(some_pair_simulated(n), 3))

# %% [markdown]
# **Check**: 23 people are enough for a better-than-even chance — because 23 people make
# $23 \cdot 22 / 2 = 253$ pairs, the same number as in problem 1.

# %%
assert some_pair_exact(22) < 0.5 < some_pair_exact(23)
assert abs(some_pair_exact(23) - some_pair_simulated(23)) < 0.02

# %% [markdown]
# ## Problem 3: someone in a second room shares a birthday with someone in mine
#
# Room A has $m$ people and room B has $n$. Ignore matches inside a room; we want a
# birthday that occurs in both rooms. Simulation handles this easily; for an exact
# answer, condition on the number $d$ of *different* birthdays in room B — each of room
# A's people then misses all of them with probability $(365 - d)/365$. Here we use the
# simulation and a simple approximation that treats room B's birthdays as all different:
# $1 - \left(\tfrac{365 - n}{365}\right)^m$.


# %%
def cross_rooms_simulated(m: int, n: int, trials: int = TRIALS) -> float:
    a = rng.integers(0, DAYS, size=(trials, m))
    b = rng.integers(0, DAYS, size=(trials, n))
    hits = (a[:, :, None] == b[:, None, :]).any(axis=(1, 2))
    return float(np.mean(hits))


def cross_rooms_approx(m: int, n: int) -> float:
    return 1 - ((DAYS - n) / DAYS) ** m


print(round(cross_rooms_simulated(15, 15), 3), round(cross_rooms_approx(15, 15), 3))

# %% [markdown]
# **Check**: two rooms of 15 people each give a cross-room match about half the time
# (there are $15 \cdot 15 = 225$ cross pairs).

# %%
assert abs(cross_rooms_simulated(15, 15) - cross_rooms_approx(15, 15)) < 0.03
assert 0.4 < cross_rooms_simulated(15, 15) < 0.55

# %% [markdown]
# ## Problem 4: how many people until the first shared birthday?
#
# Let people walk in one at a time until someone's birthday repeats one already in the
# room. The number who walked in is a random variable; its expected value is
# $\sum_{k=0}^{365} P(\text{first } k \text{ all different})$, a fact about counts
# $N$: $E[N] = \sum_{k \ge 0} P(N > k)$.


# %%
def first_repeat_simulated(trials: int = 5_000) -> np.ndarray:
    counts = np.empty(trials, dtype=int)
    for t in range(trials):
        seen = np.zeros(DAYS, dtype=bool)
        k = 0
        while True:
            day = rng.integers(DAYS)
            k += 1
            if seen[day]:
                break
            seen[day] = True
        counts[t] = k
    return counts


all_different = np.cumprod((DAYS - np.arange(DAYS)) / DAYS)  # P(first k+1 all different)
expected = 1 + all_different.sum()  # P(N > 0) = 1, then P(N > k) for k = 1, 2, ...
counts = first_repeat_simulated()
print(round(expected, 2), counts.mean())

# %% [markdown]
# **Check**: on average the first repeat comes with about the 25th person.

# %%
assert abs(expected - 24.62) < 0.01
assert abs(counts.mean() - expected) < 0.6

# %% [markdown]
# **Try this**: real birthdays are not uniform — more in September than in April. Draw
# birthdays with `rng.choice(DAYS, size=..., p=weights)` for a non-uniform `weights` and
# rerun problem 2. Does a shared birthday become more or less likely? (It always becomes
# more likely: uneven probabilities make collisions easier.)
