"""Reading report queries into frames whose shape does not depend on the database.

SQLite hands back naive datetimes where PostgreSQL hands back aware ones in
the session's time zone, and an all-NULL column comes back as whatever pandas
guesses. A report must look the same on both backends, so every column is cast
to one declared kind after reading.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

if TYPE_CHECKING:
    import pandas as pd

# int: never NULL; count: nullable integer (pandas NA); date: datetime.date or None;
# datetime: UTC-aware, microseconds.
KINDS = ("int", "count", "float", "text", "bool", "date", "datetime")


def read(session: Session, stmt: Select[Any], kinds: dict[str, str]) -> pd.DataFrame:
    """Run ``stmt`` on the session's own connection, so uncommitted rows are seen."""
    import pandas as pd

    # read_sql_query, not read_sql: read_sql first asks the catalog whether the
    # statement is a table name, one wasted round trip per report query.
    return typed(pd.read_sql_query(stmt, session.connection()), kinds)


def typed(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """``frame`` reduced to the columns of ``kinds``, in that order, each cast to its kind."""
    import pandas as pd

    columns = {name: _cast(frame[name], kind, pd) for name, kind in kinds.items()}
    return pd.DataFrame(columns).reset_index(drop=True)


def _cast(series: pd.Series, kind: str, pd: Any) -> pd.Series:
    if kind == "int":
        return series.astype("int64")
    if kind == "count":
        return series.astype("Int64")
    if kind == "float":
        return series.astype("float64")
    if kind == "text":
        return series.astype("str")
    if kind == "bool":
        return series.astype(bool)
    if kind == "date":
        return series.map(_as_date).astype(object)
    if kind == "datetime":
        return pd.to_datetime(series, utc=True).astype("datetime64[us, UTC]")
    raise ValueError(f"unknown column kind {kind!r}: use one of {', '.join(KINDS)}")


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def name_key(name: str) -> tuple[str, str]:
    """Sort names the same way on every backend, whatever the database collation says."""
    return (name.casefold(), name)
