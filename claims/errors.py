"""Exceptions the library raises for problems a person can fix.

Every message is written for the person at the keyboard: what was wrong and
what to do. The CLI prints the message as one line and exits 1; anything that
is not a ``ClaimsError`` is a bug and keeps its traceback.
"""


class ClaimsError(Exception):
    """Base of every error that is the user's to fix, not ours."""


class NotFound(ClaimsError):
    """A claim, article, source or appearance id or name that does not exist."""


class AlreadyExists(ClaimsError):
    """The thing exists already; the message carries the existing id."""

    def __init__(self, message: str, existing_id: int | None = None):
        super().__init__(message)
        self.existing_id = existing_id


class InvalidInput(ClaimsError):
    """A value that cannot be used as given (empty text, bad date, bad kind)."""


class InputFileError(ClaimsError):
    """A file that is missing, unreadable, empty or not text."""


class QuotationNotInArticle(ClaimsError):
    """A quotation that cannot be found in the article's stored text."""


class UnknownSource(NotFound):
    """A source name that resolves to no source nor alias."""


class AmbiguousSource(ClaimsError):
    """A spelling that several sources share; the full name or #ID settles it."""


class InvalidChain(ClaimsError):
    """An attribution chain that repeats a source or runs in a cycle."""


class InvalidTransition(ClaimsError):
    """A review status change the workflow does not allow."""


class ChangedMeanwhile(ClaimsError):
    """The record changed since the person looked at it; deciding on it would be blind."""


class DatabaseError(ClaimsError):
    """The database is missing, unreachable, too new, too old or not ours."""


class ReadOnlyViolation(ClaimsError):
    """A statement tried to write through a read-only connection."""


class ImportRejected(InvalidInput):
    """A file with bad rows, refused whole; ``problems`` lists them (row, column, reason)."""

    def __init__(self, name: str, problems: list, count: int):
        super().__init__(
            f"{count} problem(s) in {name}; nothing was imported: fix them and run the import "
            "again, or pass --skip-bad to import the good rows and set the bad ones aside."
        )
        self.problems = problems
        self.count = count
