"""One reporting period as communes send it: 24 returns × 300 cadres (+ `Một cửa` and `Văn bản điện tử`), seeded.

    python bench/make_period.py OUT_DIR [--seed 7] [--cadres 300]

The returns are written by the tests' builder (tests/services/excel_import/builders.py) with varied, seeded untidiness:
merged title rows, reordered and extra columns, abbreviations, text numbers and dates, signature blocks.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.services.excel_import.builders import Messy, build_return, cadre, office  # noqa: E402

COMMUNES = [
    "Thị trấn Chợ Chu", "Linh Thông", "Lam Vỹ", "Quy Kỳ", "Tân Thịnh", "Kim Phượng", "Bảo Linh", "Kim Sơn",
    "Phúc Chu", "Tân Dương", "Phượng Tiến", "Bảo Cường", "Đồng Thịnh", "Định Biên", "Thanh Định", "Trung Hội",
    "Trung Lương", "Bình Yên", "Điềm Mặc", "Phú Tiến", "Bộc Nhiêu", "Sơn Phú", "Phú Đình", "Bình Thành",
]  # fmt: skip
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đinh", "Ma", "Lương", "Hà", "Triệu", "Nông", "Đặng", "Vũ", "Bùi"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Ngọc", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Thắng",
         "Tuấn", "Việt", "Lan", "Linh", "Mai", "Nga", "Oanh", "Thảo", "Trang", "Yến", "Hằng", "Huyền"]  # fmt: skip
EDUCATION = ["Trung cấp", "Cao đẳng", "Đại học", "Đại học", "Đại học", "Thạc sĩ", "Tiến sĩ", "Sơ cấp"]
THEORY = ["Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp", "Cử nhân"]
ETHNIC = ["Kinh", "Tày", "Nùng", "Dao", "Sán Chay", "Mông"]
ORGS = ["Đảng ủy", "HĐND", "UBND", "Ủy ban MTTQ", "Hội Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Hội Cựu chiến binh"]
PERIOD = "Năm 2018"


def make_period(out: Path, seed: int = 7, cadres: int = 300) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, unit in enumerate(COMMUNES):
        people = []
        listed: set[tuple[str, int, str]] = set()  # the importer refuses one person (name, year, post) listed twice
        while len(people) < cadres:
            person = cadre(
                f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                rng.randint(1960, 1995),
                rng.choice(EDUCATION),
                rng.choice(THEORY),
                gender=rng.choice(["Nam", "Nữ"]),
                ethnicity=rng.choice(ETHNIC),
                position=rng.choice(["Bí thư", "Phó Bí thư", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch HĐND"]),
                major=rng.choice(["Luật", "Kinh tế", "Nông nghiệp", "Quản lý nhà nước", ""]),
                it="Trình độ A",
                language="Tiếng Anh B",
            )
            if (person["name"], person["birth_year"], person["position"]) not in listed:
                listed.add((person["name"], person["birth_year"], person["position"]))
                people.append(person)
        style = Messy(
            title_rows=rng.choice([0, 2, 3]),
            reorder=rng.random() < 0.5,
            extra_columns=("Quê quán",) if rng.random() < 0.3 else (),
            signature=rng.random() < 0.6,
            text_numbers=rng.random() < 0.3,
            date_format=rng.choice([None, "%d/%m/%Y", "%d-%m-%Y"]),
            abbreviations=rng.random() < 0.4,
            alias_headers=rng.random() < 0.4,
            seed=seed + index,
        )
        paths.append(
            build_return(
                out / f"{index + 1:02d}_{unit}.xlsx",
                unit=unit,
                period=PERIOD,
                office=office(
                    rng.random() < 0.8,
                    floor_area=round(rng.uniform(15, 60), 1),
                    computers=rng.randint(1, 6),
                    printers=rng.randint(1, 3),
                    scanners=rng.randint(0, 2),
                    internet=True,
                    staff=rng.randint(2, 6),
                    procedures_posted=rng.random() < 0.9,
                    in_use_since=date(2016, rng.randint(1, 12), rng.randint(1, 28)),
                ),
                edoc=[(org, rng.random() < 0.7, date(2017, rng.randint(1, 12), 1)) for org in ORGS],
                cadres=people,
                style=style,
            )
        )
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cadres", type=int, default=300)
    args = parser.parse_args()
    paths = make_period(args.out, args.seed, args.cadres)
    print(f"{len(paths)} returns in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
