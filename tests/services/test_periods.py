"""Tests for dean_desktop.services.periods."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from dean_desktop.services.periods import (
    Period,
    PeriodError,
    parse_period,
    period_containing,
    period_from_code,
)

# (typed text, expected code, expected label)
VALID_FORMS: list[tuple[str, str, str]] = [
    # years
    ("Năm 2017", "2017", "Năm 2017"),
    ("2017", "2017", "Năm 2017"),
    ("năm 2017", "2017", "Năm 2017"),
    ("NĂM 2017", "2017", "Năm 2017"),
    ("nam 2017", "2017", "Năm 2017"),
    ("  Năm   2017  ", "2017", "Năm 2017"),
    ("Năm\u00a02017", "2017", "Năm 2017"),
    # half-years
    ("6 tháng đầu năm 2017", "2017-H1", "6 tháng đầu năm 2017"),
    ("6 tháng cuối năm 2017", "2017-H2", "6 tháng cuối năm 2017"),
    ("6 tháng đầu 2017", "2017-H1", "6 tháng đầu năm 2017"),
    ("06 tháng đầu năm 2017", "2017-H1", "6 tháng đầu năm 2017"),
    ("6 thang dau nam 2017", "2017-H1", "6 tháng đầu năm 2017"),
    ("6 thang cuoi nam 2017", "2017-H2", "6 tháng cuối năm 2017"),
    ("Sáu tháng đầu năm 2017", "2017-H1", "6 tháng đầu năm 2017"),
    ("SÁU THÁNG CUỐI NĂM 2017", "2017-H2", "6 tháng cuối năm 2017"),
    ("6  tháng   cuối 2017", "2017-H2", "6 tháng cuối năm 2017"),
    # quarters
    ("Quý I/2017", "2017-Q1", "Quý I/2017"),
    ("Quý II/2017", "2017-Q2", "Quý II/2017"),
    ("Quý III/2017", "2017-Q3", "Quý III/2017"),
    ("Quý IV/2017", "2017-Q4", "Quý IV/2017"),
    ("Quý 1/2017", "2017-Q1", "Quý I/2017"),
    ("Quý 1 năm 2017", "2017-Q1", "Quý I/2017"),
    ("Quý II - 2017", "2017-Q2", "Quý II/2017"),
    ("Qúy I/2017", "2017-Q1", "Quý I/2017"),
    ("Quí 3/2017", "2017-Q3", "Quý III/2017"),
    ("quy iv/2017", "2017-Q4", "Quý IV/2017"),
    ("QUÝ IV / 2017", "2017-Q4", "Quý IV/2017"),
    ("Quý I năm 2017", "2017-Q1", "Quý I/2017"),
    # months
    ("Tháng 3/2017", "2017-03", "Tháng 3/2017"),
    ("Tháng 03/2017", "2017-03", "Tháng 3/2017"),
    ("tháng 3 năm 2017", "2017-03", "Tháng 3/2017"),
    ("Tháng 12-2017", "2017-12", "Tháng 12/2017"),
    ("thang 1/2017", "2017-01", "Tháng 1/2017"),
    ("THÁNG 10 NĂM 2017", "2017-10", "Tháng 10/2017"),
    # canonical codes
    ("2017-H1", "2017-H1", "6 tháng đầu năm 2017"),
    ("2017-H2", "2017-H2", "6 tháng cuối năm 2017"),
    ("2017-Q3", "2017-Q3", "Quý III/2017"),
    ("2017-03", "2017-03", "Tháng 3/2017"),
    ("2017-q3", "2017-Q3", "Quý III/2017"),
]


@pytest.mark.parametrize(("text", "code", "label"), VALID_FORMS)
def test_parse_valid_forms(text: str, code: str, label: str) -> None:
    period = parse_period(text)
    assert period.code == code
    assert period.label == label


@pytest.mark.parametrize(("text", "code", "label"), VALID_FORMS)
def test_parse_nfd_input(text: str, code: str, label: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    period = parse_period(nfd)
    assert period.code == code
    assert period.label == label


def test_nfd_input_really_differs_from_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "6 tháng đầu năm 2017")
    assert nfd != "6 tháng đầu năm 2017"
    assert parse_period(nfd) == Period("half", 2017, 1)


def test_parse_int_year() -> None:
    assert parse_period(2017) == Period("year", 2017)  # type: ignore[arg-type]


ALL_2017 = (
    [Period("year", 2017)]
    + [Period("half", 2017, i) for i in (1, 2)]
    + [Period("quarter", 2017, i) for i in range(1, 5)]
    + [Period("month", 2017, i) for i in range(1, 13)]
)


@pytest.mark.parametrize("period", ALL_2017, ids=lambda p: p.code)
def test_labels_are_nfc(period: Period) -> None:
    assert unicodedata.is_normalized("NFC", period.label)
    assert str(period) == period.label


@pytest.mark.parametrize("period", ALL_2017, ids=lambda p: p.code)
def test_round_trips(period: Period) -> None:
    assert period_from_code(period.code) == period
    assert parse_period(period.code) == period
    assert parse_period(period.label) == period
    assert parse_period(unicodedata.normalize("NFD", period.label)) == period


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (Period("year", 2017), date(2017, 1, 1), date(2017, 12, 31)),
        (Period("half", 2017, 1), date(2017, 1, 1), date(2017, 6, 30)),
        (Period("half", 2017, 2), date(2017, 7, 1), date(2017, 12, 31)),
        (Period("quarter", 2017, 1), date(2017, 1, 1), date(2017, 3, 31)),
        (Period("quarter", 2017, 2), date(2017, 4, 1), date(2017, 6, 30)),
        (Period("quarter", 2017, 3), date(2017, 7, 1), date(2017, 9, 30)),
        (Period("quarter", 2017, 4), date(2017, 10, 1), date(2017, 12, 31)),
        (Period("month", 2017, 2), date(2017, 2, 1), date(2017, 2, 28)),
        (Period("month", 2020, 2), date(2020, 2, 1), date(2020, 2, 29)),
        (Period("month", 2017, 4), date(2017, 4, 1), date(2017, 4, 30)),
        (Period("month", 2017, 12), date(2017, 12, 1), date(2017, 12, 31)),
    ],
    ids=lambda v: v.code if isinstance(v, Period) else None,
)
def test_start_end(period: Period, start: date, end: date) -> None:
    assert period.start == start
    assert period.end == end
    assert period.contains(start)
    assert period.contains(end)


def test_parsed_dates() -> None:
    q1 = parse_period("Quý I/2017")
    assert (q1.start, q1.end) == (date(2017, 1, 1), date(2017, 3, 31))
    h2 = parse_period("6 tháng cuối năm 2017")
    assert (h2.start, h2.end) == (date(2017, 7, 1), date(2017, 12, 31))
    assert parse_period("Tháng 2/2020").end == date(2020, 2, 29)


def test_ordering_within_year() -> None:
    q1 = parse_period("Quý I/2017")
    h1 = parse_period("6 tháng đầu năm 2017")
    q3 = parse_period("Quý III/2017")
    year = parse_period("Năm 2017")
    assert q1 < h1 < q3 < year
    assert sorted([year, q3, h1, q1]) == [q1, h1, q3, year]
    assert year > q3 >= parse_period("Quý 3/2017")
    assert q1 <= Period("quarter", 2017, 1)


def test_same_end_date_shorter_first() -> None:
    dec = Period("month", 2017, 12)
    q4 = Period("quarter", 2017, 4)
    h2 = Period("half", 2017, 2)
    year = Period("year", 2017)
    assert dec.end == q4.end == h2.end == year.end
    assert sorted([year, h2, q4, dec]) == [dec, q4, h2, year]
    assert Period("month", 2017, 6) < Period("quarter", 2017, 2) < Period("half", 2017, 1)


def test_ordering_across_years() -> None:
    assert parse_period("Tháng 12/2016") < parse_period("Quý I/2017")
    assert parse_period("Năm 2016") < parse_period("Tháng 1/2017")
    assert parse_period("Tháng 11/2017") < parse_period("Quý IV/2017")


def test_sort_key_is_tuple_and_consistent_with_equality() -> None:
    keys = {p.sort_key for p in ALL_2017}
    assert len(keys) == len(ALL_2017)
    assert all(isinstance(p.sort_key, tuple) for p in ALL_2017)
    assert Period("quarter", 2017, 3) == parse_period("Quí 3/2017")
    assert hash(Period("quarter", 2017, 3)) == hash(parse_period("Quý III/2017"))


def test_compare_with_other_type() -> None:
    with pytest.raises(TypeError):
        _ = Period("year", 2017) < "2017"  # type: ignore[operator]
    assert Period("year", 2017) != "2017"


def test_period_is_frozen() -> None:
    period = Period("year", 2017)
    with pytest.raises(AttributeError):
        period.year = 2018  # type: ignore[misc]


@pytest.mark.parametrize("text", ["abc", "2017/2018", "Quý", "Tháng 3", "17", "Năm 20170", "Kỳ 1/2017", "Quý 1 2017 x"])
def test_invalid_text_names_bad_text(text: str) -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    message = str(exc.value)
    assert f'"{text}"' in message
    assert "không hợp lệ" in message
    assert "Quý I/2017" in message  # gives valid examples


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_or_none(text: str | None) -> None:
    with pytest.raises(PeriodError, match="Chưa nhập kỳ báo cáo"):
        parse_period(text)  # type: ignore[arg-type]


def test_invalid_error_message_exact() -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period("abc")
    assert str(exc.value) == (
        'Kỳ báo cáo "abc" không hợp lệ (ví dụ hợp lệ: "Năm 2017", "6 tháng đầu năm 2017", "Quý I/2017", "Tháng 3/2017")'
    )


def test_period_error_is_value_error() -> None:
    assert issubclass(PeriodError, ValueError)


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Quý V/2017", '"V"'),
        ("Quý 5/2017", '"5"'),
        ("Quý 0/2017", '"0"'),
        ("Quý IIII/2017", '"IIII"'),
        ("2017-Q5", '"5"'),
    ],
)
def test_bad_quarter(text: str, bad: str) -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    message = str(exc.value)
    assert message.startswith(f"Quý {bad}")
    assert f'"{text}"' in message
    assert "từ I đến IV" in message


@pytest.mark.parametrize(
    ("text", "bad"),
    [("Tháng 13/2017", '"13"'), ("Tháng 0/2017", '"0"'), ("tháng 00 năm 2017", '"00"'), ("2017-13", '"13"')],
)
def test_bad_month(text: str, bad: str) -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    message = str(exc.value)
    assert message.startswith(f"Tháng {bad}")
    assert f'"{text}"' in message
    assert "từ 1 đến 12" in message


def test_bad_half_code() -> None:
    with pytest.raises(PeriodError, match='"H3"'):
        parse_period("2017-H3")


@pytest.mark.parametrize(
    ("text", "year"),
    [("Năm 1989", 1989), ("2101", 2101), ("Quý I/1900", 1900), ("Tháng 3/3000", 3000), ("6 tháng đầu năm 2200", 2200)],
)
def test_year_out_of_range(text: str, year: int) -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    message = str(exc.value)
    assert f"Năm {year}" in message
    assert "nằm ngoài khoảng cho phép (1990–2100)" in message
    assert f'"{text}"' in message


@pytest.mark.parametrize("text", ["Năm 1990", "Tháng 12/2100"])
def test_year_bounds_inclusive(text: str) -> None:
    parse_period(text)


def test_error_message_shows_nfc_text_for_nfd_input() -> None:
    nfd = unicodedata.normalize("NFD", "Quý V/2017")
    with pytest.raises(PeriodError) as exc:
        parse_period(nfd)
    assert '"Quý V/2017"' in str(exc.value)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2017", Period("year", 2017)),
        ("2017-H1", Period("half", 2017, 1)),
        ("2017-H2", Period("half", 2017, 2)),
        ("2017-Q3", Period("quarter", 2017, 3)),
        ("2017-03", Period("month", 2017, 3)),
        ("2017-12", Period("month", 2017, 12)),
    ],
)
def test_period_from_code(code: str, expected: Period) -> None:
    assert period_from_code(code) == expected


@pytest.mark.parametrize(
    "code",
    [
        "",
        " 2017",
        "2017 ",
        "2017-q3",
        "2017-h1",
        "2017-3",
        "2017-13",
        "2017-00",
        "2017-Q5",
        "2017-Q0",
        "2017-H3",
        "Năm 2017",
        "Quý I/2017",
        "17",
        "2017-Q03",
        None,
    ],
)
def test_period_from_code_strict(code: str | None) -> None:
    with pytest.raises(PeriodError, match="Mã kỳ báo cáo"):
        period_from_code(code)  # type: ignore[arg-type]


def test_period_from_code_year_out_of_range() -> None:
    with pytest.raises(PeriodError, match="nằm ngoài khoảng cho phép"):
        period_from_code("1989-Q1")


@pytest.mark.parametrize(
    ("d", "kind", "code"),
    [
        (date(2017, 5, 17), "year", "2017"),
        (date(2017, 6, 30), "half", "2017-H1"),
        (date(2017, 7, 1), "half", "2017-H2"),
        (date(2017, 3, 31), "quarter", "2017-Q1"),
        (date(2017, 4, 1), "quarter", "2017-Q2"),
        (date(2017, 12, 31), "quarter", "2017-Q4"),
        (date(2017, 2, 14), "month", "2017-02"),
        (datetime(2017, 9, 30, 23, 59), "quarter", "2017-Q3"),
    ],
)
def test_period_containing(d: date, kind: str, code: str) -> None:
    period = period_containing(d, kind)
    assert period.code == code
    assert period.contains(d)


def test_period_containing_default_is_year() -> None:
    assert period_containing(date(2018, 1, 1)) == Period("year", 2018)


def test_period_containing_bad_kind() -> None:
    with pytest.raises(PeriodError, match='"week"'):
        period_containing(date(2017, 1, 1), "week")


@pytest.mark.parametrize(
    ("kind", "year", "index"),
    [
        ("week", 2017, 1),
        ("year", 2017, 2),
        ("half", 2017, 3),
        ("quarter", 2017, 0),
        ("month", 2017, 13),
        ("year", 1989, 1),
        ("year", 2101, 1),
    ],
)
def test_period_constructor_validates(kind: str, year: int, index: int) -> None:
    with pytest.raises(PeriodError):
        Period(kind, year, index)
