"""Label sheets (`Thông tin chung`, `Một cửa`): a label in one of the first columns, its value to the right."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vntext import fold
from .matching import Field, key, match_field
from .reader import Cell
from .tables import locate_table

LABEL_COLUMNS = 3  # labels may sit in column A, B or C
VALUE_REACH = 5  # the value is the next non-empty cell within this many columns
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*[.)/\-]\s+|^\s*[-+*•]+\s*", re.IGNORECASE)


@dataclass(frozen=True)
class LabelValue:
    value: Cell
    row: int  # Excel row number
    label: str  # the field's label (for messages)
    exact: bool


def _strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1)


def _is_hint(text: str) -> bool:
    """A hint left in the form, e.g. "(Có/Không)" or "(dd/mm/yyyy)"."""
    stripped = text.strip()
    return stripped.startswith("(") and stripped.endswith(")")


def _split_inline(text: str) -> tuple[str, str] | None:
    """``"Đơn vị: Xã Linh Thông"`` -> (label, value)."""
    if ":" not in text:
        return None
    label, _, value = text.partition(":")
    value = value.strip()
    return (label, value) if value and label.strip() else None


def read_labels(rows: Sequence[Sequence[Cell]], specs: Sequence[Field]) -> dict[str, LabelValue]:
    """Each known label's value. When a label appears twice, an exact label with a value wins."""
    found: dict[str, LabelValue] = {}

    def offer(spec: Field, candidate: LabelValue) -> None:
        current = found.get(spec.name)
        rank = (candidate.value is not None, candidate.exact)
        if current is None or rank > (current.value is not None, current.exact):
            found[spec.name] = candidate

    for r, row in enumerate(rows):
        for c in range(min(LABEL_COLUMNS, len(row))):
            raw = row[c]
            if not isinstance(raw, str):
                continue
            label_text = _strip_numbering(raw)
            spec = match_field(label_text, specs)
            inline_value: Cell = None
            if spec is None:
                inline = _split_inline(label_text)
                if inline is None:
                    continue
                spec = match_field(inline[0], specs)
                if spec is None:
                    continue
                label_text, inline_value = inline
            exact = key(label_text) in spec.aliases or key(label_text.rstrip(": *")) in spec.aliases
            value = inline_value
            if value is None:
                for v in row[c + 1 : c + 1 + VALUE_REACH]:
                    if v is None or (isinstance(v, str) and (fold(v) in ("", ":") or _is_hint(v))):
                        continue
                    value = v
                    break
            if value is None and inline_value is None:
                inline = _split_inline(label_text)
                if inline is not None and match_field(inline[0], specs) is spec:
                    value = inline[1]
            offer(spec, LabelValue(value, r + 1, spec.label, exact))
            break  # one label per row
    return found


def read_horizontal(rows: Sequence[Sequence[Cell]], specs: Sequence[Field], key_field: str) -> dict[str, LabelValue]:
    """The same fields laid out as a one-row table (headers across, values in the row below)."""
    layout = locate_table(rows, specs, key_field)
    if layout is None:
        return {}
    for r in range(layout.data_start, len(rows)):
        row = rows[r]
        if any(v is not None for v in row):
            by_name = {s.name: s for s in specs}
            return {
                name: LabelValue(row[i] if i < len(row) else None, r + 1, by_name[name].label, True)
                for name, i in layout.columns.items()
            }
    return {}
