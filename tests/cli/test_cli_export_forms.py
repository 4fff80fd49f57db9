"""export-forms from the command line: one form per unit, unit names as people type them, merged units refused."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_cli import run_cli


def test_export_forms_for_chosen_units(tmp_path: Path) -> None:
    out = tmp_path / "bieu-mau"
    result = run_cli(
        "--db",
        str(tmp_path / "a.db"),
        "export-forms",
        "--out",
        str(out),
        "--unit",
        "lam vi",
        "--unit",
        "Phòng Nội vụ",
        "--period",
        "Quý I/2019",
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(f.endswith(".xlsx") for f in files)
    assert "Đã tạo 2 biểu mẫu kỳ Quý I/2019" in result.stdout
    commune = load_workbook(next(out.glob("*05542*")))
    assert [ws.title for ws in commune.worksheets if ws.sheet_state == "visible"] == [
        "Thông tin chung",
        "Một cửa",
        "Văn bản điện tử",
        "Cán bộ",
        "Hướng dẫn",
    ]
    agency = load_workbook(next(out.glob("*H08*")))
    visible = [ws.title for ws in agency.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Thông tin chung", "Cán bộ", "Hướng dẫn"]


def test_export_forms_for_every_unit_of_2020_skips_the_merged_commune(tmp_path: Path) -> None:
    out = tmp_path / "f"
    result = run_cli(
        "--db", str(tmp_path / "a.db"), "export-forms", "--out", str(out), "--period", "Năm 2020", data_dir=tmp_path
    )
    assert result.returncode == 0
    names = [p.name for p in out.iterdir()]
    assert len(names) == 23 + 25
    assert not any("05557" in n for n in names)  # Kim Sơn merged into Kim Phượng on 01/01/2020


def test_export_forms_for_a_merged_unit_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli(
        "--db",
        str(tmp_path / "a.db"),
        "export-forms",
        "--out",
        str(tmp_path / "f"),
        "--unit",
        "Kim Sơn",
        "--period",
        "Năm 2020",
        data_dir=tmp_path,
    )
    assert result.returncode == 2
    assert "sáp nhập vào Kim Phượng" in result.stderr and "Traceback" not in result.stderr


def test_export_forms_without_a_period_uses_the_projects_last_year_like_the_window(tmp_path: Path) -> None:
    out = tmp_path / "f"
    result = run_cli("--db", str(tmp_path / "a.db"), "export-forms", "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "biểu mẫu kỳ Năm 2020" in result.stdout  # not this calendar year: the projects end in 2020
    assert all("_2020_" in p.name for p in out.iterdir())
