"""Learning the weights of a pair's score from the curator's own decisions.

Every `match` and `no_match` judgement is a labelled example: the parts of the score the pair
had when it was judged (place, date, words, …) and the answer. Once the case file holds at
least `MIN_EACH` of each, a small L2-regularised logistic regression is fitted to them
(Newton's method, plain Python: ten weights, a few hundred examples, milliseconds) and its
probability replaces the hand-set score, which is one of its inputs, if it does at least as
well on decisions it did not learn from (`adopt`: k-fold cross-validation against the hand-set
score): the decisions come from the top of the queue, and a model fitted to fifty of them can
demote true pairs elsewhere. Classes are weighted equally, so a case file
whose curator mostly says "no" does not learn to say "no" to everything. Firm contradictions
(two exact dates days apart, two towns) still veto a pair: learning orders the pairs, it does
not overrule what the sources say.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.learning import MIN_EACH
from casefile.match.score import NEUTRAL, WEIGHTS, hand_score
from casefile.match.score import THRESHOLD as HAND_THRESHOLD

# The parts of the score, and the hand-set score itself: the model starts from the hand-set
# order (its weight is not pulled towards zero) and learns how far the parts correct it, so a
# few dozen judgements refine the order instead of replacing it with a guess.
FEATURES = tuple(WEIGHTS) + ("hand",)
UNPENALISED = ("hand",)


L2 = 1.0  # pull towards zero: with 20 examples, no single part should take over
THRESHOLD = 0.5  # a learned probability of being the same incident


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    matches: int
    no_matches: int
    threshold: float = THRESHOLD
    features: tuple[str, ...] = field(default=FEATURES)

    @property
    def decisions(self) -> int:
        return self.matches + self.no_matches

    def probability(self, breakdown: dict[str, float]) -> float:
        x = _features(breakdown)
        z = self.bias + sum(w * x.get(k, NEUTRAL) for k, w in self.weights.items())
        return _sigmoid(z)

    def describe(self) -> str:
        # The hand-set score is the starting point, not a part a curator would recognise.
        top = sorted(((k, w) for k, w in self.weights.items() if k not in UNPENALISED), key=lambda kv: -abs(kv[1]))[:3]
        return (f"order learned from {self.decisions} decisions ({self.matches} match, "
                f"{self.no_matches} no match); weighs most: " + ", ".join(k for k, _ in top))


def _features(breakdown: dict[str, float]) -> dict[str, float]:
    return {**breakdown, "hand": hand_score(breakdown)}


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(examples: Iterable[tuple[dict[str, float], bool]], min_each: int = MIN_EACH,
        l2: float = L2, features: tuple[str, ...] = FEATURES) -> Model | None:
    """A logistic model of P(same incident | parts of the score), or None while there are
    fewer than `min_each` examples of either answer."""
    rows = [([1.0] + [float(x.get(k, NEUTRAL)) for k in features], bool(y))
            for x, y in ((_features(b), y) for b, y in examples)]
    matches = sum(y for _, y in rows)
    no_matches = len(rows) - matches
    if matches < min_each or no_matches < min_each:
        return None
    # Each class weighs as much as the other in total.
    weight = {True: len(rows) / (2 * matches), False: len(rows) / (2 * no_matches)}
    k = len(features) + 1
    beta = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in rows:
            p = _sigmoid(sum(bi * xi for bi, xi in zip(beta, x)))
            w = weight[y]
            err = w * (p - y)
            s = w * p * (1 - p)
            for i in range(k):
                grad[i] += err * x[i]
                si = s * x[i]
                row = hess[i]
                for j in range(i, k):
                    row[j] += si * x[j]
        for i in range(k):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, k):  # the intercept and the hand-set score are not pulled towards zero
            if features[i - 1] not in UNPENALISED:
                grad[i] += l2 * beta[i]
                hess[i][i] += l2
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        beta = [bi - si for bi, si in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return Model(beta[0], dict(zip(features, beta[1:])), matches, no_matches)


FOLDS = 5


def adopt(examples: Iterable[tuple[dict[str, float], bool]], min_each: int = MIN_EACH) -> Model | None:
    """The model `fit` learns, if its cross-validated F1 on the decisions (each fold predicted
    by a model fitted to the others) is no worse than the hand-set score's on the same ones;
    else None, and the hand-set score stays."""
    examples = [(b, bool(y)) for b, y in examples]
    model = fit(examples, min_each)
    if model is None:
        return None
    learned, hand = cross_validated(examples)
    return model if learned >= hand else None


def cross_validated(examples: list[tuple[dict[str, float], bool]], folds: int = FOLDS) -> tuple[float, float]:
    """(F1 of the learned model, F1 of the hand-set score) on the match decisions, each
    decision predicted by a model fitted to the other folds (folds by position, so each
    holds early and late decisions alike)."""
    learned, hand, truth = [], [], []
    for f in range(folds):
        train = [e for i, e in enumerate(examples) if i % folds != f]
        model = fit(train, min_each=1)
        for breakdown, y in (e for i, e in enumerate(examples) if i % folds == f):
            truth.append(y)
            hand_says = hand_score(breakdown) >= HAND_THRESHOLD
            hand.append(hand_says)
            learned.append(model.probability(breakdown) >= model.threshold if model is not None else hand_says)
    return _f1(learned, truth), _f1(hand, truth)


def _f1(predicted: list[bool], truth: list[bool]) -> float:
    tp = sum(p and t for p, t in zip(predicted, truth))
    wrong = sum(p != t for p, t in zip(predicted, truth))
    return 2 * tp / (2 * tp + wrong) if tp else 0.0
