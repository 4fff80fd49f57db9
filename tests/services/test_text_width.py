"""The widest of many texts, found without measuring them all, is the widest measured one by one."""

from __future__ import annotations

import random

from dean_desktop.services.excel_export.text_width import text_width, widest_text_width

LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵWMQ .,-0123456789\n"


def test_the_shortcut_gives_the_width_of_measuring_every_text() -> None:
    rng = random.Random(20161)
    for _ in range(300):
        texts = {"".join(rng.choice(LETTERS) for _ in range(rng.randint(0, 40))) for _ in range(rng.randint(0, 60))}
        assert widest_text_width(texts) == max((text_width(t) for t in texts), default=0.0)


def test_a_short_wide_text_beats_a_long_narrow_one() -> None:
    assert text_width("MMMMMMMM") > text_width("iiiiiiiiiii")
    assert widest_text_width(["iiiiiiiiiii", "MMMMMMMM"]) == text_width("MMMMMMMM")
