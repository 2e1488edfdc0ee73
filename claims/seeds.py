"""The seed data set: the two articles the project was built from and their curated claims.

``seeds/claims.json`` is data a person curates by hand, so the loader reads
the whole file and checks every key, source name and quotation before it
writes anything: a typo gets one message naming the file and the spot, not a
half-loaded database. Writing then goes through the services, like any other
change, so the seeds are validated and audited the same way; and it is
idempotent, so ``claims seed`` can be run again on a database that already
holds the seeds, or part of them, and adds only what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.anchoring import count_occurrences, find_quotation
from claims.chains import StatedHop, parse_chain
from claims.errors import AlreadyExists, ClaimsError, InputFileError, InvalidInput
from claims.files import read_text_file
from claims.models import Appearance, Article, Claim, Source, SourceAlias
from claims.services import review
from claims.services.appearances import add_appearance
from claims.services.articles import add_article, find_article_by_text, parse_date, prepare_text
from claims.services.claims import add_claim, check_status, find_claim_by_text
from claims.services.sources import (
    add_aliases,
    add_source,
    check_country,
    check_kind,
    find_source_by_name,
    lock_source_names,
)
from claims.text import claim_key, fold_name

SEEDS_FILE = "claims.json"
_PACKAGE_DIR = Path(__file__).resolve().parent
# Review actions that take a new draft to the status the seeds file asks for.
_STATUS_PATH = {
    "draft": (),
    "in_review": ("submit",),
    "approved": ("submit", "approve"),
    "rejected": ("submit", "reject"),
}


def find_seeds_dir() -> Path:
    """The seeds folder: the repository's in a checkout, the packaged copy in a wheel.

    Same search as ``migrations.script_location()``, so a checkout always
    loads the seeds being edited rather than a stale packaged copy.
    """
    for candidate in (_PACKAGE_DIR.parent / "seeds", _PACKAGE_DIR / "_seeds"):
        if (candidate / SEEDS_FILE).is_file():
            return candidate
    raise InputFileError(
        f"The seed data ({SEEDS_FILE}) is missing from this installation: looked in "
        f"{_PACKAGE_DIR.parent / 'seeds'} and {_PACKAGE_DIR / '_seeds'}; reinstall claims."
    )


def __getattr__(name: str) -> Any:
    # SEEDS_DIR is looked up on access (PEP 562) so that importing this module
    # never fails: only asking for the seeds in an installation without them does.
    if name == "SEEDS_DIR":
        return find_seeds_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class SeedSummary:
    """What a load created and what it found already there; all zeros created on a reload."""

    sources_created: int = 0
    sources_present: int = 0
    aliases_created: int = 0
    aliases_present: int = 0
    articles_created: int = 0
    articles_present: int = 0
    claims_created: int = 0
    claims_present: int = 0
    appearances_created: int = 0
    appearances_present: int = 0

    @property
    def created(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self) if f.name.endswith("_created"))

    def __str__(self) -> str:
        kinds = ("sources", "aliases", "articles", "claims", "appearances")
        created = ", ".join(f"{getattr(self, k + '_created')} {k}" for k in kinds)
        present = ", ".join(f"{getattr(self, k + '_present')} {k}" for k in kinds)
        return f"created {created}; already present {present}"


# The parsed file. Everything is checked while parsing, before the database is touched.


@dataclass(frozen=True)
class _SourceSpec:
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None
    url: str | None
    notes: str | None


@dataclass(frozen=True)
class _ArticleSpec:
    file: str
    text: str
    outlet: str
    origin: str | None
    origin_cue: str | None
    published: dt.date | None
    title: str | None
    url: str | None
    language: str | None


@dataclass(frozen=True)
class _AppearanceSpec:
    article: str
    quote: str
    chain: tuple[StatedHop, ...]
    occurrence: int


@dataclass(frozen=True)
class _ClaimSpec:
    text: str
    verdict: str | None
    notes: str | None
    status: str
    appearances: tuple[_AppearanceSpec, ...]


@dataclass(frozen=True)
class _Seeds:
    sources: tuple[_SourceSpec, ...]
    articles: tuple[_ArticleSpec, ...]
    claims: tuple[_ClaimSpec, ...]


def load_seeds(session: Session, *, actor: str, seeds_dir: Path | None = None) -> SeedSummary:
    """Load the seed sources, articles, claims and appearances; skip whatever is there already.

    Existing rows are never changed (a source's kind, a claim's verdict or
    status may have been edited since): only missing aliases, articles,
    claims and appearances are added. The whole load runs in a savepoint, so
    a failure half-way leaves the caller's transaction as it was; committing
    is the caller's.

    Two loads at once (PostgreSQL) take turns: the second waits for the first to commit,
    then finds its records present. Each source's name is locked before it is looked up,
    as ``get_or_create_source`` does, so one someone adds meanwhile is found, not refused.
    """
    directory = Path(seeds_dir) if seeds_dir is not None else find_seeds_dir()
    seeds = read_seeds(directory)
    where = directory / SEEDS_FILE
    summary = SeedSummary()
    _take_turns(session)
    with session.begin_nested():
        for spec in seeds.sources:
            _load_source(session, spec, actor=actor, summary=summary, where=where)
        quoted: dict[str, list[str]] = {}
        for claim in seeds.claims:
            for appearance in claim.appearances:
                quoted.setdefault(appearance.article, []).append(appearance.quote)
        articles = {
            spec.file: _load_article(
                session,
                spec,
                actor=actor,
                summary=summary,
                where=where,
                keep_quotes=quoted.get(spec.file, []),
            )
            for spec in seeds.articles
        }
        for number, spec in enumerate(seeds.claims, start=1):
            _load_claim(
                session, spec, articles, actor=actor, summary=summary, where=where, number=number
            )
    return summary


# The first number of the advisory lock a seed load holds on PostgreSQL; the second is the
# schema's.
_SEED_LOCK = 0x636C7364


def _take_turns(session: Session) -> None:
    """Wait, until this transaction ends, for any other seed load of the schema to finish.

    Each load looks for what is there and then adds the rest: two at once would both find a
    record missing and both add it, and the second would be refused ("exists already").
    Taken before anything is read, so what is read afterwards is what the other committed.
    SQLite lets one writer in at a time already.
    """
    if session.get_bind().dialect.name == "postgresql":
        schema = func.coalesce(func.current_schema(), "")
        session.execute(select(func.pg_advisory_xact_lock(_SEED_LOCK, func.hashtext(schema))))


def read_seeds(directory: Path) -> _Seeds:
    """Read and check ``claims.json`` and the article files it names, writing nothing."""
    path = Path(directory) / SEEDS_FILE
    if not path.is_file():
        raise InputFileError(f"No {SEEDS_FILE} in {directory}: it is the seed data set to load.")
    raw = read_text_file(path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    top = _Fields(path, "the file", data)
    top.check_keys(required=("sources", "articles", "claims"))
    sources = tuple(
        _parse_source(_Fields(path, f"source {n}", item))
        for n, item in enumerate(top.items("sources"), start=1)
    )
    known = _check_source_names(path, sources)
    articles = tuple(
        _parse_article(_Fields(path, f"article {n}", item), directory, known)
        for n, item in enumerate(top.items("articles"), start=1)
    )
    texts: dict[str, str] = {}
    for spec in articles:
        if spec.file in texts:
            raise InvalidInput(f"{path}: article file {spec.file!r} is listed twice.")
        texts[spec.file] = spec.text
    claims: list[_ClaimSpec] = []
    keys: dict[str, int] = {}
    for n, item in enumerate(top.items("claims"), start=1):
        spec = _parse_claim(_Fields(path, f"claim {n}", item), texts, known)
        key = claim_key(spec.text)
        if key in keys:
            raise InvalidInput(f"{path}: claim {n} repeats claim {keys[key]} ({spec.text!r}).")
        keys[key] = n
        claims.append(spec)
    return _Seeds(sources, articles, tuple(claims))


class _Fields:
    """One JSON object of the seeds file, with messages that say which one and what is wrong."""

    def __init__(self, path: Path, what: str, value: Any):
        self.path = path
        self.what = what
        if not isinstance(value, dict):
            self.fail(f"must be a JSON object, not {type(value).__name__}")
        self.value: dict[str, Any] = value

    def fail(self, problem: str) -> NoReturn:
        raise InvalidInput(f"{self.path}: {self.what} {problem}.")

    def check_keys(self, *, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        # Unknown keys are refused so that a misspelt "ocurrence" cannot be silently
        # ignored; keys starting with "_" are comments.
        for key in required:
            if key not in self.value:
                self.fail(f"has no {key!r}")
        allowed = set(required) | set(optional)
        unknown = sorted(k for k in self.value if k not in allowed and not k.startswith("_"))
        if unknown:
            self.fail(
                f"has unknown key(s) {', '.join(map(repr, unknown))}: "
                f"use {', '.join(map(repr, sorted(allowed)))} (or start a comment key with _)"
            )

    def text(self, key: str) -> str:
        value = self.value.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"needs {key!r} as a non-empty string")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.value.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(f"has {key!r} that is not a string")
        return value.strip() or None

    def items(self, key: str) -> list[Any]:
        value = self.value.get(key, [])
        if not isinstance(value, list):
            self.fail(f"needs {key!r} as a list")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(f"needs {key!r} as a list of non-empty strings")
        return tuple(values)

    def checked(self, check, value):
        """Run a services check (kind, status, date) and put the file and spot in its message."""
        try:
            return check(value)
        except InvalidInput as error:
            self.fail(f"is wrong: {error}")


def _parse_source(item: _Fields) -> _SourceSpec:
    item.check_keys(required=("name",), optional=("kind", "aliases", "country", "url", "notes"))
    country = item.checked(check_country, item.optional_text("country"))
    return _SourceSpec(
        name=item.text("name").strip(),
        kind=item.checked(check_kind, item.optional_text("kind") or "other"),
        aliases=item.strings("aliases"),
        country=country,
        url=item.optional_text("url"),
        notes=item.optional_text("notes"),
    )


def _check_source_names(path: Path, sources: tuple[_SourceSpec, ...]) -> dict[str, str]:
    """Every spelling the file declares, folded, mapped to its source's name.

    A spelling given to two sources is refused here, where the message can
    name both, rather than by the services half-way through the load.
    """
    known: dict[str, str] = {}
    for spec in sources:
        for spelling in (spec.name, *spec.aliases):
            key = fold_name(spelling)
            if not key:
                raise InvalidInput(f"{path}: source {spec.name!r} has an empty alias.")
            owner = known.setdefault(key, spec.name)
            if owner != spec.name:
                raise InvalidInput(
                    f"{path}: {spelling!r} names both {owner!r} and {spec.name!r}; "
                    "a spelling can name only one source."
                )
    return known


def _require_source(item: _Fields, role: str, name: str, known: dict[str, str]) -> None:
    if fold_name(name) not in known:
        item.fail(f'has {role} {name!r}, which is not among the "sources": add it there')


def _parse_article(item: _Fields, directory: Path, known: dict[str, str]) -> _ArticleSpec:
    item.check_keys(
        required=("file", "outlet"),
        optional=("origin", "origin_cue", "published", "title", "url", "language"),
    )
    file = item.text("file").strip()
    if Path(file).name != file:
        item.fail(f"has file {file!r}: give a file name in {directory}, not a path")
    try:
        text = prepare_text(read_text_file(Path(directory) / file))
    except InputFileError as error:
        item.fail(f"cannot be read: {error}")
    outlet = item.text("outlet")
    _require_source(item, "outlet", outlet, known)
    origin = item.optional_text("origin")
    if origin is not None:
        _require_source(item, "origin", origin, known)
    return _ArticleSpec(
        file=file,
        text=text,
        outlet=outlet,
        origin=origin,
        origin_cue=item.optional_text("origin_cue"),
        published=item.checked(parse_date, item.optional_text("published")),
        title=item.optional_text("title"),
        url=item.optional_text("url"),
        language=item.optional_text("language"),
    )


def _parse_claim(item: _Fields, texts: dict[str, str], known: dict[str, str]) -> _ClaimSpec:
    item.check_keys(required=("text", "appearances"), optional=("verdict", "notes", "status"))
    text = item.text("text")
    item.what = f"{item.what} ({_short(text)})"
    appearances = tuple(
        _parse_appearance(_Fields(item.path, f"{item.what}, appearance {n},", value), texts, known)
        for n, value in enumerate(item.items("appearances"), start=1)
    )
    return _ClaimSpec(
        text=text,
        verdict=item.optional_text("verdict"),
        notes=item.optional_text("notes"),
        status=item.checked(check_status, item.optional_text("status") or "draft"),
        appearances=appearances,
    )


def _parse_appearance(
    item: _Fields, texts: dict[str, str], known: dict[str, str]
) -> _AppearanceSpec:
    item.check_keys(required=("article", "quote"), optional=("chain", "occurrence"))
    article = item.text("article").strip()
    if article not in texts:
        item.fail(
            f'names article {article!r}, which is not among the "articles" '
            f"({', '.join(sorted(texts))})"
        )
    occurrence = item.value.get("occurrence")
    if occurrence is not None and (
        isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1
    ):
        item.fail("has an 'occurrence' that is not a whole number from 1")
    quote = item.text("quote")
    text = texts[article]
    found = count_occurrences(text, quote)
    if found > 1 and occurrence is None:
        # Curated data must say which passage it means; the first is only a guess.
        item.fail(
            f"has a quote that occurs {found} times in {article}: add 'occurrence' (1-{found})"
        )
    try:
        find_quotation(text, quote, occurrence=occurrence or 1)
    except ClaimsError as error:
        item.fail(f"has a quote not found in {article}: {error}")
    chain = tuple(item.checked(parse_chain, item.optional_text("chain")))
    for hop in chain:
        _require_source(item, "a chain naming", hop.name, known)
    return _AppearanceSpec(article, quote, chain, occurrence or 1)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 3] + "...")


# Writing, through the services.


def _load_source(
    session: Session, spec: _SourceSpec, *, actor: str, summary: SeedSummary, where: Path
) -> Source:
    # Matched by name only: an alias such as "Wang" may already name another
    # person, who must not be adopted as Wang Xiaohong.
    lock_source_names(session, [spec.name])
    source = find_source_by_name(session, spec.name) or _renamed_source(session, spec.name)
    if source is not None:
        summary.sources_present += 1
    else:
        source = _in_context(
            where,
            f"source {spec.name!r}",
            add_source,
            session,
            name=spec.name,
            kind=spec.kind,
            country=spec.country,
            url=spec.url,
            notes=spec.notes,
            actor=actor,
        )
        summary.sources_created += 1
    # Spellings that fold like the source's name, or like another alias given, are one
    # spelling: counted once, and not as an alias when they are the name itself.
    wanted = {fold_name(alias) for alias in spec.aliases} - {fold_name(spec.name)}
    had = {alias.key for alias in source.aliases}
    added = _in_context(
        where, f"source {spec.name!r}", add_aliases, session, source, spec.aliases, actor=actor
    )
    summary.aliases_created += len(added)
    summary.aliases_present += len(wanted & had)
    return source


def _renamed_source(session: Session, name: str) -> Source | None:
    """The one source that keeps ``name`` as an alias: a seed source renamed since it was loaded
    (``claims source edit Xinhua --name "Xinhua News Agency"`` keeps "Xinhua" as an alias)."""
    key = fold_name(name)
    found = {
        source.id: source
        for source in session.scalars(
            select(Source).join(SourceAlias).where(SourceAlias.key == key)
        )
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _load_article(
    session: Session,
    spec: _ArticleSpec,
    *,
    actor: str,
    summary: SeedSummary,
    where: Path,
    keep_quotes: list[str],
) -> Article:
    """Store a seed article, cleaned; a curated quotation wins over a debris rule."""
    existing = find_article_by_text(session, spec.text)
    if existing is not None:
        summary.articles_present += 1
        return existing
    summary.articles_created += 1
    return _in_context(
        where,
        f"article {spec.file}",
        add_article,
        session,
        text=spec.text,
        outlet=spec.outlet,
        origin=spec.origin,
        origin_cue=spec.origin_cue,
        published=spec.published,
        title=spec.title,
        url=spec.url,
        language=spec.language,
        keep_quotes=keep_quotes,
        actor=actor,
    )


def _load_claim(
    session: Session,
    spec: _ClaimSpec,
    articles: dict[str, Article],
    *,
    actor: str,
    summary: SeedSummary,
    where: Path,
    number: int,
) -> Claim:
    what = f"claim {number} ({_short(spec.text)})"
    claim = find_claim_by_text(session, spec.text)
    if claim is not None:
        summary.claims_present += 1
    else:
        claim = _in_context(
            where,
            what,
            add_claim,
            session,
            text=spec.text,
            verdict=spec.verdict,
            notes=spec.notes,
            actor=actor,
        )
        summary.claims_created += 1
        # Only a claim created now is moved on: an existing one's status is the reviewers'.
        for action in _STATUS_PATH[spec.status]:
            _in_context(
                where,
                what,
                review.decide,
                session,
                claim.id,
                action,
                actor=actor,
                note="status given in the seed data",
            )
    for appearance in spec.appearances:
        article = articles[appearance.article]
        if _carried_already(session, claim, article, appearance):
            summary.appearances_present += 1
            continue
        try:
            add_appearance(
                session,
                claim_id=claim.id,
                article_id=article.id,
                quote=appearance.quote,
                chain=list(appearance.chain),
                occurrence=appearance.occurrence,
                actor=actor,
            )
        except AlreadyExists:
            # The service found it recorded already, before writing anything.
            summary.appearances_present += 1
            continue
        except ClaimsError as error:
            raise InvalidInput(
                f"{where}: {what}, appearance in {appearance.article}: {error}"
            ) from error
        summary.appearances_created += 1
    return claim


def _carried_already(
    session: Session, claim: Claim, article: Article, spec: _AppearanceSpec
) -> bool:
    """Whether the claim is recorded in the article already on a passage overlapping the seed's
    quotation: the same appearance entered by hand with a shorter or longer quote."""
    if claim.id is None or article.id is None:
        return False
    try:
        anchor = find_quotation(article.text, spec.quote, occurrence=spec.occurrence)
    except ClaimsError:
        return False  # add_appearance says what is wrong
    found = session.scalar(
        select(Appearance.id).where(
            Appearance.claim_id == claim.id,
            Appearance.article_id == article.id,
            Appearance.quote_start < anchor.end,
            Appearance.quote_end > anchor.start,
        )
    )
    return found is not None


def _in_context(where: Path, what: str, service, *args, **kwargs):
    """Call a service; a refusal names the seeds file and the entry that caused it."""
    try:
        return service(*args, **kwargs)
    except ClaimsError as error:
        raise InvalidInput(f"{where}: {what}: {error}") from error
