"""The register's search rule, in one place: which words of the register a typed word matches.

The register's index (services/register.py) asks ``words_matching`` for the vocabulary entries a query word matches
and takes the union of their rows; every query word must match (an intersection). Changing what a match is —
e.g. "a word typed with diacritics matches those diacritics, without them ignores them; words match from their
start" — is a change to ``words_matching`` alone: ``Vocabulary`` already keeps each word lower-cased with its
diacritics and folded, both sorted, so a prefix rule is two bisections (``Vocabulary.starting_with``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

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
        self._marked_sorted = sorted((w, i) for i, w in enumerate(self.words))
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

    Today: the typed word, folded (case and diacritics ignored, đ = d), appears anywhere inside the folded word.
    """
    wanted = fold(word)
    return [word_id for word_id, folded in enumerate(vocabulary.folded) if wanted in folded]
