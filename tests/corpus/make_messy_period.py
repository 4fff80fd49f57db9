"""Generate one reporting period's returns the way communes and district agencies really send them, with an answer key.

``make_period(folder, seed)`` writes two import batches (``dot1/`` then ``dot2/``, imported in that order) for the 24
communes/town and the 25 district agencies of PRODUCT.md §2, every file laid out and spelled independently (see
``messy_layout``), and returns an ``AnswerKey``: the true content of every file, which files must be refused, and the
indicators of PRODUCT.md §2 computed from that truth by this module's own small code (never by the app's services).

Run ``python -m tests.corpus.make_messy_period OUT_DIR --seed 3`` to look at a corpus (writes ``answer.json`` too).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import messy_layout as ml
from . import messy_tables as mt
from . import messy_values as mv
from .workbook_writers import Sheet, write_xls, write_xlsx

YEAR = 2019
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period_label(kind: str, year: int) -> str:
    """The canonical label of PRODUCT.md §4 for a period."""
    if kind == "Y":
        return f"Năm {year}"
    if kind in ("H1", "H2"):
        return f"6 tháng {'đầu' if kind == 'H1' else 'cuối'} năm {year}"
    if kind[0] == "Q":
        return f"Quý {ROMAN[kind[1]]}/{year}"
    return f"Tháng {int(kind[1:])}/{year}"


@dataclass
class FileCase:
    path: Path
    batch: int
    expect: str  # "imported" or "rejected"
    why: str
    truth: ml.ReturnTruth | None  # what lands in the store when the file is imported
    style: ml.Style | None = None
    fmt: str = "xlsx"

    @property
    def unit_name(self) -> str | None:
        return self.truth.unit_name if self.truth else None

    @property
    def period(self) -> str | None:
        return period_label(self.truth.period_kind, self.truth.year) if self.truth else None

    def expected_counts(self) -> dict[str, int]:
        assert self.truth is not None
        counts = {"edoc": len(self.truth.orgs), "cadres": len(self.truth.cadres)}
        if self.truth.is_commune:
            counts["office"] = 1
        return counts

    def describe(self) -> str:
        style = self.style
        shape = f"{self.fmt}, {style.encoding}{'+font' if style.legacy_font else ''}, sheets {style.sheet_naming}" + (
            f", {', '.join(style.notes)}" if style.notes else "") if style else self.fmt  # fmt: skip
        return f"{self.path.parent.name}/{self.path.name} [{self.why}; {shape}]"


@dataclass
class AnswerKey:
    seed: int
    batches: list[Path]
    files: list[FileCase] = field(default_factory=list)

    def import_order(self) -> list[FileCase]:
        """The order the CLI imports them: batch by batch, each folder's files sorted by path."""
        return sorted(self.files, key=lambda f: (f.batch, f.path))

    def latest_returns(self, as_of: date | None = None) -> dict[str, ml.ReturnTruth]:
        """unit code -> the return that counts: the latest period end (on or before ``as_of``); the same period
        imported later replaces it."""
        latest: dict[str, ml.ReturnTruth] = {}
        for case in self.import_order():
            if case.expect != "imported" or case.truth is None or (as_of is not None and case.truth.end > as_of):
                continue
            current = latest.get(case.truth.unit_code)
            if current is None or case.truth.end >= current.end:
                assert current is None or case.truth.end > current.end or (
                    case.truth.period_kind == current.period_kind), "ambiguous tie between two periods"  # fmt: skip
                latest[case.truth.unit_code] = case.truth
        return latest

    def valid_communes(self, as_of: date | None = None) -> list[tuple[str, str]]:
        """Communes valid at the reference date: the as-of period's end, else the latest period any return covers."""
        reference = as_of or max(t.end for t in self.latest_returns().values())
        kim_son_gone = reference >= date(2020, 1, 1)
        return [(code, name) for code, name in mv.COMMUNES if not (code == mv.KIM_SON and kim_son_gone)]

    def indicators(self, as_of: date | None = None) -> dict[str, tuple[int, int]]:
        """Indicator code -> (numerator, denominator), by PRODUCT.md §2."""
        latest = self.latest_returns(as_of)
        communes = self.valid_communes(as_of)
        commune_returns = [latest[code] for code, _ in communes if code in latest]
        agency_returns = [t for t in latest.values() if not t.is_commune]
        cadres = [c for t in agency_returns for c in t.cadres]
        orgs = [flag for t in commune_returns for *_, flag in t.orgs]
        return {
            "cadre.postgrad_district": (sum(c.education in mv.POSTGRAD for c in cadres), len(cadres)),
            "cadre.senior_theory_district": (sum(c.theory in mv.SENIOR_THEORY for c in cadres), len(cadres)),
            "reform.edoc_orgs": (sum(orgs), len(orgs)),
            "reform.commune_offices": (sum(bool(t.has_office) for t in commune_returns), len(communes)),
        }

    def missing_returns(self, as_of: date | None = None) -> list[str]:
        latest = self.latest_returns(as_of)
        return [name for code, name in self.valid_communes(as_of) if code not in latest]

    def as_json(self) -> dict[str, object]:
        return {
            "seed": self.seed,
            "files": [
                {"file": c.describe(), "expect": c.expect, "unit": c.unit_name, "period": c.period}
                for c in self.import_order()
            ],  # fmt: skip
            "indicators": {k: list(v) for k, v in self.indicators().items()},
            "missing_returns": self.missing_returns(),
        }


# ---------------------------------------------------------------------------------------------------------------
# True content
# ---------------------------------------------------------------------------------------------------------------
def _cadres(rng: random.Random, count: int) -> list[ml.Cadre]:
    return [ml.Cadre(mv.weighted(rng, mv.EDUCATION_WEIGHTS), mv.weighted(rng, mv.THEORY_WEIGHTS)) for _ in range(count)]


def commune_truth(rng: random.Random, code: str, name: str, kind: str, year: int = YEAR) -> ml.ReturnTruth:
    truth = ml.ReturnTruth(code, name, True, kind, year, has_office=rng.random() < 0.7)
    if rng.random() < 0.95:
        picked = [("Đảng", rng.choice(mv.ORGANISATIONS["Đảng"]))]
        picked += [("Chính quyền", org) for org in rng.sample(mv.ORGANISATIONS["Chính quyền"], 2)]
        picked += [("Đoàn thể", org) for org in rng.sample(mv.ORGANISATIONS["Đoàn thể"], rng.randint(3, 7))]
        truth.orgs = [(block, org, rng.random() < 0.75) for block, org in picked]
    if rng.random() < 0.6:
        truth.cadres = _cadres(rng, rng.randint(3, 12))
    return truth


def agency_truth(rng: random.Random, name: str, kind: str, year: int = YEAR) -> ml.ReturnTruth:
    code = f"H{mv.AGENCIES.index(name) + 1:02d}"
    return ml.ReturnTruth(code, name, False, kind, year, cadres=_cadres(rng, rng.randint(2, 9)))


def _period_text(rng: random.Random, kind: str, year: int) -> object:
    if kind == "Y":
        return mv.period_cell(rng.choice(mv.ANNUAL_FORMS), year)
    forms = [form for form, k in mv.EARLIER_FORMS + mv.LATE_PARTIAL_FORMS if k == kind]
    return mv.period_cell(rng.choice(forms), year)


# ---------------------------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, rng: random.Random, folder: Path, use_xls: bool) -> None:
        self.rng, self.folder, self.use_xls = rng, folder, use_xls
        self.taken: set[str] = set()

    def file_name(self, truth: ml.ReturnTruth, batch: int, suffix: str, tag: str = "") -> Path:
        rng = self.rng
        short = truth.unit_name.removeprefix("Thị trấn ")
        stem = rng.choice([f"BC {mv.strip_marks(short)} {truth.year}", f"Báo cáo Đề án - {truth.unit_name}",
                           f"{short} - {period_label(truth.period_kind, truth.year).replace('/', '-')}",
                           "Mau bao cao", "Book1", f"bieu mau de an {mv.strip_marks(short).lower()}"])  # fmt: skip
        stem += tag
        name, n = stem + suffix, 1
        while f"{batch}/{name}".lower() in self.taken:
            n += 1
            name = f"{stem} ({n}){suffix}"
        self.taken.add(f"{batch}/{name}".lower())
        return self.folder / f"dot{batch}" / name

    def write(self, truth: ml.ReturnTruth, batch: int, why: str, *, expect: str = "imported", tag: str = "",
              period: object = None, bad_theory: bool = False) -> FileCase:  # fmt: skip
        rng = self.rng
        style = ml.Style()
        style.encoding = rng.choices(["unicode", "nfd", "tcvn3", "vni"], weights=[68, 10, 13, 9])[0]
        style.legacy_font = style.encoding in ("tcvn3", "vni") and rng.random() < 0.5
        fmt = "xls" if self.use_xls and rng.random() < 0.1 else "xlsx"
        names = ml.sheet_names(rng, style)
        unit_text = (mv.commune_spelling(rng, truth.unit_code, truth.unit_name) if truth.is_commune
                     else mv.agency_spelling(rng, truth.unit_name))  # fmt: skip
        period_value = _period_text(rng, truth.period_kind, truth.year) if period is None else period
        sheets = [ml.general_sheet(rng, truth, names["Thông tin chung"], unit_text, period_value)]
        if truth.is_commune:
            sheets.append(ml.office_sheet(rng, truth, names["Một cửa"]))
            if truth.orgs:
                sheets.append(mt.edoc_sheet(rng, truth, names["Văn bản điện tử"]))
        if truth.cadres:
            bad_row = rng.randrange(len(truth.cadres)) if bad_theory else None
            sheets.append(mt.cadre_sheet(rng, truth, names["Cán bộ"], bad_row))
        style.notes.extend(dict.fromkeys(f"{n} ({s.name})" for s in sheets for n in s.notes))
        self._extra_sheets(sheets, style)
        ml.apply_encoding(rng, style, sheets)
        style.notes.append(f"unit {unit_text!r}, period {period_value!r}")
        path = self.file_name(truth, batch, "." + fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        (write_xls if fmt == "xls" else write_xlsx)(sheets, path)
        return FileCase(path, batch, expect, why, truth if expect == "imported" else None, style, fmt)

    def _extra_sheets(self, sheets: list[Sheet], style: ml.Style) -> None:
        rng = self.rng
        if rng.random() < 0.15:
            first = sheets.pop(0)
            rng.shuffle(sheets)
            sheets.insert(rng.randint(0, len(sheets)), first)
            style.notes.append("sheets reordered")
        if rng.random() < 0.2:
            sheets.insert(rng.choice([0, len(sheets)]), ml.guide_sheet("Hướng dẫn"))
            style.notes.append("guide sheet")
        if rng.random() < 0.15:
            sheets.append(ml.lists_sheet(rng.choice(["Danh mục", "DM"])))
            style.notes.append("lists sheet")
        if rng.random() < 0.15:  # an empty sheet left over, named like Excel names new sheets
            taken = {sheet.name for sheet in sheets}
            sheets.append(Sheet(next(f"Sheet{n}" for n in range(2, 20) if f"Sheet{n}" not in taken)))


def make_period(folder: Path, seed: int, *, use_xls: bool = True) -> AnswerKey:
    """Write the corpus for ``seed`` into ``folder`` (two batches) and return its answer key."""
    rng = random.Random(seed)
    folder = Path(folder)
    key = AnswerKey(seed, [folder / "dot1", folder / "dot2"])
    for batch in key.batches:
        if batch.exists():
            shutil.rmtree(batch)
    writer = _Writer(rng, folder, use_xls)
    partial = [k for _, k in mv.EARLIER_FORMS + mv.LATE_PARTIAL_FORMS]

    missing = rng.choice([c for c in mv.COMMUNES if c[0] != mv.KIM_SON])
    mains: list[ml.ReturnTruth] = []
    for code, name in mv.COMMUNES:
        if (code, name) != missing:
            kind = "Y" if code == mv.KIM_SON or rng.random() < 0.85 else rng.choice(partial)
            mains.append(commune_truth(rng, code, name, kind))
    skipped_agency = rng.choice(mv.AGENCIES)
    for name in mv.AGENCIES:
        if name != skipped_agency:
            mains.append(agency_truth(rng, name, "Y" if rng.random() < 0.85 else rng.choice(partial)))
    for truth in mains:
        key.files.append(writer.write(truth, 1, "return"))

    annual = [t for t in mains if t.period_kind == "Y"]
    earlier = [k for _, k in mv.EARLIER_FORMS]
    for truth in rng.sample(annual, 4):  # an earlier period too, sometimes imported after the annual one
        make = commune_truth if truth.is_commune else None
        first = (make(rng, truth.unit_code, truth.unit_name, rng.choice(earlier)) if make
                 else agency_truth(rng, truth.unit_name, rng.choice(earlier)))  # fmt: skip
        key.files.append(writer.write(first, rng.choice([1, 2]), "earlier period (must not count)"))

    duplicated = rng.choice(key.files[: len(mains)])
    copy = duplicated.path.with_name(f"{duplicated.path.stem} - Copy{duplicated.path.suffix}")
    shutil.copyfile(duplicated.path, copy)
    key.files.append(FileCase(copy, 1, "imported", "duplicate of " + duplicated.path.name, duplicated.truth,
                              duplicated.style, duplicated.fmt))  # fmt: skip

    communes_y = [t for t in annual if t.is_commune and t.unit_code != mv.KIM_SON]
    corrected_commune, broken_commune = rng.sample(communes_y, 2)
    corrected_agency = rng.choice([t for t in annual if not t.is_commune])
    fixed = commune_truth(rng, corrected_commune.unit_code, corrected_commune.unit_name, "Y")
    fixed.has_office = not corrected_commune.has_office
    key.files.append(writer.write(fixed, 2, "corrected return (must replace)"))
    key.files.append(writer.write(agency_truth(rng, corrected_agency.unit_name, "Y"), 2, "corrected return"))

    bad = commune_truth(rng, broken_commune.unit_code, broken_commune.unit_name, "Y")
    bad.cadres = bad.cadres or _cadres(rng, 4)
    key.files.append(writer.write(bad, 2, "invalid political theory value", expect="rejected", bad_theory=True))
    kim_son_2020 = commune_truth(rng, mv.KIM_SON, "Kim Sơn", "Y", 2020)
    key.files.append(writer.write(kim_son_2020, rng.choice([1, 2]), "Kim Sơn after the merger", expect="rejected"))
    no_period = commune_truth(rng, missing[0], missing[1], "Y")
    key.files.append(writer.write(no_period, 1, "no reporting period", expect="rejected", period=""))
    junk = folder / "dot1" / "Book1 (bản gửi qua Zalo).xlsx"
    junk.write_text("Đây không phải tệp Excel\n", encoding="utf-8")
    key.files.append(FileCase(junk, 1, "rejected", "not a workbook", None))
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    key = make_period(Path(args.out), args.seed)
    (Path(args.out) / "answer.json").write_text(json.dumps(key.as_json(), ensure_ascii=False, indent=1), "utf-8")
    print(f"{len(key.files)} files in {args.out}")


if __name__ == "__main__":
    main()
