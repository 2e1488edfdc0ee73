"""What an import keeps between batches and passes: the ids it took, the spans it found."""

from __future__ import annotations

from contextlib import closing

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from claims.db import open_session
from claims.import_records import Anchors, IdRanges, Tally
from claims.models import Claim
from claims.seeds import load_seeds

runs = st.lists(
    st.tuples(st.booleans(), st.integers(1, 60), st.integers(0, 8)), min_size=1, max_size=25
)


@given(runs)
def test_id_ranges_hold_what_was_added_and_not_discarded(steps):
    ranges, model = IdRanges(), set()
    for add, first, count in steps:
        ids = list(range(first, first + count))
        if add:
            ranges.add(ids)
            model.update(ids)
        else:
            ranges.discard(ids)
            model.difference_update(ids)
        assert {value for value in range(0, 80) if value in ranges} == model


def test_a_batch_taken_back_gives_up_its_ids_and_its_present_records():
    tally = Tally()
    tally.took("claims", [1, 2, 3])
    assert tally.take_batch() == [("took", "claims", [1, 2, 3])]
    tally.took("claims", [4, 5])
    assert tally.count_present("claims", 9) and not tally.count_present("claims", 9)
    assert not tally.count_present("claims", 2)  # the import's own
    tally.drop(tally.take_batch())
    assert tally.ours("claims", 3) and not tally.ours("claims", 4)
    assert tally.count_present("claims", 9)  # counted again by the batch planned anew


def test_a_span_is_given_only_for_the_text_it_was_found_in():
    anchors = Anchors()
    anchors.keep(3, 10, 20, True, True)
    anchors.keep(5, 0, 4, False, False)
    assert anchors.take(3, True) == (10, 20, True)
    assert anchors.take(5, True) is None  # found in a stored text; the import writes its own
    anchors.rewind(3)
    assert anchors.take(3, False) is None
    assert anchors.take(5, False) == (0, 4, False)


def test_every_writer_is_waited_for_and_the_first_error_raised():
    import pytest

    from claims.importer import _wait_all

    waited = []

    class Writer:
        def __init__(self, name, error=None):
            self.name, self.error = name, error

        def wait(self):
            waited.append(self.name)
            if self.error:
                raise self.error

    first, second = RuntimeError("first"), RuntimeError("second")
    with pytest.raises(RuntimeError, match="first"):
        _wait_all([Writer("a", first), Writer("b", second)])
    assert waited == ["a", "b"]


def test_reading_ahead_yields_every_pending_claim_once_in_order(db_url):
    """The drift step reads the next batch while this one is computed: all are read."""
    from claims.db import make_engine
    from claims.importer import _read_ahead
    from claims.services.drift import mark_drift_pending, pending_claims

    with open_session(db_url) as session:
        load_seeds(session, actor="tester")
        session.flush()
        mark_drift_pending(session, session.scalars(select(Claim.id)))
    engine = make_engine(db_url, immediate=False)
    try:
        with engine.connect() as connection:
            pending = pending_claims(connection)
        batches = list(_read_ahead(engine, 3))
        assert [claim for ids, _, _ in batches for claim in ids] == pending
        assert all(len(ids) <= 3 for ids, _, _ in batches) and len(batches) > 2
        for ids, appearances, hops in batches:
            assert {row[1] for row in appearances} <= set(ids)
            assert {row[0] for row in hops} <= {row[0] for row in appearances}

        # Left early (the caller failed): the read in flight ends, nothing hangs.
        with closing(_read_ahead(engine, 1)) as reading:
            assert next(reading)[0] == pending[:1]
    finally:
        engine.dispose()
