"""Write the province-scale benchmark database: the demo data plus eight more districts' units, 50,000 cadres in all.

Reproducible (seeded); the cadre rows go in with ``executemany`` so the whole file is written in a few seconds.
Usage: ``python bench/make_large.py [PATH] [--cadres N]`` (default path: ``<temp>/dean-desktop-bench/province.db``).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dean_desktop.models import Cadre, EdocOrg, OfficeReadiness, Setting, Unit, UnitReturn, db  # noqa: E402
from dean_desktop.models.tallies import tally_sql  # noqa: E402
from dean_desktop.services import demo  # noqa: E402
from dean_desktop.services.periods import Period, parse_period  # noqa: E402
from dean_desktop.services.returns import CADRE_COLUMNS  # noqa: E402
from dean_desktop.services.vntext import fold  # noqa: E402
from dean_desktop.services.vocab import EDUCATION, POLITICAL_THEORY, STATE_MGMT  # noqa: E402
from dean_desktop.store import open_store  # noqa: E402

SEED = 20161128
REGISTER_ROWS = 50_000
GENERATOR_VERSION = "6"  # 5: cadre counts per return (cadre_tally); 6: latest-return index
MARK_KEY = "bench_large"
PERIOD = "Năm 2018"  # the demo's latest period: every unit's latest return is in the register
# The other eight districts of Thái Nguyên province (Định Hóa itself comes from the seed and the demo).
DISTRICTS = ("Phú Lương", "Đại Từ", "Đồng Hỷ", "Võ Nhai", "Phú Bình", "Phổ Yên", "Sông Công", "Thái Nguyên")
AGENCIES = 25
COMMUNES = 24
POSITIONS = ("Trưởng phòng", "Phó Trưởng phòng", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Chuyên viên")
MAJORS = ("Luật", "Kinh tế", "Hành chính", "Nông nghiệp", "Sư phạm", "Xây dựng Đảng", "Quản lý đất đai")
ORGS = demo.ORGS
# Enough name parts that, as in a real province, most of the 50,000 people have a name of their own.
FAMILY = demo.FAMILY + ["Dương", "Đỗ", "Ngô", "Hồ", "Lý", "Phan", "Võ", "Trịnh", "Mai", "Tô", "Quách", "Lục", "Hứa"]
MIDDLE_M = demo.MIDDLE_M + ["Công", "Duy", "Mạnh", "Ngọc", "Trọng", "Tiến", "Đình", "Bá", "Thế", "Chí", "Kim", "Gia"]
MIDDLE_F = demo.MIDDLE_F + ["Minh", "Phương", "Kim", "Bích", "Diệu", "Hải", "Khánh", "Lệ", "Mỹ", "Quỳnh", "Tuyết"]
GIVEN_M = (
    demo.GIVEN_M
    + """Bảo Chiến Công Đạt Định Giang Hiếu Hòa Hoàng Huy Hưng Kiên Lâm Lộc Lợi Minh Nghĩa Nhân Phúc
    Quang Quyết Tài Tâm Thành Thịnh Toàn Trung Trường Tú Tùng Văn Vũ Xuân Hiển Khải Khoa Lực Ngọc Sỹ Tiến""".split()
)
GIVEN_F = (
    demo.GIVEN_F
    + """Bích Châu Diệp Duyên Hà Hạnh Hiền Hồng Hương Hường Khuyên Liên Loan Ly Mơ Ngân Nhung Phương
    Quyên Quỳnh Sen Tâm Thanh Thơ Thu Thủy Thúy Trâm Tuyết Uyên Vân Xuân Yên Gấm Huệ Lụa Nguyệt""".split()
)


# The demo's three years, then earlier, shorter periods (none ends after Năm 2018, so the register stays the same):
# with them the overview's charts have 23 periods to draw.
EXTRA_PERIODS = tuple(
    [f"Quý {q}/{y}" for y in (2016, 2017, 2018) for q in ("I", "II", "III", "IV")]
    + [f"6 tháng {h} năm {y}" for y in (2016, 2017, 2018) for h in ("đầu", "cuối")]
    + ["Tháng 1/2016", "Tháng 2/2016"]
)


def default_path(cadres: int = REGISTER_ROWS, periods: int = 3) -> Path:
    name = "province.db" if (cadres, periods) == (REGISTER_ROWS, 3) else f"province-{cadres}-{periods}p.db"
    return Path(tempfile.gettempdir()) / "dean-desktop-bench" / name


def _marker(cadres: int, periods: int = 3) -> str:
    from dean_desktop import SCHEMA_VERSION  # a database of an older schema would be migrated inside a measurement

    mark = f"v{GENERATOR_VERSION}:schema{SCHEMA_VERSION}:seed{SEED}:cadres{cadres}"
    return mark + (f":periods{periods}" if periods != 3 else "")


def is_current(path: Path, cadres: int = REGISTER_ROWS, periods: int = 3) -> bool:
    """True when ``path`` already holds this generator's database (so a rerun can skip writing it)."""
    if not path.exists():
        return False
    import sqlite3

    try:
        with sqlite3.connect(str(path)) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (MARK_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == _marker(cadres, periods)


def _extra_units() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for d, district in enumerate(DISTRICTS, start=2):
        for i in range(1, AGENCIES + 1):
            rows.append({"code": f"T{d:02d}-H{i:02d}", "name": f"Cơ quan {i:02d} huyện {district}", "kind": "huyen"})
        for i in range(1, COMMUNES + 1):
            rows.append({"code": f"T{d:02d}-X{i:02d}", "name": f"Xã {i:02d} huyện {district}", "kind": "xa"})
    for order, row in enumerate(rows, start=1000):
        row.update(sort_order=order, active=True, aliases="")
    return rows


def _cadre_rows(rng: random.Random, return_id: int, count: int, district: bool, folded: dict[str, str]) -> list[tuple]:
    education = list(EDUCATION)
    theory = list(POLITICAL_THEORY)
    state = list(STATE_MGMT)
    rows = []
    for seq in range(1, count + 1):
        female = rng.random() < 0.35
        middle, given = (MIDDLE_F, GIVEN_F) if female else (MIDDLE_M, GIVEN_M)
        name = f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"
        if rng.random() < 0.4:  # a second middle name, as many people have
            name = name.replace(" ", f" {rng.choice(middle)} ", 1)
        key = folded.get(name)
        if key is None:
            key = folded[name] = fold(name)
        edu = rng.choice(education[3:]) if district else rng.choice(education[1:6])
        rows.append(
            (
                return_id,
                seq,
                name,
                key,
                rng.randint(1962, 1995),
                "Nữ" if female else "Nam",
                rng.choice(demo.ETHNIC),
                rng.choice(POSITIONS),
                edu,
                rng.choice(MAJORS),
                rng.choice(theory),
                rng.choice(state),
                rng.choice(("Chứng chỉ B", "Ứng dụng CNTT cơ bản", "")),
                rng.choice(("Tiếng Anh B", "")),
                "DỮ LIỆU THỬ TẢI",
            )
        )
    return rows


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``parts`` counts summing to ``total``, each within about ±30 % of the mean."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def make_large(path: Path, cadres: int = REGISTER_ROWS, periods: int = 3) -> dict[str, int]:
    """Write the database at ``path`` (replacing it); returns counts of what it holds."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_store(path)
    demo.load_demo()
    rng = random.Random(SEED)
    period = parse_period(PERIOD)
    now = datetime(2019, 1, 15, 9, 0)
    with db.atomic():
        units = _extra_units()
        Unit.insert_many(units).execute()
        ids = dict(Unit.select(Unit.code, Unit.id).where(Unit.code.startswith("T")).tuples())
        in_register = (
            Cadre.select().join(UnitReturn).where(UnitReturn.period_code == period.code).count()
        )  # the demo's latest returns
        counts = _split(rng, cadres - in_register, len(units))
        folded: dict[str, str] = {}
        conn = db.connection()
        sql = f'INSERT INTO "cadre" ({", ".join(CADRE_COLUMNS)}) VALUES ({", ".join("?" for _ in CADRE_COLUMNS)})'
        for unit, count in zip(units, counts, strict=True):
            district = unit["kind"] == "huyen"
            return_id = UnitReturn.insert(
                unit=ids[unit["code"]],
                period_code=period.code,
                period_start=period.start,
                period_end=period.end,
                imported_at=now,
                imported_by="bench",
                source_file=f"{unit['code']}.xlsx",
                reported_on=date(2018, 12, 20),
            ).execute()
            if not district:
                has_office = rng.random() < 0.8
                OfficeReadiness.insert(
                    unit_return=return_id,
                    has_office=has_office,
                    floor_area=round(rng.uniform(15, 45), 1) if has_office else None,
                    computers=rng.randint(1, 4),
                    internet=True,
                    staff=rng.randint(1, 4),
                    notes="",
                ).execute()
                EdocOrg.insert_many(
                    [
                        {"unit_return": return_id, "seq": i, "org_name": org, "exchanges": rng.random() < 0.9}
                        for i, org in enumerate(ORGS, start=1)
                    ]
                ).execute()
            conn.executemany(sql, _cadre_rows(rng, return_id, count, district, folded))
            for label in EXTRA_PERIODS[: max(periods - 3, 0)]:  # the same unit's earlier, shorter returns
                _earlier_return(rng, ids[unit["code"]], parse_period(label), count // 4, district, folded)
        db.execute_sql('DELETE FROM "cadre_tally"')  # the demo's, counted again with the rest below
        db.execute_sql(tally_sql())
        Setting.replace(key=MARK_KEY, value=_marker(cadres, periods)).execute()
    total = Cadre.select().count()
    register = Cadre.select().join(UnitReturn).where(UnitReturn.period_code == period.code).count()
    result = {"units": Unit.select().count(), "returns": UnitReturn.select().count(), "cadres": total}
    result["register"] = register
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return result


def _earlier_return(
    rng: random.Random, unit_id: int, period: Period, cadres: int, district: bool, folded: dict[str, str]
) -> None:
    return_id = UnitReturn.insert(
        unit=unit_id,
        period_code=period.code,
        period_start=period.start,
        period_end=period.end,
        imported_at=datetime(2019, 1, 15, 9, 0),
        imported_by="bench",
        source_file=f"{unit_id}-{period.code}.xlsx",
    ).execute()
    if not district:
        OfficeReadiness.insert(unit_return=return_id, has_office=rng.random() < 0.6, notes="").execute()
        EdocOrg.insert_many(
            [
                {"unit_return": return_id, "seq": i, "org_name": org, "exchanges": rng.random() < 0.7}
                for i, org in enumerate(ORGS, start=1)
            ]
        ).execute()
    sql = f'INSERT INTO "cadre" ({", ".join(CADRE_COLUMNS)}) VALUES ({", ".join("?" for _ in CADRE_COLUMNS)})'
    db.connection().executemany(sql, _cadre_rows(rng, return_id, cadres, district, folded))


def ensure_large(path: Path | None = None, cadres: int = REGISTER_ROWS, periods: int = 3) -> Path:
    """The benchmark database, written only if missing or made by another version of this generator."""
    target = path or default_path(cadres, periods)
    if not is_current(target, cadres, periods):
        make_large(target, cadres, periods)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--cadres", type=int, default=REGISTER_ROWS, help="cadre rows in the register")
    parser.add_argument("--periods", type=int, default=3, help=f"reported periods (3 to {3 + len(EXTRA_PERIODS)})")
    args = parser.parse_args()
    args.path = args.path or default_path(args.cadres, args.periods)
    os.environ.setdefault("DEAN_DESKTOP_DATA_DIR", str(Path(tempfile.gettempdir()) / "dean-desktop-bench" / "data"))
    started = time.perf_counter()
    counts = make_large(args.path, args.cadres, args.periods)
    elapsed = time.perf_counter() - started
    print(
        f"{args.path}: {counts['units']} đơn vị, {counts['returns']} báo cáo, {counts['cadres']} dòng cán bộ "
        f"({counts['register']} trong danh sách mới nhất) — {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
