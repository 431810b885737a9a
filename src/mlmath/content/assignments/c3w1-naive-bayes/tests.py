"""Tests of "Probability Distributions / Naive Bayes": the public example and hidden, seeded
variants."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case

# The first ten emails of emails.csv: five word flags, length, label.
WORDS = np.array(
    [
        [1, 0, 1, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 1, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 0],
    ],
    dtype=float,
)
LENGTHS = np.array([19.5, 12.3, 11.1, 18.1, 8.0, 6.5, 11.0, 5.5, 16.2, 12.6])
LABELS = np.array([0, 0, 0, 0, 0, 1, 0, 1, 0, 0])


def _data_set(rng: np.random.Generator, n: int, d: int) -> tuple[np.ndarray, ...]:
    """Random emails of both classes (each class at least twice)."""
    while True:
        labels = (rng.random(n) < rng.uniform(0.2, 0.6)).astype(int)
        if 2 <= labels.sum() <= n - 2:
            break
    p_spam, p_ham = rng.uniform(0.05, 0.8, size=d), rng.uniform(0.05, 0.8, size=d)
    probs = np.where(labels[:, None] == 1, p_spam, p_ham)
    words = (rng.random((n, d)) < probs).astype(float)
    lengths = np.round(
        np.where(labels == 1, rng.normal(6, 2, n), rng.normal(12, 4, n)).clip(0.5), 1
    )
    return words, lengths, labels


def public_tests(reference: ModuleType) -> list[TestCase]:
    likelihoods = reference.word_likelihoods(WORDS, LABELS)
    params = reference.fit_lengths(LENGTHS, LABELS)
    return [
        make_case(reference, "prior", LABELS, name="prior: ten emails"),
        make_case(
            reference,
            "word_likelihoods",
            WORDS,
            LABELS,
            name="word_likelihoods: ten emails, smoothing 1",
        ),
        make_case(
            reference,
            "gaussian_pdf",
            np.array([170.0, 180.0, 150.0]),
            170.0,
            10.0,
            name="gaussian_pdf: heights N(170, 10²) at 170, 180 and 150",
        ),
        make_case(reference, "fit_lengths", LENGTHS, LABELS, name="fit_lengths: ten emails"),
        make_case(
            reference,
            "predict_proba",
            WORDS,
            LENGTHS,
            0.4,
            likelihoods,
            params,
            name="predict_proba: the ten training emails",
            check=Close(relative=1e-6, absolute=1e-9),
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for n in (int(rng.integers(5, 15)), int(rng.integers(50, 200))):
        words, lengths, labels = _data_set(rng, n, int(rng.integers(3, 9)))
        cases.append(make_case(reference, "prior", labels, name=f"prior: {n} emails"))
        cases.append(
            make_case(
                reference,
                "word_likelihoods",
                words,
                labels,
                name=f"word_likelihoods: {n} emails",
                points=2,
            )
        )
        smoothing = float(rng.choice([0.5, 2.0]))
        cases.append(
            make_case(
                reference,
                "word_likelihoods",
                words,
                labels,
                smoothing,
                name=f"word_likelihoods: {n} emails, smoothing {smoothing}",
                points=2,
            )
        )
        cases.append(
            make_case(
                reference, "fit_lengths", lengths, labels, name=f"fit_lengths: {n} emails", points=2
            )
        )
        likelihoods = reference.word_likelihoods(words, labels)
        params = reference.fit_lengths(lengths, labels)
        cases.append(
            make_case(
                reference,
                "predict_proba",
                words,
                lengths,
                reference.prior(labels),
                likelihoods,
                params,
                name=f"predict_proba: {n} emails",
                check=Close(relative=1e-6, absolute=1e-9),
                points=3,
            )
        )
    mean, sd = float(rng.normal(0, 10)), float(rng.uniform(0.5, 5))
    x = rng.normal(mean, 2 * sd, size=(3, 4))
    cases.append(
        make_case(
            reference, "gaussian_pdf", x, mean, sd, name="gaussian_pdf: a 3×4 array", points=2
        )
    )
    # Many words: a product of 2,000 probabilities underflows without logarithms.
    words, lengths, labels = _data_set(rng, 40, 2000)
    cases.append(
        make_case(
            reference,
            "predict_proba",
            words,
            lengths,
            reference.prior(labels),
            reference.word_likelihoods(words, labels),
            reference.fit_lengths(lengths, labels),
            name="predict_proba: 2,000 words per email (underflow)",
            check=Close(relative=1e-6, absolute=1e-9),
            points=3,
        )
    )
    return cases
