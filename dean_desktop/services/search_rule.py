"""The register's search rule, in one place: which words of the register a typed word matches.

The register's index (services/register.py) asks ``words_matching`` for the vocabulary entries a query word matches
and takes the union of their rows; every query word must match (an intersection). Changing what a match is —
e.g. "a word typed with diacritics matches those diacritics, without them ignores them; words match from their
start" — is a change to ``words_matching`` alone: ``Vocabulary`` already keeps each word lower-cased with its
diacritics and folded, both sorted, so a prefix rule is two bisections
(``Vocabulary.starting_with``); ``words_matching`` applies it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .text_search import marked_form, prefix_key
from .vntext import fold, nfc


@dataclass
class Vocabulary:
    """Distinct words (lower-cased, NFC, diacritics kept); a word's id is its place in ``words``."""

    words: list[str]
    folded: list[str] = field(init=False)  # fold(word) of each word, by id
    _marked_sorted: list[tuple[str, int]] = field(init=False)
    _folded_sorted: list[tuple[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.folded = [fold(word) for word in self.words]
        self._marked_sorted = sorted((marked_form(w), i) for i, w in enumerate(self.words))
        self._folded_sorted = sorted((w, i) for i, w in enumerate(self.folded))

    def starting_with(self, prefix: str, *, folded: bool) -> list[int]:
        """Ids of the words beginning with ``prefix`` (compared folded, or with diacritics)."""
        entries = self._folded_sorted if folded else self._marked_sorted
        ids = []
        for word, word_id in entries[bisect_left(entries, (prefix, -1)) :]:
            if not word.startswith(prefix):
                break
            ids.append(word_id)
        return ids


def query_words(text: str) -> list[str]:
    """The words of what was typed, lower-cased NFC with their diacritics (the rule decides how to compare)."""
    return nfc(text).lower().split()


def words_matching(word: str, vocabulary: Vocabulary) -> list[int]:
    """THE RULE: ids of the vocabulary words that the typed ``word`` matches.

    A word typed with diacritics matches words beginning with it, diacritics compared (case and old/new tone
    placement ignored: "Hằng" finds Hằng, not Thắng or Hàng); one typed without diacritics matches words beginning
    with it folded ("hang" finds Hằng and Hàng). Never inside a word. The rule itself is ``text_search.prefix_key``.
    """
    prefix, marked = prefix_key(word)
    return vocabulary.starting_with(prefix, folded=not marked)
