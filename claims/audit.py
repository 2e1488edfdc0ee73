"""The audit log: who changed what, when, from which values to which."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from claims.models import AuditEntry, iso

# Whole article texts would swamp the log; their SHA-256 identifies them.
_OMITTED = {"articles": {"text", "characters"}}


def snapshot(obj: Any) -> dict[str, Any]:
    """The column values of a mapped object, as JSON-safe values."""
    table = obj.__table__.name
    omitted = _OMITTED.get(table, set())
    values: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in omitted:
            continue
        value = getattr(obj, attr.key)
        if isinstance(value, dt.datetime | dt.date):
            value = iso(value)
        values[attr.key] = value
    return values


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    obj: Any = None,
    entity: str | None = None,
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
) -> AuditEntry:
    """Write one audit entry. ``obj`` fills in the entity, its id and (unless given) ``after``."""
    if obj is not None:
        session.flush()
        entity = entity or obj.__table__.name
        entity_id = entity_id if entity_id is not None else obj.id
        if after is None and action != "delete":
            after = snapshot(obj)
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=entity or "",
        entity_id=entity_id,
        before_values=before,
        after_values=after,
        note=note,
    )
    session.add(entry)
    return entry
