"""The "Trình độ cán bộ" tab: register search, filters and Vietnamese sort; statistics; rotation records."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialog

from dean_desktop.services import rotations
from dean_desktop.services.cadres import LEVEL_COMMUNE, LEVEL_DISTRICT, level_statistics, list_cadres
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.returns import CadreData, ReturnData, save_return
from dean_desktop.services.units import list_units
from dean_desktop.services.vntext import fold, name_sort_key, sort_key
from dean_desktop.services.vocab import EDUCATION
from dean_desktop.ui.dialogs.rotation_dialog import RotationDialog
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.table_models.cadre_model import (
    CadreFilter,
    CadreTableModel,
    stat_lines,
    stats_model,
    targets_model,
)
from dean_desktop.ui.table_models.rotation_model import RotationTableModel
from dean_desktop.ui.tabs.cadres import CadresTab
from dean_desktop.ui.widgets import messages

from .helpers import type_text


def _show(qtbot, tab: CadresTab) -> CadresTab:  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def tab(qtbot, demo_store: Path) -> CadresTab:  # type: ignore[no-untyped-def]
    return _show(qtbot, CadresTab(AppSignals()))


def _shown(tab: CadresTab) -> list:  # type: ignore[type-arg]
    return tab.cadre_model.rows()


def _wait_count(qtbot, tab: CadresTab, shown: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.cadre_model.rowCount() == shown, timeout=2000)


def _searchable(row) -> str:  # type: ignore[no-untyped-def]
    return " ".join((row.name_folded, fold(row.position), fold(row.unit_name)))


def _starts_a_word(row, word: str, *, marks: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """Some word of the row's name, position or unit begins with ``word`` (compared with or without diacritics)."""
    text = " ".join((row.full_name, row.position, row.unit_name))
    words = (unicodedata.normalize("NFC", text).casefold() if marks else fold(text)).replace("-", " ").split()
    return any(w.startswith(word) for w in words)


# --- the register ---------------------------------------------------------------------
def test_register_lists_every_cadre(tab: CadresTab) -> None:
    total = len(list_cadres())
    assert total > 0
    assert tab.cadre_model.rowCount() == total
    assert tab.count_label.text() == f"Hiển thị {total} / {total} cán bộ"
    assert tab.search.placeholderText() == "Tìm theo họ tên, chức vụ, đơn vị…"
    headers = [tab.cadre_model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.cadre_model.columnCount())]
    assert headers == [
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Dân tộc",
        "Chức vụ",
        "Đơn vị",
        "Cấp",
        "Chuyên môn",
        "Chuyên ngành",
        "Lý luận chính trị",
        "Quản lý nhà nước",
        "Tin học",
        "Ngoại ngữ",
        "Kỳ báo cáo",
    ]
    first = tab.cadre_model.index(0, CadreTableModel.COL_PERIOD)
    assert tab.cadre_model.data(first) == "Năm 2018"


def test_typing_ascii_finds_vietnamese_names_after_the_debounce(qtbot, tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    total = tab.cadre_model.rowCount()
    expected = [r for r in list_cadres() if _starts_a_word(r, "nguyen")]
    assert 0 < len(expected) < total
    qtbot.keyClicks(tab.search, "nguyen")
    assert tab.cadre_model.rowCount() == total  # nothing happens until the typing pauses
    _wait_count(qtbot, tab, len(expected))
    assert all(r.full_name.startswith("Nguyễn") or "nguyen" in _searchable(r) for r in _shown(tab))
    assert tab.count_label.text() == f"Hiển thị {len(expected)} / {total} cán bộ"


def test_typing_vietnamese_with_an_input_method(qtbot, tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    expected = {r.id for r in list_cadres() if _starts_a_word(r, "đinh", marks=True)}
    type_text(tab.search, "Đinh")
    assert tab.search.text() == "Đinh"
    _wait_count(qtbot, tab, len(expected))
    assert {r.id for r in _shown(tab)} == expected
    # several words, any order of name parts, any unit: each word must match
    tab.search.clear()
    type_text(tab.search, "thị anh")  # "thị" exactly, "anh" with any marks (Anh, Ánh…)
    both = {r.id for r in list_cadres() if _starts_a_word(r, "thị", marks=True) and _starts_a_word(r, "anh")}
    qtbot.waitUntil(lambda: {r.id for r in _shown(tab)} == both)
    assert 0 < tab.cadre_model.rowCount() < len(list_cadres())


def test_search_matches_unit_and_position(qtbot, tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    unit = next(r.unit_name for r in list_cadres() if r.level == LEVEL_COMMUNE)
    type_text(tab.search, unit)
    qtbot.waitUntil(lambda: 0 < tab.cadre_model.rowCount() < len(list_cadres()))
    assert all(fold(unit) in _searchable(r) for r in _shown(tab))


@pytest.mark.parametrize(
    ("combo_name", "pick", "matches"),
    [
        ("unit_filter", lambda rows: rows[0].unit_id, lambda row, v: row.unit_id == v),
        ("level_filter", lambda rows: LEVEL_COMMUNE, lambda row, v: row.level == v),
        ("education_filter", lambda rows: "thac_si", lambda row, v: row.education == v),
        ("theory_filter", lambda rows: "cao_cap", lambda row, v: row.political_theory == v),
    ],
)
def test_each_filter_narrows_rows(
    tab: CadresTab,
    combo_name: str,
    pick: Callable,
    matches: Callable,  # type: ignore[type-arg]
) -> None:
    rows = list_cadres()
    combo = getattr(tab, combo_name)
    assert combo.itemText(0) == "Tất cả"
    value = pick(rows)
    combo.setCurrentIndex(combo.findData(value))
    expected = [r for r in rows if matches(r, value)]
    assert 0 < tab.cadre_model.rowCount() == len(expected) < len(rows)
    assert all(matches(r, value) for r in _shown(tab))
    tab.clear_filters.click()
    assert tab.cadre_model.rowCount() == len(rows)
    assert combo.currentIndex() == 0


def test_filters_combine_with_search(qtbot, tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    tab.level_filter.setCurrentIndex(tab.level_filter.findData(LEVEL_DISTRICT))
    qtbot.keyClicks(tab.search, "an")
    expected = [r for r in list_cadres() if r.level == LEVEL_DISTRICT and _starts_a_word(r, "an")]
    _wait_count(qtbot, tab, len(expected))
    assert {r.id for r in _shown(tab)} == {r.id for r in expected}


def test_filter_combos_offer_the_vocabularies(tab: CadresTab) -> None:
    assert [tab.level_filter.itemText(i) for i in range(3)] == ["Tất cả", "Cấp huyện", "Cấp xã"]
    assert tab.education_filter.findText("Thạc sĩ") > 0
    assert tab.theory_filter.findText("Cử nhân") > 0
    units = {r.unit_name for r in list_cadres()}
    assert {tab.unit_filter.itemText(i) for i in range(1, tab.unit_filter.count())} == units


def _tab_with_cadres(qtbot, names: list[str]) -> CadresTab:  # type: ignore[no-untyped-def]
    """A register holding one district agency's return with these cadres."""
    district = next(u for u in list_units() if u.kind == "huyen")
    cadres = [
        CadreData(full_name=n, birth_year=1980, education="dai_hoc", political_theory="trung_cap", seq=i)
        for i, n in enumerate(names, 1)
    ]
    save_return(ReturnData(unit_id=district.id, period=parse_period("Năm 2017"), cadres=cadres), source="test")
    return _show(qtbot, CadresTab(AppSignals()))


@pytest.fixture
def named_tab(qtbot, store: Path) -> CadresTab:  # type: ignore[no-untyped-def]
    return _tab_with_cadres(
        qtbot, ["Trần Văn Đức", "Lê Thị Ánh", "Nguyễn Văn An", "Hoàng Văn Bình", "Đinh Văn Dũng", "Bùi Thị Anh"]
    )


@pytest.fixture
def namesake_tab(qtbot, store: Path) -> CadresTab:  # type: ignore[no-untyped-def]
    return _tab_with_cadres(
        qtbot, ["Ma Thị Hằng", "Nguyễn Văn Thắng", "Lê Thị Hàng", "Đinh Thị Hạnh", "Hằng Văn Sơn", "Trần Văn Thắng"]
    )


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Hằng", {"Ma Thị Hằng", "Hằng Văn Sơn"}),  # diacritics typed: matched exactly, never "Thắng"
        ("hằng", {"Ma Thị Hằng", "Hằng Văn Sơn"}),  # case ignored
        ("hang", {"Ma Thị Hằng", "Lê Thị Hàng", "Hằng Văn Sơn"}),  # none typed: ignored, still from a word's start
        ("Hạ", {"Đinh Thị Hạnh"}),
        ("thị hằng", {"Ma Thị Hằng"}),
        ("ang", set()),  # never inside a word
    ],
)
def test_search_respects_the_diacritics_typed_and_word_starts(
    qtbot, namesake_tab: CadresTab, typed: str, found: set[str]
) -> None:  # type: ignore[no-untyped-def]
    type_text(namesake_tab.search, typed)
    qtbot.waitUntil(lambda: not namesake_tab._search_timer.isActive())
    assert {r.full_name for r in _shown(namesake_tab)} == found


def test_typing_on_narrows_correctly_between_plain_and_marked_words(qtbot, namesake_tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    model = namesake_tab.cadre_model
    model.apply(CadreFilter(text="h"))
    model.apply(CadreFilter(text="hằ"))
    assert {r.full_name for r in _shown(namesake_tab)} == {"Ma Thị Hằng", "Hằng Văn Sơn"}
    model.apply(CadreFilter(text="ha"))  # erasing the mark widens again
    assert {r.full_name for r in _shown(namesake_tab)} == {
        "Ma Thị Hằng",
        "Lê Thị Hàng",
        "Đinh Thị Hạnh",
        "Hằng Văn Sơn",
    }


def _given_names(tab: CadresTab) -> list[str]:
    return [r.full_name.split()[-1] for r in _shown(tab)]


def test_name_column_sorts_in_vietnamese_order(named_tab: CadresTab) -> None:
    named_tab.cadre_table.sortByColumn(CadreTableModel.COL_BIRTH, Qt.SortOrder.AscendingOrder)
    named_tab.cadre_table.sortByColumn(CadreTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
    # given name first (An, Anh/Ánh, Bình, Dũng, Đức), family name breaks ties; tones after letters
    assert _given_names(named_tab) == ["An", "Anh", "Ánh", "Bình", "Dũng", "Đức"]
    named_tab.cadre_table.sortByColumn(CadreTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert _given_names(named_tab) == ["Đức", "Dũng", "Bình", "Ánh", "Anh", "An"]


def test_header_click_sorts_and_filtering_keeps_the_order(qtbot, tab: CadresTab) -> None:  # type: ignore[no-untyped-def]
    keys = [name_sort_key(r.full_name) for r in _shown(tab)]
    assert keys == sorted(keys)  # the register opens sorted by name
    given = [sort_key(r.full_name.split()[-1])[0] for r in _shown(tab)[:40]]
    assert given == sorted(given)
    header = tab.cadre_table.horizontalHeader()
    x = header.sectionViewportPosition(CadreTableModel.COL_BIRTH) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    years = [r.birth_year for r in _shown(tab)]
    assert years in (sorted(years), sorted(years, reverse=True))
    qtbot.keyClicks(tab.search, "van")
    qtbot.waitUntil(lambda: tab.cadre_model.rowCount() < len(list_cadres()))
    filtered = [r.birth_year for r in _shown(tab)]
    assert filtered == sorted(filtered, reverse=years != sorted(years))


_EDUCATION_LADDER = {code: i for i, code in enumerate(EDUCATION)}


@pytest.mark.parametrize(
    ("column", "key"),
    [
        (CadreTableModel.COL_EDUCATION, lambda r: _EDUCATION_LADDER.get(r.education, len(_EDUCATION_LADDER))),
        (CadreTableModel.COL_UNIT, lambda r: sort_key(r.unit_name)),  # two-byte codes
        (CadreTableModel.COL_BIRTH, lambda r: r.birth_year or 9999),  # unknown years last
    ],
)
def test_a_sort_keeps_the_selected_cadre_both_ways_and_a_search_keeps_the_order(  # type: ignore[no-untyped-def]
    qtbot, tab: CadresTab, column: int, key: Callable[[object], object]
) -> None:
    """Each column's order is found lazily (services.register.GroupedOrder): both directions list the rows by the
    column, the cadre selected before stays selected, the far end of the order shows, and a search keeps it."""
    view, model = tab.cadre_table, tab.cadre_model
    view.selectRow(7)
    chosen = _shown(tab)[7].id
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    for _ in range(2):  # ascending, then descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        keys = [key(r) for r in _shown(tab)]
        assert keys in (sorted(keys), sorted(keys, reverse=True)) and len(set(keys)) > 1
        assert [_shown(tab)[i.row()].id for i in view.selectionModel().selectedRows()] == [chosen]
        view.scrollTo(model.index(model.rowCount() - 1, 0))
        assert model.data(model.index(model.rowCount() - 1, CadreTableModel.COL_NAME))
    descending = keys != sorted(keys)
    qtbot.keyClicks(tab.search, "thi")
    qtbot.waitUntil(lambda: model.rowCount() < len(list_cadres()))
    filtered = [key(r) for r in _shown(tab)]
    assert filtered == sorted(filtered, reverse=descending)


def test_returns_changed_reloads_the_register(qtbot, store: Path) -> None:  # type: ignore[no-untyped-def]
    signals = AppSignals()
    tab = _show(qtbot, CadresTab(signals))
    assert tab.cadre_model.rowCount() == 0
    assert tab.count_label.text() == "Hiển thị 0 / 0 cán bộ"
    from dean_desktop.services.demo import load_demo

    load_demo()
    signals.returns_changed.emit()
    assert tab.cadre_model.rowCount() == len(list_cadres()) > 0
    assert tab.unit_filter.count() > 1


def test_a_large_register_loads_in_the_background_and_then_filters(  # type: ignore[no-untyped-def]
    qtbot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register past what is read in place (thousands of cadres; here the bar is lowered to the demo's size) is
    read on another thread: the window says it is loading, then shows every row and filters them as usual."""
    from dean_desktop.ui.tabs import cadres as cadres_tab

    total = len(list_cadres())
    monkeypatch.setattr(cadres_tab, "READ_IN_PLACE", total - 1)
    tab = _show(qtbot, CadresTab(AppSignals()))
    assert tab.count_label.text() == "Đang tải danh sách cán bộ…" and tab.cadre_model.rowCount() == 0
    qtbot.waitUntil(lambda: tab.cadre_model.rowCount() == total, timeout=10000)
    assert tab.count_label.text() == f"Hiển thị {total} / {total} cán bộ"
    assert tab.unit_filter.count() > 1 and tab.cadre_table.viewport().isVisible()
    expected = [r for r in list_cadres() if _starts_a_word(r, "nguyen")]
    type_text(tab.search, "nguyen")
    _wait_count(qtbot, tab, len(expected))


# --- statistics -------------------------------------------------------------------------
def test_statistics_equal_the_services(tab: CadresTab) -> None:
    tab.pages.setCurrentIndex(1)
    for stats in level_statistics(list_cadres()):
        model = tab.level_models[stats.level]
        lines = model.rows()
        assert lines == stat_lines(stats)
        by_label = {line.label: line.count for line in lines}
        assert by_label["Thạc sĩ"] == stats.by_education["thac_si"]
        assert by_label["Cao cấp"] == stats.by_theory["cao_cap"]
        assert by_label["Cao cấp + Cử nhân"] == stats.senior_theory
        assert lines[0].count == stats.total
        assert str(stats.total) in tab.level_boxes[stats.level].title()
    report = {i.code: i for i in indicator_report().indicators}
    shown = tab.targets_model.rows()
    assert [v.code for v in shown] == ["cadre.postgrad_district", "cadre.senior_theory_district"]
    for row, value in enumerate(shown):
        assert value == report[value.code]
        verdict = tab.targets_model.data(tab.targets_model.index(row, 4))
        assert verdict == ("Đạt" if value.met else "Chưa đạt")
        percent = tab.targets_model.data(tab.targets_model.index(row, 1))
        assert percent.endswith(" %") and "," in percent


# --- rotations --------------------------------------------------------------------------
def _fill(qtbot, dialog: RotationDialog, name: str, decision: str, months: int = 36) -> None:  # type: ignore[no-untyped-def]
    dialog.full_name.clear()
    type_text(dialog.full_name, name)
    type_text(dialog.from_position, "Trưởng phòng, Phòng Nội vụ")
    type_text(dialog.to_position, "Bí thư Đảng ủy xã Bảo Linh")
    dialog.decision_no.clear()
    type_text(dialog.decision_no, decision)
    dialog.has_date.setChecked(True)
    dialog.decision_date.setDate(QDate(2019, 5, 20))
    dialog.months.setValue(months)


def test_add_edit_and_remove_a_rotation(qtbot, tab: CadresTab, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    tab.pages.setCurrentIndex(2)
    before = len(rotations.list_rotations())
    assert f"Đã luân chuyển {before} người (chỉ tiêu 4–6 người giai đoạn 2016–2020)" in tab.rotation_summary.text()
    seen: list[RotationDialog] = []

    def add(dialog: RotationDialog) -> bool:
        seen.append(dialog)
        _fill(qtbot, dialog, "Hà Văn Quân", "200-QĐ/HU")
        return True

    monkeypatch.setattr(messages, "run_dialog", add)
    with qtbot.waitSignal(tab.signals.rotations_changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    added = next(r for r in rotations.list_rotations() if r.full_name == "Hà Văn Quân")
    assert (added.decision_no, added.decision_date, added.months) == ("200-QĐ/HU", date(2019, 5, 20), 36)
    assert added.to_position == "Bí thư Đảng ủy xã Bảo Linh"
    assert tab.rotation_model.rowCount() == before + 1
    assert f"Đã luân chuyển {before + 1} người" in tab.rotation_summary.text()
    assert tab.rotation_table.current_row() == tab.rotation_model.row_of(added.id)
    assert seen[0].windowTitle() == "Thêm bản ghi luân chuyển"
    assert seen[0].decision_date.displayFormat() == "dd/MM/yyyy"

    def edit(dialog: RotationDialog) -> bool:
        assert dialog.full_name.text() == "Hà Văn Quân"  # the dialog opens with the record
        dialog.months.setValue(48)
        dialog.has_date.setChecked(False)
        return True

    monkeypatch.setattr(messages, "run_dialog", edit)
    tab.rotation_table.setFocus()
    with qtbot.waitSignal(tab.signals.rotations_changed):
        qtbot.keyClick(tab.rotation_table, Qt.Key.Key_Return)
    edited = next(r for r in rotations.list_rotations() if r.id == added.id)
    assert (edited.months, edited.decision_date) == (48, None)
    assert tab.rotation_model.data(tab.rotation_model.index(tab.rotation_table.current_row(), 5)) == "48"

    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    qtbot.keyClick(tab.rotation_table, Qt.Key.Key_Delete)
    assert len(rotations.list_rotations()) == before + 1
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: asked.append(text) or True)
    with qtbot.waitSignal(tab.signals.rotations_changed):
        qtbot.keyClick(tab.rotation_table, Qt.Key.Key_Delete)
    assert "Hà Văn Quân" in asked[0]
    assert len(rotations.list_rotations()) == before == tab.rotation_model.rowCount()
    assert f"Đã luân chuyển {before} người" in tab.rotation_summary.text()


def test_duplicate_rotation_is_refused_with_the_service_message(  # type: ignore[no-untyped-def]
    qtbot, tab: CadresTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.pages.setCurrentIndex(2)
    existing = rotations.list_rotations()[0]
    attempts: list[RotationDialog] = []
    errors: list[str] = []

    def run(dialog: RotationDialog) -> bool:
        attempts.append(dialog)
        if len(attempts) == 1:
            _fill(qtbot, dialog, existing.full_name, existing.decision_no)
            return True
        assert dialog.full_name.text() == existing.full_name  # what was typed is kept for correction
        return False

    monkeypatch.setattr(messages, "run_dialog", run)
    monkeypatch.setattr(messages, "show_error", lambda parent, text, *a: errors.append(text))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(attempts) == 2 and attempts[0] is attempts[1]
    assert errors and errors[0].startswith("Đã có bản ghi luân chuyển")
    assert len(rotations.list_rotations()) == tab.rotation_model.rowCount() == 5


def test_rotation_buttons_follow_the_selection(tab: CadresTab) -> None:
    tab.pages.setCurrentIndex(2)
    assert tab.add_button.shortcut().toString() == "Ctrl+N"
    assert not tab.edit_button.isEnabled()
    tab.rotation_table.selectRow(0)
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()
    dates = [r.decision_date for r in tab.rotation_model.rows()]
    assert dates == sorted(dates)  # opens in decision order


def test_rotation_dialog_reads_back_its_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RotationDialog()
    qtbot.addWidget(dialog)
    assert dialog.value().months is None
    _fill(qtbot, dialog, "Nông Văn Vinh", "15-QĐ/HU", months=24)
    value = dialog.value()
    assert (value.full_name, value.decision_no, value.decision_date, value.months) == (
        "Nông Văn Vinh",
        "15-QĐ/HU",
        date(2019, 5, 20),
        24,
    )
    dialog.has_date.setChecked(False)
    assert dialog.value().decision_date is None
    assert not dialog.decision_date.isEnabled()
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


# --- models -------------------------------------------------------------------------------
def test_models_pass_the_model_tester(qtmodeltester, demo_store: Path) -> None:  # type: ignore[no-untyped-def]
    cadres = CadreTableModel()
    cadres.load(list_cadres())
    cadres.set_rows(cadres.all_rows())
    qtmodeltester.check(cadres)
    rotation_model = RotationTableModel()
    rotation_model.set_judged(rotations.rotation_count())
    qtmodeltester.check(rotation_model)
    stats = stats_model()
    stats.set_rows(stat_lines(level_statistics(list_cadres())[0]))
    qtmodeltester.check(stats)
    targets = targets_model()
    targets.set_rows(indicator_report().indicators[:2])
    qtmodeltester.check(targets)


def test_the_register_says_for_each_record_whether_it_counts_and_why(  # type: ignore[no-untyped-def]
    qtbot, tab: CadresTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.pages.setCurrentIndex(2)
    before = rotations.rotation_count().count

    def add_stated_deputy(dialog: RotationDialog) -> bool:
        _fill(qtbot, dialog, "Hà Văn Phó", "300-QĐ/HU")  # the post reads as a head's...
        dialog.from_head.setCurrentIndex(dialog.from_head.findText("Không"))  # ...but the register says it is not
        return True

    monkeypatch.setattr(messages, "run_dialog", add_stated_deputy)
    with qtbot.waitSignal(tab.signals.rotations_changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    added = next(r for r in rotations.list_rotations() if r.full_name == "Hà Văn Phó")
    assert added.from_head is False
    model = tab.rotation_model
    row = model.row_of(added.id)
    assert row is not None
    assert model.data(model.index(row, model.COL_COUNTED)) == "Không tính"
    assert "Cấp trưởng" in model.data(model.index(row, model.COL_REASON))
    counted = [model.data(model.index(r, model.COL_COUNTED)) for r in range(model.rowCount())].count("Tính")
    assert counted == before == rotations.rotation_count().count
    assert f"Đã luân chuyển {before} người" in tab.rotation_summary.text()
    assert "không tính vào chỉ tiêu" in tab.rotation_summary.text()


def test_the_blank_register_is_saved_from_the_rotations_page(  # type: ignore[no-untyped-def]
    qtbot, tab: CadresTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    from dean_desktop.ui.tabs import cadres as cadres_module

    target = tmp_path / "So-luan-chuyen.xlsx"
    infos: list[str] = []
    monkeypatch.setattr(cadres_module, "ask_register_file", lambda parent: str(target))
    monkeypatch.setattr(messages, "show_info", lambda parent, text, *a: infos.append(text))
    tab.pages.setCurrentIndex(2)
    qtbot.mouseClick(tab.blank_register_button, Qt.MouseButton.LeftButton)
    assert infos and str(target) in infos[0]
    header = next(r for r in openpyxl.load_workbook(target)["Luân chuyển"].iter_rows(values_only=True) if "STT" in r)
    assert {"Cấp trưởng", "Đơn vị trước", "Đơn vị đến"} <= set(header)
