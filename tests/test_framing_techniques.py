"""Propaganda-technique features and phrase-level loaded language (provenance.framing.techniques).

Sentences are written for this project. The PTC figures are checked only when ../shared holds
the PTC development articles.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scripts import load_script

from provenance.framing import score_articles, score_links, score_texts
from provenance.framing.features import score_detail
from provenance.framing.techniques import (
    BIAS_CUE_WEIGHTS,
    LOADED_PRIOR_WORDS,
    SENTENCE_CUE_WEIGHT,
    TECHNIQUES,
    damped_rate,
    last_lines,
    merge_phrases,
    on_repeated_lines,
    spans_holding,
)

ROOT = Path(__file__).resolve().parents[1]
# The loaded-language score with its phrases alone (no subjective-word weight: SUBJECTIVE_WEIGHT).
PHRASES_ONLY = {"subjective": []}
PTC = ROOT.parent / "shared" / "eval-data" / "PTC"

NEUTRAL = "The committee met on Tuesday and approved the budget by a vote of 12 to 3."
TECHNIQUE_SENTENCES = {
    "f_name_calling": "The senator called his rivals corrupt thugs and traitors.",
    "f_doubt": "The so-called report offers no evidence for its claims.",
    "f_exaggeration": "It was the worst disaster in history, with countless victims.",
    "f_fear": "An invasion at the border is an existential threat to our children.",
    "f_flag_waving": "True patriots defend our country and the american people.",
    "f_slogans": "The crowd chanted lock her up and drain the swamp.",
    "f_cliches": "He shrugged: it is what it is, end of story.",
}


def _evidence_texts(text: str, feature: str) -> list[str]:
    _, ev = score_detail(pd.Series([text]))
    rows = ev[ev["feature"] == feature]
    return [text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)]


@pytest.mark.parametrize("feature", sorted(TECHNIQUE_SENTENCES))
def test_each_technique_fires_on_its_sentence_and_not_on_neutral_copy(feature):
    df = score_texts(pd.Series([TECHNIQUE_SENTENCES[feature], NEUTRAL]))
    assert df.loc[0, feature] > 0
    assert df.loc[1, feature] == 0
    assert _evidence_texts(TECHNIQUE_SENTENCES[feature], feature)


def test_every_technique_is_a_documented_feature():
    from provenance.framing import FEATURES

    for name in TECHNIQUES:
        assert name in FEATURES
        assert f"d_added_{name[2:]}" in FEATURES and f"d_dropped_{name[2:]}" in FEATURES


def test_loaded_phrase_is_one_span_and_one_count():
    text = "Critics said the radical leftist thugs were extremely dangerous."
    spans = _evidence_texts(text, "f_loaded_language")
    assert spans == ["radical leftist thugs", "extremely dangerous"]
    value = score_texts(pd.Series([text]), lexicons=PHRASES_ONLY).loc[0, "f_loaded_language"]
    assert value == pytest.approx(2000 / (9 + LOADED_PRIOR_WORDS))


def test_word_forms_add_suffixes_and_leave_out_taken_terms():
    from provenance.framing.lexicons import word_forms

    terms = ("smear", "hate", "obscene", "greedy", "pathetic", "bombshell report")
    forms = set(word_forms(terms, frozenset()))
    assert {"smeared", "smearing", "smears", "smearers"} <= forms
    assert {"hated", "haters", "hating", "hates", "obscenity"} <= forms and "hateing" not in forms
    assert {"greedily", "greediness"} <= forms
    assert {"pathetically", "bombshell reports"} <= forms
    assert not {"smear", "hate"} & forms  # the words themselves are not forms
    assert "smears" not in word_forms(("smear",), frozenset({"smears"}))


def test_loaded_forms_are_derived_from_the_loaded_lists_and_cannot_be_given():
    from provenance.framing.lexicons import load_lexicons

    lists = load_lexicons({"loaded": ["smear"], "not_loaded": ["regime"]})
    assert "smeared" in lists["loaded_forms"] and "regimes" not in lists["loaded_forms"]
    with pytest.raises(ValueError, match="unknown lexicon"):
        load_lexicons({"loaded_forms": ["x"]})
    text = pd.Series(["Critics smeared the plan."])
    assert score_texts(text, lexicons={"loaded": ["smear"]}).loc[0, "f_loaded_language"] > 0
    # "critics" belongs to the conflict-frame list: a form another list holds is not derived.
    assert "critics" not in load_lexicons({"loaded": ["critic"]})["loaded_forms"]


def test_a_repeated_phrase_counts_once_but_every_occurrence_is_evidence():
    text = "The corrupt mayor met the corrupt council. Corrupt deals followed."
    # evidence widens each to its noun phrase (techniques.noun_phrases); the count is of
    # the phrases as matched, so "corrupt" counts once
    assert _evidence_texts(text, "f_loaded_language") == [
        "corrupt mayor",
        "corrupt council",
        "Corrupt deals",
    ]
    value = score_texts(pd.Series([text]), lexicons=PHRASES_ONLY).loc[0, "f_loaded_language"]
    # one phrase and two sentences of narration (no attribution verb), ten words
    assert value == pytest.approx(1000 * (1 + 2 * SENTENCE_CUE_WEIGHT) / (10 + LOADED_PRIOR_WORDS))


def test_loaded_language_is_damped_so_one_phrase_in_a_short_text_ranks_below_a_loaded_one():
    short = "The corrupt mayor resigned today."
    loaded = (
        (
            "The corrupt mayor and his vile cronies lied again. Those thugs rigged the vote. "
            "Such a disgraceful sham deserves outrage from every decent voter in this town. "
        )
        * 2
        + "Officials met on Monday to review the budget and the schedule for the coming year. " * 3
    )
    df = score_texts(pd.Series([short, loaded]), lexicons=PHRASES_ONLY)
    words = df["f_n_words"].to_numpy()
    phrases = df["f_loaded_language"].to_numpy() * (words + LOADED_PRIOR_WORDS) / 1000
    assert phrases[0] == pytest.approx(1 + SENTENCE_CUE_WEIGHT) and phrases[1] >= 5
    # Per word the short text is the more loaded one; damped, the steadily loaded text ranks first.
    assert phrases[0] / words[0] > phrases[1] / words[1]
    assert df.loc[1, "f_loaded_language"] > df.loc[0, "f_loaded_language"]
    assert damped_rate(np.array([2.0]), np.array([300]))[0] == pytest.approx(4.0)


def test_sentence_cues_order_texts_without_a_loaded_phrase():
    texts = pd.Series(
        [
            "Officials said the budget passed on Tuesday.",  # reported speech: no cue
            "The budget passed on Tuesday.",  # one sentence of narration
            "The budget certainly passed on Tuesday.",  # narration and a booster
            "The budget notably passed on Tuesday.",  # narration and an editorializing word
        ]
    )
    df = score_texts(texts, lexicons=PHRASES_ONLY)
    count = df["f_loaded_language"] * (df["f_n_words"] + LOADED_PRIOR_WORDS) / 1000
    w = SENTENCE_CUE_WEIGHT
    assert count.tolist() == pytest.approx([0.0, w, 1.5 * w, 2 * w])
    assert (df["f_loaded"] == 0).all()  # the cues alone add no phrase and no evidence
    assert _evidence_texts(texts[3], "f_loaded_language") == []


def test_punctuation_ends_a_phrase():
    assert _evidence_texts("A corrupt, evil plan.", "f_loaded_language") == ["corrupt", "evil plan"]


def test_not_loaded_terms_are_left_out_of_the_score_but_kept_in_f_loaded():
    df = score_texts(pd.Series(["The regime held elections.", "The council held elections."]))
    assert df.loc[0, "f_loaded"] > 0 and df.loc[1, "f_loaded"] == 0
    # "regime" adds nothing: both score one sentence of narration (SENTENCE_CUE_WEIGHT)
    assert df.loc[0, "f_loaded_language"] == df.loc[1, "f_loaded_language"] > 0
    assert _evidence_texts("The regime held elections.", "f_loaded_language") == []


def test_rhetorical_questions_outside_quotes_only():
    asked = "Who really believes this story? Nobody checked."
    quoted = 'She asked, "Who wrote this report for the board?" The clerk did not know.'
    assert _evidence_texts(asked, "f_doubt") == ["Who really believes this story?"]
    assert _evidence_texts(quoted, "f_doubt") == []


def test_scare_quotes_are_neither_loaded_language_nor_doubt_by_themselves():
    text = 'The "heroic" rescuers, the "nice" plan and the "experts" met again.'
    # "heroic" is a loaded word, quoted or not; "nice" carries valence (VADER) but no loaded
    # list holds it: since session 9 a scare quote adds no span of its own.
    assert _evidence_texts(text, "f_loaded_language") == ["heroic"]
    assert _evidence_texts(text, "f_doubt") == []


def test_an_intensifier_joins_a_loaded_phrase_but_makes_none_with_a_plain_valenced_word():
    text = "It was very nice. It was very dangerous."
    assert _evidence_texts(text, "f_loaded_language") == ["very dangerous"]


def test_exclamations_in_narration_are_loaded_language_quoted_ones_are_not():
    told = "The council voted again. Nobody will forget this day!"
    quoted = 'The council voted again. "We will all remember this day!" she said.'
    assert _evidence_texts(told, "f_loaded_language") == ["Nobody will forget this day!"]
    assert _evidence_texts(quoted, "f_loaded_language") == []
    # The phrases inside an exclamation stand beside it: a label there is still a label.
    shouted = "The council voted. Those corrupt politicians lied again!"
    assert _evidence_texts(shouted, "f_loaded_language") == [
        "Those corrupt politicians lied again!",
        "corrupt politicians",
        "lied",
    ]
    assert _evidence_texts(shouted, "f_name_calling") == ["corrupt politicians"]
    # A headline, a slogan or a call in Title Case or capitals is not a loaded sentence.
    headline = "The council voted again.\nCouncil Passes The Budget!\nSUBSCRIBE TODAY!"
    assert _evidence_texts(headline, "f_loaded_language") == []


def test_names_of_diseases_and_groups_are_not_fear_appeals():
    df = score_texts(pd.Series(["The plague epidemic killed 40 people, and ISIS claimed it."]))
    assert df.loc[0, "f_fear"] == 0


def test_bias_cues_weigh_their_columns_and_reported_speech_lowers_them():
    texts = pd.Series(
        [
            "The corrupt elites are really destroying this country.",
            "The corrupt elites are destroying this country, he said.",
        ]
    )
    df = score_texts(texts, lexicons=PHRASES_ONLY)
    # f_bias_cues weighs the plain rate of loaded phrases, not the damped f_loaded_language.
    # (its graded terms, SENTENCE_CUE_WEIGHT and SUBJECTIVE_WEIGHT, are not in f_bias_cues)
    phrases = pd.Series([len(_evidence_texts(t, "f_loaded_language")) for t in texts])
    plain = 1000 * phrases / df["f_n_words"]
    expected = sum(
        w * (plain if name == "f_loaded_language" else df[name])
        for name, w in BIAS_CUE_WEIGHTS.items()
    )
    assert df["f_bias_cues"].tolist() == pytest.approx(expected.tolist())
    assert df.loc[0, "f_bias_cues"] > df.loc[1, "f_bias_cues"] > 0
    assert df.loc[1, "f_verb_neutral"] > 0


def test_hashtags_are_topic_tags_not_slogans():
    df = score_texts(pd.Series(["Supporters posted #Texas and #Ebola all night."]))
    assert df.loc[0, "f_slogans"] == 0


def test_merge_phrases_groups_touching_spans_per_document():
    texts = ["aa bb, cc", "aa bb"]
    doc = np.array([0, 0, 0, 1])
    start = np.array([0, 3, 7, 0])
    end = np.array([2, 5, 9, 2])
    order, group = merge_phrases(doc, start, end, texts)
    assert group[np.argsort(order)].tolist() == [0, 0, 1, 2]


def test_article_title_evidence_and_link_technique_deltas():
    arts = pd.DataFrame(
        {
            "article_id": ["p", "c"],
            "title": ["Budget approved", "Radical left thugs win"],
            "text": [NEUTRAL, NEUTRAL + " " + TECHNIQUE_SENTENCES["f_fear"]],
        }
    )
    scores, ev = score_articles(arts, return_evidence=True)
    assert "f_title_loaded_language" in set(ev["feature"])
    links = pd.DataFrame(
        {
            "link_id": ["l"],
            "child_article_id": ["c"],
            "parent_article_id": ["p"],
            "parent_outlet_id": ["wire"],
        }
    )
    out = score_links(links, arts, article_scores=scores)
    assert out.loc[0, "d_fear"] > 0 and out.loc[0, "d_added_fear"] > 0
    assert out.loc[0, "d_dropped_fear"] == 0


def _load_script(path: Path):
    """The module of a script in benchmarks/ or tools/, loaded as running it would: with its
    folder first on sys.path (the tools share tools/shipped_list.py)."""
    return load_script(path)


def _ptc_eval():
    return _load_script(ROOT / "benchmarks/ptc_eval.py")


def test_ptc_overlap_rule_and_merging():
    pe = _ptc_eval()
    pred = pd.DataFrame(
        {"article_id": ["a", "a", "a"], "field": "text", "start": [0, 3, 20], "end": [4, 8, 25]}
    )
    merged = pe.merge_overlaps(pred)
    assert merged[["start", "end"]].values.tolist() == [[0, 8], [20, 25]]
    gold = pd.DataFrame(
        {"article_id": ["a", "a"], "field": "text", "start": [7, 40], "end": [9, 45]}
    )
    scores = pe.span_scores(merged, gold)
    assert (scores["P"], scores["R"]) == (0.5, 0.5)
    assert pe.part_of("111111112") == pe.part_of("111111112")


def test_ptc_tuning_folds_partition_the_tuning_part():
    pe = _ptc_eval()
    ids = [str(k) for k in range(300)]
    arts = pd.DataFrame({"article_id": ids, "part": [pe.part_of(i) for i in ids]})
    folds = pe.tuning_folds(arts)
    assert sorted(folds) == ["fold 0", "fold 1", "fold 2"]
    tuning = set(arts.loc[arts["part"] == "tuning", "article_id"])
    assert set().union(*folds.values()) == tuning
    assert sum(len(f) for f in folds.values()) == len(tuning)
    assert all(len(f) > 60 for f in folds.values())  # about a third each
    assert all(pe.fold_of(i) == k for k in range(3) for i in folds[f"fold {k}"])


def test_ptc_weak_families_print_their_note_and_every_family_prints_per_fold():
    pe = _ptc_eval()
    table = pd.DataFrame(
        {
            "part": ["fold 0", "fold 1", "fold 0", "fold 1"],
            "family": ["slogans", "slogans", "doubt", "doubt"],
            "P": 0.2,
            "R": 0.2,
            "F1": [0.10, 0.20, 0.30, 0.40],
            "spearman": [0.1, 0.2, 0.3, 0.4],
        }
    )
    lines = pe.weak_lines(table)
    assert lines[0].startswith("F1 below 0.15: slogans;") and len(lines) == 2
    assert lines[1] == "  slogans: " + pe.WEAK_NOTES["slogans"]
    assert pe.weak_lines(table.assign(F1=0.5)) == []
    folds = pe.family_folds(table).splitlines()
    assert folds[1:] == [
        "  slogans: F1 0.100 / 0.200; rho 0.100 / 0.200",
        "  doubt: F1 0.300 / 0.400; rho 0.300 / 0.400",
    ]


def test_ptc_missed_spans_are_classed_by_the_lexicon_words_inside():
    pe = _ptc_eval()
    assert pe.miss_class(set()) == "no lexicon word"
    assert pe.miss_class({"vader_any"}) == "only a VADER word"
    assert pe.miss_class({"vader_any", "frame_conflict"}) == "a word of another list"
    assert pe.miss_class({"loaded", "not_loaded"}) == "a not_loaded term"
    assert pe.miss_class({"loaded_forms"}).startswith("a loaded-list word")


@pytest.mark.skipif(not (PTC / "spans.csv").exists(), reason="../shared PTC data not available")
def test_ptc_loaded_language_beats_the_word_level_baseline():
    pe = _ptc_eval()
    arts, gold = pe.read_ptc(PTC)
    assert (arts["part"] == "check").sum() == 84
    assert [len(f) for f in pe.tuning_folds(arts).values()] == [40, 56, 54]
    scores, evidence = score_articles(arts.drop(columns="part"), return_evidence=True)
    table = pe.evaluate(arts, gold, scores, evidence).set_index(["part", "family"])
    loaded = table.loc[("check", "loaded language")]
    # Measured (session 6): check part P 0.283, R 0.422, F1 0.339, rho 0.514 (session 5: 0.280,
    # 0.396, 0.328, 0.452; word-level baseline: F1 0.268, rho 0.271); tuning part P 0.355,
    # R 0.413, F1 0.382, rho 0.692; session 7 (no spans on repeated lines, dehumanising labels)
    # tuning 0.367, 0.422, 0.393, 0.695, check 0.287, 0.428, 0.344, 0.497; session 8 (the
    # damped rate) the same spans, rho tuning 0.717, check 0.525; session 9 (subjective-word
    # weight, no scare-quote or 'very' + valenced spans) tuning 0.385, 0.395, 0.390, 0.709, the
    # check part not scored. Floors catch regressions. Check-part conditions are reduced to a
    # boolean so that a failure prints none of its figures (it is scored once, by the lead).
    check_ok = bool(loaded["F1"] >= 0.33 and loaded["spearman"] >= 0.51)
    assert check_ok, "check-part floor"
    tuning = table.loc[("tuning", "loaded language")]
    assert tuning["F1"] >= 0.385 and tuning["P"] >= 0.375 and tuning["spearman"] >= 0.70
    # Name-calling (session 7, dehumanising labels): tuning F1 0.187 -> 0.207; session 12
    # (loaded phrases with a person or group head): 0.228 -> 0.299.
    assert table.loc[("tuning", "name-calling"), "F1"] >= 0.28
    # Technique lists pruned on the tuning part (doubt F1 0.248, exaggeration 0.234 there; check
    # 0.219 and 0.157).
    assert table.loc[("tuning", "doubt"), "F1"] >= 0.23
    assert table.loc[("tuning", "exaggeration/minimisation"), "F1"] >= 0.22
    check_ok = bool(table.loc[("check", "doubt"), "F1"] >= 0.20)
    assert check_ok, "check-part floor"
    # f_bias_cues (weights from BABE): rho with the loaded-language density 0.572 tuning, 0.530
    # check.
    check_ok = "check 0.5" in pe.article_rho(arts, gold, scores, "f_bias_cues")
    assert check_ok, "check-part rho of f_bias_cues"


def test_last_lines_cuts_a_span_to_its_last_line():
    texts = ["Posted by a reader\nBuild the wall now!", "One line only!"]
    spans = pd.DataFrame({"doc": [0, 1], "start": [0, 0], "end": [38, 14]})
    cut = last_lines(spans, texts)
    assert [texts[d][s:e] for d, s, e in cut.to_numpy()] == [
        "Build the wall now!",
        "One line only!",
    ]


def test_spans_holding_keeps_spans_with_a_hit_of_the_list_inside():
    from provenance.framing.features import scanner_for
    from provenance.framing.techniques import HitArrays

    texts = ["the heroic crew", "the quiet crew"]
    hits = HitArrays.of(scanner_for().scan(texts)[0])
    spans = pd.DataFrame({"doc": [0, 1], "start": [4, 4], "end": [15, 14]})
    assert spans_holding(spans, hits, ("vader_any",))["doc"].tolist() == [0]


def test_shipped_subjective_words_are_what_the_tool_makes_from_textblobs_copy():
    textblob = pytest.importorskip("textblob")  # the tool's source (not a dependency)
    tool = _load_script(ROOT / "tools/build_subjective_lexicon.py")
    xml = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    shipped = (ROOT / "provenance/resources/lexicons/subjective.txt").read_text(encoding="utf-8")
    words = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert words == tool.subjective_words(xml)[0]


def test_shipped_evaluative_modifiers_are_what_the_tool_makes():
    pytest.importorskip("textblob")  # the maintainer tool's source of tags (not a dependency)
    tool = _load_script(ROOT / "tools" / "build_evaluative_modifiers.py")
    shipped = ROOT / "provenance" / "resources" / "lexicons" / "evaluative_modifiers.txt"
    assert shipped.read_text(encoding="utf-8") == tool.list_text()
    # Every word in one list: superlatives ("worst") and intensifiers ("terribly") keep theirs.
    assert not {"worst", "terribly", "regrettably"} & set(tool.modifier_words())


def test_shipped_not_loaded_modifiers_are_the_praise_and_adverbs_the_tool_makes():
    pytest.importorskip("textblob")  # the maintainer tool's source of tags (not a dependency)
    tool = _load_script(ROOT / "tools" / "build_evaluative_modifiers.py")
    shipped = ROOT / "provenance" / "resources" / "lexicons" / "not_loaded_modifiers.txt"
    assert shipped.read_text(encoding="utf-8") == tool.not_loaded_text()
    words = set(tool.not_loaded_words())
    assert {"successful", "badly", "safely"} <= words <= set(tool.modifier_words())
    assert not {"vile", "despicable", "cruel"} & words  # pejorative adjectives stay loaded


def test_praise_and_adverbs_are_not_loaded_language_but_stay_modifiers_and_labels():
    text = "The successful talks ended safely. These virtuous priests fought a vile plan."
    assert _evidence_texts(text, "f_loaded_language") == ["vile"]
    # "vile" is hand-listed (loaded), the three others only generated evaluative modifiers.
    assert _evidence_texts(text, "f_evaluative_modifiers") == ["successful", "safely", "virtuous"]
    assert _evidence_texts(text, "f_name_calling") == ["virtuous priests"]
    from provenance.framing.lexicons import load_lexicons

    assert not {"successfully", "virtuously"} & set(load_lexicons()["loaded_forms"])


def test_loaded_words_on_a_line_the_page_repeats_are_furniture_not_copy():
    poll = "Who is the most corrupt politician?"
    texts = [f"{poll}\nThe mayor spoke.\n{poll}", "A corrupt deal.\nWho is it?"]
    spans = pd.DataFrame({"doc": [0, 0, 1], "start": [16, 69, 2], "end": [23, 76, 9]})
    assert [texts[d][s:e] for d, s, e in spans.to_numpy()] == ["corrupt"] * 3
    assert on_repeated_lines(spans, texts).tolist() == [True, True, False]
    assert _evidence_texts(texts[0], "f_loaded_language") == []
    assert _evidence_texts(texts[1], "f_loaded_language") == ["corrupt deal"]


def test_subjective_words_weight_the_loaded_language_score_without_a_span():
    from provenance.framing.techniques import SUBJECTIVE_WEIGHT

    # "absurd" and "brilliant": Pattern rates them subjective; no loaded list holds them here.
    text = pd.Series(["The absurd plan had a brilliant sequel."])
    lexicons = {"subjective": ["absurd", "brilliant"], "evaluative_modifiers": [], "loaded": []}
    df, evidence = score_detail(text, lexicons=lexicons)
    narration = SENTENCE_CUE_WEIGHT  # one sentence without an attribution verb
    assert df.loc[0, "f_loaded_language"] == pytest.approx(
        1000 * (2 * SUBJECTIVE_WEIGHT + narration) / (7 + LOADED_PRIOR_WORDS)
    )
    assert "f_loaded_language" not in set(evidence["feature"])
    none = score_texts(text, lexicons={**lexicons, "subjective": []})
    assert none.loc[0, "f_loaded_language"] == pytest.approx(
        1000 * narration / (7 + LOADED_PRIOR_WORDS)
    )
    # A subjective word does not take a loaded word's form away ("hated" stays a form of "hate").
    from provenance.framing.lexicons import load_lexicons

    assert "hated" in load_lexicons({"loaded": ["hate"], "subjective": ["hated"]})["loaded_forms"]


def test_subjective_list_is_built_from_patterns_lexicon_with_its_source_and_licence(tmp_path):
    path = ROOT / "provenance/resources/lexicons/subjective.txt"
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    text = " ".join(header)
    assert "en-sentiment.xml" in text and "PDDL" in text and "textblob 0.20.1" in text
    tool = _load_script(ROOT / "tools/build_subjective_lexicon.py")
    xml = (
        '<sentiment version="9.9"><word form="grim" subjectivity="0.9"/>'
        '<word form="grim" subjectivity="0.3"/><word form="blue" subjectivity="0.2"/>'
        '<word form="so so" subjectivity="1.0"/><word form="Lovely" subjectivity="1.0"/>'
        "</sentiment>"
    )
    sample = tmp_path / "en-sentiment.xml"
    sample.write_text(xml, encoding="utf-8")
    words, version = tool.subjective_words(sample)
    assert words == ["grim", "lovely"] and version == "9.9"  # grim: mean 0.6 of its two senses


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Voters met a notorious senator today.", ["notorious senator"]),
        ("It was a shameful and reckless vote.", ["shameful and reckless vote"]),
        ("They are corrupt to the core.", ["corrupt"]),  # a function word is no head
        ("The corrupt Senator Smith left.", ["corrupt"]),  # nor a name
        ("A corrupt deals ended it.", ["corrupt deals"]),
        ("The evil spreading there.", ["evil"]),  # nor a verb form
        ("Sexual predators roam the town.", ["Sexual predators"]),  # modifiers before a label
    ],
)
def test_loaded_evidence_covers_the_noun_phrase(text, evidence):
    assert _evidence_texts(text, "f_loaded_language") == evidence


def test_widening_the_evidence_leaves_the_count_alone():
    one = score_texts(pd.Series(["A notorious senator spoke.", "A notorious man spoke."]))
    assert one.loc[0, "f_loaded_language"] == one.loc[1, "f_loaded_language"] > 0


def test_a_loaded_modifier_before_a_name_is_a_label():
    text = "Voters saw the reckless Senate Democrats fold. The reckless plan went on."
    assert _evidence_texts(text, "f_name_calling") == ["reckless Senate Democrats"]
    # the loaded-language evidence is the modifier with its noun phrase, names left out
    assert _evidence_texts(text, "f_loaded_language") == ["reckless", "reckless plan"]
    df = score_texts(pd.Series([text, "The reckless plan went on."]))
    assert df.loc[0, "f_name_calling"] > 0 and df.loc[1, "f_name_calling"] == 0


def test_a_loaded_phrase_headed_by_a_person_or_group_noun_is_a_label():
    text = "Voters saw the reckless mob fold. The reckless plan went on. Haters will hate."
    assert _evidence_texts(text, "f_name_calling") == ["reckless mob", "Haters"]
    df = score_texts(pd.Series([text, "The reckless plan went on."]))
    assert df.loc[0, "f_name_calling"] > 0 and df.loc[1, "f_name_calling"] == 0
    # the noun phrase runs on one word to its person head, never over a function word
    text = "They met corrupt career politicians. It was a corrupt deal for voters."
    assert _evidence_texts(text, "f_name_calling") == ["corrupt career politicians"]


def test_a_label_and_the_name_it_is_applied_to_are_one_span():
    text = "The far-left Senator Bob Smith spoke. Those lunatics in Congress voted."
    assert _evidence_texts(text, "f_name_calling") == ["far-left Senator Bob Smith", "lunatics"]


def test_a_scare_quoted_person_noun_is_a_label_but_a_quoted_title_is_not():
    text = 'The credulous "judges" agreed. He was on "Face the Nation" with "the plan".'
    assert _evidence_texts(text, "f_name_calling") == ["judges"]
    df = score_texts(pd.Series([text, 'He was on "Face the Nation" with "the plan".']))
    assert df.loc[0, "f_name_calling"] > 0 and df.loc[1, "f_name_calling"] == 0
    # a quote of more than three words is speech, not a scare quote
    assert _evidence_texts('He said "we need more judges".', "f_name_calling") == []


def _person_nouns_tool():
    return _load_script(ROOT / "tools" / "build_person_nouns.py")


def test_person_nouns_take_first_senses_plurals_and_leave_out_adjectives(tmp_path):
    # A WordNet in miniature: index lines "lemma pos n_synsets n_pointers [pointers] sense_cnt
    # tagsense_cnt offsets", data lines "offset lex_file pos n_words word lex_id n_pointers
    # [symbol offset pos source/target]", noun.exc "inflected base".
    (tmp_path / "index.noun").write_text(
        "  licence line\n"
        "bully n 2 1 @ 2 1 00000001 00000003\n"  # first sense a person
        "spy n 1 0 1 0 00000001\n"
        "gang n 1 0 1 0 00000002\n"  # a group of people
        "package n 1 0 1 0 00000004\n"  # a group of things
        "hunt n 1 0 1 0 00000005\n"  # a named person (an instance)
        "deal n 2 0 2 0 00000003 00000001\n"  # first sense not a person
        "radical n 1 0 1 0 00000001\n"  # also an adjective
        "henchman n 1 0 1 0 00000001\n"
        "bad_egg n 1 0 1 0 00000001\n",  # not one word
        encoding="utf-8",
    )
    (tmp_path / "data.noun").write_text(
        "  licence line\n"
        "00000001 18 n 01 bully 0 000 | a person\n"
        "00000002 14 n 01 gang 0 001 @ 00000006 n 0000 | people\n"
        "00000006 14 n 01 crew 0 001 @ 07950920 n 0000 | people\n"
        "07950920 14 n 01 social_group 0 000 | people\n"
        "00000003 04 n 01 deal 0 000 | an act\n"
        "00000004 14 n 01 package 0 000 | things\n"
        "00000005 18 n 01 Hunt 0 001 @i 00000001 n 0000 | a painter\n",
        encoding="utf-8",
    )
    (tmp_path / "index.adj").write_text("radical a 1 0 1 0 00000009\n", encoding="utf-8")
    (tmp_path / "noun.exc").write_text("bullies bully\ndeals deal\n", encoding="utf-8")
    assert _person_nouns_tool().person_nouns(tmp_path) == [
        "bullies", "bully", "gang", "gangs", "henchman", "henchmen", "radicals", "spies", "spy",
    ]  # fmt: skip


@pytest.mark.skipif(not Path("/usr/share/wordnet/data.noun").exists(), reason="no WordNet 3.0")
def test_shipped_person_nouns_are_what_the_tool_makes():
    tool = _person_nouns_tool()
    shipped = (ROOT / "provenance/resources/lexicons/person_nouns.txt").read_text(encoding="utf-8")
    words = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert words == tool.person_nouns(Path("/usr/share/wordnet"))


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Officials warn the fever could soon spread to every town.", True),
        ("If nothing is done, the militia will be wiped out by spring.", True),
        ("The old bridge will be repaired by spring.", False),
        ("The fever could, officials said, spread.", False),  # a comma ends the clause
        ("The fever spread to two towns last year.", False),  # no prediction
    ],
)
def test_a_predicted_harm_is_a_fear_appeal_with_its_sentence_as_evidence(text, evidence):
    spans = _evidence_texts(text, "f_fear")
    assert spans == ([text] if evidence else [])


def test_fear_evidence_is_the_line_of_the_sentence_that_holds_the_pair():
    text = "Officials warn\nthe fever could spread to every town\nby the spring, they said."
    assert _evidence_texts(text, "f_fear") == ["the fever could spread to every town"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Asked about the losses, he shrugged. That's life, folks.", ["That's life"]),
        ("“We are doing just fine!” the mayor said.", ["We are doing just fine"]),
        ("It is what it is.", ["It is what it is"]),
        ("It is what it is with these people.", []),  # the stock phrase inside a longer clause
        ("We need common sense rules for the harbour.", []),
        ("It is a plan the council adopted in 2019.", []),  # longer than five words, a number
        ("It is Smith's turn.", []),  # a name: a report, not a verdict
        ("That is, the vote is off.", []),  # an opener needs a word of its own clause
    ],
)
def test_short_verdict_clauses_and_whole_clause_cliches_are_cliches(text, evidence):
    assert _evidence_texts(text, "f_cliches") == evidence


def test_cued_spans_need_the_cue_before_the_head_within_the_word_limit():
    from provenance.framing.scan import Scanner
    from provenance.framing.techniques import CueRule, HitArrays, cued_spans

    texts = ["It may kill. Kill it, they may. It may in the end of all things kill."]
    lists = {"threat_modals": ["may"], "harms": ["kill"]}
    hits = HitArrays.of(Scanner(lists).scan(texts)[0])
    spans = cued_spans(hits, CueRule(("threat_modals",), ("harms",), 4), texts)
    assert [texts[0][s:e] for s, e in spans[["start", "end"]].values] == ["may kill"]
    spans = cued_spans(hits, CueRule(("threat_modals",), ("harms",), 6), texts)
    assert spans["end"].tolist() == [11, len(texts[0]) - 1]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "It was the deadliest flood in the county's history.",
            ["deadliest flood in the county's history"],
        ),
        ("Critics called him the worst mayor ever.", ["the worst mayor ever"]),
        ("The deadliest flood struck in May.", []),  # a superlative with no extreme scope
        ("Fares were the highest, but history shows why.", []),  # a comma ends the clause
    ],
)
def test_a_superlative_scoped_to_all_history_is_an_exaggeration(text, evidence):
    spans = [s for s in _evidence_texts(text, "f_exaggeration") if " " in s]
    assert spans == evidence


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Nobody believes the media, and they know it.", ["Nobody believes the media"]),
        ('He shrugged. "Everything depends on it."', ["Everything depends on it"]),
        ("He said nobody came.", []),  # not the sentence's subject
        ("She won, and nothing changed.", []),  # a lower-case clause opener
        ("None of this is new.", []),  # "none of" is left out (literal on ABP)
    ],
)
def test_a_sentence_a_universal_pronoun_opens_is_an_exaggeration(text, evidence):
    assert _evidence_texts(text, "f_exaggeration") == evidence


def test_rare_valenced_words_of_the_narration_weigh_the_loaded_language_score():
    from provenance.framing.techniques import LOADED_PRIOR_WORDS, RARE_VALENCED_WEIGHT

    texts = pd.Series(
        ["They deride the plan.", "They discuss the plan.", "He said they deride the plan."]
    )
    df = score_texts(texts)
    # "deride" (VADER, Zipf < 3.75) is no loaded phrase: only the graded term tells the two apart.
    rare = 1000 * RARE_VALENCED_WEIGHT / (4 + LOADED_PRIOR_WORDS)
    assert df.loc[0, "f_loaded_language"] - df.loc[1, "f_loaded_language"] == pytest.approx(rare)
    assert df.loc[2, "f_loaded_language"] == 0  # reported speech: no narration, no rare word


def test_shipped_rare_valenced_words_are_what_the_tool_makes():
    pytest.importorskip("wordfreq")  # the maintainer tool's frequency source (not a dependency)
    tool = _load_script(ROOT / "tools" / "build_rare_valenced.py")
    shipped = ROOT / "provenance" / "resources" / "lexicons" / "rare_valenced.txt"
    assert shipped.read_text(encoding="utf-8") == tool.build()


def test_rare_words_of_the_narration_weigh_the_loaded_language_score_up_to_a_cap():
    from provenance.framing.techniques import (
        LOADED_PRIOR_WORDS,
        RARE_WORDS_CAP,
        RARE_WORDS_WEIGHT,
        SENTENCE_CUE_WEIGHT,
    )

    texts = pd.Series(
        [
            "They saw the borealis.",  # "borealis": Zipf 2.5-3, no VADER word, no loaded phrase
            "They saw the report.",
            "He said they saw the borealis.",  # reported speech
            "Borealis was seen.",  # capitalised: a name or a sentence's first word
            "They saw borealis, dioceses, caucuses and fealty.",
        ]
    )
    df = score_texts(texts)["f_loaded_language"]
    sentence = [1000 * SENTENCE_CUE_WEIGHT / (n + LOADED_PRIOR_WORDS) for n in (4, 3, 7)]
    assert df[0] - df[1] == pytest.approx(1000 * RARE_WORDS_WEIGHT / (4 + LOADED_PRIOR_WORDS))
    assert df[2] == 0  # reported speech: no narration, no rare word
    assert df[3] == pytest.approx(sentence[1])
    capped = 1000 * RARE_WORDS_WEIGHT * RARE_WORDS_CAP / (7 + LOADED_PRIOR_WORDS)
    assert df[4] == pytest.approx(capped + sentence[2])


def test_shipped_rare_words_are_what_the_tool_makes():
    pytest.importorskip("wordfreq")  # the maintainer tool's frequency source (not a dependency)
    tool = _load_script(ROOT / "tools" / "build_rare_valenced.py")
    shipped = ROOT / "provenance" / "resources" / "lexicons" / "rare_words.txt"
    assert shipped.read_text(encoding="utf-8") == tool.build_words()
