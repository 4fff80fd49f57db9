"""Phone numbers and email addresses as Vietnamese offices write them: one rule for the window, the CLI and import."""

from __future__ import annotations

import re

# Digits in groups separated by spaces, dots or hyphens, an area code maybe in brackets, maybe a leading +84.
_PHONE_SHAPE = re.compile(r"^\(?\+?[0-9][0-9 .\-()]*$")
_SEPARATORS = re.compile(r"[ .\-()]")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")
_PHONE_HINT = "ví dụ 0912 345 678, 0208 3855 123 hoặc +84 912 345 678"


def phone_digits(text: str) -> str | None:
    """The national digits of one phone number (``0`` + 9 or 10 digits), or None when it is not one.

    Mobile numbers have 10 digits, landlines 11 with the area code (``0208 3855 123``); numbers written
    before 2018 may still have 11-digit mobile prefixes (``0168…``), so 10 and 11 digits both pass.
    """
    text = text.strip()
    if not text or not _PHONE_SHAPE.match(text):
        return None
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+"):
        if not digits.startswith("+84"):
            return None
        digits = "0" + digits[3:]
    if not digits.startswith("0") or digits.startswith("00") or len(digits) not in (10, 11):
        return None
    return digits


def phone_problem(text: str, field: str = "Số điện thoại") -> str | None:
    """A Vietnamese message naming the field when ``text`` is not one or more phone numbers (``;`` or ``,``)."""
    text = text.strip()
    if not text:
        return None
    for part in re.split(r"[;,]", text):
        if phone_digits(part) is None:
            return f'{field} "{text}" không hợp lệ ({_PHONE_HINT}).'
    return None


def email_problem(text: str, field: str = "Địa chỉ email") -> str | None:
    """A Vietnamese message naming the field when ``text`` does not look like ``ten@donvi.vn``."""
    text = text.strip()
    if not text or _EMAIL.match(text):
        return None
    return f'{field} "{text}" không hợp lệ (phải có dạng ten@donvi.vn).'
