"""``claims review`` from the command line: the queue when its answers are piped in, and
batch decisions that name a claim twice or the wrong next step."""

from __future__ import annotations

import json

import pytest

CLAIMS = ("The bridge opens in May.", "Gas prices rose in Austria.")


@pytest.fixture
def in_review(cli):
    """Claims #1 and #2, both in review."""
    for text in CLAIMS:
        assert cli("claim", "add", text).exit_code == 0
    result = cli("review", "submit", "1", "2")
    assert result.exit_code == 0, result.output
    return cli


def shown(cli, claim_id: int) -> dict:
    result = cli("claim", "show", str(claim_id), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- the queue, answers piped in -----------------------------------------------------------


def test_the_queue_is_in_order_of_submission_whatever_was_edited_since(in_review):
    """Fixing a claim's verdict while it waits does not send it to the back of the queue."""
    assert in_review("claim", "add", "Bread costs more in Vienna.").exit_code == 0
    assert in_review("review", "submit", "3").exit_code == 0
    assert in_review("claim", "edit", "1", "--verdict", "mostly false").exit_code == 0
    assert shown(in_review, 1)["status"] == "in_review"
    result = in_review("review", input="s\ns\ns\n")
    assert result.exit_code == 0, result.output
    order = [result.output.index(text) for text in (*CLAIMS, "Bread costs more in Vienna.")]
    assert order == sorted(order), result.output


def test_input_ending_at_the_note_saves_the_decision_without_a_note(in_review):
    assert in_review("review", "approve", "2").exit_code == 0  # one claim left in review
    result = in_review("review", input="a\n")
    assert result.exit_code == 0, result.output
    assert "Aborted" not in result.output
    claim = shown(in_review, 1)
    assert claim["status"] == "approved"
    assert claim["reviews"][-1]["note"] is None


def test_input_ending_at_a_claim_stops_with_a_summary(in_review):
    result = in_review("review", input="a\n")
    # Ended as `q` would end it, as `claims suggest --review`: exit 1 would say nothing changed.
    assert result.exit_code == 0, result.output
    assert "Aborted" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == "Review stopped: no more input; 1 decided, 1 left in review."
    assert [shown(in_review, n)["status"] for n in (1, 2)] == ["approved", "in_review"]


def test_a_decision_is_told_in_the_past_tense(in_review):
    result = in_review("review", input="r\nno source\na\n\n")
    assert result.exit_code == 0, result.output
    assert "Claim #1: rejected." in result.stderr
    assert "Claim #2: approved." in result.stderr


def test_the_questions_leave_stdout_empty(in_review):
    """stdout is data: not a space of the prompts, nor the echoed answers, reaches it."""
    result = in_review("review", input="s\nr\n\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "[a]pprove" in result.stderr


# --- batch decisions -----------------------------------------------------------------------


def test_an_id_given_twice_is_decided_once(cli):
    assert cli("claim", "add", CLAIMS[0]).exit_code == 0
    result = cli("review", "submit", "1", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["1\tin_review"]
    assert [r["decision"] for r in shown(cli, 1)["reviews"]] == ["submitted"]


def test_submitting_a_claim_in_review_points_to_the_decision(failing, in_review):
    message = failing("review", "submit", "1", match="Claim #1 is in_review; cannot submit")
    assert "claims review approve 1" in message
    assert "reopen" not in message and "edit" not in message


def test_approving_an_approved_claim_says_it_is_done(failing, in_review):
    assert in_review("review", "approve", "1").exit_code == 0
    failing("review", "approve", "1", match="approved already")
