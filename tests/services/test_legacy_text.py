"""Tests for legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows) -> Unicode."""

import unicodedata

import pytest

from dean_desktop.services.legacy_text import (
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
    encoding_for_font,
    repair,
)

KNOWN_WORDS = [
    "Định Hóa",
    "Phượng Tiến",
    "Bảo Cường",
    "Lam Vỹ",
    "Điềm Mặc",
    "Lương Văn Lành",
    "Nguyễn Thị Hằng",
    "Trưởng ban",
    "Đại học",
    "Cử nhân",
    "Thạc sĩ",
]

# Every Vietnamese letter: 12 vowels x 6 tones plus đ, in both cases.
_VOWELS = "aăâeêioôơuưy"
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
LOWER_ALPHABET = "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES) + "đ"
UPPER_ALPHABET = LOWER_ALPHABET.upper()


def _nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- tables checked against published charts (not against our own encoder) ------------------------


def test_tcvn3_chart_positions() -> None:
    # TCVN 5712 VN3: 0xA1-0xA7 capitals, 0xA8-0xAE lower-case letters, 0xB5-0xB9 a with tones.
    assert decode_tcvn3("¡¢£¤¥¦§") == "ĂÂÊÔƠƯĐ"
    assert decode_tcvn3("¨©ª«¬\xad®") == "ăâêôơưđ"
    assert decode_tcvn3("¸µ¶·¹") == "áàảãạ"
    assert decode_tcvn3("¾»¼½Æ") == "ắằẳẵặ"
    assert decode_tcvn3("ÊÇÈÉË") == "ấầẩẫậ"
    assert decode_tcvn3("ÐÌÎÏÑ") == "éèẻẽẹ"
    assert decode_tcvn3("ÕÒÓÔÖ") == "ếềểễệ"
    assert decode_tcvn3("Ý×ØÜÞ") == "íìỉĩị"
    assert decode_tcvn3("ãßáâä") == "óòỏõọ"
    assert decode_tcvn3("èåæçé") == "ốồổỗộ"
    assert decode_tcvn3("íêëìî") == "ớờởỡợ"
    assert decode_tcvn3("óïñòô") == "úùủũụ"
    assert decode_tcvn3("øõö÷ù") == "ứừửữự"
    assert decode_tcvn3("ýúûüþ") == "ýỳỷỹỵ"


def test_tcvn3_leaves_codes_outside_vn3_alone() -> None:
    # 0xB0-0xB4 are combining marks only in VN1/VN2; .VnTime text uses them as ordinary symbols.
    assert decode_tcvn3("25°C, 10 m²") == "25°C, 10 m²"


def test_vni_chart_sequences() -> None:
    assert decode_vni("aù aø aû aõ aï") == "á à ả ã ạ"
    assert decode_vni("aê aé aè aú aü aë") == "ă ắ ằ ẳ ẵ ặ"
    assert decode_vni("aâ aá aà aå aã aä") == "â ấ ầ ẩ ẫ ậ"
    assert decode_vni("eâ eá eà eå eã eä") == "ê ế ề ể ễ ệ"
    assert decode_vni("í ì æ ó ò") == "í ì ỉ ĩ ị"
    assert decode_vni("ô ôù ö öø ñ Ñ") == "ơ ớ ư ừ đ Đ"
    assert decode_vni("yù yø yû yõ î") == "ý ỳ ỷ ỹ ỵ"
    assert decode_vni("AÙ AÂ OÂÙ") == "Á Â ÔÙ"  # marks combine with one base only
    assert decode_vni("OÁ ÔØ ÖÕ Î Ò") == "Ố Ờ Ữ Ỵ Ị"


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("§Þnh Ho¸", "Định Hoá"),  # old-style tone placement, as typed: "Định Hóa"
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("B¸t X¸t", "Bát Xát"),
        ("B¸o c¸o tµi chÝnh quý II n¨m 2008", "Báo cáo tài chính quý II năm 2008"),
        ("KiÓm tra tÝnh hîp lÖ cña c¸c gi¸ trÞ ®Çu vµo", "Kiểm tra tính hợp lệ của các giá trị đầu vào"),
        ("céng hßa x· héi chñ nghÜa viÖt nam", "cộng hòa xã hội chủ nghĩa việt nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("QuyÕt ®Þnh cña Bé tr\xadëng Bé Tµi chÝnh", "Quyết định của Bộ trưởng Bộ Tài chính"),
    ],
)
def test_tcvn3_published_samples(legacy: str, expected: str) -> None:
    assert decode_tcvn3(legacy) == expected
    assert repair(legacy) == (expected, "tcvn3")


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Ñònh Hoùa", "Định Hóa"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("ñöôïc nhöõng Chæ thò Myõ", "được những Chỉ thị Mỹ"),
        ("Ñaø Naüng", "Đà Nẵng"),
        ("Xaùc Ñònh Laïi:", "Xác Định Lại:"),
        ("Ñònh möùc nguyeân vaät lieäu", "Định mức nguyên vật liệu"),
        ("Caên cöù Luaät Toå chöùc HÑND vaø UBND", "Căn cứ Luật Tổ chức HĐND và UBND"),
    ],
)
def test_vni_published_samples(legacy: str, expected: str) -> None:
    assert decode_vni(legacy) == expected
    assert repair(legacy) == (expected, "vni")


# --- encoders and round trips ----------------------------------------------------------------------


def test_encoders_produce_the_published_forms() -> None:
    assert encode_vni("Định Hóa") == "Ñònh Hoùa"
    assert encode_vni("ĐỊNH HÓA") == "ÑÒNH HOÙA"
    assert encode_vni("Phượng Tiến") == "Phöôïng Tieán"
    assert encode_vni("Xin chào các bạn") == "Xin chaøo caùc baïn"
    assert encode_tcvn3("Định Hoá") == "§Þnh Ho¸"
    assert encode_tcvn3("Định Hóa") == "§Þnh Hãa"
    assert encode_tcvn3("Bảo Thắng") == "B¶o Th¾ng"
    assert encode_tcvn3("Trưởng ban") == "Tr\xadëng ban"
    assert encode_tcvn3("ĐỊNH HÓA") == "§ÞNH HãA"  # toned capitals share the lower-case codes


@pytest.mark.parametrize("word", KNOWN_WORDS)
def test_known_words_round_trip(word: str) -> None:
    tcvn3, vni = encode_tcvn3(word), encode_vni(word)
    assert tcvn3 != word and vni != word
    assert decode_tcvn3(tcvn3) == word
    assert decode_vni(vni) == word
    assert repair(tcvn3) == (word, "tcvn3")
    assert repair(vni) == (word, "vni")
    assert repair(tcvn3, ".VnTime") == (word, "tcvn3")
    assert repair(vni, "VNI-Times") == (word, "vni")


@pytest.mark.parametrize("word", [*KNOWN_WORDS, "Ủy ban nhân dân"])
def test_capital_font_round_trip(word: str) -> None:
    upper = word.upper()
    legacy = encode_tcvn3(upper)
    assert decode_tcvn3(legacy, capitals=True) == upper
    assert repair(legacy, ".VnTimeH") == (upper, "tcvn3h")
    assert decode_vni(encode_vni(upper)) == upper


def test_capital_font_draws_every_letter_as_capital() -> None:
    assert decode_tcvn3("§ÞNH HO¸", capitals=True) == "ĐỊNH HOÁ"
    assert decode_tcvn3("§Þnh Ho¸", capitals=True) == "ĐỊNH HOÁ"
    assert decode_tcvn3("ñy ban nh©n d©n", capitals=True) == "ỦY BAN NHÂN DÂN"


def test_lower_case_font_cannot_show_toned_capitals() -> None:
    # In .VnTime "Ủ" has no code of its own: it is typed (and shown) as "ủ".
    assert encode_tcvn3("Ủy ban nhân dân") == "ñy ban nh©n d©n"
    assert decode_tcvn3(encode_tcvn3("Ủy ban nhân dân")) == "ủy ban nhân dân"
    assert decode_vni(encode_vni("Ủy ban nhân dân")) == "Ủy ban nhân dân"


def test_whole_alphabet_round_trips() -> None:
    for text in (LOWER_ALPHABET, UPPER_ALPHABET, LOWER_ALPHABET + UPPER_ALPHABET):
        assert decode_vni(encode_vni(text)) == text
    assert decode_tcvn3(encode_tcvn3(LOWER_ALPHABET)) == LOWER_ALPHABET
    assert decode_tcvn3(encode_tcvn3(UPPER_ALPHABET), capitals=True) == UPPER_ALPHABET
    assert decode_tcvn3(encode_tcvn3("ĂÂÊÔƠƯĐ")) == "ĂÂÊÔƠƯĐ"
    assert len({ch for ch in encode_tcvn3(LOWER_ALPHABET) if not ch.isascii()}) == 67  # one code per letter
    assert all(ch.encode("cp1252") for ch in encode_tcvn3(LOWER_ALPHABET + UPPER_ALPHABET))
    assert all(ch.encode("cp1252") for ch in encode_vni(LOWER_ALPHABET + UPPER_ALPHABET))


def test_outputs_are_nfc_and_decomposed_input_is_accepted() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
    assert encode_vni(decomposed) == encode_vni("Nguyễn Thị Hằng")
    assert encode_tcvn3(decomposed) == encode_tcvn3("Nguyễn Thị Hằng")
    for word in KNOWN_WORDS:
        assert _nfc(decode_vni(encode_vni(word)))
        assert _nfc(decode_tcvn3(encode_tcvn3(word)))
    assert repair(decomposed) == ("Nguyễn Thị Hằng", None)


# --- fonts, detection, repair ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnArial Narrow", "tcvn3"),
        (".VnBahamasB", "tcvn3"),
        (".VnTimeH", "tcvn3h"),
        (".VnArialH", "tcvn3h"),
        (".VnArial NarrowH", "tcvn3h"),
        ("  .VNTIMEH ", "tcvn3h"),
        ("VNI-Times", "vni"),
        ("VNI-Helve", "vni"),
        ("vni-helve-condense", "vni"),
        ("Times New Roman", None),
        ("Arial", None),
        ("Calibri", None),
        ("", None),
        (None, None),
    ],
)
def test_encoding_for_font(font: str | None, expected: str | None) -> None:
    assert encoding_for_font(font) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Định Hóa",
        "Nguyễn Thị Ánh",
        "Ông Bà",
        "Hòa Bình",
        "Bà",
        "Hóa",
        "HOÀNG VĂN THÁI",
        "Đà Nẵng",
        "Bùi Thị Xuân",
        "Café",
        "Müller",
        "Straße",
        "crème brûlée",
        "naïve",
        "Señor José",
        "Zürich",
        "Hôtel de Ville",
        "São Paulo",
        "où",
        "Phong Sơn",
        "Tran Van An",
        "UBND xã",
        "12.345,67",
        "25°C",
        "nguyen.van.a@example.com",
        "",
        "   ",
    ],
)
def test_detection_leaves_ordinary_text_alone(text: str) -> None:
    assert detect_legacy(text) is None
    assert repair(text) == (unicodedata.normalize("NFC", text), None)


def test_detection_by_text() -> None:
    assert detect_legacy("§Þnh Ho¸") == "tcvn3"
    assert detect_legacy("Ñònh Hoùa") == "vni"
    assert detect_legacy("Hoùa") == "vni"
    for word in KNOWN_WORDS:
        assert detect_legacy(encode_tcvn3(word)) == "tcvn3", word
        assert detect_legacy(encode_vni(word)) == "vni", word


def test_detection_of_multi_line_cells() -> None:
    text = "Phó Bí thư Đảng ủy\nChủ tịch UBND xã Phượng Tiến"
    assert repair(encode_tcvn3(text)) == (text, "tcvn3")
    assert repair(encode_vni(text)) == (text, "vni")


def test_all_capital_tcvn3_text_is_read_as_a_capital_font() -> None:
    assert repair("§ÞNH HO¸") == ("ĐỊNH HOÁ", "tcvn3h")
    assert repair(encode_tcvn3("NGUYỄN THỊ HẰNG")) == ("NGUYỄN THỊ HẰNG", "tcvn3h")


def test_repair_font_wins_over_detection() -> None:
    vni = encode_vni("Lương Văn Lành")
    assert repair(vni, ".VnTime")[1] == "tcvn3"  # the font says TCVN3, so TCVN3 it is
    assert repair(encode_tcvn3("Phượng Tiến"), "VNI-Times")[1] == "vni"
    assert repair("§Þnh Ho¸", "Times New Roman") == ("Định Hoá", "tcvn3")  # Unicode font: detect


def test_repair_keeps_unicode_typed_in_a_legacy_font() -> None:
    # Characters no cp1252 reading can produce mean the cell really holds Unicode.
    assert repair("Định Hóa", ".VnTime") == ("Định Hóa", None)
    assert repair("Nguyễn Thị Hằng", "VNI-Times") == ("Nguyễn Thị Hằng", None)


def test_repair_unchanged_text_reports_no_encoding() -> None:
    assert repair("Tran Van An", ".VnTime") == ("Tran Van An", None)
    assert repair("Tran Van An", "VNI-Times") == ("Tran Van An", None)
    assert repair("") == ("", None)
    assert repair("abc", ".VnTimeH") == ("ABC", "tcvn3h")
