"""Repair Vietnamese text typed with legacy 8-bit encodings (TCVN3/ABC and VNI-Windows).

Before Unicode, Vietnamese was typed as ordinary single bytes and only looked right through special
fonts: ``.VnTime``/``.VnArial`` (TCVN3, lower-case fonts), ``.VnTimeH``/``.VnArialH`` (TCVN3 capital
fonts) and ``VNI-Times``/``VNI-Helve`` (VNI-Windows). Windows stores those bytes as the characters
of code page 1252, so a workbook reader returns mojibake such as ``"§Þnh Ho¸"`` (TCVN3) or
``"Ñònh Hoùa"`` (VNI) for "Định Hóa". This module converts such text to Unicode NFC.

Sources used to build and check the tables (cross-checked programmatically, all agree):

* TCVN3: TCVN 5712:1993 as published in the X11 ``lcUniConv/tcvn.h`` table (VN1, whose 0xA0-0xFF half
  is the VN3 repertoire plus combining marks and 16 capitals), the UniKey ``vnconv/data.cpp`` TCVN3
  table, and the "Bảng đối chiếu encoding" comparison chart (scribd 23311958). VN3 proper is the 67
  lower-case letters, 7 capitals (Ă Â Ê Ô Ơ Ư Đ) and NBSP; the VN1-only positions (combining marks
  0xB0-0xB4, capitals such as 0xC0-0xC5) are left untouched because .VnTime text never uses them.
* VNI-Windows: the UniKey ``vnconv/data.cpp`` VNI-WIN double-byte table (base byte + mark byte) and
  the same comparison chart.
"""

import re
import string
import unicodedata
from functools import lru_cache

__all__ = [
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy",
    "encode_tcvn3",
    "encode_vni",
    "encoding_for_font",
    "repair",
]


def _cp1252_char(byte: int) -> str:
    """The character a reader shows for ``byte``: cp1252, or latin-1 for its five undefined bytes."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_CP1252_CHARS = frozenset(_cp1252_char(b) for b in range(256))
_NOT_CP1252 = re.compile("[^" + re.escape("".join(sorted(_CP1252_CHARS))) + "]")  # one search, not a loop per char

# ---------------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3, "ABC"): byte -> Unicode as drawn by the lower-case fonts (.VnTime).
# The capital fonts (.VnTimeH) draw every one of these codes, and the ASCII letters, as capitals.
# ---------------------------------------------------------------------------------------------------
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ", 0xA8: "ă",
    0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xB5: "à", 0xB6: "ả",
    0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ",
    0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì",
    0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó",
    0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở",
    0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# Mojibake character (as read) -> Unicode, for str.translate; and the reverse for the encoder.
_TCVN3_DECODE: dict[int, str] = {ord(_cp1252_char(b)): u for b, u in _TCVN3_BYTES.items()}
_TCVN3_ENCODE: dict[str, str] = {u: _cp1252_char(b) for b, u in _TCVN3_BYTES.items()}

# ---------------------------------------------------------------------------------------------------
# VNI-Windows: a base letter followed by one mark byte; a few letters are single precomposed bytes.
# Written here in lower case as read through cp1252; capitals use the upper-case form of every byte
# (each upper-case VNI byte is the lower-case one minus 0x20, i.e. exactly latin-1 case mapping).
# ---------------------------------------------------------------------------------------------------
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TONES = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)

_VNI_TONE = {"": "", _ACUTE: "ù", _GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRCUMFLEX = {"": "â", _ACUTE: "á", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_VNI_BREVE = {"": "ê", _ACUTE: "é", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
_VNI_PRECOMPOSED_I = {"": "i", _ACUTE: "í", _GRAVE: "ì", _HOOK: "æ", _TILDE: "ó", _DOT: "ò"}

# Unicode base letter (no tone) -> (VNI base text, mark table for the tones).
_VNI_BASES: dict[str, tuple[str, dict[str, str]]] = {
    "a": ("a", _VNI_TONE),
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "e": ("e", _VNI_TONE),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "o": ("o", _VNI_TONE),
    "ô": ("o", _VNI_CIRCUMFLEX),
    "ơ": ("ô", _VNI_TONE),  # ơ is the single byte 0xF4
    "u": ("u", _VNI_TONE),
    "ư": ("ö", _VNI_TONE),  # ư is the single byte 0xF6
    "y": ("y", _VNI_TONE),
    "i": ("", _VNI_PRECOMPOSED_I),  # i with a tone is a single byte
}


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for base, (prefix, marks) in _VNI_BASES.items():
        for tone, mark in marks.items():
            if base == "y" and tone == _DOT:
                mark, prefix_here = "î", ""  # ỵ is the single byte 0xEE
            else:
                prefix_here = prefix
            letter = unicodedata.normalize("NFC", base + tone)
            seq = prefix_here + mark
            if seq != letter:
                encode[letter] = seq
                encode[letter.upper()] = seq.upper()
    decode: dict[str, str] = {}
    for letter, seq in encode.items():
        decode[seq] = letter
        if len(seq) == 2:  # be lenient about the case of the mark byte; the base letter decides
            decode.setdefault(seq[0] + seq[1].swapcase(), letter)
    return encode, decode


_VNI_ENCODE, _VNI_DECODE = _build_vni()

# ---------------------------------------------------------------------------------------------------
# Detection helpers.
# ---------------------------------------------------------------------------------------------------
# Latin-1 letters that occur in real Vietnamese Unicode text; every other non-ASCII character of a
# legacy alphabet is "legacy-only" and is strong evidence for that encoding.
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_ALPHABET = frozenset(_cp1252_char(b) for b in _TCVN3_BYTES)
_VNI_ALPHABET = frozenset(ch for seq in _VNI_DECODE for ch in seq if not ch.isascii())
_STRONG: dict[str, frozenset[str]] = {
    "tcvn3": _TCVN3_ALPHABET - _VIET_LATIN1,
    "vni": _VNI_ALPHABET - _VIET_LATIN1,
}
# Characters only one of the two legacy alphabets uses (§ ¸ µ ® for TCVN3, Â Ù Û for VNI capitals ...).
_EXCLUSIVE: dict[str, frozenset[str]] = {
    "tcvn3": _TCVN3_ALPHABET - _VNI_ALPHABET,
    "vni": _VNI_ALPHABET - _TCVN3_ALPHABET,
}

# A Vietnamese syllable: onset + vowel nucleus + coda, on the lower-case text without tone marks.
# Nuclei ending in a glide take no coda; some nuclei need one (ăn, ân, tiên, muốn, được, nguyễn).
# Rare loanword nuclei ("oo" in xoong) are left out: they are what misread legacy text looks like.
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"  # q + uy: quỳnh
_OPEN = r"iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|y"
_CLOSED = r"uyê|oă|uâ|iê|yê|uô|ươ|ă|â"
_FREE = r"oa|oe|uê|uơ|uy|a|e|ê|i|o|ô|ơ|u|ư"
_CODA = r"ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(
    rf"{_ONSET}(?:(?P<open>{_OPEN})|(?P<closed>{_CLOSED})(?P<coda>{_CODA})|(?P<free>{_FREE})(?P<fcoda>{_CODA})?)"
)
_STOP_CODAS = ("c", "ch", "p", "t")
_MARKED_VOWELS = "ăâêôơư"

_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_ASCII_SEPARATORS = re.compile(r"[\s\d" + re.escape(string.punctuation) + r"]+")

_FONT_VNI = re.compile(r"(?i)^vni[-_ ]")


def _upper1(ch: str) -> str:
    up = ch.upper()
    return up if len(up) == 1 else ch


# ---------------------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------------------
def decode_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 mojibake (as read through cp1252) -> Unicode NFC.

    ``capitals=True`` is for the capital fonts (.VnTimeH ...), which draw every letter as a capital.
    """
    out = text.translate(_TCVN3_DECODE)
    if capitals:
        out = "".join(_upper1(ch) for ch in out)
    return unicodedata.normalize("NFC", out)


def decode_vni(text: str) -> str:
    """VNI-Windows mojibake (as read through cp1252) -> Unicode NFC, by greedy longest match."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
        else:
            out.append(_VNI_DECODE.get(text[i], text[i]))
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 mojibake as a reader shows it (for tests and test data).

    Capitals with a distinct TCVN3 code (Ă Â Ê Ô Ơ Ư Đ) use it; other capitals fall back to the
    lower-case code, as text typed in a .VnTime font does (a .VnTimeH font shows them as capitals).
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        mapped = _TCVN3_ENCODE.get(ch)
        if mapped is None and ch != ch.lower():
            mapped = _TCVN3_ENCODE.get(ch.lower())
        out.append(mapped if mapped is not None else ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    """Unicode -> VNI-Windows mojibake as a reader shows it (for tests and test data)."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def encoding_for_font(font_name: str | None) -> str | None:
    """Legacy encoding implied by a font name: 'tcvn3', 'tcvn3h' (capital font), 'vni' or None."""
    if not font_name:
        return None
    name = font_name.strip()
    if _FONT_VNI.match(name):
        return "vni"
    if name.lower().startswith(".vn"):
        return "tcvn3h" if name.lower().endswith("h") else "tcvn3"
    return None


def _tone_position_ok(nucleus: str, closed: bool, index: int) -> bool:
    """Where a tone may sit in a nucleus: on its (last) marked vowel (ươ -> ơ), else on the last vowel
    of a closed syllable, else on the first vowel of an open one; oa/oe/uy allow both styles
    (hoà/hòa) and three-vowel nuclei (ngoài, khuỷu) take it in the middle."""
    marked = [i for i, ch in enumerate(nucleus) if ch in _MARKED_VOWELS]
    if marked:
        return index == marked[-1]
    if closed or len(nucleus) == 1:
        return index == len(nucleus) - 1
    if nucleus in ("oa", "oe", "uy"):
        return index in (0, 1)
    return index == (1 if len(nucleus) == 3 else 0)


@lru_cache(maxsize=16384)  # detection asks it of every word of every text; names share their words
def _is_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable: valid onset, nucleus and coda, at
    most one tone, placed on the right vowel, and sắc or nặng before a stop consonant."""
    letters = unicodedata.normalize("NFC", word.lower())
    toned = [(i, t) for i, ch in enumerate(letters) for t in unicodedata.normalize("NFD", ch) if t in _TONES]
    if len(toned) > 1:
        return False
    base = "".join(
        unicodedata.normalize("NFC", "".join(t for t in unicodedata.normalize("NFD", ch) if t not in _TONES))
        for ch in letters
    )
    match = _SYLLABLE.fullmatch(base)
    if match is None:
        return False
    if not toned:  # a syllable closed by a stop consonant always carries sắc or nặng
        return not base.endswith(_STOP_CODAS)
    index, tone = toned[0]
    group = next(g for g in ("open", "closed", "free") if match.group(g))
    closed = bool(match.group("coda") or match.group("fcoda"))
    if not _tone_position_ok(match.group(group), closed, index - match.start(group)):
        return False
    return tone in (_ACUTE, _DOT) or not base.endswith(_STOP_CODAS)


def _is_plain_vietnamese(token: str) -> bool:
    """True when a raw token already reads as Vietnamese Unicode (letters forming valid syllables)."""
    pieces = [p for p in _ASCII_SEPARATORS.split(token) if p]
    return bool(pieces) and all(p.isalpha() and _is_syllable(p) for p in pieces)


def _score(text: str, encoding: str) -> tuple[int, int, int, int]:
    """Evidence that ``text`` is in ``encoding``: (good, bad, strong, good_letters).

    Only whitespace-separated tokens that the decoder changes count. A token is *good* when its
    decoded words are valid Vietnamese syllables while the raw token is not already plain Vietnamese,
    *bad* when a decoded word is not a valid syllable (or legacy-only characters are left over), and
    neutral otherwise (e.g. real Unicode "Hóa" decodes as TCVN3 to the also-valid "Húa").
    """
    good = bad = strong = letters = 0
    for token in text.split():
        token_good, token_bad, token_strong, token_letters = _token_score(token, encoding)
        good, bad = good + token_good, bad + token_bad
        strong, letters = strong + token_strong, letters + token_letters
    return good, bad, strong, letters


@lru_cache(maxsize=16384)  # names share their words
def _token_score(token: str, encoding: str) -> tuple[int, int, int, int]:
    """``_score`` of one token."""
    decoded = (decode_vni if encoding == "vni" else decode_tcvn3)(token)
    if decoded == token:
        return 0, 0, 0, 0
    strong_set = _STRONG[encoding]
    words = [w for w in _LETTER_RUNS.findall(decoded) if not w.isascii()]
    leftover = any(ch in strong_set for ch in decoded)
    if leftover or not words or not all(_is_syllable(w) for w in words):
        return 0, 1, 0, 0
    if _is_plain_vietnamese(token):
        return 0, 0, 0, 0
    return 1, 0, sum(ch in strong_set for ch in token), sum(len(w) for w in words)


def detect_legacy(text: str) -> str | None:
    """Guess from the text alone whether it is TCVN3 or VNI mojibake: 'tcvn3', 'vni' or None.

    Legacy text read through cp1252 can only contain cp1252 characters, so any other character
    (ị, ư, đ, a combining mark ...) means real Unicode. Otherwise each encoding is scored by decoding
    it word by word (see ``_score``): it must produce valid Vietnamese syllables from words that were
    not already Vietnamese, with at most one bad word for every two good ones, and either contain a
    legacy-only character (§ ¸ ñ ø ...) or give at least two letters of evidence.
    """
    if not text or text.isascii():
        return None
    text = unicodedata.normalize("NFC", text)
    if _NOT_CP1252.search(text):
        return None
    best: tuple[tuple[int, int, float], str] | None = None
    for encoding in ("tcvn3", "vni"):
        good, bad, strong, letters = _score(text, encoding)
        if good == 0 or bad * 2 > good or (strong == 0 and letters < 2):
            continue
        # Then characters only this encoding uses, then the share of legacy-only characters; on a
        # full tie TCVN3 (listed first) wins, being the usual encoding in the north.
        exclusive = sum(ch in _EXCLUSIVE[encoding] for ch in text)
        rank = (good - 2 * bad, exclusive, strong / sum(not ch.isascii() for ch in text))
        if best is None or rank > best[0]:
            best = (rank, encoding)
    return best[1] if best else None


def _all_caps(text: str) -> bool:
    """True when the text's ASCII letters (at least two) are all capitals."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def repair(text: str, font_name: str | None = None) -> tuple[str, str | None]:
    """Convert legacy-encoded text to Unicode NFC: ``(text, encoding used or None if unchanged)``.

    A legacy font wins over detection, except when the text holds characters that no cp1252 reading
    can produce (the cell was typed in Unicode despite its old font). Without a legacy font the text
    is detected; all-capital TCVN3 text is decoded as if typed in a capital font ('tcvn3h').
    """
    if not text:
        return text, None
    nfc = unicodedata.normalize("NFC", text)
    encoding = encoding_for_font(font_name)
    if encoding is not None and _NOT_CP1252.search(nfc):
        encoding = None
    elif encoding is None:
        encoding = detect_legacy(nfc)
        if encoding == "tcvn3" and _all_caps(nfc):
            encoding = "tcvn3h"
    if encoding is None:
        return nfc, None
    if encoding == "vni":
        fixed = decode_vni(nfc)
    else:
        fixed = decode_tcvn3(nfc, capitals=encoding == "tcvn3h")
    return (fixed, encoding) if fixed != nfc else (nfc, None)
