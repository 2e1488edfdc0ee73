"""The bounds of ``claims sql``'s row cap and time limit, apart from ``claims.sql`` so that the
command line can declare its options at start-up without loading the database drivers."""

MIN_TIMEOUT = 0.001
MAX_TIMEOUT = 86_400
# The drivers fetch at most a C int's worth of rows at once; more would not fit in memory.
MAX_ROW_LIMIT = 1_000_000_000
