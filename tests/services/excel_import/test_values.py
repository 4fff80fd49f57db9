"""Cell values as clerks type them: what is read, what is refused and how the refusal reads (values.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dean_desktop.services.excel_import.values import (
    ValueProblem,
    age_problem,
    date_problem,
    is_blank,
    is_hedge,
    is_mark,
    is_tick,
    parse_area,
    parse_birth_year,
    parse_count,
    parse_date,
    parse_number,
    parse_yes_no,
    show,
    text,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(datetime(2017, 3, 1, 8, 30), "01/03/2017 08:30"), (datetime(2017, 3, 1), "01/03/2017"),
     (date(2017, 3, 1), "01/03/2017"), (True, "TRUE"), (False, "FALSE"), (34.5, "34,5"), (None, ""), (7, "7")],
)  # fmt: skip
def test_values_are_shown_as_the_clerk_typed_them(value: object, shown: str) -> None:
    assert show(value) == shown  # type: ignore[arg-type]


def test_free_text_is_nfc_and_numbers_and_dates_read_as_shown() -> None:
    assert text(None) == "" and text(12) == "12" and text(date(2017, 1, 2)) == "02/01/2017"
    assert text("Nguye\u0302\u0303n") == "Nguyễn"
    assert is_blank("  ") and is_blank(None) and not is_blank(0)


@pytest.mark.parametrize(
    ("value", "number"),
    [(3, 3.0), (34.5, 34.5), ("34,5", 34.5), ("34.5", 34.5), ("30 m2", 30.0), ("30m²", 30.0), ("2 máy", 2.0),
     ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("Không", 0.0), ("chưa có", 0.0),
     ("-", None), ("x", None), ("", None), (None, None), ("4 người.", 4.0), ("12 tháng", 12.0)],
)  # fmt: skip
def test_numbers_typed_as_numbers_or_text(value: object, number: float | None) -> None:
    assert parse_number(value) == number  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, "ba", "3 + 4", date(2017, 1, 1), "12a"])
def test_what_is_not_a_number_is_refused_naming_the_value(value: object) -> None:
    with pytest.raises(ValueProblem, match="không phải là số"):
        parse_number(value)  # type: ignore[arg-type]


def test_counts_are_whole_and_not_negative() -> None:
    assert parse_count("02") == 2 and parse_count("2,0") == 2 and parse_count(None) is None
    with pytest.raises(ValueProblem, match="phải là số nguyên không âm"):
        parse_count(-1)
    with pytest.raises(ValueProblem, match="phải là số nguyên không âm"):
        parse_count("2,5")
    with pytest.raises(ValueProblem, match=r"quá lớn \(tối đa 100\)"):
        parse_count(101, maximum=100)


def test_an_area_is_between_zero_and_a_hundred_thousand() -> None:
    assert parse_area("34,5 m²") == 34.5 and parse_area(None) is None
    with pytest.raises(ValueProblem, match='diện tích "-3" không hợp lệ'):
        parse_area(-3)


@pytest.mark.parametrize(
    ("value", "day", "note"),
    [
        (datetime(2016, 11, 25, 10, 0), date(2016, 11, 25), None), (date(2016, 11, 25), date(2016, 11, 25), None),
        ("25/11/2016", date(2016, 11, 25), None), ("25-11-2016", date(2016, 11, 25), None),
        ("25.11.2016", date(2016, 11, 25), None), ("2016-11-25", date(2016, 11, 25), None),
        ("25/11/16", date(2016, 11, 25), None), ("11/25/2016", date(2016, 11, 25), None),
        ("ngày 25 tháng 11 năm 2016", date(2016, 11, 25), None), (42699, date(2016, 11, 25), None),
        (2016, date(2016, 1, 1), 'chỉ ghi năm "2016", lấy ngày 01/01/2016'),
        ("11/2016", date(2016, 11, 1), 'chỉ ghi tháng/năm "11/2016", lấy ngày 01/11/2016'),
        ("tháng 11 năm 2016", date(2016, 11, 1), 'chỉ ghi tháng/năm "tháng 11 năm 2016", lấy ngày 01/11/2016'),
        ("Năm 2016", date(2016, 1, 1), 'chỉ ghi năm "Năm 2016", lấy ngày 01/01/2016'),
        (None, None, None),
    ],
)  # fmt: skip
def test_dates_as_excel_dates_or_text(value: object, day: date | None, note: str | None) -> None:
    assert parse_date(value) == (day, note)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [("31/02/2017", 'ngày "31/02/2017" không tồn tại'), ("2017-02-31", 'ngày "2017-02-31" không tồn tại'),
     (123, 'giá trị "123" không phải là ngày'), ("hôm qua", 'giá trị "hôm qua" không phải là ngày'),
     ("13/2016", 'giá trị "13/2016" không phải là ngày')],
)  # fmt: skip
def test_what_is_not_a_date_is_refused(value: object, message: str) -> None:
    with pytest.raises(ValueProblem, match=message):
        parse_date(value)  # type: ignore[arg-type]


def test_a_partial_date_is_refused_where_a_whole_one_is_needed() -> None:
    with pytest.raises(ValueProblem):
        parse_date("11/2016", allow_partial=False)
    with pytest.raises(ValueProblem):
        parse_date(2016, allow_partial=False)


@pytest.mark.parametrize(
    ("value", "year"),
    [(1975, 1975), (1975.0, 1975), ("1975", 1975), ("1975.0", 1975), ("12/5/1975", 1975), (date(1975, 5, 12), 1975),
     (datetime(1975, 5, 12), 1975), (27526, 1975), ("12 - 05 - 1975", 1975), ("5/1975", 1975), (None, None)],
)  # fmt: skip
def test_a_birth_year_from_a_year_a_date_or_text(value: object, year: int | None) -> None:
    assert parse_birth_year(value) == year  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [("bảy lăm", "không phải là năm sinh"), (75, "không phải là năm sinh"),
     ("1975 hoặc 1976", "không phải là năm sinh"), (1890, "năm sinh 1890 không hợp lệ"),
     ("2015", "năm sinh 2015 không hợp lệ")],
)  # fmt: skip
def test_what_is_not_a_birth_year_is_refused(value: object, message: str) -> None:
    with pytest.raises(ValueProblem, match=message):
        parse_birth_year(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "answer"),
    [(True, True), (False, False), (1, True), (0, False), ("Có", True), ("co", True), ("x", True), ("X", True),
     ("✓", True), ("✗", False), ("Không", False), ("K", False), ("ko", False), ("-", False), ("Đã kết nối", True),
     ("Có, dùng chung", True), ("Không, dùng chung", False), ("Chưa (đang sửa)", False), ("TRUE", True), (None, None)],
)  # fmt: skip
def test_co_khong_as_clerks_write_it(value: object, answer: bool | None) -> None:
    assert parse_yes_no(value) is answer  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [2, 0.5, "đang làm", "Có thể", "có lẽ", "chưa rõ", "?"])
def test_anything_else_in_a_co_khong_cell_is_refused(value: object) -> None:
    with pytest.raises(ValueProblem):
        parse_yes_no(value)  # type: ignore[arg-type]


def test_hedges_are_told_from_answers() -> None:
    assert is_hedge("Có lẽ có") and is_hedge("không biết") and is_hedge("Có?") and is_hedge("Chưa xác định")
    assert not is_hedge("Có") and not is_hedge("Không có") and not is_hedge(1) and not is_hedge("Đã kết nối")


def test_marks_and_ticks() -> None:
    assert is_mark("x") and is_mark("✓") and is_mark(1) and is_mark(True) and is_mark("Có")
    assert not is_mark(None) and not is_mark("✗") and not is_mark(0) and not is_mark("Không")
    assert is_tick("x") and is_tick("√") and not is_tick("Có") and not is_tick(1)


def test_dates_and_ages_that_cannot_be_true() -> None:
    assert date_problem(date(1944, 12, 31)) == "ngày 31/12/1944 trước năm 1945, không hợp lệ; hãy kiểm tra lại"
    assert date_problem(date(1945, 1, 1)) is None and date_problem(date(2017, 6, 30), date(2017, 6, 30)) is None
    assert "sau khi kỳ báo cáo kết thúc (30/06/2017)" in str(date_problem(date(2017, 7, 1), date(2017, 6, 30)))
    assert age_problem(1999, 2017) is None and age_problem(1937, 2017) is None
    assert "mới 17 tuổi" in str(age_problem(2000, 2017)) and "đã 81 tuổi" in str(age_problem(1936, 2017))
