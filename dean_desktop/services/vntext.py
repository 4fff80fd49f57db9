"""Vietnamese text: NFC, folding for search and matching, and the Vietnamese sort order."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letter order of the Vietnamese alphabet; letters not listed sort after by code point.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}

# Tone marks as combining characters, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a distinct letter (ă â ê ô ơ ư); they stay with the base letter.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# Old-style tone placement ("hoá", "uỷ") and new-style ("hóa", "ủy") must compare equal.
_OLD_TONE = re.compile(r"(?i)(o)([àáảãạ])(?=[^\w]|$)|(u)([ỳýỷỹỵ])(?=[^\w]|$)|(o)([èéẻẽẹ])(?=[^\w]|$)")


def nfc(text: str) -> str:
    """NFC with runs of white space collapsed and the ends trimmed."""
    # str.split() breaks at exactly the characters r"\s" matches (str.isspace): the same result as substituting
    # runs of r"\s+" and stripping, three times faster (the importer calls it for every text cell).
    return " ".join(unicodedata.normalize("NFC", text).split())


def strip_marks(text: str) -> str:
    """Remove every diacritic; đ→d."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


class _FoldTable(dict[int, str]):
    """``str.translate`` table: a character -> ``strip_marks(ch).casefold()``, filled on first use of each character.
    Stripping marks and case-folding both work character by character (every combining mark is dropped, so NFD's
    reordering of marks changes nothing), so translating with this table equals folding the whole text."""

    def __missing__(self, code: int) -> str:
        value = self[code] = strip_marks(chr(code)).casefold()
        return value


_FOLD = _FoldTable()


@lru_cache(maxsize=65536)  # an import folds each cadre's name several times (parsing, comparing, storing)
def fold(text: str | None) -> str:
    """Case-, diacritic- and space-insensitive form used for search and matching."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join(text.translate(_FOLD).split())


def modern_tones(text: str) -> str:
    """Move tone marks from the old position to the new one (hoá→hóa, uỷ→ủy, thoè→thòe) so both spellings match."""

    def shift(match: re.Match[str]) -> str:
        groups = [g for g in match.groups() if g is not None]
        first, second = groups
        decomposed = unicodedata.normalize("NFD", second)
        base, tone = decomposed[0], "".join(c for c in decomposed[1:] if c in _TONES)
        return unicodedata.normalize("NFC", first + tone) + base

    return _OLD_TONE.sub(shift, unicodedata.normalize("NFC", text))


def match_key(text: str | None) -> str:
    """Key for matching names exactly up to case, spacing and tone placement (keeps diacritics)."""
    if not text:
        return ""
    return nfc(modern_tones(nfc(text))).casefold()


def _letter_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", text.casefold()):
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        tone = 0
        letter_marks = ""
        for mark in decomposed[1:]:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                letter_marks += mark
        letter = unicodedata.normalize("NFC", base + letter_marks)
        rank = _LETTER_RANK.get(letter)
        letters.append(rank if rank is not None else 100 + ord(letter))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def sort_key(text: str | None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Vietnamese dictionary order: letters first (a ă â b … đ …), then tones (ngang, huyền, hỏi, ngã, sắc, nặng)."""
    return _letter_key(nfc(modern_tones(text or "")))


def name_sort_key(full_name: str | None) -> tuple[object, ...]:
    """Order people the Vietnamese way: given name, then family name, then middle names."""
    words = nfc(full_name or "").split(" ")
    if not words or words == [""]:
        return ((), (), (), ())
    given = words[-1]
    family = words[0] if len(words) > 1 else ""
    middle = " ".join(words[1:-1])
    g, f, m = sort_key(given), sort_key(family), sort_key(middle)
    # Letters of all parts first, then tones, so "Ánh" and "Anh" stay next to each other.
    return (g[0], f[0], m[0], g[1], f[1], m[1])


class _CharTable(dict[int, str]):
    """``str.translate`` table: a character -> its letter rank (part 0) or its tone (part 1) as one character,
    offset by one so that "\\0" stays a separator. Filled on first use of each character."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        letters, tones = _letter_key(chr(code))
        values = letters if self.part == 0 else tones
        value = self[code] = "".join(chr(min(v + 1, 0x10FFFF)) for v in values)
        return value


_LETTERS, _TONE_MARKS = _CharTable(0), _CharTable(1)


def name_parts(full_name: str | None) -> tuple[str, str, str]:
    """(given, family, middle) names, normalised for sorting: NFC, modern tone placement, case-folded."""
    words = unicodedata.normalize("NFC", nfc(modern_tones(nfc(full_name or ""))).casefold()).split(" ")
    if words == [""]:
        return "", "", ""
    return words[-1], (words[0] if len(words) > 1 else ""), " ".join(words[1:-1])


def part_keys(part: str) -> tuple[str, str]:
    """A normalised name part's letters and tones as two short strings; they compare as ``sort_key``'s two tuples."""
    return part.translate(_LETTERS), part.translate(_TONE_MARKS)


def name_sort_text(full_name: str | None) -> str:
    """The same order as ``name_sort_key`` as one short string: cheap to build and to keep for tens of thousands of
    names. The name is normalised once, then translated character by character."""
    keys = [part_keys(part) for part in name_parts(full_name)]  # given, family, middle
    return "\0".join([k[0] for k in keys] + [k[1] for k in keys])
