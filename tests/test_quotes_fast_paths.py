"""The quotes stage's shortcuts decide exactly what the patterns behind them decide.

Each shortcut rules a pattern out before it is tried (a short match, a look at a few
characters); a shortcut that said "no" where the pattern matches would lose a speaker. They are
checked at every position of texts written for the edge cases (blanks, line breaks, dashes,
particles, curly quotes, non-ASCII letters that match ASCII ones case-insensitively).
"""

from __future__ import annotations

import random

from provenance.attribution.speakers import People
from provenance.quotes import extract
from provenance.text import sentence_spans, sentence_starts

TEXTS = [
    "“We won,” Jennifer Rubin, Washington Post\n“Go,”\t — William Booth\n”\n– Catherine Booth",
    "“Yes,” he said. “No”, said al-Najjar. “Fine” bin Salman. ” ibn Saud ” el-Sisi ” Él dijo",
    "It was described by former US President Barack Obama as “bad”, said \t by  Sen. Tom Price.",
    "hailed by\tPresident Donald Trump — “x” by   the minister; bystander said by",
    "the film “Up”, a song called “Hey”, the documentary ,  “Z” known  as “Q” the ﬁlm “A”",
    "the ſong “B” the boo\u212a “C” so-called “D” entitled\n“E” the Documentary, “F” titled",
]


def test_signature_start_rules_out_only_non_signatures() -> None:
    tried = found = 0
    for text in TEXTS:
        for pos in range(len(text) + 1):
            signature = extract._SIGNATURE_RE.match(text, pos)
            if signature is not None:
                found += 1
                assert extract._SIGNATURE_START_RE.match(text, pos), (text, pos)
            tried += extract._SIGNATURE_START_RE.match(text, pos) is None
    assert found and tried  # both ways taken: the texts have signatures and non-starts


def test_passive_agent_shortcut_matches_the_pattern() -> None:
    found = 0
    for text in TEXTS:
        for end in range(len(text) + 1):
            want = extract._PASSIVE_AGENT_RE.match(text, end)
            got = extract._passive_agent(text, end)
            assert (got and got.span("spk")) == (want and want.span("spk")), (text, end)
            found += want is not None
    assert found >= 3


def test_title_cue_gate_never_hides_a_cue() -> None:
    for text in TEXTS:
        for end in range(len(text) + 1):
            for start in (max(0, end - 40), 0):
                if extract._TITLE_CUE_RE.search(text, start, end):
                    assert extract._may_end_in_title_cue(text[start:end]), (text, start, end)
    # (the gate does rule out: an ASCII end without a cue word, behind a curly quote)
    assert not extract._may_end_in_title_cue("“Yes,” he said ")
    assert extract._may_end_in_title_cue("“Yes,” the boo\u212a ")  # Kelvin sign: "book"


def test_attributions_of_one_paragraph_and_of_a_range() -> None:
    text = 'Lavrov said: "A." Peskov told reporters "B."\nShe added "C," said Zakharova.'
    masked = extract._mask(text, list(extract.QUOTE_RE.finditer(text)))
    paragraphs = extract.Paragraphs(masked)
    attributions = extract._Attributions(masked, People(masked, paragraphs), paragraphs)
    first, first_ends = attributions.of(0, 0)
    both, both_ends = attributions.of(0, 1)
    second, _ = attributions.of(1, 1)
    assert [a["speaker"] for a in first] == ["Lavrov", "Peskov"]
    assert both == first + second and both_ends == [int(a["end"]) for a in both]
    assert first_ends == sorted(first_ends) and both_ends == sorted(both_ends)


def test_name_verb_matches_are_the_finditer_ones() -> None:
    """The name-and-verb pattern tried only where a match may start gives finditer's matches."""
    rng = random.Random(7)
    tokens = ["He", "he", "she", "She's", "Mr.", "Sen.", "John", "Smith", "al-Assad", "bin",
              "Laden", "criticized", "said", "wrote", "has", "also", "—", ",", "who", "Roe",
              "(R-Va.)", "himself", "the", "a", "éclat", "Öz", "put", "hoped", "x", "Él"]  # fmt: skip
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 14)))
        for lo in (0, rng.randint(0, len(text))):
            end = len(text)
            want = [
                (m.span(), m.groupdict())
                for m in extract._NAME_VERB_BEFORE_RE.finditer(text, lo, end)
            ]
            got = [(m.span(), m.groupdict()) for m in extract._name_verb_matches(text, lo, end)]
            assert got == want, (text, lo)
            found += len(want)
    assert found > 100


def test_subject_patterns_need_the_commas_their_shortcuts_count() -> None:
    """A leading clause ends in a comma and an apposed subject's name stands between two:
    the subject search tries those patterns only when the sentence has them."""
    texts = [
        "Her supplier, Tomás Ruiz, disagreed. In Pensacola, Ms. Cox shrugged.",
        "Promising a full investigation, Erdogan linked it. The chief, Ana Bell, said",
        "His lawyer,Dan Cole, left, then Throughout her tenure, Ms. Nielsen remained",
    ]
    found = {"clause": 0, "appos": 0}
    for text in texts:
        for at in range(len(text)):
            for end in range(at, len(text) + 1):
                if extract._LEAD_CLAUSE_RE.match(text, at, end):
                    found["clause"] += 1
                    assert text.find(",", at, end) >= 0
                if extract._APPOSED_SUBJECT_RE.match(text, at, end):
                    found["appos"] += 1
                    assert text.count(",", at, end) > 1
    assert found["clause"] and found["appos"]


def test_clause_verb_shortcut_never_hides_a_clause() -> None:
    """_CLAUSE_POST_RE is tried only when a reporting verb starts before the first character
    no clause holds; at every position of these texts that never rules out a match."""
    texts = [
        "” Ken Holder, the group's chairman said. ” Sen. A. Baker and Rep. Cole told CNN;",
        "” Davis' attorney, Roger Gannam, said? ” Glazunov last month told (x) — he said",
        "” the juror in the trial, Paula Dunn, said\n” Gelfand of the ACLU: said « Dr. Li said",
    ]
    matched = ruled_out = 0
    for text in texts:
        for pos in range(len(text) + 1):
            if extract._CLAUSE_POST_RE.match(text, pos):
                matched += 1
                assert extract._verb_before_stop(text, pos), (text, pos)
            ruled_out += not extract._verb_before_stop(text, pos)
    assert matched and ruled_out


def test_quote_id_is_the_stable_id_of_its_parts() -> None:
    from provenance.ids import stable_id

    for args in (("a", "text", 0, 5), ("abp-12 é", "title", 10, 300), ("", "text", 7, 7)):
        assert extract.quote_id(*args) == stable_id(*args)


def test_learning_a_speaker_again_changes_nothing() -> None:
    text = "Foreign Minister Sergey Lavrov spoke. Later Joe Smith and Ann Smith met Lavrov."
    people = People(text)
    people.learn_speaker("Joe Smith")
    state = (dict(people.full), set(people.names), dict(people.role))
    people.learn_speaker("Joe Smith")  # (the memo: no work, and nothing to do)
    assert (dict(people.full), set(people.names), dict(people.role)) == state
    # a phrase whose name resolved to someone else is not remembered as learnt: tried again
    other = People("Board member Bob Andrew Smith spoke.")
    other.learn_speaker("Andrew Smith")
    assert "Andrew Smith" not in other.names and "Andrew Smith" not in other._learnt
    assert people.canonical("Lavrov") == ("Sergey Lavrov", "Foreign Minister")
    assert people.canonical("Smith")[0] in ("Joe Smith", "Ann Smith")


def test_word_counts_of_a_chunk_are_count_words_of_each_body() -> None:
    texts = [
        *TEXTS, "“Oui,” dit-il. “Non,” a-t-elle ajouté. “Ja,” so der Minister.", "no quotes here",
        "« Bonjour  à tous » ,\n“it’s a well-known — fact”",
    ]  # fmt: skip
    chunk = [("a", "", text, extract._prepared("", text)) for text in texts]
    counts = list(extract._word_counts(chunk))
    want = [extract.count_words(text[m.start("body") : m.end("body")]) for text in texts
            for m in extract.QUOTE_RE.finditer(text)]  # fmt: skip
    assert counts == want and len(want) > 20 and max(want) > 2


def test_sentence_starts_read_in_place_are_those_of_the_slice() -> None:
    texts = [
        *TEXTS, "Mr. Roe left. U.S. troops came!  “Go.” Then\u00a0 J. Doe spoke?\n\nNo.",
        "  \t. A. B.. “C” (D) E? ‘F’ 3 G\n  \n H.I. j. K", "St. Louis. x.  Y", "",
    ]  # fmt: skip
    tried = 0
    for text in texts:
        for pos in range(len(text) + 1):
            for end in range(pos, len(text) + 1):
                want = [pos + start for start, _ in sentence_spans(text[pos:end])]
                assert sentence_starts(text, pos, end) == want, (text, pos, end)
                tried += len(want) > 1
    assert tried > 1000  # (slices cut through abbreviations, blanks and sentence ends)


def test_rows_kept_in_place_are_the_sorted_frame_rows() -> None:
    import pandas as pd

    from provenance.quotes import extract_quotes

    texts = [
        "“ We are ready , ” Foreign Minister Sergey Lavrov said . “ Fine , ” he added .",
        'Joe Smith said: "We will go." Later, "no," said Ann Roe, and "yes," Smith said.',
        "no quotes here",
        "“ A , ” she said , “ B . ” ¶ Then “ C , ” Mr . Roe said .",
    ]
    titles = ["Talks ' useful ' - Lavrov", "", "' Quoted ' title", "Roe : ' Go '"]
    arts = pd.DataFrame({"article_id": ["z9", "a1", "m5", "b2"], "title": titles, "text": texts})
    in_place = extract_quotes(arts)  # unique ids: each article's rows kept in order
    # a duplicate id (an article without quotes) sends the rows through the frame's sort
    extra = pd.DataFrame({"article_id": ["m5"], "title": [""], "text": ["nothing quoted"]})
    twice = pd.concat([arts, extra], ignore_index=True)
    assert len(in_place) > 8 and in_place["article_id"].is_monotonic_increasing
    pd.testing.assert_frame_equal(in_place, extract_quotes(twice))

