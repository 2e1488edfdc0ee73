"""Interview transcripts: a speaker label ("DAHL:") speaks its paragraph, under the full
name the introduction gave; the interviewer's questions are nobody's claim. Made-up text."""

from __future__ import annotations

from claims.sentences import speaker_labels
from tests.suggest_data import proposals_for

INTERVIEW = (
    "The harbour master, Ola B. Vik-Strand, spoke to us about the new quay.\n\n"
    "Q: The quay has cost twice the budget. Who is to blame?\n\n"
    "VIK-STRAND: The contractor underestimated the rock. We will recover the overrun "
    "from the insurers.\n\n"
    "Q: Ferry operators said the work had cost them passengers. Is that fair?\n\n"
    "VIK-STRAND: I think it is an exaggeration. Traffic fell by two per cent at most.\n"
)


def _proposals(db_url, text):
    return proposals_for(db_url, text)


def test_labels_of_an_interview():
    labels = speaker_labels(INTERVIEW)
    assert [(label.name, label.kind) for label in labels] == [
        ("Q", "question"),
        ("VIK-STRAND", "speaker"),
        ("Q", "question"),
        ("VIK-STRAND", "speaker"),
    ]


def test_a_dateline_or_a_page_label_is_not_a_speaker():
    text = (
        "NEW DELHI: The minister said the talks would resume next week in the capital.\n\n"
        "UPDATE: The talks were postponed.\n\nUPDATE: They resumed on Friday.\n"
    )
    assert speaker_labels(text) == []


def test_a_name_labelling_two_paragraphs_is_a_speaker_and_an_asker_the_interviewer():
    text = (
        "HOST: What brought you here tonight?\n\nLENA ORTIZ: The storm, mostly.\n\n"
        "HOST: And will you stay?\n\nLENA ORTIZ: Until the roads are open again.\n"
    )
    kinds = {(label.name, label.kind) for label in speaker_labels(text)}
    assert kinds == {("HOST", "question"), ("LENA ORTIZ", "speaker")}


def test_a_labelled_answer_is_the_speaker_s_under_the_full_name(db_url):
    proposals = _proposals(db_url, INTERVIEW)
    said = {p.claim_text: p for p in proposals}
    answer = said["The contractor underestimated the rock."]
    assert [(h["name"], h["cue"]) for h in answer.hops] == [("Ola B. Vik-Strand", ":")]
    assert answer.rule == "speaker label"
    assert INTERVIEW[answer.quote[0] : answer.quote[1]] == "The contractor underestimated the rock"
    assert [h["name"] for h in said["Traffic fell by two per cent at most."].hops] == [
        "Ola B. Vik-Strand"
    ]
    assert not any("VIK-STRAND" in p.claim_text for p in proposals)


def test_a_question_is_not_a_claim_but_whom_it_quotes_still_said_it(db_url):
    proposals = _proposals(db_url, INTERVIEW)
    texts = {p.claim_text for p in proposals}
    assert not any("quay has cost" in t for t in texts)
    quoted = [p for p in proposals if "cost them passengers" in p.claim_text]
    assert [[h["name"] for h in p.hops] for p in quoted] == [["Ferry operators"]]


def test_i_in_an_answer_is_the_speaker_by_their_own_cue(db_url):
    text = INTERVIEW + (
        "\nQ: Did anyone warn you?\n\n"
        "VIK-STRAND: I said last year that the rock would be hard to blast.\n"
    )
    proposals = _proposals(db_url, text)
    (mine,) = [p for p in proposals if p.claim_text == "The rock would be hard to blast."]
    assert [(h["name"], h["cue"]) for h in mine.hops] == [("Ola B. Vik-Strand", "said")]


def test_a_transcript_quoted_whole_is_labelled_and_its_open_paragraphs_go_on(db_url):
    """A page quoting a transcript opens every paragraph with a quotation mark and closes
    only the last: the labels still label, and a paragraph between two labelled ones, the
    quotation still open, is the speaker's before it. What follows the last label is not."""
    text = (
        "The mayor, Rosa Delgado-Quint, spoke to KVRN on Sunday. Partial transcript:\n\n"
        '"HOST: Will the bridge reopen before winter?\n\n'
        '"DELGADO-QUINT: The engineers have signed off on the repairs. Traffic returns in '
        "October.\n\n"
        '"The tolls will stay where they are until the spring.\n\n'
        '"HOST: And the ferry?\n\n'
        '"DELGADO-QUINT: The ferry keeps running until the bridge opens.\n\n'
        '"The station has more interviews on its website."\n'
    )
    labels = speaker_labels(text)
    assert [(label.name, label.kind, label.paragraph) for label in labels] == [
        ("HOST", "question", 1),
        ("DELGADO-QUINT", "speaker", 2),
        ("DELGADO-QUINT", "speaker", 3),
        ("HOST", "question", 4),
        ("DELGADO-QUINT", "speaker", 5),
    ]
    said = {p.claim_text: [h["name"] for h in p.hops] for p in _proposals(db_url, text)}
    assert said["The engineers have signed off on the repairs."] == ["Rosa Delgado-Quint"]
    assert said["The tolls will stay where they are until the spring."] == ["Rosa Delgado-Quint"]
    assert said["The ferry keeps running until the bridge opens."] == ["Rosa Delgado-Quint"]
    assert said["The station has more interviews on its website."] == []
    assert not any(claim.startswith(("Will the bridge", "And the ferry")) for claim in said)
