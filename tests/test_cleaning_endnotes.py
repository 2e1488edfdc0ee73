"""The notes around a story that are not the story: contributor credits, rules and end
marks, press-release labels and boilerplate, editors' notes, live-blog entry times.

Each is told by the shape of its whole line; prose that uses the same words stays.
"""

from __future__ import annotations

import pytest

from claims.cleaning import clean_text, line_reason

NOTES = [
    ("Gazette writer Ann Lee in Leeds contributed to this report.", "contributor credit"),
    (
        "Wire Service writers Ann Lee in Leeds and Tom Hart in St. Ives contributed to this "
        "report.",
        "contributor credit",
    ),
    ("The Daily Courier's Ann Lee contributed reporting.", "contributor credit"),
    ("Ann Lee and Tom Hart contributed reporting from Leeds.", "contributor credit"),
    ("Staff writer Ann Lee contributed to this story.", "contributor credit"),
    ("___", "rule or end mark"),
    ("___.", "rule or end mark"),
    ("###", "rule or end mark"),
    ("# # #", "rule or end mark"),
    ("* * *", "rule or end mark"),
    ("-30-", "rule or end mark"),
    ("-ENDS-", "rule or end mark"),
    ("FOR IMMEDIATE RELEASE", "press release"),
    ("For Immediate Release: June 3, 2025", "press release"),
    ("EMBARGOED UNTIL 00:01 GMT, 4 June 2025", "press release"),
    ("Media contact: Press Office, +44 20 7946 0000", "press release"),
    ("Contact: Office of Public Affairs, (555) 010-0199", "press release"),
    ("Email: press@example.org", "press release"),
    # a contact's lines under "Media Contact:", and the boilerplate's heading
    ("press@example.org", "press release"),
    ("(555) 010-0199", "press release"),
    ("+44 20 7946 0958", "press release"),
    ("About GreenGrid Energy", "press release"),
    ("For more information, visit www.example.org.", "press release"),
    ("For more information on the grants, please call (555) 010-0199.", "press release"),
    (
        "The Department of Housing is an equal opportunity provider, employer and lender.",
        "press release",
    ),
    ("ACME is an equal opportunity employer.", "press release"),
    ("(Translated and adapted from the Spanish by our Madrid desk.)", "editor's note"),
    ("[Edited for length and clarity.]", "editor's note"),
    ("Translated from the German by Ann Lee.", "editor's note"),
    ("This interview has been edited for length and clarity.", "editor's note"),
    ("08:45", "byline or timestamp"),
    ("9:05 p.m.", "byline or timestamp"),
    ("14:02 BST", "byline or timestamp"),
    ("Updated 8.45am GMT", "byline or timestamp"),
    ("3 hours ago", "byline or timestamp"),
    ("21:30 CET", "byline or timestamp"),
    ("8.45am", "byline or timestamp"),
    ("8.45 GMT", "byline or timestamp"),
    ("---", "rule or end mark"),
    ("For more information, visit www.rd.usda.gov.", "press release"),
    ("For more information, visit the department's website.", "press release"),
    ("For more information, contact the Press Office at (555) 010-0199.", "press release"),
    ("To learn more, click here.", "press release"),
    ("Contact: Jane Doe, press secretary, jane.doe@example.org", "press release"),
    ("Contact: Press Office, 1400 Main St., Springfield, IL 62701", "press release"),
    ("(Translated from the French by Ann Lee.)", "editor's note"),
    ("(Adapted and translated by our Paris desk.)", "editor's note"),
    ("(This story has been edited for length.)", "editor's note"),
    ("(Translated from the French by Ann Lee, Paris.)", "editor's note"),
]

# Prose with the same words: kept whatever the rules.
PROSE = [
    "About 300 people were killed in the fighting.",
    "Call 555-123-4567 for tickets.",
    "2025-2026",
    "08:45 The fire service said the blaze was under control.",
    "08:45 Rescuers have reached the village, the governor said.",
    "Thousands of volunteers contributed to the relief fund, the charity said.",
    "Ann Lee, who contributed to this report's findings, resigned on Monday.",
    "The company says it is an equal opportunity employer.",
    "Unions said the firm was not an equal opportunity employer.",
    "Translated into 40 languages, the memoir sold two million copies.",
    "The minister's speech, translated from the French by aides, was shorter.",
    "Contact with the rebels was lost on Tuesday, the army said.",
    "For more information, the agency said, people should call the hotline.",
    "The press release said the plant would close in May.",
    "At 08:45 the first train left the station.",
    "(The council said the report was edited by lawyers before it was published.)",
    "The interview was edited by the broadcaster, the minister complained.",
    "For weeks, officials called for calm.",
    # figures alone on their line, as extracted tables give them, are no clock times
    "99.99",
    "24.99",
    "12.50",
    "9.11",
    "12.50 EUR",
    "24:00",
    # "for more information" sends the reader to an address or a name, not into a clause
    "To learn more, see the table below: inflation rose to 9.1 percent in June.",
    "For more details, see how prices rose 9 percent last year in the chart below.",
    "For more information, call the hotline: 40 people have.",
    "For more information, contact the ministry, which never replied.",
    # a bracketed sentence is no editor's note
    "(Edited by the government before release, the report omitted the figures.)",
    "(Translated by officials, the letter was never sent.)",
    # a contact line names whom to call; a sentence about contact is prose
    "Contact: the ministry never replied to repeated requests for comment.",
    "Contact: Officials never replied.",
    # a lone character is no rule
    "+",
    ".",
    "=",
    "--",
]


@pytest.mark.parametrize(("line", "reason"), NOTES)
def test_a_note_around_the_story_is_cut_with_its_reason(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", PROSE)
def test_prose_with_the_same_words_stays(line):
    assert line_reason(line) is None
    assert clean_text(f"Intro.\n\n{line}\n").removed == []


def test_a_wire_story_loses_its_rule_and_contributor_credit():
    raw = (
        "LEEDS (AP) — The city council approved a new tram line on Tuesday.\n\n"
        '"It will open in 2028," the mayor said.\n\n'
        "___\n\n"
        "Associated Press writer Ann Lee in York contributed to this report.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "LEEDS (AP) — The city council approved a new tram line on Tuesday.\n\n"
        '"It will open in 2028," the mayor said.'
    )
    assert [(cut.reason, cut.text) for cut in cleaned.removed] == [
        ("rule or end mark", "___"),
        (
            "contributor credit",
            "Associated Press writer Ann Lee in York contributed to this report.",
        ),
    ]


def test_a_press_release_keeps_only_its_news():
    raw = (
        "FOR IMMEDIATE RELEASE\n"
        "June 3, 2025\n\n"
        "Contact: Press Office, (555) 010-0199\n\n"
        "AGENCY ANNOUNCES GRANTS FOR RURAL CLINICS\n\n"
        "The agency today announced $40 million in grants for 120 rural clinics.\n\n"
        "For more information, visit www.example.gov.\n\n"
        "The agency is an equal opportunity provider, employer, and lender.\n\n"
        "###\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "AGENCY ANNOUNCES GRANTS FOR RURAL CLINICS\n\n"
        "The agency today announced $40 million in grants for 120 rural clinics."
    )
    assert [cut.reason for cut in cleaned.removed] == [
        "press release",
        "byline or timestamp",
        "press release",
        "press release",
        "press release",
        "rule or end mark",
    ]


def test_a_live_blog_loses_its_entry_times_not_its_entries():
    raw = (
        "08:45\n"
        "The death toll has risen to 14, the disaster agency said.\n\n"
        "08:32 The interior minister said all teams were in the field.\n"
    )
    cleaned = clean_text(raw)
    assert [cut.text for cut in cleaned.removed] == ["08:45"]
    assert cleaned.text == (
        "The death toll has risen to 14, the disaster agency said.\n\n"
        "08:32 The interior minister said all teams were in the field."
    )
