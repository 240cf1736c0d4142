"""Framing features: the seed article, per-text features, links, the long table, lexicons.

Article texts other than the seed are synthetic, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from provenance.framing import (
    FEATURES,
    framing_table,
    load_lexicons,
    score_articles,
    score_links,
    score_texts,
)
from provenance.framing.quotes import quotes_from_text
from provenance.framing.techniques import (
    LOADED_PRIOR_WORDS,
    RARE_VALENCED_WEIGHT,
    SENTENCE_CUE_WEIGHT,
)
from provenance.schema import conform, validate

SEED = Path("/work/shared/seed/urdupoint-sputnik-lavrov-2021-08-23.txt")
ROOT = Path(__file__).resolve().parent.parent


def seed_article() -> pd.DataFrame:
    raw = SEED.read_text(encoding="utf-8")
    title = [line.strip() for line in raw.splitlines() if line.strip()][1]
    text = raw[raw.index("MOSCOW (") :].strip()
    return pd.DataFrame({"article_id": ["seed"], "title": [title], "text": [text]})


def seed_quotes(article: pd.DataFrame) -> pd.DataFrame:
    """The quotes table the quotes stage gives for the seed, written out by hand."""
    title, text = article.at[0, "title"], article.at[0, "text"]
    rows = []
    for field, src, quote, speaker, role, verb in [
        ("title", title, "Encouraging", "Sergey Lavrov", "Russian Foreign Minister", None),
        (
            "text",
            text,
            "One of the encouraging moments",
            "Sergey Lavrov",
            "Russian Foreign Minister",
            "told",
        ),
        (
            "text",
            text,
            "far from the lowest point",
            "Sergey Lavrov",
            "Russian Foreign Minister",
            "according to",
        ),
        (
            "text",
            text,
            "responsible, pragmatic and predictable foreign policy",
            "Sergey Lavrov",
            "Russian Foreign Minister",
            None,
        ),
        ("text", text, "an integrated bilateral", "joint statement", "heads of state", "stating"),
    ]:
        start = src.index(quote)
        end = src.index('"', start) if field == "text" else src.index("'", start) - 1
        rows.append(
            dict(
                article_id="seed",
                field=field,
                text=src[start:end],
                speaker=speaker,
                speaker_role=role,
                verb=verb,
                span_start=start,
                span_end=end,
                n_words=len(src[start:end].split()),
            )
        )
    return conform(pd.DataFrame(rows), "quotes")


seed_only = pytest.mark.skipif(not SEED.exists(), reason="seed article not available")


@seed_only
def test_seed_article_features():
    art = seed_article()
    scores = score_articles(art, seed_quotes(art))
    row = scores.iloc[0]
    assert row["f_n_words"] == 265
    assert row["f_n_quotes"] == 5
    assert row["f_speakers"] == 2  # Lavrov and the joint statement
    assert row["f_top_speaker_share"] == pytest.approx(0.8)
    assert row["f_official_share"] == pytest.approx(1.0)  # a minister and the heads of state
    assert row["f_quote_share"] == pytest.approx(101 / 265)
    per_word = 1000 / 265
    # neutral: said, told, according to, stating; truth-presupposing: noted
    assert row["f_verb_neutral"] == pytest.approx(4 * per_word)
    assert row["f_verb_truth"] == pytest.approx(1 * per_word)
    assert row["f_verb_doubt"] == row["f_verb_loaded"] == row["f_verb_guilt"] == 0
    assert row["f_hedges_per_1k"] == 0
    assert row["f_frame_conflict"] > 0 and row["f_frame_cooperation"] > 0
    assert row["f_frame_cooperation"] > row["f_frame_conflict"]  # dialogue story, tensions noted
    assert row["f_frame_economic"] == 0
    assert row["f_title_n_quotes"] == 1
    assert -1 <= row["f_sentiment"] <= 1 and row["f_title_sentiment"] > 0
    assert 0 < row["f_flesch"] < 60  # long wire sentences read hard


@seed_only
def test_seed_fallback_quotes_match_hand_table():
    art = seed_article()
    found = quotes_from_text(art)
    assert len(found) == 5
    assert found["speaker"].tolist() == ["Lavrov", "Lavrov", "Lavrov", "Lavrov", "joint statement"]
    assert found.loc[found["field"] == "text", "verb"].tolist()[:2] == ["told", "according to"]
    auto = score_articles(art, found)
    hand = score_articles(art, seed_quotes(art))
    cols = ["f_n_quotes", "f_speakers", "f_top_speaker_share", "f_official_share"]
    assert auto[cols].to_numpy().tolist() == hand[cols].to_numpy().tolist()


@seed_only
def test_seed_evidence_names_the_spans():
    art = seed_article()
    scores, evidence = score_articles(art, seed_quotes(art), return_evidence=True)
    table = framing_table(scores, None, evidence)
    validate(table, "framing")
    ev = table.set_index("feature")["evidence"]
    assert "told" in ev["f_verb_neutral"] and "noted" in ev["f_verb_truth"]
    assert "Sergey Lavrov (text)" in ev["f_speakers"]
    text = art.at[0, "text"]
    for item in ev["f_verb_truth"].split("; "):
        span, word = item.split(":", 1)
        s, e = map(int, span.split("-"))
        assert text[s:e] == word


def test_score_texts_columns_and_rates():
    texts = pd.Series(
        [
            "Officials claimed the so-called deal was a disaster!",
            "He said the plan may possibly help.",
            "",
            None,
        ],
        index=[10, 11, 12, 13],
    )
    df = score_texts(texts)
    assert list(df.index) == [10, 11, 12, 13]
    assert set(df.columns) <= set(FEATURES) and all(c.startswith("f_") for c in df.columns)
    assert df.loc[10, "f_verb_doubt"] == pytest.approx(1000 / 8)  # "so-called" is one word
    assert df.loc[10, "f_so_called"] > 0 and df.loc[10, "f_exclamations"] > 0
    assert df.loc[10, "f_loaded"] > 0 and df.loc[10, "f_sentiment"] < 0
    assert df.loc[11, "f_hedges_per_1k"] == pytest.approx(2000 / 7)  # may, possibly
    assert df.loc[12, "f_loaded"] == 0 and np.isnan(df.loc[12, "f_flesch"])
    assert df.loc[13, "f_n_words"] == 0


def test_phrases_match_whole_words_only_and_keep_offsets():
    texts = pd.Series(["Unsaid things. He pointed out, 'the mob' said nothing."])
    df = score_texts(texts)
    assert df.loc[0, "f_verb_truth"] > 0  # "pointed out"
    assert df.loc[0, "f_verb_neutral"] == pytest.approx(1000 / 9)  # "said", not "Unsaid"
    assert df.loc[0, "f_scare_quotes"] > 0 and df.loc[0, "f_loaded"] > 0  # 'the mob'


def test_lexicon_override_mapping_file_and_folder(tmp_path):
    texts = pd.Series(["The plan seems fine, perhaps."])
    assert score_texts(texts).loc[0, "f_hedges_per_1k"] > 0
    assert score_texts(texts, lexicons={"hedges": ["zzz"]}).loc[0, "f_hedges_per_1k"] == 0
    path = tmp_path / "lex.json"
    path.write_text(json.dumps({"hedges": ["fine"]}), encoding="utf-8")
    assert score_texts(texts, lexicons=path).loc[0, "f_hedges_per_1k"] == pytest.approx(200)
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "loaded.txt").write_text("# mine\nplan\n", encoding="utf-8")
    assert score_texts(texts, lexicons=tmp_path / "dir").loc[0, "f_loaded"] == pytest.approx(200)
    with pytest.raises(ValueError, match="unknown lexicon"):
        load_lexicons({"hedgez": ["x"]})
    with pytest.raises(TypeError):
        load_lexicons({"hedges": "perhaps"})


def test_editorializing_and_evaluative_modifiers():
    texts = pd.Series(
        [
            "Clearly, the plan is, of course, doomed to fail, ironically.",
            "The vote passed 52 to 48 on Tuesday.",
            "It was a dreadful day. Then a wonderful night.",
        ]
    )
    df = score_texts(texts, lexicons={"subjective": []})  # phrases alone: no subjective weight
    assert df.loc[0, "f_editorializing"] == pytest.approx(
        3000 / 10
    )  # clearly, of course, ironically
    assert df.loc[1, ["f_editorializing", "f_evaluative_modifiers"]].eq(0).all()
    # No phrase: only the sentence cue of one sentence of narration (SENTENCE_CUE_WEIGHT).
    words = df["f_n_words"]
    narration = 1000 * SENTENCE_CUE_WEIGHT / (words + LOADED_PRIOR_WORDS)
    assert df.loc[1, "f_loaded_language"] == pytest.approx(narration[1])
    assert df.loc[2, "f_evaluative_modifiers"] > 0  # "wonderful": VADER, adjective, not hand-listed
    # One loaded phrase ("dreadful"; "wonderful" is praise, a word of not_loaded_modifiers), two
    # sentences of narration, and one rare valenced word in them ("dreadful", Zipf 3.4;
    # "wonderful" is common).
    one = 1000 / (words[2] + LOADED_PRIOR_WORDS)
    rare = RARE_VALENCED_WEIGHT * one
    assert df.loc[2, "f_loaded_language"] == pytest.approx(one + 2 * narration[2] + rare)


def test_loaded_language_counts_a_word_once():
    text = pd.Series(["The deal was disastrous."])
    once = score_texts(text, lexicons={"editorializing": ["zzz"], "subjective": []})
    once = once.loc[0, "f_loaded_language"]
    twice = score_texts(text, lexicons={"name_calling": ["disastrous"], "subjective": []})
    assert twice.loc[0, "f_name_calling"] > 0
    assert (
        twice.loc[0, "f_loaded_language"]
        == pytest.approx(once)
        == pytest.approx(
            1000 * (1 + SENTENCE_CUE_WEIGHT + RARE_VALENCED_WEIGHT) / (4 + LOADED_PRIOR_WORDS)
        )
    )  # one phrase, one sentence of narration, one rare valenced word ("disastrous", Zipf 3.7)


def test_evaluative_modifiers_are_vader_strong_words_outside_the_hand_lists():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from provenance.framing.features import LOADED_LANGUAGE_LISTS

    valence = SentimentIntensityAnalyzer().lexicon
    lists = load_lexicons()
    modifiers = lists["evaluative_modifiers"]
    assert len(modifiers) >= 300 and list(modifiers) == sorted(modifiers)
    assert all(abs(valence[w]) >= 2.0 for w in modifiers)
    others = {t for n in LOADED_LANGUAGE_LISTS if n != "evaluative_modifiers" for t in lists[n]}
    assert not others & set(modifiers)
    # Event words carry strong valence but are nouns/verbs, so they are not modifiers.
    assert not {"killed", "war", "death"} & set(modifiers)


def test_every_shipped_list_is_documented():
    readme = (ROOT / "provenance/resources/lexicons/README.md").read_text(encoding="utf-8")
    for name, terms in load_lexicons().items():
        assert f"`{name}`" in readme and len(terms) >= 5, name


def _articles() -> pd.DataFrame:
    parent = (
        "MOSCOW, May 3 (Wire) - Foreign Minister Ivan Petrov said the talks might resume soon. "
        '"We are ready for dialogue and cooperation," Petrov told reporters.\n\n'
        "The ministry said trade between the two countries could grow by 5% next year.\n\n"
        '"Sanctions have hurt ordinary families," said Anna Sidorova, a trade official.'
    )
    child = (
        "Foreign Minister Ivan Petrov claimed the talks will resume soon. "
        '"We are ready for dialogue," Petrov told reporters.\n\n'
        "The ministry said trade between the two countries could grow by 5% next year.\n\n"
        "Critics slammed the disastrous regime and its aggression."
    )
    return pd.DataFrame(
        {
            "article_id": ["par", "chi", "cit"],
            "title": ["Petrov: talks may resume", "Petrov claims talks will resume", "Interview"],
            "text": [
                parent,
                child,
                "Petrov told the Daily Courier in an interview that the conflict must end. "
                "He added nothing else.",
            ],
        }
    )


def _links() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "link_id": ["l2", "l1"],
            "child_article_id": ["cit", "chi"],
            "parent_article_id": [pd.NA, "par"],
            "parent_outlet_id": ["daily-courier", "wire"],
            "relation": ["interview_with", "republishes"],
            "evidence": ["citation", "text_reuse"],
            "credited": [True, False],
        }
    )


def test_score_links_records_what_changed():
    arts = _articles()
    credits = conform(
        pd.DataFrame(
            {
                "article_id": ["par", "chi"],
                "kind": ["dateline", "dateline"],
                "outlet_id": ["wire", pd.NA],
                "span_start": [0, 0],
                "span_end": [6, 6],
            }
        ),
        "credits",
    )
    out, ev = score_links(conform(_links(), "links"), arts, credits=credits, return_evidence=True)
    assert out["link_id"].tolist() == ["l1", "l2"]
    validate(conform(out.drop(columns="link_id").assign(link_id=out["link_id"]), "links"), "links")
    l1 = out.iloc[0]
    assert l1["d_verb_shifts"] == 1 and l1["d_shift_from_neutral"] == 1
    assert l1["d_shift_to_doubt"] == 1
    assert l1["d_hedges_removed"] == 1  # "might" gone
    assert l1["d_quotes_altered"] == 1 and l1["d_quotes_dropped"] == 1
    assert l1["d_quote_edit_distance"] == len(" and cooperation")
    assert l1["d_speakers_kept"] == 1 and l1["d_speakers_lost"] == 1
    assert l1["d_loaded"] > 0 and l1["d_added_loaded"] > 0 and l1["d_dropped_quote_share"] > 0
    assert l1["d_dropped_frame_human_interest"] > 0  # the families sentence went
    assert l1["d_credited"] == 0 and l1["d_credits_dropped"] == 1
    assert 0 < l1["d_title_similarity"] < 1 and l1["d_frame_jsd"] > 0
    assert np.isnan(l1["d_cited_n_words"])
    l2 = out.iloc[1]
    assert np.isnan(l2["d_loaded"]) and np.isnan(l2["d_cited_n_words"])  # no citations given
    shift = ev[(ev["target_id"] == "l1") & (ev["feature"] == "d_verb_shifts")]
    assert shift["text"].tolist() == ["said -> claimed"]
    child = arts.at[1, "text"]
    s, e = shift[["start", "end"]].iloc[0]
    assert child[s:e].startswith("Foreign Minister Ivan Petrov claimed")


def test_outlet_only_link_scores_citing_sentences():
    arts = _articles()
    text = arts.at[2, "text"]
    citations = conform(
        pd.DataFrame(
            {
                "article_id": ["cit"],
                "kind": ["interview"],
                "outlet_id": ["daily-courier"],
                "span_start": [text.index("told")],
                "span_end": [text.index(" in an interview")],
            }
        ),
        "citations",
    )
    out, ev = score_links(_links(), arts, citations=citations, return_evidence=True)
    l2 = out.set_index("link_id").loc["l2"]
    assert l2["d_cited_n_words"] == 13  # the citing sentence only
    assert l2["d_cited_frame_conflict"] > 0 and l2["d_cited_verb_neutral"] > 0
    cited = ev[ev["feature"] == "d_cited_n_words"]
    assert cited["text"].str.startswith("Petrov told the Daily Courier").all()


def test_passages_define_added_and_dropped_text():
    arts = _articles()
    parent, child = arts.at[0, "text"], arts.at[1, "text"]
    shared = "The ministry said trade between the two countries could grow by 5% next year."
    reuse = pd.DataFrame(
        {"pair_id": ["p1"], "child_article_id": ["chi"], "parent_article_id": ["par"]}
    )
    passages = pd.DataFrame(
        {
            "pair_id": ["p1"],
            "passage": [0],
            "child_start": [child.index(shared)],
            "child_end": [child.index(shared) + len(shared)],
            "parent_start": [parent.index(shared)],
            "parent_end": [parent.index(shared) + len(shared)],
        }
    )
    out = score_links(_links(), arts, reuse=reuse, passages=passages).set_index("link_id")
    n_child, n_parent = score_texts(arts["text"])["f_n_words"].tolist()[1::-1]
    assert out.at["l1", "d_added_n_words"] == n_child - 14
    assert out.at["l1", "d_dropped_n_words"] == n_parent - 14


def test_framing_table_long_sorted_with_evidence():
    arts = _articles()
    a, a_ev = score_articles(arts, return_evidence=True)
    links, l_ev = score_links(_links(), arts, article_scores=a, return_evidence=True)
    table = framing_table(a, links, pd.concat([a_ev, l_ev], ignore_index=True))
    validate(table, "framing")
    assert len(table) == len(arts) * sum(c.startswith("f_") for c in a.columns) + len(links) * sum(
        c.startswith("d_") for c in links.columns
    )
    keys = table[["target_kind", "target_id", "feature"]].astype(str)
    assert keys.equals(keys.sort_values(list(keys.columns)).reset_index(drop=True))
    row = table[(table["target_id"] == "l1") & (table["feature"] == "d_quotes_dropped")]
    assert row["evidence"].iat[0].split(":", 1)[1].startswith("[parent] Sanctions have hurt")
    again = framing_table(a, links, pd.concat([a_ev, l_ev], ignore_index=True))
    pd.testing.assert_frame_equal(table, again)


def test_bad_inputs_are_rejected():
    with pytest.raises(TypeError):
        score_texts(["not a series"])
    with pytest.raises(ValueError, match="lacks columns"):
        score_articles(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(ValueError, match="unique"):
        score_articles(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))
    with pytest.raises(ValueError, match="lacks columns"):
        score_links(pd.DataFrame({"link_id": ["l"]}), _articles())


def test_empty_inputs():
    assert score_texts(pd.Series([], dtype=object)).empty
    empty_links = _links().iloc[:0]
    out = score_links(empty_links, _articles())
    assert out.empty and "d_verb_shifts" in out.columns


def test_every_output_column_is_documented():
    arts = _articles()
    a = score_articles(arts)
    links = score_links(_links(), arts, article_scores=a)
    for col in [*a.columns[1:], *links.columns[1:]]:
        assert FEATURES.get(col), col


@seed_only
def test_quotes_none_uses_the_quotes_stage():
    from provenance.framing.quotes import quotes_table

    art = seed_article()
    pd.testing.assert_frame_equal(score_articles(art), score_articles(art, quotes_table(art)))


def test_article_sentences_are_the_bodies_sentences_and_compounds():
    # What article_scores_detail hands link framing: each body's sentences (sentence_spans)
    # with vaderSentiment's compound, by article_id (here given out of order) and text order.
    from provenance.framing.articles import article_scores_detail
    from provenance.framing.sentiment import analyzer
    from provenance.text import sentence_spans

    arts = pd.DataFrame(
        {
            "article_id": ["b", "a", "c"],
            "title": ["T", "U", "V"],
            "text": ["Great news! It failed badly. Mr. Smith said no.", "", "One line only"],
        }
    )
    scored = article_scores_detail(arts, evidence=False)
    assert scored.evidence is None
    pd.testing.assert_frame_equal(scored.scores, score_articles(arts))
    got = scored.sentences
    want = [
        (a, s, e, analyzer().polarity_scores(t[s:e])["compound"])
        for a, t in sorted(zip(arts["article_id"], arts["text"], strict=True))
        for s, e in sentence_spans(t)
    ]
    assert list(got.itertuples(index=False, name=None)) == want
    assert got["start"].dtype == np.int32 and len(want) == 4
