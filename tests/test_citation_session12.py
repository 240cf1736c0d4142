"""Citations in the forms a seeded fresh ABP sample missed (session 12: seed 1208, 1,300
positions of the first 20,000 less those seeds 71207 and 20261207 drew, every labelled id
skipped; see tests/eval/frame_sample.py). Sentences written for these tests in varied wording;
none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A cue that found nothing no longer hides the statement cue inside it.
        ("The ministry denied the report in a statement to Reuters on Monday.", {"reuters"}),
        # "reports from X": a noun, the outlets after it.
        (
            "The envoy ignored reports from CNN and The New York Times about the deal.",
            {"cnn", "nytimes"},
        ),
        # The outlet as the subject of more verbs.
        ("“The plan is dead,” the New York Times explained in its lead story.", {"nytimes"}),
        ("The New Yorker magazine declared on Friday: “The diner is back.”", {"the-new-yorker"}),
        ("The Associated Press has found records showing the loan was late.", {"ap"}),
        ("Then there is USA Today asking, “Is the mall over?”", {"usa-today"}),
        # A progressive "writing" after a be-verb and an adverb.
        (
            "The Washington Post was still writing about a “late surge” that week.",
            {"washington-post"},
        ),
        # Media nouns after the outlet: a forecast, a forum, a statement, its reporting.
        ("A Washington Post forecast gives the party a 90 percent chance.", {"washington-post"}),
        ("Speaking at a Politico forum, the senator said the deal was close.", {"politico"}),
        ("The aide's earlier AP statement was the firmest denial yet.", {"ap"}),
        ("The spokesman replied to CNN's reporting with a short note.", {"cnn"}),
        # A statement given to an outlet.
        ("Lawyers drafted a statement to The New York Times about the meeting.", {"nytimes"}),
        # A venue: a speaker's verb after it, or "continued on".
        ("This morning, on Meet the Press, the governor said the budget would pass.", {"nbc-news"}),
        ("“We will see,” the speaker continued on “Fox News Sunday.”", {"fox-news"}),
        # A writer's column: a date or the writer between the verb and "in".
        (
            "The army must be ready, the general wrote Feb. 4 in Foreign Policy magazine.",
            {"foreign-policy"},
        ),  # fmt: skip
        ("Faith is changing, writes Professor Jane Roe in The Huffington Post.", {"huffpost"}),
        ("The best account was the one John Doe penned for the New Republic.", {"new-republic"}),
        (
            "As Jane Roe writes in a long profile at Buzzfeed News, he is quieter now.",
            {"buzzfeed-news"},
        ),  # fmt: skip
        # Words asked for by an outlet; a clause set off after the outlet; the first to report.
        (
            "In response to questions from Reuters, the ministry said the talks were over.",
            {"reuters"},
        ),  # fmt: skip
        (
            "The New York Times, in a story published Sunday that cited two aides, said he quit.",
            {"nytimes"},
        ),
        ("Axios was the first to report the hire.", {"axios"}),
        ("The Daily Beast first noticed the deleted post.", {"daily-beast"}),
        # A dotted abbreviation opening the outlet's name.
        ("According to U.S. News, the college fell to ninth place.", {"us-news"}),
        # Source tags in brackets after the words they source.
        (
            "“We will not vote for it,” the senator said. (The Salt Lake Tribune)\nShe left.",
            {"salt-lake-tribune"},
        ),  # fmt: skip
        ("“It is too early,” she said.” (Bloomberg) Then the vote came.", {"bloomberg"}),
        (
            "The plan would cut costs by a third. [The Washington Post] That is the hope.",
            {"washington-post"},
        ),  # fmt: skip
    ],
)
def test_forms_missed_on_the_fresh_sample(text: str, outlets: set[str]) -> None:
    assert outlets <= cited_outlets(text)


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A newsletter's items, each sourced by a tag inside its stop.
        (
            "The county closed two lanes for an hour (The New York Post). Voters wanted the "
            "money spent on buses instead (The Guardian).",
            {"new-york-post", "the-guardian"},
        ),
        # A rundown of items, each led by its outlet and a colon.
        (
            "“We will win.” — Jane Roe Reuters: Stocks slide for a third day.\n"
            "The New York Times: What the slide means for you.",
            {"reuters", "nytimes"},
        ),
        (
            "Gas prices rise again - Fox News: Drivers paid more.\nA mayor resigns - Politico: "
            "The mayor quit Monday.",
            {"fox-news", "politico"},
        ),  # fmt: skip
        # More verbs, anonymity, a venue after "touted".
        (
            "The Huffington Post summed it up; The Huffington Post summarized it this way: “Wow.”",
            {"huffpost"},
        ),  # fmt: skip
        ("The town is what Radio Free Europe calls “a stronghold of the opposition.”", {"rferl"}),
        ("On Monday, CBS Chicago obtained video of the two men at the store.", {"cbs-news"}),
        (
            "An official, who spoke on condition of anonymity with The New York Times, said no.",
            {"nytimes"},
        ),
        ("The speaker touted the bill on NBC’s “Meet the Press” as a win.", {"nbc-news"}),
        # A joint poll by a hyphen; a headline from an outlet; a conjunction opening the
        # sentence before an outlet's journalist.
        ("A Reuters-Ipsos national poll showed the two tied.", {"reuters"}),
        ("The headline from The Wall Street Journal is that hiring slowed.", {"wsj"}),
        ("As the Associated Press' Jane Roe wrote: “The vote is over.”", {"ap"}),
        # Outlets added to the registry.
        ("According to Snopes, the photo was altered.", {"snopes"}),
        ("The American Spectator reported that the aide quit.", {"american-spectator"}),
        ("The pastor told CBN News that he would stay.", {"cbn-news"}),
    ],
)
def test_forms_missed_in_the_second_hundred_read(text: str, outlets: set[str]) -> None:
    assert outlets <= cited_outlets(text)


@pytest.mark.parametrize(
    "text",
    [
        # The outlet as the object of a preposition before a verb of _OTHER_VERB_WORDS.
        "A later survey of PBS’s NewsHour found its guests to be mostly men.",
        # A venue with no speech before it and no speaker's verb after it.
        "This morning, on CNN, the markets fell sharply.",
        # "writing for" stays the op-ed cue, not a progressive one reading left.
        "Fox News was the network he watched while he was writing the book.",
        # Datelines and photo credits in brackets are no source tags.
        "The opinions expressed are her own. (CNN) In 1999 the plan failed.",
        "The mayor spoke in Pablo, Mont. (AP) — The vote was close.",
        "The mayor waves to the crowd on Friday. (AP Photo/Jane Roe)\nThe vote was close.",
        # Questions from an institution; an employee of no outlet first to report.
        "He took questions from Congress for two hours.",
        "He was the first to report the leak.",
        # A question put to outlets is no item led by an outlet.
        "Question for Mediaite and the Washington Post: Was the AP wrong?\nOne: Yes.",
        # An abbreviation in brackets inside a sentence.
        "Shares of the network (ABC) that employs him fell.",
        # A hyphenated name whose head is no outlet; a title set in capitals.
        "The Clinton-Gore ticket won the state.",
        "About Our Nation’s Great Comeback Plan",
    ],
)
def test_forms_that_cite_nothing(text: str) -> None:
    assert not cited_outlets(text)
