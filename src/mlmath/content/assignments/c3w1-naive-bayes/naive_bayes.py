"""Programming assignment: Probability Distributions / Naive Bayes.

Complete the five functions below. Each docstring says what goes in and what
must come out, with shapes. Use NumPy; do not use scikit-learn or scipy.stats:
the point is to build the classifier from the probability you learned.

Check your work while you go:

    mlmath grade c3w1-naive-bayes naive_bayes.py --public

and grade it for real (public and hidden tests):

    mlmath grade c3w1-naive-bayes naive_bayes.py

Keep code that reads files or prints results under ``if __name__ == "__main__":``
at the bottom; the grader imports your file and calls your functions.
"""

import numpy as np


def prior(labels: np.ndarray) -> float:
    """P(spam): the share of emails labelled 1.

    labels: array of shape (n,) of 0 (not spam) and 1 (spam).
    Returns a float between 0 and 1.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def word_likelihoods(words: np.ndarray, labels: np.ndarray, smoothing: float = 1.0) -> np.ndarray:
    """P(word appears | class) for every word and both classes, with Laplace smoothing.

    words: array of shape (n, d) of 0/1 flags, one column per word.
    labels: array of shape (n,) of 0 and 1.
    smoothing: the pseudo-count added to both outcomes (appears / does not appear).
    Returns an array of shape (2, d): row 0 for class 0 (not spam), row 1 for class 1
    (spam); entry [c, j] = (emails of class c with word j + smoothing) /
    (emails of class c + 2 · smoothing).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def gaussian_pdf(x: np.ndarray, mean: float, sd: float) -> np.ndarray:
    """The density of N(mean, sd²) at each entry of x.

    x: array of any shape. mean: a float. sd: a positive float (standard deviation).
    Returns an array of the shape of x.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def fit_lengths(lengths: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The mean and standard deviation of the email lengths in each class.

    lengths: array of shape (n,) of floats. labels: array of shape (n,) of 0 and 1.
    Returns an array of shape (2, 2): row c is [mean, sd] of the lengths of class c,
    with the standard deviation that divides by the class's count (np.std's default).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def predict_proba(
    words: np.ndarray,
    lengths: np.ndarray,
    spam_prior: float,
    likelihoods: np.ndarray,
    length_params: np.ndarray,
) -> np.ndarray:
    """P(spam | words, length) for each email, by Bayes' theorem with naive independence.

    words: array of shape (m, d) of 0/1 flags. lengths: array of shape (m,).
    spam_prior: P(spam). likelihoods: shape (2, d), from word_likelihoods.
    length_params: shape (2, 2), from fit_lengths.
    For each class c, multiply the prior P(c), P(word j = flag | c) for every word
    (the likelihood if the flag is 1, one minus it if 0) and the Gaussian density of
    the length; then divide the spam product by the sum of both. Work with logarithms
    and subtract the larger one before exponentiating, so that many small factors do
    not underflow to 0.
    Returns an array of shape (m,) of probabilities.
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("emails.csv", delimiter=",", skiprows=1)
    words, lengths, labels = data[:, :5], data[:, 5], data[:, 6]
    p = predict_proba(
        words, lengths, prior(labels), word_likelihoods(words, labels), fit_lengths(lengths, labels)
    )
    print("training accuracy:", np.mean((p > 0.5) == labels))
