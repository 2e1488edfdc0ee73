"""``claims claim ...`` and ``claims review ...`` with bad input: one line, exit 1, no change."""

from __future__ import annotations

import json

import pytest

BRIDGE = "Jane Doe said \u201cthe bridge will open in May\u201d."


@pytest.fixture
def claim(cli):
    """Claim #1, a draft."""
    result = cli("claim", "add", BRIDGE)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1"
    return 1


def review(cli, action: str, *ids: int) -> None:
    result = cli("review", action, *map(str, ids))
    assert result.exit_code == 0, result.output


# --- claim add -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_add_empty_claim(failing, text):
    failing("claim", "add", text, match="claim text is empty")


@pytest.mark.parametrize(
    "text",
    [
        BRIDGE,
        "jane doe said \u201cTHE BRIDGE will open in may\u201d",
        "Jane  Doe   said\n\u201cthe bridge will open in May\u201d.",
        'Jane Doe said "the bridge will open in May".',
        "Jane Doe said \u00abthe bridge will open in May\u00bb .",
    ],
    ids=["identical", "case", "spacing", "straight-quotes", "guillemets"],
)
def test_add_duplicate_claim(failing, claim, text):
    failing("claim", "add", text, match="exists already as #1")


def test_add_duplicate_with_other_apostrophe(cli, failing):
    result = cli("claim", "add", "The minister\u2019s bridge opens in May")
    assert result.exit_code == 0, result.output
    failing("claim", "add", "the minister's bridge opens in May.", match="exists already as #1")


# --- claim show / edit / delete / list -----------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "show", "99"],
        ["claim", "edit", "99", "--text", "Something else"],
        ["claim", "delete", "99", "--yes"],
        ["claim", "delete", "99"],
    ],
    ids=["show", "edit", "delete-yes", "delete"],
)
def test_unknown_claim(failing, claim, command):
    message = failing(*command, match="No claim with id 99")
    assert "claims claim list" in message


def test_edit_with_nothing_to_change(failing, claim):
    message = failing("claim", "edit", "1", match="Nothing to change")
    assert "--text" in message


@pytest.mark.parametrize("text", ["", "  "])
def test_edit_to_empty_text(failing, claim, text):
    failing("claim", "edit", "1", "--text", text, match="claim text is empty")


def test_edit_into_a_duplicate_of_another_claim(cli, failing, claim):
    result = cli("claim", "add", "Exports rose five percent last year.")
    assert result.exit_code == 0, result.output
    failing(
        "claim",
        "edit",
        "2",
        "--text",
        'jane doe said "the bridge will open in may"',
        match="exists already as #1",
    )


def test_delete_declined_changes_nothing(cli, snapshot, claim):
    before = snapshot()
    result = cli("claim", "delete", "1", input="n\n")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert snapshot() == before


@pytest.mark.parametrize("status", ["bogus", "reviewed", "approve"])
def test_list_with_bad_status(cli, snapshot, claim, status):
    """A value outside an option's choices is a usage error (exit 2)."""
    from tests.test_cli_truth import usage_error

    message = usage_error(
        cli, snapshot, "claim", "list", "--status", status, match=f"Unknown status '{status}'"
    )
    assert "in_review" in message


def test_a_text_starting_with_a_dash_is_told_to_go_after_the_double_dash(cli, snapshot):
    """'-5% growth' reads as the option -5: the error says how to give it as text."""
    from tests.test_cli_truth import usage_error

    usage_error(
        cli, snapshot, "claim", "add", "-5% growth happened.",
        match="No such option: -5. If -5 starts the TEXT rather than an option, give the TEXT "
        "after -- (any option before it): claims claim add -- '-5…'",
    )  # fmt: skip
    result = cli("claim", "add", "--verdict", "false", "--", "-5% growth happened.")
    assert result.exit_code == 0, result.output
    assert cli("claim", "show", result.stdout.strip(), "-f", "json").stdout.count("-5% growth")


def test_a_mistyped_long_option_is_not_taken_for_text(cli, snapshot):
    from tests.test_cli_truth import usage_error

    message = usage_error(cli, snapshot, "claim", "add", "--verdic", "x", "y", match="--verdic")
    assert "give the TEXT after --" not in message


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_search_with_no_hits_says_so_on_stderr(cli, claim, fmt):
    result = cli("claim", "list", "--search", "xyz", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert "xyz" not in result.stdout  # stdout is the (empty) data: a header, or []
    assert result.stderr == "No claims match --search xyz.\n"
    words = cli("claim", "list", "--search", "no such words", "--status", "draft")
    assert words.stderr == "No claims match --status draft --search 'no such words'.\n"


def test_list_by_unknown_outlet(cli, failing, claim):
    result = cli("source", "add", "Daily Planet", "--kind", "outlet")
    assert result.exit_code == 0, result.output
    message = failing("claim", "list", "--outlet", "Daily Plant", match="Unknown source")
    assert "'Daily Planet'" in message


# --- review --------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_decide_on_a_draft(failing, claim, action):
    message = failing("review", action, "1", match=f"cannot {action}")
    assert "draft" in message
    assert "claims review submit 1" in message


def test_submit_an_approved_claim(cli, failing, claim):
    review(cli, "submit", 1)
    review(cli, "approve", 1)
    message = failing("review", "submit", "1", match="Claim #1 is approved; cannot submit")
    assert "claims review reopen 1" in message


def test_submit_twice(cli, failing, claim):
    review(cli, "submit", 1)
    failing("review", "submit", "1", match="is in_review; cannot submit")


def test_approve_a_rejected_claim(cli, failing, claim):
    review(cli, "submit", 1)
    review(cli, "reject", 1, "--note", "no source")
    failing("review", "approve", "1", match="is rejected; cannot approve")


def test_reopen_a_draft(failing, claim):
    failing("review", "reopen", "1", match="draft already")


@pytest.mark.parametrize("action", ["submit", "approve", "reject", "reopen"])
def test_decide_on_unknown_claim(failing, claim, action):
    failing("review", action, "999", match="No claim with id 999")


def test_batch_with_one_unknown_id_changes_nothing(cli, failing, claim):
    review(cli, "submit", 1)
    failing("review", "approve", "1", "999", match="No claim with id 999")
    result = cli("claim", "list", "--status", "in_review", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [claim["id"] for claim in json.loads(result.stdout)] == [1]


def test_batch_with_one_invalid_transition_changes_nothing(cli, failing, claim):
    result = cli("claim", "add", "Exports rose five percent last year.")
    assert result.exit_code == 0, result.output
    review(cli, "submit", 1)
    failing("review", "approve", "1", "2", match="Claim #2 is draft; cannot approve")


def test_batch_that_fails_does_not_report_a_decision_it_rolled_back(cli, claim):
    review(cli, "submit", 1)
    result = cli("review", "approve", "1", "999")
    assert result.exit_code == 1, result.output
    assert "approved" not in result.stdout


def test_queue_with_nothing_to_review(cli, claim):
    result = cli("review")
    assert result.exit_code == 0, result.output
    assert "Nothing to review" in result.stderr


# --- values the database cannot hold --------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "add", "Exports rose.", "--verdict", "v" * 201],
        ["claim", "edit", "1", "--verdict", "v" * 201],
    ],
    ids=["add-verdict", "edit-verdict"],
)
def test_values_longer_than_their_column(failing, claim, command):
    """SQLite would store them and PostgreSQL raise mid-transaction: both refuse them alike."""
    failing(*command, match="at most 200")


def test_actor_name_longer_than_its_column(cli, snapshot, claim):
    before = snapshot()
    result = cli("claim", "add", "Exports rose.", user="u" * 201)
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert message.startswith("Error: "), repr(result.exception)
    assert len(message.splitlines()) == 1, message
    assert "at most 200" in message
    assert snapshot() == before
