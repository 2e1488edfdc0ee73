"""The reports there are, by name, with a line each: what ``claims report --help`` lists.

Kept apart from ``claims.reports`` so the command line can list the reports
without importing SQLAlchemy or pandas at start-up.
"""

DESCRIPTIONS = {
    "carriers": "Claim × outlet matrix: how many times each outlet carries each claim.",
    "chains": "One row per appearance: quotation and chain, e.g. Wang Xiaohong → Xinhua → "
    "Reuters → UNN.",
    "outlets": "Per outlet: claims carried and the upstream sources it relies on, how often.",
    "claims": "The claims with status, verdict and how many outlets carry them.",
    "drift": "What changed from one appearance of a claim to the next: wording, names, "
    "hedging, attribution.",
    "derivation": "Per pair of related articles: share of each one's sentences found in the "
    "other, copy or rewrite, and which is derived from which.",
}
