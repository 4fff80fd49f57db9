"""Vietnamese search and order behave the same on both engines."""

from __future__ import annotations

from peewee import Value, fn

from dean_desktop.models import Unit, db
from dean_desktop.models.engine import register_fold
from dean_desktop.services import checklist
from dean_desktop.services.history import audit_filter_choices, search_audit
from dean_desktop.services.vntext import fold

SAMPLES = ["Đinh Văn Ấn", "  NGUYỄN   Thị  Hoà ", "Ủy ban MTTQ xã Bảo Cường", "Lê ĐỨC Thọ", "Phượng Tiến"]


def test_the_sql_folding_is_pythons_fold(store: object) -> None:
    register_fold(db, fold)
    for text in SAMPLES:
        assert Unit.select(fn.vn_fold(Value(text))).limit(1).scalar() == fold(text)


def test_audit_search_ignores_case_and_diacritics(store: object) -> None:
    group = checklist.list_groups()[0].id
    checklist.add_task(group, checklist.TaskInput(title="Rà soát Đảng viên ở xã Phượng Tiến"))
    assert any("Phượng Tiến" in (row.new or "") for row in search_audit(text="PHUONG TIEN"))
    assert any("Đảng viên" in (row.new or "") for row in search_audit(text="dang vien"))
    tables, users = audit_filter_choices()
    assert tables == sorted(tables) and "task" in tables and users
