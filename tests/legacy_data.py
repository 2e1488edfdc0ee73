"""Rows as a database from before a rule holds them: stored directly, past the checks that
now refuse them, to test that what older databases hold still reads, exports and mends."""

from __future__ import annotations

from claims.models import Source, SourceAlias
from claims.text import fold_name


def unchecked_source(session, name: str, kind: str = "organisation", **details) -> Source:
    """A source named as ``source add`` no longer allows ("Left > Right Institute"), or with
    details it no longer takes (a country "Hungary"), with its name as its first alias."""
    source = Source(name=name, kind=kind, created_by="t", **details)
    source.aliases.append(SourceAlias(alias=name, key=fold_name(name)))
    session.add(source)
    session.flush()
    return source
