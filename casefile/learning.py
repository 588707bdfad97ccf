"""How many of the curator's judgements the duplicates' order is learned from
(casefile.match.learn), kept apart so the desk can say so without importing the matcher
(~17 ms of the duplicates screen's first open)."""

MIN_EACH = 10  # of each decision (match, no match) before the weights are learned
