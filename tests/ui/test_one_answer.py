"""One answer per question on screen: the overview, the roster panel and the urging list below it say the same about
who reported for a period, and a share beside "Chưa đạt" never reads as met."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.services import roster
from dean_desktop.services.roster import MemberInput
from dean_desktop.services.units import list_units
from dean_desktop.services.urging import MISSING_RETURN
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.table_models.base import UNMET_BRUSH
from dean_desktop.ui.tabs.overview import OverviewTab
from dean_desktop.ui.tabs.roster import RosterTab
from tests.factories import commune_return, district_return
from tests.ui.helpers import show, show_overview

WATCHED = ["Linh Thông", "Bảo Linh", "Lam Vỹ"]


def _data() -> None:
    """Linh Thông sent its 2018 return; Bảo Linh only a fourth-quarter one (ending the same day); Lam Vỹ nothing."""
    commune_return("Linh Thông", "Năm 2018", has_office=True)
    commune_return("Bảo Linh", "Quý IV/2018", has_office=True)
    ids = {u.name: u.id for u in list_units()}
    roster.add_member(MemberInput("Vũ Thị Hằng", role="Ủy viên"), [ids[name] for name in WATCHED])


def _overview_missing(tab: OverviewTab) -> set[str]:
    shown = {tab.missing_list.item(i).text() for i in range(tab.missing_list.count())}
    return shown & set(WATCHED)


def _roster_missing(tab: RosterTab) -> set[str]:
    tree = tab.panel.unit_tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {item.text(0) for item in items if item.background(2) == UNMET_BRUSH}


def _urging_missing(tab: RosterTab) -> set[str]:
    return {item.unit_name for item in tab.panel.urging.items if item.kind == MISSING_RETURN}


def test_overview_roster_panel_and_urging_list_agree_on_who_reported(qtbot: QtBot, store: Path) -> None:
    _data()
    overview = show_overview(qtbot, OverviewTab(AppSignals()))
    roster_tab = show(qtbot, RosterTab(AppSignals()))
    roster_tab.reload()
    rect = roster_tab.table.visualRect(roster_tab.model.index(0, 1))
    qtbot.mouseClick(roster_tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    # The current period is the year 2018: a fourth-quarter return does not answer for the year.
    assert overview.completeness.title() == "Tình hình gửi báo cáo kỳ Năm 2018"
    assert overview.completeness.rate.text().startswith("Xã, thị trấn: 1/24")
    assert "(23)" in overview.missing_box.title()
    assert _overview_missing(overview) == {"Bảo Linh", "Lam Vỹ"}
    assert roster_tab.panel.urging.period_combo.currentText() == "Năm 2018"
    assert _roster_missing(roster_tab) == {"Bảo Linh", "Lam Vỹ"}
    assert roster_tab.panel.status_label.text() == "Kỳ Năm 2018: 2 đơn vị chưa gửi báo cáo."
    assert _urging_missing(roster_tab) == {"Bảo Linh", "Lam Vỹ"}

    # For the fourth quarter, Linh Thông's year return answers too; only Lam Vỹ is missing — on every screen.
    combo = roster_tab.panel.urging.period_combo
    combo.setCurrentIndex(combo.findText("Quý IV/2018"))
    overview.period_combo.setCurrentIndex(overview.period_combo.findText("Quý IV/2018"))
    assert overview.completeness.rate.text().startswith("Xã, thị trấn: 2/24")
    assert _overview_missing(overview) == {"Lam Vỹ"}
    assert _roster_missing(roster_tab) == {"Lam Vỹ"}
    assert roster_tab.panel.status_label.text() == "Kỳ Quý IV/2018: 1 đơn vị chưa gửi báo cáo."
    assert _urging_missing(roster_tab) == {"Lam Vỹ"}


def test_a_card_just_below_its_target_does_not_read_as_met(qtbot: QtBot, store: Path) -> None:
    district_return("Phòng Nội vụ", "Năm 2018", [("thac_si", "cao_cap")] * 28 + [("dai_hoc", "cao_cap")] * 159)
    tab = show_overview(qtbot, OverviewTab(AppSignals()))  # held: qtbot keeps widgets only weakly
    card = tab.cards["cadre.postgrad_district"]
    assert (card.value.text(), card.mark.text()) == ("14,97 %", "✘ Chưa đạt")
    assert card.bar.format() == "99,8 % chỉ tiêu"


def test_the_overview_and_the_register_state_the_same_rotation_count(qtbot: QtBot, store: Path) -> None:
    from dean_desktop.services.rotations import RotationInput, add_rotation
    from dean_desktop.ui.tabs.cadres import CadresTab
    from tests.services.test_rotation_rule import NOT_COUNTED, VALID

    for name, before, after, number, day in VALID + NOT_COUNTED:
        add_rotation(RotationInput(name, before, after, number, day))
    tab = show_overview(qtbot, OverviewTab(AppSignals()))  # held: qtbot keeps widgets only weakly
    card = tab.cards["cadre.rotations"]
    assert (card.value.text(), card.mark.text()) == ("5 người", "✔ Đạt")
    cadres = show(qtbot, CadresTab(AppSignals()))
    cadres.reload()
    assert cadres.rotation_summary.text().startswith("Đã luân chuyển 5 người (chỉ tiêu 4–6 người")
    assert "— Đạt" in cadres.rotation_summary.text()
    model = cadres.rotation_model
    labels = [model.data(model.index(row, model.COL_COUNTED)) for row in range(model.rowCount())]
    assert sorted(labels) == ["Không tính"] * 4 + ["Tính"] * 5
