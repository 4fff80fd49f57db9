"""The district workbooks: rotations upserted by decision number + name, members by name, never deleted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.models import Rotation
from dean_desktop.services.excel_import import analyse_file, import_files
from dean_desktop.services.roster import list_members

from .builders import Messy, build_roster, build_rotations

pytestmark = pytest.mark.usefixtures("store")

ROTATIONS = [
    ("Nguyễn Văn An", "Phó Trưởng phòng Nội vụ", "Chủ tịch UBND xã Linh Thông", "125-QĐ/HU", date(2017, 3, 15), 36),
    ("Lê Thị Bình", "Trưởng phòng Tư pháp", "Bí thư Đảng ủy xã Bảo Linh", "126-QĐ/HU", "20/04/2018", "24 tháng"),
]


def test_rotations_are_added_then_updated_never_deleted(tmp_path: Path) -> None:
    first = import_files([build_rotations(tmp_path / "lc1.xlsx", ROTATIONS, Messy(title_rows=2, signature=True))])[0]
    assert (first.status, first.counts) == ("imported", {"rotations": 2})
    assert [(r.full_name, r.decision_date, r.months) for r in Rotation.select().order_by(Rotation.id)] == [
        ("Nguyễn Văn An", date(2017, 3, 15), 36), ("Lê Thị Bình", date(2018, 4, 20), 24),
    ]  # fmt: skip
    changed = [
        ("NGUYỄN VĂN AN", "Phó Trưởng phòng Nội vụ", "Chủ tịch UBND xã Linh Thông", "125 - QĐ/HU",
         date(2017, 3, 15), 48),
        ("Hà Văn Cường", "Phó Chánh Văn phòng", "Phó Bí thư xã Phú Đình", "Số 130-QĐ/HU ngày 02/05/2019",
         None, "2 năm"),
    ]  # fmt: skip
    plan = analyse_file(build_rotations(tmp_path / "lc2.xlsx", changed, Messy(reorder=True)))
    assert (plan.kind, plan.diff["rotations"].added, plan.diff["rotations"].changed) == ("rotations", 1, 1)
    import_files([plan.path])
    rows = {r.full_name: r for r in Rotation.select()}
    assert set(rows) == {"Nguyễn Văn An", "Lê Thị Bình", "Hà Văn Cường"}
    assert rows["Nguyễn Văn An"].months == 48
    assert (rows["Hà Văn Cường"].decision_no, rows["Hà Văn Cường"].decision_date, rows["Hà Văn Cường"].months) == (
        "130-QĐ/HU", date(2019, 5, 2), 24,
    )  # fmt: skip
    again = import_files([plan.path])[0]
    assert again.unchanged


def test_roster_members_are_upserted_by_name_with_their_units(tmp_path: Path) -> None:
    rows = [
        ("Đinh Văn Một", "Bí thư Huyện ủy", "Trưởng ban", 912345678, "mot@dinhhoa.vn", "Linh Thông; Bảo Linh"),
        ("Ma Thị Hai", "Trưởng Ban Tổ chức", "Phó trưởng ban thường trực", "0987 654 321", "", "xa lam vi, Qui Kỳ"),
        ("Hà Văn Ba", "Trưởng phòng Nội vụ", "UV", "", "", "Phòng Nội vụ; TT Chợ Chu"),
    ]
    outcome = import_files([build_roster(tmp_path / "bcd.xlsx", rows, Messy(title_rows=1))])[0]
    assert (outcome.status, outcome.counts) == ("imported", {"members": 3}), [e.text() for e in outcome.errors]
    members = {m.full_name: m for m in list_members()}
    assert members["Đinh Văn Một"].role == "Trưởng ban" and members["Đinh Văn Một"].phone == "0912345678"
    assert members["Ma Thị Hai"].role == "Phó Trưởng ban Thường trực"
    assert set(members["Ma Thị Hai"].unit_names) == {"Lam Vỹ", "Quy Kỳ"}
    assert set(members["Hà Văn Ba"].unit_names) == {"Phòng Nội vụ", "Thị trấn Chợ Chu"}
    update = [("Đinh Văn Một", "Bí thư Huyện ủy", "Trưởng ban", "0912345678", "bt@dinhhoa.vn", "Linh Thông")]
    plan = analyse_file(build_roster(tmp_path / "bcd2.xlsx", update))
    assert (plan.diff["members"].added, plan.diff["members"].changed) == (0, 1)
    import_files([plan.path])
    members = {m.full_name: m for m in list_members()}
    assert len(members) == 3 and members["Đinh Văn Một"].email == "bt@dinhhoa.vn"
    assert members["Đinh Văn Một"].unit_names == ("Linh Thông",)


def test_a_bad_phone_or_email_in_the_roster_is_an_error_naming_row_and_column(tmp_path: Path) -> None:
    rows = [
        ("Đinh Văn Một", "Bí thư", "Trưởng ban", "0912 345 678", "mot@dinhhoa.vn", "Linh Thông"),
        ("Ma Thị Hai", "Trưởng Ban Tổ chức", "Ủy viên", "abc-123", "", "Bảo Linh"),
        ("Hoàng Thị Hương", "Chánh Văn phòng", "Ủy viên", "", "huong@", "Quy Kỳ"),
    ]
    outcome = import_files([build_roster(tmp_path / "bcd.xlsx", rows)])[0]
    assert outcome.status == "rejected"
    texts = [e.text() for e in outcome.errors]
    assert texts[0].startswith('Ban Chỉ đạo, dòng 3, cột "Điện thoại": số điện thoại "abc-123" không hợp lệ')
    assert texts[1].startswith('Ban Chỉ đạo, dòng 4, cột "Email": địa chỉ email "huong@" không hợp lệ')
    assert list_members() == []


def test_an_unknown_unit_in_the_roster_is_an_error_naming_the_row(tmp_path: Path) -> None:
    rows = [("Đinh Văn Một", "Bí thư", "Trưởng ban", "", "", "Linh Thông; Xã Mộng Mơ")]
    outcome = import_files([build_roster(tmp_path / "bcd.xlsx", rows)])[0]
    assert outcome.status == "rejected"
    assert outcome.errors[0].text().startswith('Ban Chỉ đạo, dòng 2, cột "Đơn vị phụ trách": Không tìm thấy đơn vị')
    assert list_members() == []


def test_the_package_offers_the_district_types_on_use() -> None:
    import dean_desktop.services.excel_import as excel_import
    from dean_desktop.services.excel_import import district

    assert excel_import.DistrictPayload is district.DistrictPayload
    assert excel_import.MemberEntry is district.MemberEntry
    with pytest.raises(AttributeError):
        excel_import.NoSuchName  # noqa: B018
