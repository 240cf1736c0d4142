"""Lexicons: the word and phrase lists behind the framing features.

Shipped as package data (``provenance/resources/lexicons/<name>.txt``, one lower-case term a
line, ``#`` comments naming the source each list follows; see that folder's README.md). A
caller may replace any list with ``lexicons=``: a mapping ``name -> terms``, a JSON file with
that mapping, or a folder of ``<name>.txt`` files. Unknown names are an error so that a typo
cannot silently leave a list at its default.

>>> lex = load_lexicons({"hedges": ["perhaps"]})
>>> lex["hedges"]
('perhaps',)
>>> "said" in lex["verbs_neutral"]
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "lexicons"

# The lists a feature is computed from, in a fixed order (columns and ids follow this order).
LEXICON_NAMES: tuple[str, ...] = (
    "verbs_neutral",
    "verbs_doubt",
    "verbs_truth",
    "verbs_guilt",
    "verbs_insistence",
    "verbs_loaded",
    "anonymous",
    "official_roles",
    "hedges",
    "boosters",
    "factives",
    "loaded",
    "intensifiers",
    "superlatives",
    "so_called",
    "editorializing",
    "evaluative_modifiers",
    "frame_conflict",
    "frame_cooperation",
    "frame_responsibility",
    "frame_economic",
    "frame_human_interest",
    "frame_morality",
    "frame_security",
    "name_calling",
    "loaded_phrases",
    "doubt",
    "exaggeration",
    "fear",
    "flag_waving",
    "slogans",
    "cliches",
    "not_loaded",
    "subjective",
    "threat_modals",
    "harms",
    "clause_openers",
    "extreme_scopes",
    "not_loaded_modifiers",
    "universal_openers",
)
# Lists that only weight a score or cue a rule (no feature of their own, no sense to keep): their
# words do not take a form away from ``loaded_forms`` ("hated" stays a form of "hate" though
# Pattern's subjectivity list holds it; "destroyed" though ``harms`` holds it).
WEIGHT_ONLY_NAMES: tuple[str, ...] = (
    "subjective",
    "threat_modals",
    "harms",
    "clause_openers",
    "extreme_scopes",
    "universal_openers",
)
# Lists generated from the shipped ones when they are loaded (not files; see ``word_forms``).
DERIVED_NAMES: tuple[str, ...] = ("loaded_forms",)
# The lists whose words' regular forms make ``loaded_forms``.
LOADED_FORM_SOURCES: tuple[str, ...] = (
    "loaded",
    "name_calling",
    "verbs_loaded",
    "evaluative_modifiers",
    "loaded_phrases",
)

VERB_CLASSES: tuple[str, ...] = ("neutral", "doubt", "truth", "guilt", "insistence", "loaded")
FRAMES: tuple[str, ...] = (
    "conflict",
    "cooperation",
    "responsibility",
    "economic",
    "human_interest",
    "morality",
    "security",
)

_MAX_TERMS = 100_000  # a user list longer than this is a mistake, not a lexicon
_MAX_TERM_CHARS = 100
_SPACE_RE = re.compile(r"\s+")

LexiconsArg = Mapping[str, Iterable[str]] | str | Path | None


def _clean(terms: Iterable[str], name: str) -> tuple[str, ...]:
    if isinstance(terms, str):
        raise TypeError(f"lexicon {name!r} must be a list of terms, not one string")
    out: list[str] = []
    for term in terms:
        if not isinstance(term, str):
            raise TypeError(f"lexicon {name!r} holds a non-string term: {term!r}")
        term = _SPACE_RE.sub(" ", term.replace("’", "'")).strip().lower()
        if term and not term.startswith("#"):
            if len(term) > _MAX_TERM_CHARS:
                raise ValueError(f"lexicon {name!r}: term longer than {_MAX_TERM_CHARS} chars")
            out.append(term)
        if len(out) > _MAX_TERMS:
            raise ValueError(f"lexicon {name!r} has more than {_MAX_TERMS} terms")
    return tuple(dict.fromkeys(out))  # de-duplicated, first occurrence order


def _read_list(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=1)
def default_lexicons() -> dict[str, tuple[str, ...]]:
    """The shipped lists, read once."""
    return {name: _clean(_read_list(LEXICON_DIR / f"{name}.txt"), name) for name in LEXICON_NAMES}


# Person and group nouns (WordNet 3.0, ``tools/build_person_nouns.py``): a word list that is
# looked up, not scanned (22k words would slow the one lexicon pass for every text), for the
# heads of loaded phrases (``techniques.person_headed``). Not replaceable with ``lexicons=``.
PERSON_NOUNS_FILE = "person_nouns.txt"


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """The shipped person and group nouns, singular and plural, lower-cased.

    >>> {"thugs", "mob", "senators"} <= person_nouns(), "deal" in person_nouns()
    (True, False)
    """
    lines = _read_list(LEXICON_DIR / PERSON_NOUNS_FILE)
    return frozenset(w for w in lines if w and not w.startswith("#"))


# Rare valenced words (VADER's words that wordfreq rates rarer than Zipf 3.75,
# ``tools/build_rare_valenced.py``): scanned beside VADER's list as ``rare_valenced``, a graded
# term of the loaded-language score (``techniques.RARE_VALENCED_WEIGHT``). Not replaceable with
# ``lexicons=``.
RARE_VALENCED_FILE = "rare_valenced.txt"


@lru_cache(maxsize=1)
def rare_valenced() -> tuple[str, ...]:
    """The shipped rare valenced words, lower-cased, sorted.

    >>> "deride" in rare_valenced(), "killed" in rare_valenced()
    (True, False)
    """
    return _generated_words(RARE_VALENCED_FILE)


# Rare words (wordfreq's words of Zipf 2.5 to 3.0 less VADER's, ``tools/build_rare_valenced.py``):
# scanned as ``rare_words``, a graded term of the loaded-language score
# (``techniques.RARE_WORDS_WEIGHT``, session 20). Not replaceable with ``lexicons=``.
RARE_WORDS_FILE = "rare_words.txt"


@lru_cache(maxsize=1)
def rare_words() -> tuple[str, ...]:
    """The shipped rare words, lower-cased, sorted.

    >>> "tirade" in rare_words(), "deride" in rare_words(), "report" in rare_words()
    (True, False, False)
    """
    return _generated_words(RARE_WORDS_FILE)


def _generated_words(name: str) -> tuple[str, ...]:
    """The words of a generated list file (one a line after its ``#`` header)."""
    lines = _read_list(LEXICON_DIR / name)
    return tuple(w for w in lines if w and not w.startswith("#"))


# Suffixes added to a word to make its regular inflections and derivations: a loaded word keeps
# its charge in them ("smear" -> "smeared", "egregious" -> "egregiously", "wicked" ->
# "wickedness"). Only suffixes are added, never stripped: stripping ("supremely" -> "supreme",
# "kindly" -> "kind") lost the charge (PTC tuning part, hits outside the other loaded-language
# spans: 439 hits 0.22 precise with stripping, 119 hits 0.36 precise without; the agent and
# quality nouns "haters", "brutality" and "-ically" adverbs: 23 more, 0.43 precise). Shipped:
# loaded-language recall there 0.382 -> 0.413, precision 0.354 -> 0.355 (benchmarks/ptc_eval.py).
_SUFFIXES = ("s", "es", "ed", "ing", "ly", "ness", "er", "ers", "ity")
_FINAL_Y = ("ies", "ied", "ily", "iness")  # "greedy" -> "greedily": y -> i
_SIBILANT = ("s", "x", "z", "ch", "sh")  # a phrase's plural takes -es after these ("circuses")
_INFLECTED = ("ly", "ing")


def _forms_of_word(word: str) -> set[str]:
    """A final e is dropped before a suffix that starts with a vowel ("hate" -> "hating",
    "haters"; "obscene" -> "obscenity")."""
    forms = {
        (word[:-1] if word.endswith("e") and suffix[0] in "aeiou" else word) + suffix
        for suffix in _SUFFIXES
    }
    if word.endswith("y"):
        forms.update(word[:-1] + suffix for suffix in _FINAL_Y)
    if word.endswith("ic"):
        forms.add(word + "ally")  # "pathetic" -> "pathetically"
    return forms


@lru_cache(maxsize=4)
def word_forms(terms: tuple[str, ...], taken: frozenset[str]) -> tuple[str, ...]:
    """Regular forms of ``terms`` made by adding suffixes (see ``_SUFFIXES``), sorted, minus
    ``taken``. A phrase varies its last word in number only ("bombshell report" -> "bombshell
    reports"); a word already inflected or derived ("-ly", "-ing") has no forms.

    >>> word_forms(("smear", "greedy"), frozenset({"smears"}))[:4]
    ('greedied', 'greedies', 'greedily', 'greediness')
    """
    forms: set[str] = set()
    for term in terms:
        head, _, last = term.rpartition(" ")
        if head:
            forms.add(f"{head} {last}{'es' if last.endswith(_SIBILANT) else 's'}")
        elif not last.endswith(_INFLECTED):
            forms.update(_forms_of_word(last))
    return tuple(sorted(forms - taken - set(terms)))


def _with_derived(lists: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``lists`` plus ``DERIVED_NAMES``: ``loaded_forms`` holds the forms of the loaded lists'
    words (less ``not_loaded``'s) that no list holds (a form another list holds keeps that
    list's sense; ``WEIGHT_ONLY_NAMES`` take none)."""
    not_loaded = set(lists["not_loaded"]) | set(lists["not_loaded_modifiers"])
    sources = tuple(t for name in LOADED_FORM_SOURCES for t in lists[name] if t not in not_loaded)
    taken = frozenset(
        t for name in LEXICON_NAMES if name not in WEIGHT_ONLY_NAMES for t in lists[name]
    )
    return {**lists, "loaded_forms": word_forms(sources, taken)}


def _user_lists(lexicons: Mapping[str, Iterable[str]] | str | Path) -> Mapping[str, Iterable[str]]:
    if isinstance(lexicons, Mapping):
        return lexicons
    path = Path(lexicons)
    if path.is_dir():
        return {p.stem: _read_list(p) for p in sorted(path.glob("*.txt"))}
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a lexicon JSON file must map list names to term lists")
        return data
    raise ValueError(f"lexicons= must be a mapping, a .json file or a folder of .txt files: {path}")


def load_lexicons(lexicons: LexiconsArg = None) -> dict[str, tuple[str, ...]]:
    """The shipped lists with the caller's replacements applied.

    ``lexicons`` maps list names (see ``LEXICON_NAMES``) to terms, or names a JSON file or a
    folder of ``<name>.txt`` files holding such lists. Lists not named keep their defaults.
    The derived lists (``DERIVED_NAMES``) are made from the resolved lists and cannot be given.

    >>> load_lexicons({"hedges": ["reportedly"]})["hedges"]
    ('reportedly',)
    >>> "reportedly" in load_lexicons()["hedges"]
    True
    """
    merged = dict(default_lexicons())
    if lexicons is None:
        return _with_derived(merged)
    if not isinstance(lexicons, Mapping | str | Path):
        raise TypeError("lexicons= must be None, a mapping, or a path")
    for name, terms in _user_lists(lexicons).items():
        if name not in merged:
            raise ValueError(f"unknown lexicon {name!r}; known: {', '.join(LEXICON_NAMES)}")
        merged[name] = _clean(terms, name)
    return _with_derived(merged)


def lexicon_key(lexicons: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable key of resolved lists (to cache compiled matchers)."""
    return tuple((name, lexicons[name]) for name in LEXICON_NAMES + DERIVED_NAMES)
