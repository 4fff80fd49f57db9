"""Writing the urging letters to a folder: a Word file per unit, and its PDF when asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..services.periods import Period
from ..services.report_content import Signing
from ..services.urging_letters import LETTER_PREFIX, LettersResult, WrittenLetter, urging_letters
from .docx import write_docx


def write_urging_letters(
    folder: Path,
    period: Period | None = None,
    *,
    member_id: int | None = None,
    signing: Signing | None = None,
    pdf: bool = False,
    today: date | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> LettersResult:
    """One letter per unit with something to urge for ``period``; none for the others."""
    period, letters = urging_letters(period, member_id=member_id, today=today, signing=signing)
    written = []
    for index, letter in enumerate(letters):
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(index, len(letters), letter.unit_name)
        path = write_docx(letter.document, folder / f"{letter.stem}.docx")
        pdf_path = None
        if pdf:
            from .pdf import render_pdf

            pdf_path = render_pdf(letter.document, folder / f"{letter.stem}.pdf")
        written.append(WrittenLetter(letter.unit_name, letter.item_count, path, pdf_path))
    names = {letter.path.name for letter in written}
    older = sorted(p.name for p in folder.glob(f"{LETTER_PREFIX}*.docx") if p.name not in names)
    return LettersResult(period, folder, tuple(written), tuple(older))
