"""Printing from the window: the document's HTML is built off the GUI thread, then previewed, printed or saved as PDF.

The same HTML and the same page painter (rendering.pdf.print_document) serve the preview, the printer and the PDF,
so what the preview shows is what comes out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from ..rendering.pdf import print_document, render_html_pdf
from ..services.party_document import PartyDocument
from . import recent_folders
from .screen_fit import fit_to_screen
from .widgets import messages
from .workers import run_with_progress

PREVIEW = "preview"
PRINT = "print"
PDF = "pdf"


def ask_pdf_path(parent: QWidget, suggested: str) -> str:
    """The save dialog (module-level so tests can replace it); starts where the last export went."""
    return recent_folders.save_file(parent, recent_folders.EXPORT, "Lưu thành tệp PDF", suggested, "PDF (*.pdf)")


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Đề án Desktop")
    return printer


def preview_dialog(parent: QWidget | None, html: PartyDocument | str, title: str) -> QPrintPreviewDialog:
    printer = make_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Xem trước khi in — {title}")
    dialog.paintRequested.connect(lambda device: print_document(html, device))
    fit_to_screen(dialog, QSize(900, 1000))  # a tall A4 page where the screen allows
    dialog.printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


def output(
    parent: QWidget, mode: str, title: str, suggested: str, build_html: Callable[[], PartyDocument | str]
) -> None:
    """Build the document in the background, then preview it, print it or save it as PDF."""
    pdf_path = ""
    if mode == PDF:
        pdf_path = ask_pdf_path(parent, suggested)
        if not pdf_path:
            return
        if not pdf_path.lower().endswith(".pdf"):
            pdf_path += ".pdf"

    def build(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> PartyDocument | str:
        progress(0, 1, f"Đang lập {title.lower()}…")
        return build_html()

    def done(html: PartyDocument | str) -> None:
        if mode == PREVIEW:
            messages.run_dialog(preview_dialog(parent, html, title))
        elif mode == PRINT:
            printer = make_printer()
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(f"In — {title}")
            if messages.run_dialog(dialog):
                print_document(html, printer)
        else:
            try:
                render_html_pdf(html, Path(pdf_path), title)
            except OSError as error:
                messages.show_error(
                    parent,
                    f'Không ghi được tệp "{pdf_path}": tệp có đang mở trong chương trình khác '
                    f"không? ({error.strerror or error})",
                )
                return
            messages.show_info(parent, f"Đã lưu {title.lower()} vào tệp:\n{pdf_path}", "Lưu PDF")

    run_with_progress(parent, f"Đang lập {title.lower()}…", build, done, lambda text: messages.show_error(parent, text))


def dated_name(stem: str) -> str:
    return f"{stem}-{date.today():%Y-%m-%d}.pdf"


__all__ = ["PDF", "PREVIEW", "PRINT", "QDialog", "dated_name", "output", "preview_dialog"]
