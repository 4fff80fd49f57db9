"""What a typed search matches: each word from the start of a word, diacritics respected when typed.

The rule, for every word of the query (all must match, in any order):

* a word typed **with** diacritics (``Hằng``, ``đinh``) matches words beginning with exactly those letters and marks,
  ignoring case and old/new tone placement (``hoà`` = ``hòa``): ``Hằng`` finds Hằng, not Hàng or Thắng;
* a word typed **without** any (``hang``, ``dinh``) ignores them: ``hang`` finds Hằng, Hàng, Hạnh… — but not Thắng;
* it matches from the start of a word of the text, never inside one.

The text side is prepared once per row (``search_text``/``marked_text``: words, each preceded by a space), so a
query word is one substring test: ``" hang" in text``. A SQL search can apply the same rule to a stored folded
column with ``LIKE 'word%' OR LIKE '% word%'`` and, for words with diacritics, this module's ``matches`` on the
candidates (SQLite's LIKE folds ASCII only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .vntext import fold, modern_tones

_WORD_BREAKS = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    """`` w1 w2 …``: the words of already normalised text, each after a space (so ``" w"`` finds a word start)."""
    return "".join(" " + word for word in _WORD_BREAKS.split(text) if word)


def _marked(text: str) -> str:
    """Case-folded NFC with modern tone placement: the form a query typed with diacritics is compared in."""
    return unicodedata.normalize("NFC", modern_tones(text)).casefold()


def marked_form(word: str) -> str:
    """One word as words typed with diacritics are compared: case-folded NFC, modern tone placement (``hoà`` →
    ``hòa``). A word index keeping its words in this form (and folded) can apply the rule with ``prefix_key``."""
    return _marked(word)


def prefix_key(word: str) -> tuple[str, bool]:
    """(prefix, with_marks) for one typed word: an indexed word matches when it starts with ``prefix``, compared in
    ``marked_form`` when ``with_marks`` is true, else folded (``vntext.fold``)."""
    marked = _marked(word.strip())
    plain = fold(marked)
    return (marked, True) if plain != marked else (plain, False)


def search_text(text: str | None) -> str:
    """The words of ``text`` without diacritics or case, each after a space: what plain query words look in."""
    return _words(fold(text))


def marked_text(text: str | None) -> str:
    """The words of ``text`` with their diacritics, case-folded, each after a space: what words typed with
    diacritics look in. Prepared word by word through a cache: names share few distinct words."""
    return "".join(map(_marked_word, (text or "").split()))


@lru_cache(maxsize=65536)
def _marked_word(word: str) -> str:
    return _words(_marked(word))


@dataclass(frozen=True, slots=True)
class QueryWord:
    needle: str  # " word", normalised as the text it is looked for in
    exact: bool  # typed with diacritics: look in ``marked_text``, else in ``search_text``

    def found_in(self, plain: str, marked: str = "") -> bool:
        """Whether the word begins some word of a text prepared by ``search_text`` (``plain``) and ``marked_text``."""
        return self.needle in (marked if self.exact else plain)

    def narrows(self, other: QueryWord) -> bool:
        """True when every text this word matches is also matched by ``other`` (typing on: ``ng`` → ``ngu``)."""
        if self.exact == other.exact:
            return self.needle.startswith(other.needle)
        # "hằ" after "ha": a word starting "hằ" starts "ha" once folded; the other way round it need not
        return self.exact and (" " + fold(self.needle)).startswith(other.needle)


def query_words(query: str | None) -> list[QueryWord]:
    """The words of a typed query, each with how it must be matched."""
    words: list[QueryWord] = []
    for word in _WORD_BREAKS.split(_marked(query or "")):
        if not word:
            continue
        plain = fold(word)
        exact = plain != word  # something besides case was folded away: the user typed a diacritic (or đ)
        words.append(QueryWord(" " + (word if exact else plain), exact))
    return words


def matches(query: str | Sequence[QueryWord], *texts: str | None) -> bool:
    """Whether every word of ``query`` begins a word of one of ``texts`` (see the module docstring)."""
    words = query_words(query) if isinstance(query, str) else query
    plain = "".join(search_text(t) for t in texts)
    marked = "".join(marked_text(t) for t in texts) if any(w.exact for w in words) else ""
    return all(w.found_in(plain, marked) for w in words)


def query_narrows(new: Sequence[QueryWord], old: Sequence[QueryWord]) -> bool:
    """True when every text matching ``new`` also matches ``old`` (so a search can look only among old matches)."""
    return bool(old) and all(any(n.narrows(o) for n in new) for o in old)
