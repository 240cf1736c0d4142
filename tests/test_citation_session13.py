"""Citations in the forms a seeded fresh ABP sample missed (session 13: seed 1309, 1,300
positions of the first 20,000 less those seeds 1208, 31208, 71207, 20261207, 20261208,
20261209 and 121207 drew, every labelled id skipped; the first two thirds read). Sentences
written for these tests in varied wording; none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # More verbs of an outlet as the subject.
        ("[The Hill details why the talks stalled again.]", {"the-hill"}),
        ("The Telegraph explored the question at length: “Who gains?”", {"telegraph"}),
        ("WSJ opines: “The rule will not survive a court.”", {"wsj"}),
        (
            "This is how The Washington Post recapped the night: “A long wait.”",
            {"washington-post"},
        ),  # fmt: skip
        ("The NYT conceded in a later story that the memo was real.", {"nytimes"}),
        ("The fact-checking site Politifact rated the claim “mostly false.”", {"politifact"}),
        ("Hankyoreh newspaper also voiced doubt: “Nothing has changed.”", {"hankyoreh"}),
        # "wrote at the time" is the outlet's verb, not a column "at" a venue.
        ("The New York Times wrote at the time: “The mood was grim.”", {"nytimes"}),
        # An aside between the outlet and its verb: a capitalised word after "a", a
        # connective, a dash pair, "which", an adverb in -ly.
        (
            "On Friday, Sabah, a Turkish daily close to the government, published new images.",
            {"sabah"},
        ),  # fmt: skip
        ("Bloomberg Politics, for example, found that most voters agreed.", {"bloomberg"}),
        (
            "Late on Monday, CNN – a network the aide often attacks – published a story on it.",
            {"cnn"},
        ),  # fmt: skip
        (
            "The fair was covered by Cleveland.com, which quotes an organizer at length.",
            {"plain-dealer"},
        ),  # fmt: skip
        (
            "But the Washington Post only briefly described the dinner, saying it was short.",
            {"washington-post"},
        ),  # fmt: skip
        # A participle set off after a noun is no credit line.
        ("The letter, first published by Fox News, asks for more money.", {"fox-news"}),
        # "tell" before a registered outlet.
        ("Aides who saw the plan tell The New York Times that it is late.", {"nytimes"}),
        # A capitalised owner before a descriptor and the outlet's name.
        (
            "The ship was found, according to Indonesia's national news agency Antara.",
            {"antara"},
        ),  # fmt: skip
        # Verbs of print and publication before "in" and "by".
        ("The scheme detailed in The Guardian broke the law, the suit says.", {"the-guardian"}),
        ("The clip, dug up by CBS News, shows him at a rally.", {"cbs-news"}),
        (
            "The minister spoke in a statement delivered by the Korean Central News Agency.",
            {"kcna"},
        ),  # fmt: skip
        ("A poll conducted for The Miami Herald found the race tied.", {"miami-herald"}),
        ("A report emerged on Friday from NBC that the phones had been tapped.", {"nbc-news"}),
        # Venues: "during" before a show or an event, a town hall, a pronoun and a verb
        # after "on X", a comment made on a show.
        (
            "Asked on Sunday during CBS’ “Face the Nation” about the vote, she said no.",
            {"cbs-news"},
        ),  # fmt: skip
        ("He said during an MSNBC town hall that the plan would pass.", {"msnbc"}),
        ("Last week on MSNBC he said he was “not sure” about the bill.", {"msnbc"}),
        ("He made the comment on NBC’s Meet the Press that the bill was dead.", {"nbc-news"}),
        # A journalist named by "<Name> of <outlet>" who speaks.
        (
            "Jane Roe of the Washington Post praised the speech, calling it “brave.”",
            {"washington-post"},
        ),  # fmt: skip
        ("Added Mr. Doe of Mother Jones: “We still cannot predict it.”", {"mother-jones"}),
        # Outlets added to the registry.
        ("The student was sent home, according to the Harvard Crimson.", {"harvard-crimson"}),
        ("As ZDNet points out, the app had been flagged before.", {"zdnet"}),
        (
            "The MIT Technology Review recently published a long essay on it.",
            {"mit-technology-review"},
        ),  # fmt: skip
        ("Writing at the New York Review of Books, Jane Roe argues the case.", {"nybooks"}),
        ("“The book is a risk,” John Doe writes at Standpoint.", {"standpoint"}),
        (
            "NK News, an outlet that follows the North, also published a report on it.",
            {"nk-news"},
        ),  # fmt: skip
        ("Daily NK had claimed that the leader was ill.", {"daily-nk"}),
        ("“It is over,” Jane Roe writes at PJMedia.", {"pj-media"}),
        ("As KQED reports, the wells ran dry.", {"kqed"}),
        ("The mayor told the Press Herald that the road would close.", {"portland-press-herald"}),
        ("The records were reviewed by NJ.com on Friday.", {"star-ledger"}),
        # "Life magazine" is the American weekly, not the Russian site Life.ru.
        ("In 1960 he told Life magazine that he would stay.", {"life-magazine"}),
    ],
)
def test_forms_missed_on_the_fresh_sample(text: str, outlets: set[str]) -> None:
    assert outlets <= cited_outlets(text)


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A quotation signed by its speaker, the venue after the name.
        ("“We will wait and see.” – Sen. Jane Roe, R-Ohio, on ABC’s “This Week.”", {"abc-news"}),
        # One "Outlet: “Quotation" item is enough.
        ("The New York Times: “The two men no longer speak.”", {"nytimes"}),
        # Leaks to outlets; findings from an outlet's index; an investigation by an outlet.
        ("His leaks to The Guardian changed the debate.", {"the-guardian"}),
        ("Most say so, according to recent findings from the Axios/Ipsos index.", {"axios"}),
        ("Months of investigation by The New York Times found the gap.", {"nytimes"}),
        # "Op-Ed" as a masthead prints it; "exposed" as an outlet's verb.
        ("The author of a New York Times Op-Ed should resign, he said.", {"nytimes"}),
        ("That was after the New York Times publicly exposed the server.", {"nytimes"}),
        # An editor-in-chief who speaks; a joint poll whose head has two words.
        ("Politico Magazine editor-in-chief Jane Roe wrote a piece on her doubts.", {"politico"}),
        ("A Washington Post-Kaiser poll shows most teenagers agree.", {"washington-post"}),
    ],
)
def test_forms_of_the_second_round(text: str, outlets: set[str]) -> None:
    assert outlets <= cited_outlets(text)


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # Read on a further 695 positions of the same seed's draw.
        ("The Herald outlined the gap, saying it was “hard to know.”", {"the-herald-scotland"}),
        ("In an exclusive interview on Sunday with The Associated Press, she said no.", {"ap"}),
        ("He took aim at the critics during NBC's “Meet the Press” and left.", {"nbc-news"}),
        ("Politico, the Capitol Hill daily, reported that the bill was dead.", {"politico"}),
        ("He denied the reports during the CNN event on Monday.", {"cnn"}),
        ("A passage was published last week in Vanity Fair.", {"vanity-fair"}),
        ("A column published on Slate.com urged him to act.", {"slate"}),
        (
            "“We are open to it,” the senator said at a Christian Science Monitor breakfast.",
            {"christian-science-monitor"},
        ),  # fmt: skip
        ("Fox News suggested that the aide was unfit.", {"fox-news"}),
        ("In the latest poll from CNN, she is down to 5 percent.", {"cnn"}),
        ("Forbes pegs his fortune at $2 billion.", {"forbes"}),
        ("Jane Roe's piece at Forbes is worth a read.", {"forbes"}),
        ("The suit, first spotted by Ars Technica, is one of many.", {"ars-technica"}),
        ("John Doe of the Huffington Post calmly explains that it was expected.", {"huffpost"}),
        ("Officials confirmed with the Associated Press that one man was held.", {"ap"}),
        ("CNN analyst John Doe proclaimed that the file “rings true.”", {"cnn"}),
        ("In a long piece in today’s New York Times, Jane Roe makes the case.", {"nytimes"}),
        ("“They should be ashamed,” the former governor exclaimed on MSNBC.", {"msnbc"}),
        ("The talks had failed, AP news reported.", {"ap"}),
        ("She wrote in a text on Oct. 4 to NBC News: “It is wrong.”", {"nbc-news"}),
        ("“He never asked,” the aide said in a later text to NBC News.", {"nbc-news"}),
        ("“It is voluntary,” he wrote, in his op-ed to the Wall Street Journal.", {"wsj"}),
        ("She did not repeat it when asked by The New York Times to respond.", {"nytimes"}),
        (
            "When first confronted by The New York Times about the meeting, he denied it.",
            {"nytimes"},
        ),  # fmt: skip
        ("McClatchy recently polled voters under the age of 30.", {"mcclatchy"}),
        ("The Oregonian recalled the visit in a long story.", {"oregonian"}),
        ("He famously commented on MSNBC in April that he would vote.", {"msnbc"}),
        (
            "According to an account in the pro-government daily Yeni Şafak, they waited.",
            {"yeni-safak"},
        ),  # fmt: skip
        ("On Thursday a Reuters witness said the team had left.", {"reuters"}),
        (
            "“It went well,” the aide was quoted as saying in the Washington Post.",
            {"washington-post"},
        ),  # fmt: skip
        ("The analyst who leaked them to The Intercept was arrested.", {"the-intercept"}),
        ("On CNN on May 9, the counselor said the firing “had zero to do” with it.", {"cnn"}),
        ("On NBC News on Monday, the contestant said he had been rude.", {"nbc-news"}),
        ("“It is symbolic,” read one commentary in Xinhua on Friday.", {"xinhua"}),
        ("CNN has since reported a similar account.", {"cnn"}),
        (
            "He explained the problem in a new documentary by FiveThirtyEight: it was late.",
            {"fivethirtyeight"},
        ),  # fmt: skip
        ("Reports of the inquiry first appeared in the New York Times on Friday.", {"nytimes"}),
        # "reported on" stays the outlet's verb ("on" is read after verbs of print only).
        (
            "Shortly after the New York Times reported on the server, she asked for more.",
            {"nytimes"},
        ),  # fmt: skip
    ],
)
def test_forms_of_the_extension(text: str, outlets: set[str]) -> None:
    assert outlets <= cited_outlets(text)


@pytest.mark.parametrize(
    "text",
    [
        # Journalists named as objects, not speakers.
        "The group praised Jane Roe of CBS, John Doe of NBC and Ann Poe of Fox News for their work.",
        # A credit line of contributors.
        "John Doe of Reuters contributed reporting.",
        # "The <Word> of <outlet>" is no journalist; an outlet's name before "of" is no person.
        "The Day of the Sun was a holiday.",
        "Do not use Washington Post of BuzzFeed titles.",
        # "during" a tenure is a time, not a venue.
        "The memo said it was the first complaint against him during his NBC career.",
        # A capitalised owner before a descriptor and a weekday.
        "He gave an interview to Iowa's largest newspaper Tuesday.",
        # An adverb in -ly between an unregistered name and a media noun.
        "And the Fake News Left Media then falsely report it.",
        # "tell" before an institution; "covered by" insurance.
        "They should tell the Senate what they know.",
        "The loss was covered by Lloyd's of London, he said.",
        # A venue after "a" is named whole: "Cree Nation" is no "Nation".
        "She was shot on a Saddle Lake Cree Nation reserve in 2006, he says.",
        # "reported on" a subject and "appeared on the Hill" (Capitol Hill) name no masthead.
        "Shortly after the Times of nowhere reported on Clinton's email, she asked for more.",
        "The senator appeared on the Hill for the vote.",
        # An analyst of an unregistered name (glued page text).
        "Jane RoeFox News legal analyst said it was over.",
        # "Related:" lines link other stories (LABELLING.md leaves them out).
        "The vote is set.\nRelated: Talks in doubt - AP: “Officials say the deal is off.”",
        "The vote is set.\nRelated: The senator in her own words: The CNN interview",
        # A place opening the sentence; "read the full story in X" (a credit line).
        "In Washington, officials said the talks were over.",
        "Read the full story in The Guardian.",
        "This column originally appeared in the Louisville Courier-Journal.",
        # A town hall where nobody speaks in the sentence is no venue.
        "The networks hailed the Fox News town hall audience that cheered the plan.",
        # An interview with a former host: a person, not the venue.
        "In an interview on Tuesday with former Fox News host John Doe, he denied it.",
        # A story that first appeared elsewhere: a credit line (credits.py).
        "This article was first published by The Conversation.",
    ],
)
def test_forms_that_cite_nothing(text: str) -> None:
    assert not cited_outlets(text)
