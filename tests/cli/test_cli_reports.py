"""`export-summary` and `report` run as a user would: separate processes on a database file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dean_desktop import cli
from dean_desktop.services.formatting import format_percent
from tests.cli.test_cli import ROOT, run_cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("cli_reports")
    db = folder / "demo.db"
    result = run_cli("--db", str(db), "demo", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return db, folder


def indicators_json(db: Path, folder: Path, *as_of: str) -> dict[str, object]:
    result = run_cli("--db", str(db), "indicators", "--json", *as_of, data_dir=folder)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("as_of", [[], ["--as-of", "Năm 2017"]])
def test_export_summary_matches_indicators_json(demo_db: tuple[Path, Path], tmp_path: Path, as_of: list[str]) -> None:
    db, folder = demo_db
    out = tmp_path / "Tổng hợp.xlsx"
    result = run_cli("--db", str(db), "export-summary", str(out), *as_of, data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "Đã ghi bảng tổng hợp" in result.stdout
    ws = load_workbook(out)["Kết quả chỉ tiêu"]
    headers = [c.value for c in ws[4]]
    rows = {row[headers.index("Mã chỉ tiêu")]: row for row in ws.iter_rows(min_row=5, values_only=True)}
    for item in indicators_json(db, folder, *as_of)["indicators"]:  # type: ignore[union-attr]
        row = rows[item["code"]]
        assert row[headers.index("Tử số")] == item["numerator"]
        assert row[headers.index("Mẫu số")] == item["denominator"]
        value = row[headers.index("Kết quả")]
        assert value == (pytest.approx(item["value"] / 100) if item["unit"] == "%" else item["numerator"])
        assert row[headers.index("Đánh giá")] == ("Đạt" if item["met"] else "Chưa đạt")


@pytest.mark.parametrize("as_of", [[], ["--as-of", "2017"]])
def test_report_pdf_matches_indicators_json(demo_db: tuple[Path, Path], tmp_path: Path, as_of: list[str]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    db, folder = demo_db
    out = tmp_path / "Báo cáo.pdf"
    result = run_cli("--db", str(db), "report", str(out), *as_of, data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "Đã ghi báo cáo PDF" in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True).stdout.decode()
    text = text.replace("\xa0", " ")  # figures are kept whole by non-breaking spaces
    for line in ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN ỦY ĐỊNH HÓA", "BAN TỔ CHỨC", "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO"]:
        assert line in text
    for item in indicators_json(db, folder, *as_of)["indicators"]:  # type: ignore[union-attr]
        expected = format_percent(item["value"]) if item["unit"] == "%" else f"{item['numerator']} {item['unit']}"
        assert expected in text, (item["code"], expected)
    if as_of:
        assert "tính đến Năm 2017" in text
    sizes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", out.read_bytes())
    assert sizes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in sizes)


@pytest.mark.parametrize("command,name", [("export-summary", "x.xlsx"), ("report", "x.pdf")])
def test_unwritable_target_is_a_vietnamese_error(tmp_path: Path, command: str, name: str) -> None:
    db = tmp_path / "d.db"
    missing_folder = run_cli("--db", str(db), command, str(tmp_path / "khong_co" / name), data_dir=tmp_path)
    assert missing_folder.returncode == 2
    assert "không ghi được tệp" in missing_folder.stderr and "không tồn tại" in missing_folder.stderr
    assert "Traceback" not in missing_folder.stderr and "Exception" not in missing_folder.stderr
    a_folder = run_cli("--db", str(db), command, str(tmp_path), data_dir=tmp_path)
    assert a_folder.returncode == 2 and "thư mục" in a_folder.stderr and "Traceback" not in a_folder.stderr


@pytest.mark.parametrize("command,name", [("export-summary", "dang_mo.xlsx"), ("report", "dang_mo.pdf")])
def test_a_file_open_elsewhere_is_a_vietnamese_error(
    request: pytest.FixtureRequest,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
) -> None:
    def locked(src: object, dst: object) -> None:  # what Windows says when Excel or a PDF viewer holds the file
        raise PermissionError(13, "Permission denied", str(dst))

    if command == "report":
        request.getfixturevalue("qapp")  # pytest-qt's QApplication, not a bare QGuiApplication made by the renderer
        import dean_desktop.rendering.pdf as pdf

        monkeypatch.setattr(pdf.os, "replace", locked)
    else:
        import dean_desktop.services.excel_export.summary as summary

        monkeypatch.setattr(summary.os, "replace", locked)
    code = cli.main(["--db", str(store), command, str(tmp_path / name)])
    assert code == 1  # the command line was right; the file refused
    err = capsys.readouterr().err
    assert "đang mở trong chương trình khác" in err and name in err
    assert not (tmp_path / name).exists()


def test_report_command_loads_no_qt_widgets(tmp_path: Path) -> None:
    code = (
        "import sys; from dean_desktop import cli; "
        f"rc = cli.main(['--db', r'{tmp_path / 'q.db'}', 'report', r'{tmp_path / 'r.pdf'}']); "
        "assert rc == 0, rc; "
        "assert 'PySide6.QtWidgets' not in sys.modules, 'Qt widgets imported'"
    )
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path)}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",  # the program writes UTF-8 whatever the code page
        cwd=ROOT,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.pdf").exists()


def test_report_docx_matches_indicators_json(demo_db: tuple[Path, Path], tmp_path: Path) -> None:
    from docx import Document

    db, folder = demo_db
    out = tmp_path / "bao-cao.docx"
    args = ["--number", "125-BC/BTCHU", "--signer", "Hoàng Văn Ký", "--signer-title", "PHÓ TRƯỞNG BAN"]
    result = run_cli("--db", str(db), "report", str(out), *args, data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "Đã ghi báo cáo Word" in result.stdout and str(out) in result.stdout
    doc = Document(str(out))
    text = "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    ).replace("\xa0", " ")
    for line in ["HUYỆN ỦY ĐỊNH HÓA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 125-BC/BTCHU", "PHÓ TRƯỞNG BAN", "Hoàng Văn Ký"]:
        assert line in text, line
    for item in indicators_json(db, folder)["indicators"]:  # type: ignore[union-attr]
        expected = format_percent(item["value"]) if item["unit"] == "%" else f"{item['numerator']} {item['unit']}"
        assert expected in text, (item["code"], expected)


def test_urging_letters_command(demo_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, folder = demo_db
    out = tmp_path / "cong-van"
    result = run_cli("--db", str(db), "urging-letters", "--out", str(out), "--period", "Năm 2017", "--json",
                     data_dir=folder)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    files = sorted(p.name for p in out.glob("*.docx"))
    assert files and files == sorted(Path(x["file"]).name for x in data["letters"])
    assert data["period"] == "Năm 2017" and data["items"] == sum(x["items"] for x in data["letters"]) > 0
    again = run_cli("--db", str(db), "urging-letters", "--out", str(tmp_path / "b"), "--period", "2017",
                    data_dir=folder)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"Đã tạo {len(files)} công văn đôn đốc kỳ Năm 2017" in again.stdout
    for letter in data["letters"][:3]:
        assert f"{letter['unit']} — {letter['items']} nội dung" in again.stdout
    nobody = run_cli("--db", str(db), "urging-letters", "--out", str(out), "--member", "Không Có Ai", "--json",
                     data_dir=folder)  # fmt: skip
    assert nobody.returncode == 2 and "Không Có Ai" in json.loads(nobody.stdout)["error"]
