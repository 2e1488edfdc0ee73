"""The sources half of an import's plan: names resolved as everywhere, new ones created.

``Plan`` (``import_plan``) resolves a chunk's rows; these methods resolve the sources they
name (publisher, origin, each hop of a chain) by the rules of ``find_source``, a chunk's
worth in one query, and plan the sources the file brings.

A source row (``flatrows``) names its source as every name is resolved (``find_source``):
by its own name, else by an alias only one source has, stored or given by an earlier
source row. The name is the row's natural key, and a name another source has as an alias
cannot become a source's own name (``claims source add`` refuses it): every chain naming
that spelling would then find the new source. So a file exported before a source was
renamed or merged into another (its old name kept as an alias) imports again as it did,
and a spelling several sources share is a row error. The row creates the source, or
completes a stored one without overwriting what a person curated there: the kind only
where it is ``other`` (what an import gives a name it meets in a chain, which says
nothing), the country, address and notes only where blank, and the aliases it lacks. So
a second import of the same file changes nothing. The aliases it adds resolve the names
of later rows, as stored ones do, and never those of the rows before it: what a name
meant on an earlier row stands, so a source row that would change it is refused
(``_new_aliases``).
"""

from __future__ import annotations

from sqlalchemy import select

from claims.errors import ClaimsError, InvalidInput
from claims.flatrows import FlatRow, RowProblems
from claims.import_records import IN_CHUNK, PlannedRow, SourceRef
from claims.models import Source, SourceAlias, utcnow
from claims.services.sources import check_chain_syntax, find_source, find_sources
from claims.text import fold_name, normalise_space

_DETAILS = ("country", "url", "notes")  # what a source row fills where it is blank


class PlanSources:
    """Mixed into ``Plan``: the methods that resolve and create sources (see ``Plan`` for
    the state they share)."""

    def source(self, name: str, kind: str) -> SourceRef:
        """Resolve a name like everywhere (``find_source``); an unknown one is created.

        ``kind``: what the role says the source is (a publisher an ``outlet``, an origin a
        ``news_agency``, a stated source ``other``, which says nothing). A source whose
        kind is ``other`` takes the kind of the first role that says more: an agency a
        chain names before its articles do is an agency still.
        """
        key = name.strip()
        cached = self.sources.get(key)
        if isinstance(cached, ClaimsError):
            raise cached
        if cached is not None:
            if kind != "other" and cached.id in self._kindless:
                self._give_kind(cached, kind)
            return cached
        try:
            if key in self._looked_up:
                found = self._looked_up.pop(key)
                if isinstance(found, ClaimsError):
                    raise found
            else:
                found = find_source(self.session, name)
        except ClaimsError as error:  # a spelling several sources share
            self.sources[key] = error
            raise
        if key.startswith("#") and key[1:].isdigit():
            if found is None:
                error = InvalidInput(f"No source {key}: see `claims source list`.")
                self.sources[key] = error
                raise error
            ref = SourceRef(found.id, found.name)
        else:
            folded = fold_name(normalise_space(name))
            ref = self._by_file(folded, found)
            if ref is None and found is not None:
                ref = SourceRef(found.id, found.name)
                if found.kind == "other" and found.id not in self._kinds_given:
                    self._kindless.add(found.id)
            if ref is None:
                ref = self._new_source(normalise_space(name), kind)
                self._mentioned.add(ref.id)
            self._resolved[folded] = ref
        if kind != "other" and ref.id in self._kindless:
            self._give_kind(ref, kind)
        self.sources[key] = ref
        return ref

    def _give_kind(self, ref: SourceRef, kind: str) -> None:
        """A source of kind ``other`` met in a role that says what it is: it is that."""
        self._kindless.discard(ref.id)
        self._kinds_given.add(ref.id)
        self._batch_kinds.append(ref.id)
        details = self._source_details.get(ref.id)
        if details is not None:
            details["kind"] = kind
        if not self.write:
            return
        pending = self._pending_sources.get(ref.id)
        if pending is not None:
            pending["kind"] = kind  # created by this batch: not inserted yet
            return
        self._source_updates.append({"source_id": ref.id, "kind": kind})
        if not self.tally.ours("sources", ref.id) and ref.id not in self._updated_sources:
            self._updated_sources.add(ref.id)
            self.summary.sources_updated += 1

    def _by_file(self, folded: str, found: Source | None) -> SourceRef | None:
        """The source a spelling names by what this import's rows created, when that
        comes before what is stored: a new source's own name over a stored alias; an
        alias a source row added, where nothing stored has the spelling."""
        if found is not None and fold_name(found.name) == folded:
            return None
        ref = self.new_sources.get(folded)
        if ref is not None or folded not in self._alias_refs:
            return ref
        if found is not None:
            given = self._alias_refs[folded]
            if given is not None and given.id == found.id:
                return None
            # A stored source and one this file gives the same spelling: once both are
            # stored, find_source refuses it as ambiguous, so the file must say which.
            raise InvalidInput(
                f"{folded!r} could mean {found.name} (stored) or "
                f"{given.name if given else 'several sources'} (this file gives it that "
                "alias): write the full name."
            )
        ref = self._alias_refs[folded]
        if ref is None:
            raise InvalidInput(
                f"{folded!r} is an alias of several sources this file defines: write the full name."
            )
        return ref

    def _look_up_sources(self, items: list[PlannedRow]) -> None:
        """The names the chunk uses and the plan does not know yet, found in one query
        (``find_sources``, the rules of ``find_source``), with the aliases evidence needs."""
        names: set[str] = set()
        for item in items:
            row = item.row
            if row.article_text is not None:
                names.update((row.article_publisher, row.article_origin))
            names.update(hop.name for hop in row.chain)
        wanted = {name for name in names if name and name.strip() not in self.sources}
        if not wanted:
            return
        found = find_sources(self.session, wanted)
        for name, source in found.items():
            self._looked_up[name.strip()] = source
        if not self.write:
            return
        # Ids for the sources the chunk will create, in one go: one per new spelling.
        new = {
            fold_name(normalise_space(name))
            for name, source in found.items()
            if source is None and not (name.strip().startswith("#") and name.strip()[1:].isdigit())
        }
        new -= {""} | self.new_sources.keys() | self._alias_refs.keys()
        self._source_ids = self._ids(Source.__table__, len(new))[::-1]
        self._load_aliases(s.id for s in found.values() if isinstance(s, Source))

    def _load_aliases(self, source_ids) -> None:
        """The aliases of stored sources, for evidence and source rows, in few queries."""
        ids = sorted({source_id for source_id in source_ids if source_id not in self.aliases})
        for start in range(0, len(ids), IN_CHUNK):
            part = ids[start : start + IN_CHUNK]
            for source_id in part:
                self.aliases[source_id] = []
            rows = self.session.connection().execute(
                select(SourceAlias.source_id, SourceAlias.alias)
                .where(SourceAlias.source_id.in_(part))
                .order_by(SourceAlias.id)
            )
            for source_id, alias in rows:
                self.aliases[source_id].append(alias)

    def _new_source(self, name: str, kind: str, details: dict | None = None) -> SourceRef:
        """A source this import creates; ``details``: a source row's country, url, notes
        and created_by."""
        folded = fold_name(name)
        if not folded:
            raise InvalidInput(f"The source name {name!r} has no letters or digits.")
        check_chain_syntax(name)  # as `source add`: a chain naming it could not be written
        ref = self.new_sources.get(folded)
        if ref is not None:
            return ref
        details = details or {}
        if self.write:
            if not self._source_ids:  # more than the chunk's count: only for source rows
                self._source_ids = self._ids(Source.__table__, 1)
            source_id = self._source_ids.pop()
            values = {
                "id": source_id,
                "name": name,
                "kind": kind,
                "country": details.get("country"),
                "url": details.get("url"),
                "notes": details.get("notes"),
                "created_by": details.get("created_by") or self.actor,
                "created_at": utcnow(),
            }
            self._new_source_rows.append(values)
            self._pending_sources[source_id] = values
            self._new_alias_rows.append({"source_id": source_id, "alias": name, "key": folded})
            self.summary.sources_created += 1
            self._batch_sources.append(folded)
        else:
            self._provisional -= 1
            source_id = self._provisional
        ref = SourceRef(source_id, name)
        self.new_sources[folded] = ref
        if kind == "other":
            self._kindless.add(source_id)
        self.aliases[source_id] = [name]
        self._source_details[source_id] = {
            "kind": kind,
            **{column: details.get(column) for column in _DETAILS},
        }
        return ref

    def _look_up_named(self, rows: list[FlatRow]) -> None:
        """The stored sources the chunk's source rows name by their own names or aliases
        (an alias may be another source's name), with their aliases, in few queries."""
        if not rows:
            return
        spellings = {spelling for row in rows for spelling in (row.source, *row.source_aliases)}
        found = find_sources(self.session, spellings)
        for spelling, source in found.items():
            if isinstance(source, Source) and fold_name(source.name) == fold_name(spelling):
                self._named[fold_name(spelling)] = source
        # A row's name that is no stored source's own name: what it finds otherwise (an
        # alias's source, several, none), kept as the names of other rows are.
        aliased = set()
        for row in rows:
            if fold_name(row.source) not in self._named:
                self._looked_up.setdefault(row.source.strip(), found[row.source])
                if found[row.source] is not None:
                    aliased.add(fold_name(row.source))
        self._load_aliases(source.id for source in self._named.values())
        if self.write:  # ids for the sources the rows will create, in one go
            new = {fold_name(row.source) for row in rows} - self._named.keys() - aliased
            new -= self.new_sources.keys() | self._alias_refs.keys()
            self._source_ids = self._ids(Source.__table__, len(new))[::-1] + self._source_ids

    def _source_row(self, row: FlatRow) -> None:
        """Create the source a source row names, or complete the one of that name."""
        folded = fold_name(row.source)
        details = {
            "country": row.source_country,
            "url": row.source_url,
            "notes": row.source_notes,
        }
        ref = self.new_sources.get(folded)
        stored = self._named.get(folded) if ref is None else None
        if ref is None and stored is None:
            ref, stored = self._by_alias(row, folded)
        if stored is not None:
            ref = SourceRef(stored.id, stored.name)
            if self.write and self.tally.count_present("sources", stored.id):
                self.summary.sources_present += 1  # checking's summary is not kept
            self._source_details.setdefault(
                stored.id, {"kind": stored.kind, **{c: getattr(stored, c) for c in _DETAILS}}
            )
        added = self._new_aliases(ref, row)
        if ref is None:
            try:
                ref = self._new_source(
                    row.source,
                    row.source_kind or "other",
                    {**details, "created_by": row.created_by},
                )
            except ClaimsError as error:  # a name the chain syntax cannot carry
                raise RowProblems([("source", str(error))]) from None
            changes = {}
        else:
            held = self._source_details.setdefault(ref.id, {"kind": "other"})
            changes = {c: v for c, v in details.items() if v is not None and held.get(c) is None}
            if row.source_kind not in (None, "other") and held["kind"] == "other":
                changes["kind"] = row.source_kind
            held.update(changes)
            if held["kind"] != "other":
                self._kindless.discard(ref.id)
            elif ref.id not in self._kinds_given:
                self._kindless.add(ref.id)
        self.sources[row.source] = ref
        known = self._aliases_of(ref)
        for alias, key in added:
            known.append(alias)
            self._alias_refs[key] = ref if self._alias_refs.get(key, ref) == ref else None
            if self.write:
                self._new_alias_rows.append({"source_id": ref.id, "alias": alias, "key": key})
        if not self.write or not (changes or added):
            return
        if not self.tally.ours("sources", ref.id) and ref.id not in self._updated_sources:
            self._updated_sources.add(ref.id)
            self.summary.sources_updated += 1
        pending = self._pending_sources.get(ref.id)
        if pending is not None:
            pending.update(changes)  # created by this batch: not inserted yet
        elif changes:
            self._source_updates.append({"source_id": ref.id, **changes})

    def _by_alias(self, row: FlatRow, folded: str) -> tuple[SourceRef | None, Source | None]:
        """The source a source row's name finds when it is no source's own name: the one
        source it is an alias of, as given by an earlier source row (``ref``) or stored
        (``stored``); neither for a name that finds none. The spelling then names that
        source for the rows after, as a chain's would (``_resolved``)."""
        key = row.source.strip()
        try:
            # Looked up with the chunk's source rows, unless a chain of the chunk used it.
            found = (
                self._looked_up[key] if key in self._looked_up else find_source(self.session, key)
            )
            if isinstance(found, ClaimsError):
                raise found
            ref = self._by_file(folded, found)
        except ClaimsError as error:  # a spelling several sources share
            message = str(error)
            if message.endswith(" or #ID."):  # which a source row cannot use
                message = message.removesuffix(" or #ID.") + "."
            raise RowProblems([("source", message)]) from None
        if ref is None and found is None:
            return None, None
        self._resolved[folded] = ref or SourceRef(found.id, found.name)
        return (ref, None) if ref is not None else (None, found)

    def _new_aliases(self, ref: SourceRef | None, row: FlatRow) -> list[tuple[str, str]]:
        """The row's aliases the source lacks, as (alias, folded); refuses one that is
        another source's own name, which must always find that source."""
        keys = {fold_name(alias) for alias in self._aliases_of(ref)} if ref else set()
        keys.add(fold_name(row.source))
        added: list[tuple[str, str]] = []
        problems = []
        for alias in row.source_aliases:
            key = fold_name(alias)
            if key in keys:
                continue
            keys.add(key)
            try:
                check_chain_syntax(alias, "alias")
            except ClaimsError as error:
                problems.append(("source_aliases", str(error)))
                continue
            other = self.new_sources.get(key) or self._named.get(key)
            if other is not None and (ref is None or other.id != ref.id):
                problems.append(("source_aliases", self._named_otherwise(alias, other, row)))
                continue
            earlier = self._resolved.get(key)
            if earlier is not None and (ref is None or earlier.id != ref.id):
                # The rows before named that source so; after this one they would not.
                problems.append(
                    (
                        "source_aliases",
                        f"{alias!r} names the source {earlier.name!r} on an earlier row of this "
                        f"file, and as an alias of {row.source!r} it would name two: write "
                        f"{earlier.name!r} in full on the earlier rows, and put this source row "
                        "before them",
                    )
                )
                continue
            added.append((alias, key))
        if problems:
            raise RowProblems(problems)
        return added

    def _named_otherwise(self, alias: str, other: SourceRef | Source, row: FlatRow) -> str:
        """Why a source row cannot give ``alias``, another source's own name, and what to do."""
        said = (
            f"{alias!r} is the name of the source {other.name!r}; it cannot also be an alias "
            f"of {row.source!r}"
        )
        if other.id in self._mentioned:
            # A name a row met before any source row made it an alias: a source of its own.
            return (
                f"{said}: an earlier row of this file names it, so it is a source of its own; "
                "put this source row before the rows that name it"
            )
        if isinstance(other, Source):
            return f"{said}: if they are one source, merge them (claims source merge)"
        return said

    def _aliases_of(self, ref: SourceRef) -> list[str]:
        found = self.aliases.get(ref.id)
        if found is None:
            found = list(
                self.session.scalars(
                    select(SourceAlias.alias).where(SourceAlias.source_id == ref.id)
                )
            )
            self.aliases[ref.id] = found
        return found
