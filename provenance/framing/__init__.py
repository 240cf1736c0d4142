"""Framing features: score every article and every provenance link, with evidence.

Article features (``f_*``): sources and quotes, attribution verbs by class, epistemic stance
(hedges, boosters, factives), tone (VADER sentiment, subjectivity, loaded words, scare quotes,
'!' and rhetorical questions, superlatives, 'so-called'), loaded language at phrase level
(``f_loaded_language``) and a sentence-level bias score built on it (``f_bias_cues``), the
propaganda techniques a lexicon and rules can catch
(``f_name_calling``, ``f_doubt``, ``f_exaggeration``, ``f_fear``, ``f_flag_waving``,
``f_slogans``, ``f_cliches``; ``techniques.py``), the generic news frames of Semetko &
Valkenburg (2000) plus security, readability and length. Link features (``d_*``): child minus
parent for each, plus what the child added and dropped (``d_added_fear``: the republisher's own
appeals to fear), attribution-verb shifts, hedges removed, quotes dropped/added/altered,
speakers kept or lost, headline shift, credit and frame shift. Lexicons are package data
(``provenance/resources/lexicons``), overridable with ``lexicons=``.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["p", "c"], "title": ["Talks held", "Talks held"],
...     "text": ['Ivanov said "talks may resume".', 'Ivanov claimed talks will resume.']})
>>> links = pd.DataFrame({"link_id": ["l"], "child_article_id": ["c"],
...     "parent_article_id": ["p"], "parent_outlet_id": ["tass"]})
>>> a, a_ev = score_articles(arts, return_evidence=True)
>>> l, l_ev = score_links(links, arts, article_scores=a, return_evidence=True)
>>> l[["d_quotes_dropped", "d_shift_to_doubt"]].values.tolist()
[[1.0, 1.0]]
>>> table = framing_table(a, l, pd.concat([a_ev, l_ev]))
>>> table.loc[table["feature"] == "d_verb_shifts", "evidence"].tolist()
['0-33:said -> claimed']
"""

from __future__ import annotations

from .articles import score_articles
from .features import FEATURES as TEXT_FEATURES
from .features import score_texts
from .lexicons import LEXICON_NAMES, load_lexicons
from .links import LINK_FEATURES, score_links
from .table import framing_table

FEATURES: dict[str, str] = {**TEXT_FEATURES, **LINK_FEATURES}

__all__ = [
    "FEATURES",
    "LEXICON_NAMES",
    "load_lexicons",
    "score_texts",
    "score_articles",
    "score_links",
    "framing_table",
]
