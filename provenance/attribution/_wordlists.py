"""The word lists of attribution: ``provenance.wordlists``, the one reader of the stages' lists
(attribution's modules import it from here)."""

from provenance.wordlists import RESOURCES_DIR, WORDS_DIR, words

__all__ = ["RESOURCES_DIR", "WORDS_DIR", "words"]
