"""Overview, commune office and import-history tabs driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from dean_desktop.services import offices
from dean_desktop.services.formatting import format_percent
from dean_desktop.services.indicators import indicator_report
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.table_models.base import UNMET_BRUSH, RowRole
from dean_desktop.ui.tabs.import_log import ImportLogTab
from dean_desktop.ui.tabs.offices import OfficesTab
from dean_desktop.ui.tabs.overview import OverviewTab
from tests.ui.helpers import show, show_overview, type_text


def test_overview_cards_match_the_engine(qtbot: QtBot, demo_store: Path) -> None:
    tab = show_overview(qtbot, OverviewTab(AppSignals()))
    report = indicator_report()
    assert set(tab.cards) == {i.code for i in report.indicators}
    for item in report.indicators:
        card = tab.cards[item.code]
        if item.unit == "%":
            assert card.value.text() == format_percent(item.value)
            assert f"{item.numerator}/{item.denominator}" in card.detail.text()
        assert card.mark.text() == ("✔ Đạt" if item.met else "✘ Chưa đạt")
    assert tab.missing_list.item(0).text() == "Tất cả xã, thị trấn đã gửi báo cáo."


def test_overview_period_picker_recomputes(qtbot: QtBot, demo_store: Path) -> None:
    tab = show_overview(qtbot, OverviewTab(AppSignals()))
    combo: QComboBox = tab.period_combo
    index = combo.findText("Năm 2016")
    assert index > 0
    combo.setCurrentIndex(index)
    expected = next(i for i in indicator_report("2016").indicators if i.code == "reform.commune_offices")
    assert tab.cards["reform.commune_offices"].value.text() == format_percent(expected.value)
    assert "31/12/2016" in tab.reference.text()


def test_overview_on_fresh_database_lists_23_missing_communes(qtbot: QtBot, store: Path) -> None:
    tab = show_overview(qtbot, OverviewTab(AppSignals()))
    assert tab.missing_list.count() == 23
    assert "(23)" in tab.missing_box.title()


def _row_of(tab: OfficesTab, name: str) -> int:
    return next(i for i, r in enumerate(tab.model.rows()) if r.unit_name == name)


def test_correct_an_office_row_in_place(qtbot: QtBot, demo_store: Path) -> None:
    signals = AppSignals()
    overview = OverviewTab(signals)
    qtbot.addWidget(overview)  # closed at teardown: a shown window left to the garbage collector fails a later test
    overview.ensure_loaded()
    before = overview.cards["reform.commune_offices"].value.text()
    tab = show(qtbot, OfficesTab(signals))
    with_office = sum(1 for r in tab.model.rows() if r.has_office)
    assert tab.summary.text().startswith(f"{with_office}/24 xã, thị trấn có phòng làm việc riêng")
    name = next(r.unit_name for r in tab.model.rows() if not r.has_office)
    row = _row_of(tab, name)
    index = tab.model.index(row, 1)
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole) == UNMET_BRUSH
    tab.table.setCurrentIndex(index)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    editor = tab.table.viewport().findChild(QComboBox)
    assert isinstance(editor, QComboBox)
    editor.setCurrentText("Có")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(row, 1)) == "Có")
    assert tab.model.data(tab.model.index(row, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert next(r for r in offices.list_offices() if r.unit_name == name).has_office is True
    assert tab.summary.text().startswith(f"{with_office + 1}/24 xã, thị trấn có phòng làm việc riêng")
    overview.show()
    assert overview.cards["reform.commune_offices"].value.text() != before

    area = tab.model.index(row, 2)
    tab.table.setCurrentIndex(area)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    line = tab.table.viewport().findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "34,5")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.data(area) == "34,5")
    stored = next(r for r in offices.list_offices() if r.unit_name == name)
    assert stored.floor_area == 34.5
    assert tab.model.data(area, RowRole).floor_area == 34.5


def test_bad_office_value_is_refused_with_a_message(qtbot: QtBot, demo_store: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "dean_desktop.ui.widgets.messages.show_error", lambda parent, text, title="": shown.append(text)
    )
    tab = show(qtbot, OfficesTab(AppSignals()))
    row = 0
    before = tab.model.row_at(row).computers
    assert not tab.model.setData(tab.model.index(row, 3), "nhiều")
    assert shown and "không phải là số" in shown[0] and tab.model.row_at(row).unit_name in shown[0]
    assert offices.list_offices()[row].computers == before


def test_office_model_passes_modeltester(qtmodeltester, qtbot: QtBot, demo_store: Path) -> None:  # type: ignore[no-untyped-def]
    tab = show(qtbot, OfficesTab(AppSignals()))
    qtmodeltester.check(tab.model)
    tab.model.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.model)


def test_import_log_tab_shows_empty_state(qtbot: QtBot, store: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tab = show(qtbot, ImportLogTab(AppSignals()))
    assert tab.model.rowCount() == 0
    assert "Chưa nhập" in tab.summary.text()
    qtmodeltester.check(tab.model)


def test_overview_charts_follow_each_reported_period(qtbot: QtBot, demo_store: Path) -> None:
    from dean_desktop.services.indicators import reported_periods

    tab = show_overview(qtbot, OverviewTab(AppSignals()))
    qtbot.waitUntil(lambda: all(card.chart is not None and card.chart.points for card in tab.cards.values()))
    periods = sorted(reported_periods())
    chart = tab.cards["reform.edoc_orgs"].chart
    expected = [next(i.value for i in indicator_report(p).indicators if i.code == "reform.edoc_orgs") for p in periods]
    assert [value for _, value in chart.points] == expected
    assert [day for day, _ in chart.points] == [p.end for p in periods]
    names = chart.legend()
    assert "Chỉ tiêu" in names and "Hạn 2018" in names
    image = chart.grab().toImage()  # drawn, not blank: the result line's colour is on it
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert "#1565c0" in colours


def test_completeness_panel_for_the_chosen_period(qtbot: QtBot, demo_store: Path) -> None:
    from dean_desktop.services.returns import ReturnData, save_return
    from tests.factories import unit_id

    save_return(
        ReturnData(
            unit_id=unit_id("Linh Thông"),
            period=__import__("dean_desktop.services.periods", fromlist=["parse_period"]).parse_period("Quý I/2019"),
        )
    )
    tab = show_overview(qtbot, OverviewTab(AppSignals()))
    panel = tab.completeness
    qtbot.waitUntil(lambda: "Quý I/2019" in panel.title())  # filled once the figures are painted
    assert "Xã, thị trấn: 1/24" in panel.rate.text()
    first = panel.model.row_at(0)
    assert not first.sent and panel.model.data(panel.model.index(0, 2)) == "Chưa gửi"
    sent = [panel.model.row_at(i) for i in range(panel.model.rowCount()) if panel.model.row_at(i).sent]
    assert [r.unit_name for r in sent] == ["Linh Thông"]
    tab.period_combo.setCurrentIndex(tab.period_combo.findText("Năm 2018"))
    assert "Năm 2018" in panel.title() and "24/24" in panel.rate.text()


def test_import_log_lists_files_and_shows_details(qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dean_desktop.services.excel_import import import_files
    from tests.services.excel_import.builders import build_return, cadre, office

    bad = build_return(
        tmp_path / "quy-ky.xlsx",
        unit="Quy Kỳ",
        period="Năm 2019",
        office=office(has_office=True),
        cadres=[cadre("Hà Thị Hoa", 1980, "Đại học", "cao cap lý luận")],
    )
    good = build_return(tmp_path / "linh-thong.xlsx", unit="Linh Thông", period="Năm 2019", office=office())
    import_files([bad, good])
    shown: list[str] = []
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": shown.append(text))
    tab = show(qtbot, ImportLogTab(AppSignals()))
    assert tab.model.rowCount() == 2 and "1 tệp bị từ chối" in tab.summary.text()
    rows = {tab.model.data(tab.model.index(r, 2)): r for r in range(2)}
    assert set(rows) == {"quy-ky.xlsx", "linh-thong.xlsx"}
    tab.table.setCurrentIndex(tab.model.index(rows["quy-ky.xlsx"], 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert shown and "Bị từ chối" in shown[0] and 'cột "Lý luận chính trị"' in shown[0]
    assert str(bad) in shown[0]
