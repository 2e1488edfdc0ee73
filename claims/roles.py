"""A read-only PostgreSQL role for analysts: read every table and view, write nothing.

The role is a privilege set, not a person: by default it cannot log in, and each
analyst's own login is made a member (``GRANT claims_reader TO alice``), so access
is revoked per person and the audit trail keeps real names. ``login=True`` makes
it a login role with a password, for teams that prefer one shared account.

What it gets, in the schema the claims tables live in (the URL's ``search_path``):
USAGE on the schema, SELECT on every table and view, default privileges so tables
and views that later migrations create are readable too, and
``default_transaction_read_only``. Write privileges granted earlier are revoked.
Running it again brings an existing role back to exactly this; it is idempotent.
An existing role that can log in and was not made here (a person's login) is refused
unless ``login=True``: making it NOLOGIN would lock that person out.

The role's name is taken exactly as given, capitals included, so SQL must double-quote
a name with capitals (or one that is a keyword): ``GrantSummary.sql_name`` is the name as
a statement must write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.errors import DatabaseError, InvalidInput

_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
_WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
# The comment on every role this module made, so that running it again may turn a
# --login role it made back into NOLOGIN, while any other login role is refused.
_MARK = "claims read-only role (claims db grant-readonly)"


@dataclass
class GrantSummary:
    role: str
    schema: str
    created: bool
    login: bool
    relations: int
    # The role's name as SQL must write it: quoted when it has capitals or is a keyword,
    # since the role is created with exactly the name given.
    sql_name: str = ""

    def __str__(self) -> str:
        made = "created" if self.created else "updated"
        how = "can log in" if self.login else "cannot log in (grant it to analysts' logins)"
        return (
            f"Role {self.role} {made}: reads {self.relations} tables and views in schema "
            f"{self.schema}, and those created later; writes nothing; {how}."
        )


def grant_readonly_role(
    url: str, role: str, *, login: bool = False, password: str | None = None
) -> GrantSummary:
    """Open the claims database at ``url`` and create or update the role in one transaction."""
    from sqlalchemy import exc

    from claims.db import check_sqlite_file, describe_operational_error, make_engine

    role = check_role_name(role)
    if not url.startswith("postgresql"):
        raise DatabaseError(
            "grant-readonly is for PostgreSQL: SQLite has no roles. Analysts read a SQLite "
            "file read-only with `claims sql`, `claims.connect()` or `claims browse`."
        )
    check_sqlite_file(url)
    engine = make_engine(url)
    try:
        from claims.migrations import ensure_current, schema_out_of_reach

        out_of_reach = schema_out_of_reach(engine)
        if out_of_reach is not None and not out_of_reach.missing:
            raise DatabaseError(_needs_the_owner(role, out_of_reach.problem))
        try:
            ensure_current(engine)
        except exc.DBAPIError as error:
            # The version table the check reads is the owner's: a login that may not read it
            # may not grant on it either.
            if getattr(error.orig, "sqlstate", None) != "42501":
                raise
            raise DatabaseError(_needs_the_owner(role, _first_line(error.orig))) from None
        with engine.begin() as connection:
            return grant_readonly(connection, role, login=login, password=password)
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None
    finally:
        engine.dispose()


def _needs_the_owner(role: str, why: str) -> str:
    return (
        f"Cannot set up role {role} ({why}): run it as the schema's owner (the user who ran "
        "`claims init`), with CREATEROLE. Nothing was changed."
    )


def check_role_name(role: str) -> str:
    role = (role or "").strip()
    if not _ROLE_NAME.match(role):
        raise InvalidInput(
            f"{role!r} is not a usable role name: letters, digits and _ only, starting with a "
            "letter or _, at most 63 characters."
        )
    return role


def grant_readonly(
    connection, role: str, *, login: bool = False, password: str | None = None
) -> GrantSummary:
    """Create or update ``role`` on the connection's database; the caller commits.

    ``connection`` is a SQLAlchemy connection in a transaction: on PostgreSQL, role
    and grant changes are transactional, so a failure half-way leaves nothing behind.
    """
    import psycopg
    from psycopg import sql
    from sqlalchemy import text

    role = check_role_name(role)
    if password is not None and not login:
        raise InvalidInput("A password only makes sense with --login.")
    if password is not None and not password.strip():
        # PostgreSQL takes an empty password as none at all: the role could log in wherever
        # the server trusts, and nowhere it asks for a password.
        raise InvalidInput(
            "The password is empty: give one, or leave out --password (and unset "
            "CLAIMS_ROLE_PASSWORD) to be asked for it."
        )
    schema = connection.execute(text("SELECT current_schema()")).scalar()
    if schema is None:
        raise DatabaseError("The connection has no current schema: check the URL's search_path.")
    existing = connection.execute(
        text("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).first()
    if existing is not None and existing.rolsuper:
        raise InvalidInput(
            f"Role {role} is a superuser, which can always write: choose another name."
        )
    if existing is not None and role == connection.execute(text("SELECT current_user")).scalar():
        raise InvalidInput(f"Role {role} is the one you are connected as: choose another name.")
    if (
        existing is not None
        and existing.rolcanlogin
        and not login
        and not _is_ours(connection, role)
    ):
        # Most likely an analyst's own login: making it NOLOGIN would lock them out.
        raise InvalidInput(
            f"Role {role} can log in (a person's login?): grant-readonly would make it NOLOGIN. "
            f"Make a separate read-only role and grant it to {role}: `claims db grant-readonly "
            f"claims_reader`, then GRANT claims_reader TO {sql_name(connection, role)}; or add "
            f"--login to keep {role} "
            "a login role and make it read-only. Nothing was changed."
        )

    raw = connection.connection.driver_connection  # same connection, same transaction

    def run(statement: sql.Composable) -> None:
        with raw.cursor() as cursor:
            try:
                cursor.execute(statement)
            except psycopg.errors.InsufficientPrivilege as error:
                raise DatabaseError(_needs_the_owner(role, _first_line(error))) from None
            except psycopg.Error as error:
                raise DatabaseError(
                    f"Cannot set up role {role} ({_first_line(error)}). Nothing was changed."
                ) from None

    who, where = sql.Identifier(role), sql.Identifier(schema)
    login_clause = sql.SQL("LOGIN") if login else sql.SQL("NOLOGIN")
    attributes = sql.SQL(" ").join(
        [login_clause, sql.SQL("NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS")]
    )
    if existing is None:
        run(sql.SQL("CREATE ROLE {} {}").format(who, attributes))
    else:
        run(sql.SQL("ALTER ROLE {} {}").format(who, attributes))
    if password is not None:
        run(sql.SQL("ALTER ROLE {} PASSWORD {}").format(who, sql.Literal(password)))
    database, may_connect = connection.execute(
        text(
            "SELECT current_database(), "
            "has_database_privilege(:role, current_database(), 'CONNECT')"
        ),
        {"role": role},
    ).one()
    if not may_connect:  # usually granted to PUBLIC; granting it needs the database's owner
        run(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), who))
    run(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(where, who))
    run(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM {}").format(where, who))
    writes = sql.SQL(", ").join(sql.SQL(w) for w in _WRITES)
    run(sql.SQL("REVOKE {} ON ALL TABLES IN SCHEMA {} FROM {}").format(writes, where, who))
    run(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(where, who))
    run(sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}").format(where, who))
    # Tables and views a later migration creates (as the user running this) are readable too.
    run(
        sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT ON TABLES TO {}").format(
            where, who
        )
    )
    run(
        sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} REVOKE {} ON TABLES FROM {}").format(
            where, writes, who
        )
    )
    run(sql.SQL("ALTER ROLE {} SET default_transaction_read_only = on").format(who))
    run(sql.SQL("COMMENT ON ROLE {} IS {}").format(who, sql.Literal(_MARK)))
    relations = _check_readonly(connection, role, schema)
    return GrantSummary(
        role=role,
        schema=schema,
        created=existing is None,
        login=login,
        relations=relations,
        sql_name=sql_name(connection, role),
    )


def sql_name(connection, name: str) -> str:
    """``name`` as a SQL statement must write it (the server's ``quote_ident``): as it is
    when it is lower case and no keyword, else in double quotes."""
    from sqlalchemy import text

    return connection.execute(text("SELECT quote_ident(:name)"), {"name": name}).scalar()


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# What lets a role write to the schema's tables, views and sequences, table-wide or to some
# columns only (GRANT UPDATE (status) ON claims), or run a function as its owner: a SECURITY
# DEFINER function writes with its owner's rights (trigger functions cannot be called).
_WRITES_TO = """
    ARRAY(
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = {schema}
          AND (
            (c.relkind IN ('r', 'v', 'm', 'p', 'f')
             AND (has_table_privilege({who}, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
                  OR has_any_column_privilege({who}, c.oid, 'INSERT, UPDATE')))
            OR (c.relkind = 'S' AND has_sequence_privilege({who}, c.oid, 'USAGE, UPDATE'))
          )
        UNION ALL
        SELECT p.oid::regprocedure::text FROM pg_proc p
        WHERE p.pronamespace = {schema} AND p.prosecdef
          AND p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype)
          AND p.proowner <> {who} AND has_function_privilege({who}, p.oid, 'EXECUTE')
        ORDER BY 1
    )
"""
# Predefined roles whose members write outside any grant on the tables.
_SERVER_WRITERS = {
    "pg_execute_server_program": "may run programs on the server (COPY ... TO PROGRAM)",
    "pg_write_server_files": "may write files on the server (COPY ... TO a file)",
}


def _check_readonly(connection, role: str, schema: str) -> int:
    """Verify what the grants mean, memberships included; refuse a role that can still write.

    A role that is a member of a role that may write keeps those rights whatever is granted
    to it directly, and so does a role that owns tables: say so rather than promise
    read-only. Memberships come first, so that the refusal names the role that may write.
    """
    from sqlalchemy import text

    _check_memberships(connection, role, schema)
    rows = connection.execute(
        text(
            """
            SELECT c.relname, has_table_privilege(:role, c.oid, 'SELECT') AS can_read
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = :schema AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
            ORDER BY c.relname
            """
        ),
        {"role": role, "schema": schema},
    ).all()
    writable = connection.execute(
        text(
            "SELECT "
            + _WRITES_TO.format(schema="n.oid", who="r.oid")
            + "FROM pg_namespace n, pg_roles r WHERE n.nspname = :schema AND r.rolname = :role"
        ),
        {"role": role, "schema": schema},
    ).scalar()
    if writable:
        raise DatabaseError(
            f"Role {role} could still write to or through {', '.join(writable[:5])} (it owns "
            "them, the right is granted to PUBLIC, or a function runs as its owner): choose "
            "another name or revoke that right. Nothing was changed."
        )
    unreadable = [row.relname for row in rows if not row.can_read]
    if unreadable:
        raise DatabaseError(
            f"Could not give {role} reading rights on {', '.join(unreadable[:5])}: connect as "
            "the owner of the claims tables (the user who ran `claims init`). Nothing was changed."
        )
    return len(rows)


def _is_ours(connection, role: str) -> bool:
    """Whether ``role`` carries the comment grant-readonly puts on the roles it makes."""
    from sqlalchemy import text

    comment = connection.execute(
        text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :role"),
        {"role": role},
    ).scalar()
    return comment == _MARK


def _check_memberships(connection, role: str, schema: str) -> None:
    """Refuse a role that is a member, directly or not, of a role that may write.

    ``has_table_privilege`` only counts roles whose rights are inherited: a member of a
    role it does not inherit from (NOINHERIT) still gets its rights with SET ROLE. So
    every role it belongs to is checked for itself: writing to the claims tables (or some
    of their columns) or sequences, running a function as its owner, creating in the
    schema, writing files or running programs on the server, creating roles (which may
    grant themselves any of that), or being a superuser.
    """
    from sqlalchemy import text

    rows = connection.execute(
        text(
            """
            WITH target AS (
                SELECT n.oid AS schema_oid,
                       EXISTS (SELECT 1 FROM aclexplode(coalesce(n.nspacl, acldefault('n',
                                   n.nspowner))) a
                               WHERE a.grantee = 0 AND a.privilege_type = 'CREATE')
                           AS public_creates
                FROM pg_namespace n WHERE n.nspname = :schema
            )
            SELECT m.rolname,
                   quote_ident(m.rolname) AS sql_name,
                   m.rolsuper,
                   m.rolcreaterole,
            """
            + _WRITES_TO.format(schema="t.schema_oid", who="m.oid")
            + """ AS writable,
                   has_schema_privilege(m.oid, t.schema_oid, 'CREATE') AND NOT t.public_creates
                       AS creates
            FROM pg_roles m CROSS JOIN target t
            WHERE m.rolname <> :role AND pg_has_role(:role, m.oid, 'MEMBER')
            ORDER BY m.rolname
            """
        ),
        {"role": role, "schema": schema},
    ).all()
    for row in rows:
        if row.rolsuper:
            what = "is a superuser"
        elif row.rolname in _SERVER_WRITERS:
            what = _SERVER_WRITERS[row.rolname]
        elif row.writable:
            what = f"may write to {', '.join(row.writable[:5])}"
        elif row.creates:
            what = f"may create tables in schema {schema}"
        elif row.rolcreaterole:
            what = "may create roles (CREATEROLE) and grant itself the right to write"
        else:
            continue
        raise DatabaseError(
            f"Role {role} is a member of {row.rolname}, which {what}: {role} can become it "
            f"with SET ROLE {row.sql_name} and write. Revoke that membership (REVOKE "
            f"{row.sql_name} FROM {sql_name(connection, role)}) or choose another name. "
            "Nothing was changed."
        )
