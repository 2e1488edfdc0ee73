"""What an import's rows refer to, resolved by the per-row rules, and written in bulk.

``claims.importer`` runs two passes over a file; both hand each chunk of rows to
a ``Plan``. Checking, the plan resolves sources and articles without writing them
(negative ids stand in for what would be created); writing, it inserts them with
SQLAlchemy Core, many rows per statement, and looks existing keys up a chunk at a
time. Either way a row's rules are the services' own: ``find_source``,
``find_quotation``, ``compose``, ``find_evidence``, ``claim_key``.

A new article is stored as ``add_article`` stores it: the text as received in
``raw_text`` (its SHA-256 the article's identity) and the cleaned text, which
quotations anchor in, in ``text``. Cuts a file records are applied exactly
(``apply_cuts``); otherwise the cleaning rules run, protecting every quotation
the file anchors in that article, which only the checking pass, having read the
whole file, knows. So checking anchors such an article's quotations in the text
as received, and writing anchors them again in the cleaned text.

Sources are resolved and created by ``import_sources.PlanSources``; new rows are written
by ``import_writes.PlanWriting``.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Sequence
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from claims.anchoring import anchor_at, find_quotation
from claims.chains import Hop, compose
from claims.cleaning import apply_cuts, clean_text
from claims.errors import ClaimsError
from claims.flatrows import FlatRow, RowProblems, pack_row, parse_row
from claims.import_files import RawRow
from claims.import_records import (
    IN_CHUNK,
    Anchors,
    ArticleRef,
    ImportSummary,
    PlannedRow,
    SourceRef,
    Tally,
)
from claims.import_sources import PlanSources
from claims.import_writer import Write, claim_source_names, ids_still_free
from claims.import_writes import PlanWriting
from claims.models import (
    Article,
    Source,
    utcnow,
)
from claims.services.appearances import find_evidence
from claims.services.articles import prepare_text, quote_spans, text_sha256
from claims.text import claim_key, fold_with_offsets

FOLDED_TEXTS_KEPT = 64
CLAIM_IDS_KEPT = 250_000  # about 40 MB of keys and ids
_NOTHING_LEFT = (
    "nothing is left of the article once page debris is cut: give its cuts in article_cuts "
    "([] keeps it whole), or import with --no-clean"
)


class Plan(PlanSources, PlanWriting):
    """What the rows refer to, resolved the way the per-row services resolve it.

    Shared by both passes: checking plans sources and articles without writing
    them (negative ids stand in), writing inserts them. Keeps only what later
    rows may refer to: source and article keys, and a few folded texts.
    """

    def __init__(
        self,
        session,
        actor,
        *,
        write,
        spill=None,
        summary=None,
        anchors=None,
        clean=True,
        tally=None,
    ):
        self.session: Session | None = session
        self.anchors: Anchors = anchors if anchors is not None else Anchors()
        # The ids taken and the records counted present, beyond a plan made anew.
        self.tally: Tally = tally if tally is not None else Tally()
        self.actor = actor
        self.write = write
        self.clean = clean
        # Checking: new articles the rules will clean once every quotation in them is known;
        # until then their quotations are anchored in the text as received.
        self.uncleaned: set[str] = set()
        # Claims whose appearances this batch wrote: their drift findings are recomputed.
        self.touched_claims: set[int] = set()
        self._new_texts: dict[str, str] = {}
        self.summary = summary or ImportSummary(file="", format="")
        self.sources: dict[str, SourceRef | ClaimsError] = {}
        self._looked_up: dict[str, Source | ClaimsError | None] = {}  # found, not yet used
        self._source_ids: list[int] = []  # taken for the chunk's new sources, last first
        self._new_source_rows: list[dict] = []  # new sources (and their names as aliases)
        self._new_alias_rows: list[dict] = []  # not inserted yet: see _insert_sources
        self.new_sources: dict[str, SourceRef] = {}
        # Source rows: stored sources the chunk's source rows name, by folded own name; the
        # batch's new source rows by id (a source row completes one in place); updates of
        # stored sources; what each source the rows touched holds (kind, country, url,
        # notes), as stored or planned; the spellings source rows added, folded, and the
        # source each names (None: several).
        self._named: dict[str, Source] = {}
        self._pending_sources: dict[int, dict] = {}
        self._source_updates: list[dict] = []
        self._source_details: dict[int, dict] = {}
        self._alias_refs: dict[str, SourceRef | None] = {}
        # Each spelling the rows named a source by, folded, and the source it named then
        # (a source row may not make it another's alias); new sources the rows named so.
        self._resolved: dict[str, SourceRef] = {}
        self._mentioned: set[int] = set()
        # Sources met whose kind is ``other``, which a publisher's or origin's role fills
        # (``source``), and those it filled.
        self._kindless: set[int] = set()
        self._kinds_given: set[int] = set()
        self._batch_kinds: list[int] = []  # given by the batch being planned
        self._updated_sources: set[int] = set()
        self.aliases: dict[int, list[str]] = {}
        self.articles: dict[str, ArticleRef] = {}
        # Articles only refused rows define, by SHA-256: the first such row's number.
        self._refused_articles: dict[str, int] = {}
        # Writing, per chunk: the stored claims its rows name, by key; the appearances stored
        # in its articles, and those its rows plan, by claim key, SHA-256 and span.
        self._found_claims: dict[str, int] = {}
        self._stored_appearances: set[tuple] = set()
        self._chunk_appearances: set[tuple] = set()
        # Claim ids by key, from the batches written so far (a claim's rows recur across
        # batches): only keys not seen yet are looked up. Bounded, for memory.
        self.claim_ids: dict[str, int] = {}
        self._batch_claim_ids: dict[str, int] = {}
        self.folded: OrderedDict[str, tuple[str, Sequence[int]]] = OrderedDict()
        self._provisional = 0
        self._batch_sources: list[str] = []
        self._batch_articles: list[str] = []
        # Writing: the batch's writes, handed to the writing thread (``take_writes``), and
        # what the batch in flight writes that the next batch's reads cannot see yet.
        self.writes: list[Write] = []
        self.writer = None  # the importer's BatchWriter, which writes them
        self._next_id: dict[str, int] = {}  # SQLite: each table's next id, counted on here
        self._first_ids: dict[str, int] = {}  # and the batch's first, checked when written
        self._batch_appearances: set[tuple] = set()
        self._recent_appearances: set[tuple] = set()
        self._recent_texts: dict[str, str] = {}
        self._spill = sqlite3.connect(spill) if spill else None
        if self._spill is not None:
            self._spill.execute("CREATE TABLE texts (sha TEXT PRIMARY KEY, text TEXT)")
            self._spill.execute(
                "CREATE TABLE rows (number INTEGER PRIMARY KEY, row BLOB, key TEXT)"
            )

    def close(self) -> None:
        if self._spill is not None:
            self._spill.commit()
            self._spill.close()

    # -- batches: what a rolled-back batch created must be forgotten --

    def keep_batch(self) -> None:
        if len(self.claim_ids) + len(self._batch_claim_ids) > CLAIM_IDS_KEPT:
            self.claim_ids.clear()
        self.claim_ids.update(self._batch_claim_ids)
        self._forget_claims()
        self._looked_up.clear()
        self._source_ids.clear()
        self._new_source_rows.clear()
        self._new_alias_rows.clear()
        self._named.clear()
        self._pending_sources.clear()
        self._source_updates.clear()
        self._batch_sources.clear()
        self._batch_articles.clear()
        self.touched_claims.clear()
        self._batch_kinds.clear()
        self._found_claims = {}
        self._stored_appearances = set()
        self._chunk_appearances = set()

    def _forget_claims(self) -> None:
        self._batch_claim_ids = {}

    def take_writes(self) -> list[Write]:
        """The batch's writes, in order, for one transaction; what they create is now
        known to the plan only, until the writing thread commits it."""
        writes, self.writes = self.writes, []
        new_names = sorted(set(self._batch_sources))
        if new_names and writes:
            writes.insert(0, partial(claim_source_names, keys=new_names))
        if self._first_ids:
            writes.insert(0, partial(ids_still_free, first_ids=dict(self._first_ids)))
            self._first_ids.clear()
        self._recent_texts = dict(self._new_texts)
        self._recent_appearances, self._batch_appearances = self._batch_appearances, set()
        return writes

    def forget_batch(self) -> None:
        self._forget_claims()
        self.writes = []
        self._first_ids.clear()
        self._batch_appearances = set()
        gone = [self.new_sources.pop(key) for key in self._batch_sources if key in self.new_sources]
        self.sources = {k: v for k, v in self.sources.items() if v not in gone}
        self._resolved = {k: v for k, v in self._resolved.items() if v not in gone}
        gone_ids = {ref.id for ref in gone}
        self._mentioned -= gone_ids
        # The kinds the batch gave were not stored: the sources that remain are still `other`.
        self._kinds_given.difference_update(self._batch_kinds)
        self._kindless.update(self._batch_kinds)
        self._kindless -= gone_ids
        self._alias_refs = {k: v for k, v in self._alias_refs.items() if v not in gone}
        self._source_details.clear()  # what the batch meant to change was not stored
        for sha in self._batch_articles:
            self.articles.pop(sha, None)
        self.keep_batch()

    # -- the rows of one chunk --

    def process(self, chunk: list[RawRow]):
        """Yield ``(raw row, problems)`` for every row of the chunk, after writing it if asked.

        The rows are resolved in file order, one after the other, as if each were a
        chunk of its own: a name means what the rows before it made it mean (a source
        row's aliases), never what a later row of the same chunk does, so the outcome
        does not depend on where the batches split the file.
        """
        planned: list[PlannedRow] = []
        results: list[tuple[RawRow, list]] = []
        for raw in chunk:
            if raw.error is not None:
                results.append((raw, [("", raw.error)]))
                continue
            row = raw.parsed
            if row is None:
                try:
                    row = parse_row(raw.values)
                except RowProblems as error:
                    results.append((raw, error.problems))
                    self._refused_definition(raw)
                    continue
            item = PlannedRow(raw, row, raw.key or claim_key(row.claim), sha=row.article)
            if row.article_text is not None:
                item.raw_text = prepare_text(row.article_text)
                item.sha = text_sha256(item.raw_text)
            planned.append(item)
        self._new_texts.clear()
        self._look_up_sources(planned)
        self._look_up_named([item.row for item in planned if item.row.source is not None])
        self._load_articles({item.sha for item in planned if item.sha})
        # The texts of the articles known before the chunk; those it defines come as defined.
        texts = self._texts({item.sha for item in planned if item.sha in self.articles})
        if self.write:
            self._look_up_present(planned)
        good: list[PlannedRow] = []
        for item in planned:
            try:
                if item.row.source is not None:
                    self._source_row(item.row)
                elif item.row.has_appearance:
                    self._article(item)
                    if item.anchor is None and item.row.quote is not None:
                        text = texts.get(item.sha)
                        self._appearance(item, self._new_texts[item.sha] if text is None else text)
                good.append(item)
            except RowProblems as error:
                results.append((item.raw, error.problems))
                if item.raw_text is not None and item.sha not in self.articles:
                    self._forget_definition(item.sha, item.raw.number)
        self._insert_articles()
        if self.write:
            claim_ids = self._claims(good)
            self._appearances(good, claim_ids)
        if not self.write:
            if self._spill is not None:
                self._spill.executemany(
                    "INSERT INTO rows VALUES (?, ?, ?)",
                    [
                        (item.raw.number, item.raw.packed or pack_row(item.row), item.key)
                        for item in good
                    ],
                )
            for item in good:
                if item.anchor is None:
                    continue
                if item.sha in self.uncleaned:
                    self.anchors.quotes.setdefault(item.sha, []).append(item.row.quote)
                else:
                    anchor = item.anchor
                    self.anchors.keep(
                        item.raw.number,
                        anchor.start,
                        anchor.end,
                        anchor.quoted,
                        item.article.ours,
                    )
        results.extend((item.raw, []) for item in good)
        results.sort(key=lambda pair: pair[0].number)
        yield from results

    # -- articles --

    def _load_articles(self, shas: set[str]) -> None:
        """Stored articles the chunk names and the plan does not know yet, in few queries."""
        wanted = sorted(sha for sha in shas if sha not in self.articles)
        publisher, origin = aliased(Source), aliased(Source)
        for start in range(0, len(wanted), IN_CHUNK):
            rows = self.session.connection().execute(
                select(
                    Article.id,
                    Article.sha256,
                    publisher.id,
                    publisher.name,
                    origin.id,
                    origin.name,
                    Article.origin_cue,
                )
                .join(publisher, publisher.id == Article.publisher_id)
                .outerjoin(origin, origin.id == Article.origin_id)
                .where(Article.sha256.in_(wanted[start : start + IN_CHUNK]))
            )
            for article_id, sha, pub_id, pub_name, org_id, org_name, cue in rows:
                self.articles[sha] = ArticleRef(
                    article_id,
                    SourceRef(pub_id, pub_name),
                    SourceRef(org_id, org_name) if org_id is not None else None,
                    cue,
                    ours=self.tally.ours("articles", article_id),
                )
                if self.write and self.tally.count_present("articles", article_id):
                    self.summary.articles_present += 1  # checking's summary is not kept

    def _article(self, item: PlannedRow) -> None:
        row = item.row
        if item.raw_text is None:
            item.article = self.articles.get(item.sha)
            if item.article is None:
                refused = self._refused_articles.get(item.sha)
                if refused is not None:
                    raise RowProblems(
                        [
                            (
                                "article",
                                f"the article with SHA-256 {item.sha} is defined on row "
                                f"{refused}, which has a problem: fix that row, and this one "
                                "imports with it",
                            )
                        ]
                    )
                raise RowProblems(
                    [
                        (
                            "article",
                            f"no article with SHA-256 {item.sha} is stored or defined on an "
                            "earlier row: give its text in article_text the first time",
                        )
                    ]
                )
            return
        if row.article is not None and row.article != item.sha:
            raise RowProblems(
                [
                    (
                        "article",
                        f"the SHA-256 of article_text is {item.sha}, not {row.article}: the "
                        "text differs from the one the reference names",
                    )
                ]
            )
        item.article = self.articles.get(item.sha)
        if item.article is not None:
            return
        item.article, text = self._new_article(row, item.raw_text, item.sha, item.raw.cleaning)
        if row.quote is not None:
            # Before the article counts as defined: a row refused defines nothing, and the
            # rows after it that name the article by its SHA-256 say which row to fix.
            self._appearance(item, text)
        self.articles[item.sha] = item.article
        self._new_texts[item.sha] = text
        self._batch_articles.append(item.sha)
        self.summary.articles_created += 1
        if self._refused_articles:
            self._refused_articles.pop(item.sha, None)
        if self._spill is not None:
            self._spill.execute("INSERT OR IGNORE INTO texts VALUES (?, ?)", (item.sha, text))

    def _refused_definition(self, raw: RawRow) -> None:
        """A row that did not parse: the article its text defines, if any, is not defined."""
        given = raw.values.get("article_text") if raw.values else None
        if isinstance(given, str) and given.strip():
            sha = text_sha256(prepare_text(given))
            if sha not in self.articles:
                self._forget_definition(sha, raw.number)

    def _forget_definition(self, sha: str, number: int) -> None:
        """Row ``number`` defined the article ``sha`` but was refused: rows naming the
        article say so, and a later row defining it again starts afresh."""
        self._refused_articles.setdefault(sha, number)
        self.uncleaned.discard(sha)
        self.folded.pop(sha, None)

    def _cleaned(
        self, row: FlatRow, raw: str, sha: str, cleaning: tuple[bool, bool] | None = None
    ) -> tuple[str, list[dict]]:
        """The text quotations anchor in, and the cuts that made it, as ``add_article``.

        ``cleaning``, checking: what the rules do to ``raw``, when a worker process
        tried them already (whether they cut anything, whether text is left).
        """
        if row.article_cuts is not None:
            try:
                cleaned = apply_cuts(raw, row.article_cuts)
            except ValueError as error:
                raise RowProblems(
                    [("article_cuts", f"the cuts do not fit the article text: {error}")]
                ) from None
        elif not self.clean:
            return raw, []
        elif sha in self.anchors.uncut:
            return raw, []
        elif not self.write:
            if cleaning is None:
                cleaned = clean_text(raw)
                cleaning = (bool(cleaned.removed), bool(cleaned.text.strip()))
            cut, left = cleaning
            if not cut:
                # The rules cut nothing, and protecting quotations only ever cuts less: the
                # text is the text as received, and what is anchored in it stays anchored.
                self.anchors.uncut.add(sha)
                return raw, []
            # Every quotation the file anchors here is protected, and this row's is one:
            # if cleaning with it alone leaves text, the real cleaning will too.
            if not left:
                quotes = [row.quote] if row.quote is not None else []
                left = clean_text(raw, keep=quote_spans(raw, quotes)).text.strip()
            if not left:
                raise RowProblems([("article_text", _NOTHING_LEFT)])
            self.uncleaned.add(sha)
            return raw, []
        else:
            cleaned = clean_text(raw)
            if cleaned.removed:  # only then can a quotation need protecting
                keep = quote_spans(raw, self.anchors.quotes.get(sha, []))
                cleaned = clean_text(raw, keep=keep)
        if not cleaned.text.strip():
            raise RowProblems([("article_cuts", _NOTHING_LEFT)])
        return cleaned.text, [cut.as_dict() for cut in cleaned.removed]

    def _new_article(
        self, row: FlatRow, raw: str, sha: str, cleaning: tuple[bool, bool] | None = None
    ) -> tuple[ArticleRef, str]:
        """The article a row defines, and the text its quotations anchor in."""
        problems = []
        publisher = origin = None
        try:
            publisher = self.source(row.article_publisher, "outlet")
        except ClaimsError as error:
            problems.append(("article_publisher", str(error)))
        if row.article_origin:
            try:
                origin = self.source(row.article_origin, "news_agency")
            except ClaimsError as error:
                problems.append(("article_origin", str(error)))
        if problems:
            raise RowProblems(problems)
        text, removed = self._cleaned(row, raw, sha, cleaning)
        if origin is not None and origin.id == publisher.id:
            # An outlet's own text has no separate origin (as add_article), and a cue
            # would then credit nothing.
            if row.article_origin_cue:
                raise RowProblems(
                    [
                        (
                            "article_origin_cue",
                            f"the origin is the publisher itself ({publisher.name}), so the "
                            "cue credits nothing: leave out article_origin and the cue",
                        )
                    ]
                )
            origin = None
            if self.write:
                self.summary.origins_dropped += 1  # said once, in the summary
        values = {
            "publisher_id": publisher.id,
            "origin_id": origin.id if origin else None,
            "origin_cue": row.article_origin_cue,
            "url": row.article_url,
            "title": row.article_title,
            "published": row.article_published,
            "language": row.article_language,
            "text": text,
            "sha256": sha,
            "raw_text": raw,
            "removed": removed,
            "extracted_from_html": row.article_from_html,
            "created_by": row.created_by or self.actor,
            "created_at": utcnow(),
        }
        return ArticleRef(None, publisher, origin, row.article_origin_cue, values, ours=True), text

    def _texts(self, shas: set[str]) -> dict[str, str]:
        """The texts the chunk's quotations are anchored in: new in this chunk, else stored.

        An article a row gives inline but the database holds already anchors in the
        stored text, cleaned as it was when stored, not in the row's text as received.
        """
        # New in this chunk, or created by the batch in flight (not in the database yet).
        texts = {
            sha: known[sha]
            for sha in shas
            for known in (self._new_texts, self._recent_texts)
            if sha in known
        }
        missing = sorted(shas - texts.keys())
        if self._spill is not None and missing:
            for start in range(0, len(missing), IN_CHUNK):
                part = missing[start : start + IN_CHUNK]
                marks = ",".join("?" * len(part))
                for sha, text in self._spill.execute(
                    f"SELECT sha, text FROM texts WHERE sha IN ({marks})", part
                ):
                    texts[sha] = text
            missing = sorted(shas - texts.keys())
        for start in range(0, len(missing), IN_CHUNK):
            for sha, text in self.session.connection().execute(
                select(Article.sha256, Article.text).where(
                    Article.sha256.in_(missing[start : start + IN_CHUNK])
                )
            ):
                texts[sha] = text
        return texts

    def _folded(self, sha: str, text: str) -> tuple[str, Sequence[int]]:
        found = self.folded.get(sha)
        if found is None:
            found = fold_with_offsets(text)
            self.folded[sha] = found
            if len(self.folded) > FOLDED_TEXTS_KEPT:
                self.folded.popitem(last=False)
        else:
            self.folded.move_to_end(sha)
        return found

    # -- appearances --

    def _look_up_present(self, items: list[PlannedRow]) -> None:
        """Writing: the claims the chunk names and the appearances stored in its articles,
        so that a row whose appearance is stored creates nothing (``_present``)."""
        self._found_claims = self._known_claims(
            list(dict.fromkeys(item.key for item in items if item.row.has_claim))
        )
        articles = (self.articles.get(item.sha) for item in items if item.row.quote is not None)
        self._stored_appearances = self._existing_appearances(
            {ref.id for ref in articles if ref is not None and ref.id is not None}
        )
        self._chunk_appearances = set()

    def _present(self, item: PlannedRow) -> bool:
        """Whether the row's appearance is stored, or planned by a row before it."""
        start, end = item.anchor.start, item.anchor.end
        claim_id, article_id = self._found_claims.get(item.key), item.article.id
        if claim_id is not None and article_id is not None:
            if (claim_id, article_id, start, end) in self._stored_appearances:
                return True
        key = (item.key, item.sha, start, end)
        if key in self._chunk_appearances:
            return True
        self._chunk_appearances.add(key)
        return False

    def _appearance(self, item: PlannedRow, text: str) -> None:
        row, article = item.row, item.article
        span = self.anchors.take(item.raw.number, article.ours) if self.write else None
        if span is not None:
            item.anchor = anchor_at(text, *span)
        else:
            try:
                item.anchor = find_quotation(
                    text, row.quote, occurrence=row.occurrence, folded=self._folded(item.sha, text)
                )
            except ClaimsError as error:
                raise RowProblems([("quote", str(error))]) from None
        if self.write and self._present(item):
            return  # left as stored, chain and all: nothing is resolved, nothing created
        stated = []
        for hop in row.chain:
            try:
                source = self.source(hop.name, "other")
            except ClaimsError as error:
                raise RowProblems([("chain", str(error))]) from None
            evidence = None
            if self.write:
                evidence = find_evidence(text, self._aliases_of(source), item.anchor.start)
            stated.append(Hop(source.id, source.name, hop.cue, "stated", evidence))
        origin = None
        if article.origin is not None:
            origin = Hop(article.origin.id, article.origin.name, article.origin_cue, "origin")
        publisher = Hop(article.publisher.id, article.publisher.name, None, "publisher")
        try:
            item.hops = compose(stated, origin=origin, publisher=publisher)
        except ClaimsError as error:
            raise RowProblems([("chain", str(error))]) from None
