"""The `Cán bộ` sheet: one row per leadership/management cadre, in any of the layouts communes use."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..periods import Period
from ..returns import CadreData
from ..vntext import fold
from ..vocab import ethnic_group as _ethnic_group
from . import vocabulary
from .issues import Findings, Issue
from .matching import cell, looks_like_heading
from .reader import Cell
from .specs import CADRES
from .tables import Layout, extra_column_warnings, iter_data_rows, locate_table
from .values import ValueProblem, age_problem, is_blank, is_mark, parse_birth_year, text

ethnic_group = lru_cache(maxsize=1024)(_ethnic_group)
# Each distinct value is parsed once per process (typed: 1, 1.0 and True are different cells). A value that is
# refused raises each time (lru_cache keeps no exceptions), so every bad cell is still reported.
_education = lru_cache(maxsize=4096, typed=True)(vocabulary.education)
_political_theory = lru_cache(maxsize=4096, typed=True)(vocabulary.political_theory)
_state_mgmt = lru_cache(maxsize=4096, typed=True)(vocabulary.state_mgmt)
_gender = lru_cache(maxsize=256, typed=True)(vocabulary.gender)
_person_name = lru_cache(maxsize=65536, typed=True)(vocabulary.person_name)
_birth_year = lru_cache(maxsize=4096, typed=True)(parse_birth_year)
_text = lru_cache(maxsize=65536, typed=True)(text)
_LABELS = {spec.name: spec.label for spec in CADRES}


class _Row:
    """Reads one data row, collecting every problem of the row before giving up on it."""

    __slots__ = ("sheet", "number", "values", "layout", "columns", "found", "failed")

    def __init__(
        self, sheet: str, number: int, values: Sequence[Cell], layout: Layout, columns: dict[str, int], found: Findings
    ) -> None:
        # ``values`` ends with an empty cell after the claimed columns, where every absent field of ``columns`` points.
        self.sheet, self.number, self.values, self.layout, self.columns = sheet, number, values, layout, columns
        self.found = found
        self.failed = False

    def fail(self, name: str, message: str) -> None:
        self.found.error(self.sheet, self.number, _LABELS.get(name, name), message)
        self.failed = True

    def parse(self, name: str, parser: object, required: bool = False) -> object:
        value = self.values[self.columns[name]]
        if value is None or (isinstance(value, str) and not value.strip()):  # is_blank inline: asked of every cell
            if required:
                self.fail(name, "chưa nhập (bắt buộc).")
            return None
        try:
            return parser(value)  # type: ignore[operator]
        except ValueProblem as problem:
            self.fail(name, str(problem))
            return None


def _birth_and_gender(row: _Row) -> tuple[int | None, str]:
    """Birth year and gender, from their own columns or from the Nam | Nữ pair (a mark or the birth year)."""
    split = row.layout.split
    gender = row.parse("gender", _gender) or "" if "gender" in row.layout.columns else ""
    if "nam" not in split and "nu" not in split:
        year = row.parse("birth_year", _birth_year, required=True)
        return year, str(gender)  # type: ignore[return-value]
    male, female = cell(row.values, split.get("nam")), cell(row.values, split.get("nu"))
    has_year_column = "birth_year" in row.layout.columns
    if has_year_column:
        year = row.parse("birth_year", _birth_year, required=True)
        if is_mark(male) != is_mark(female):
            gender = "Nam" if is_mark(male) else "Nữ"
        return year, str(gender)  # type: ignore[return-value]
    filled = [(label, v) for label, v in (("Nam", male), ("Nữ", female)) if not is_blank(v)]
    if len(filled) != 1:
        row.fail(
            "birth_year", "ghi năm sinh vào đúng một trong hai cột Nam hoặc Nữ." if filled else "chưa nhập (bắt buộc)."
        )
        return None, ""
    label, value = filled[0]
    try:
        return _birth_year(value), label
    except ValueProblem as problem:
        row.fail("birth_year", str(problem))
        return None, label


_Read = tuple  # (name, year, gender, education, speciality, theory, state, ethnicity)


def _read_row(
    sheet: str,
    number: int,
    values: list[Cell],
    layout: Layout,
    columns: dict[str, int],
    found: Findings,
    name_col: int,
    stt_col: int | None,
    others: list[int],
    end_year: int | None,
) -> _Read | None:
    """One row read field by field, every problem reported; None when the row is skipped or refused."""
    row = _Row(sheet, number, values, layout, columns, found)
    name = _person_name(values[name_col])
    stt = values[stt_col] if stt_col is not None else None
    only_name = all(values[i] is None for i in others)
    if name and only_name and (looks_like_heading(stt, name) or stt_col is None or stt is None):
        if not looks_like_heading(stt, name):
            found.warn(sheet, number, "Họ và tên", f'dòng chỉ có "{name}", không có số liệu; đã bỏ qua.')
        return None
    if not name:
        row.fail("full_name", "chưa nhập họ và tên.")
    elif not any(ch.isalpha() for ch in name):
        row.fail("full_name", f'họ và tên "{name}" không hợp lệ.')
    year, gender = _birth_and_gender(row)
    if year is not None and end_year is not None:
        why = age_problem(year, end_year)
        if why:
            row.fail("birth_year", why)
    education_value = row.parse("education", _education, required=True)
    education, speciality = education_value if isinstance(education_value, tuple) else (None, "")
    theory = row.parse("political_theory", _political_theory, required=True)
    state = row.parse("state_mgmt", _state_mgmt) or ""
    ethnicity = _text(values[columns["ethnicity"]])
    if ethnicity:
        official = ethnic_group(ethnicity)
        if official is None:
            found.warn(sheet, number, "Dân tộc", f'dân tộc "{ethnicity}" không có trong danh mục 54 dân tộc.')
        ethnicity = official or ethnicity
    if row.failed or education is None or theory is None:
        return None
    return name, year, gender, education, speciality, theory, state, ethnicity


_PROBLEM = object()  # a value its parser refuses


def _quietly(parser: object) -> object:
    """``parser`` as ``_Row.parse`` calls it, answering once per distinct value: None for a blank cell and
    ``_PROBLEM`` for a refused one, instead of reporting it (the row is then read again by ``_read_row``)."""

    @lru_cache(maxsize=4096, typed=True)
    def parse(value: Cell) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parser(value)  # type: ignore[operator]
        except ValueProblem:
            return _PROBLEM

    return parse


_quiet_education = _quietly(_education)
_quiet_theory = _quietly(_political_theory)
_quiet_state = _quietly(_state_mgmt)
_quiet_gender = _quietly(_gender)
_quiet_year = _quietly(_birth_year)


def _read_clean_rows(
    padded: list[list[Cell]],
    layout: Layout,
    columns: dict[str, int],
    name_col: int,
    others: list[int],
    end_year: int | None,
) -> list[_Read | None] | None:
    """What ``_read_row`` answers for each row that it would read without a word (nearly all of them), a column at
    a time; None for the other rows, which are read by ``_read_row`` in turn (and for every row of a Nam | Nữ
    layout, whose birth year and gender need the row's two cells)."""
    if "nam" in layout.split or "nu" in layout.split:
        return None

    def column(name: str) -> list[Cell]:
        index = columns[name]
        return [values[index] for values in padded]

    names = list(map(_person_name, column("full_name")))
    years = list(map(_quiet_year, column("birth_year")))
    genders = list(map(_quiet_gender, column("gender"))) if "gender" in layout.columns else [""] * len(padded)
    educations = list(map(_quiet_education, column("education")))
    theories = list(map(_quiet_theory, column("political_theory")))
    states = list(map(_quiet_state, column("state_mgmt")))
    ethnicities = list(map(_text, column("ethnicity")))
    too_old_or_young = {y for y in set(years) if type(y) is int and end_year is not None and age_problem(y, end_year)}
    read: list[_Read | None] = []
    for values, name, year, gender, education, theory, state, ethnicity in zip(
        padded, names, years, genders, educations, theories, states, ethnicities, strict=True
    ):
        if (
            not name
            or not name[0].isalpha()
            or type(year) is not int
            or year in too_old_or_young
            or gender is _PROBLEM
            or type(education) is not tuple
            or education[0] is None
            or theory is None
            or theory is _PROBLEM
            or state is _PROBLEM
            or all(values[i] is None for i in others)
        ):
            read.append(None)
            continue
        if ethnicity:
            official = ethnic_group(ethnicity)
            if official is None:
                read.append(None)
                continue
            ethnicity = official
        read.append((name, year, str(gender or ""), education[0], education[1], theory, state or "", ethnicity))
    return read


def parse_cadres(
    sheet: str, rows: Sequence[Sequence[Cell]], found: Findings, period: Period | None = None
) -> list[CadreData] | None:
    """The cadres of the sheet, or None when any row is refused. Ages are judged at ``period``; the same person
    (name, birth year and post, compared as folded text) listed twice is refused, naming both rows."""
    layout = locate_table(rows, CADRES, "full_name")
    if layout is None:
        found.error(
            sheet, None, None, 'không tìm thấy dòng tiêu đề có cột "Họ và tên" trong 20 dòng đầu của trang tính.'
        )
        return None
    found.warnings.extend(extra_column_warnings(sheet, layout))
    split_birth = ("nam" in layout.split or "nu" in layout.split) and "birth_year" not in layout.columns
    missing = [
        s
        for s in CADRES
        if s.required and s.name not in layout.columns and not (s.name == "birth_year" and split_birth)
    ]
    for spec in missing:
        found.error(sheet, layout.header_rows[0] + 1, spec.label, "thiếu cột bắt buộc trong dòng tiêu đề.")
    if missing:
        return None
    before = len(found.errors)
    name_col, stt_col = layout.columns["full_name"], layout.columns.get("stt")
    cadres: list[CadreData] = []
    seen: dict[tuple[str, int | None], int] = {}
    same_post: dict[tuple[str, int | None, str], int] = {}
    # Resolved once per sheet, not per row: every field's column (an absent one points at the cell after the last
    # claimed column, always empty: each row is cut or padded to end there) and the columns besides name and number.
    claimed = set(layout.columns.values()) | set(layout.split.values())
    past = max(claimed) + 1
    columns = {spec.name: layout.columns.get(spec.name, past) for spec in CADRES}
    others = [i for i in claimed if i not in (name_col, stt_col)]
    padding: list[Cell] = [None] * (past + 1)
    end_year = period.end.year if period is not None else None
    # The rows past a total or signature line are reported after the data rows' own warnings, as they come last.
    past_footer: list[Issue] = []
    data_rows = list(iter_data_rows(rows, layout, sheet, name_col, past_footer, stt_col))
    # Each row cut or padded to end at ``past`` (always empty), where every absent field of ``columns`` points.
    padded = [[*data.values[:past], *padding[min(len(data.values), past) :]] for data in data_rows]
    quick = _read_clean_rows(padded, layout, columns, name_col, others, end_year)
    for k, data in enumerate(data_rows):
        values = padded[k]
        read = quick[k] if quick is not None else None
        if read is None:  # a row with something to say (or any row of a Nam | Nữ layout): read field by field
            read = _read_row(sheet, data.number, values, layout, columns, found, name_col, stt_col, others, end_year)
            if read is None:
                continue
        name, year, gender, education, speciality, theory, state, ethnicity = read
        key = (fold(name), year)
        position = _text(values[columns["position"]])
        person = (*key, fold(position))
        if person in same_post:
            found.error(
                sheet, data.number, "Họ và tên",
                f'"{name}" (sinh năm {year}, {position or "không ghi chức vụ"}) đã có ở dòng {same_post[person]}: một '
                "người được ghi hai lần. Hãy xóa một trong hai dòng rồi nhập lại.",
            )  # fmt: skip
            continue
        same_post[person] = data.number
        if key in seen:
            found.warn(
                sheet, data.number, "Họ và tên",
                f'"{name}" (sinh năm {year}) trùng với dòng {seen[key]}; kiểm tra xem có ghi một người hai lần không.',
            )  # fmt: skip
        seen.setdefault(key, data.number)
        cadres.append(
            CadreData(
                full_name=name,
                birth_year=year,
                education=str(education),
                political_theory=str(theory),
                gender=gender,
                ethnicity=ethnicity,
                position=position,
                major=_text(values[columns["major"]]) or speciality,
                state_mgmt=str(state),
                it_skill=_text(values[columns["it_skill"]]),
                language=_text(values[columns["language"]]),
                notes=_text(values[columns["notes"]]),
                seq=len(cadres) + 1,
            )
        )
    found.warnings.extend(past_footer)
    return cadres if len(found.errors) == before else None
