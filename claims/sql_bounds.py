"""The bounds of ``claims sql``'s time limit, apart from ``claims.sql`` so that the command
line can declare its options at start-up without loading the database drivers."""

MIN_TIMEOUT = 0.001
MAX_TIMEOUT = 86_400
