"""One roster file's batches through the per-row rules: the fast pass, then pydantic for the rows it did not pass."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pyarrow as pa
from pydantic import ValidationError
from stdnum.cn import uscc

from chuangye_cli.core.problems import Problem, ProblemCap, error, problems_from_validation_error, warning
from chuangye_cli.reports.formulas import UncachedFormula
from chuangye_cli.reports.rows import is_blank, normalise_text
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.data import RosterData
from chuangye_cli.rosters.fastchecks import blank, fast_check
from chuangye_cli.rosters.privacy import masked
from chuangye_cli.rosters.rules import (
    ACTIVITIES,
    ROSTER_COLUMNS,
    WARNING_CODES,
    RosterRow,
    column_header,
    id17_of,
    row_warnings,
)
from chuangye_cli.rosters.store import RowStore

#: problems kept in full for one roster file; the rest are counted by kind (bounded memory and output)
MAX_PROBLEMS = 10_000


def _warning(key: str, file: str, headers: dict[str, str], line: int, value: Any) -> Problem:
    return warning(WARNING_CODES[key], file=file, row=line, column=column_header(headers, key), value=value)


class FileCheck:
    """The state of one file being validated; thrown away when the file must be read again."""

    def __init__(self, file_index: int, file: str, headers: dict[str, str], context: RosterContext, store: RowStore):
        self.file_index, self.file, self.headers, self.context = file_index, file, headers, context
        self.store = store  # where the valid rows go
        self.found = ProblemCap(MAX_PROBLEMS)
        self.rows = 0
        self.validation_context = context.validation_context

    @property
    def problems(self) -> list[Problem]:
        """The file's problems: the first :data:`MAX_PROBLEMS` in full, then how many more of each kind."""
        return self.found.problems(self.file)

    def batch(
        self, rows: "np.ndarray", cols: dict[str, "pa.Array"], typed: Optional[dict[str, dict[int, Any]]] = None
    ) -> None:
        """Check one batch; ``typed``: cells as read where their text does not tell (see
        :attr:`~chuangye_cli.rosters.reader.Batch.typed`): their rows go to pydantic."""
        typed = typed or {}
        n = len(rows)
        if not n:
            return
        filled = {}
        for k, a in cols.items():
            if isinstance(a, pa.ChunkedArray):
                a = a.combine_chunks()
            filled[k] = a.fill_null("") if a.null_count else a
        cols = filled
        # a row is blank when every cell is
        nonblank = np.zeros(n, dtype=bool)
        for a in cols.values():
            nonblank |= ~blank(a)
        self.rows += int(nonblank.sum())
        fr = fast_check(cols, self.context)
        for cells in typed.values():
            fr.certain[list(cells)] = False  # its text may pass; the cell as read does not
        keep = fr.certain.copy()
        fields = {f: getattr(fr, f) for f in ("id17", "district", "activity", "quarter", "passed", "served", "started")}
        warn = []
        for i in np.flatnonzero(fr.certain & fr.warn_start):
            warn.append((int(rows[i]), "start_date", cols["start_date"][int(i)].as_py()))
        if "credit_code" in cols:
            for i in np.flatnonzero(fr.certain & fr.warn_credit):
                value = cols["credit_code"][int(i)].as_py()
                if not uscc.is_valid(normalise_text(value)):  # the fast pass only suspects; stdnum decides
                    warn.append((int(rows[i]), "credit_code", value))
        flagged = np.flatnonzero(~fr.certain & nonblank)
        if len(flagged):
            warn.extend(self._slow(rows, cols, flagged, keep, fields, typed))
        # the valid rows, in reading order: a few bytes per row are all that is kept
        every = bool(keep.all())
        kept = None if every else np.flatnonzero(keep)
        part = {
            f: (a if every else a.take(kept)).astype(t, copy=False)
            for (f, a), t in zip(fields.items(), RosterData.DTYPES)
        }
        part["row"] = (rows if every else rows.take(kept)).astype(np.int32, copy=False)
        part["file"] = np.full(len(part["row"]), self.file_index, dtype=np.int32)
        self.store.add(part)
        for line, key, value in sorted(warn, key=lambda w: w[0]):
            self.found.add(_warning(key, self.file, self.headers, line, value))

    def _slow(
        self,
        rows: "np.ndarray",
        cols: dict[str, "pa.Array"],
        flagged: "np.ndarray",
        keep: "np.ndarray",
        fields: dict[str, "np.ndarray"],
        typed: dict[str, dict[int, Any]],
    ) -> list[tuple[int, str, Any]]:
        """Rows the fast pass did not pass: pydantic has the last word (valid ones are written into ``fields``).

        A formula without a saved value is an error of its own and its row is not used; a number in the
        ID column goes to pydantic as the number it is (its text is shown)."""
        at = pa.Array.from_buffers(pa.int64(), len(flagged), [None, pa.py_buffer(flagged.astype(np.int64))])
        values = {k: a.take(at).cast(pa.string()).to_pylist() for k, a in cols.items()}
        warn = []
        flag = {True: 1, False: 0, None: -1}
        for j, i in enumerate(flagged.tolist()):
            line = int(rows[i])
            cells = {k: v[j] for k, v in values.items()}
            data = {k: v for k, v in cells.items() if not is_blank(v)}
            if not data:
                continue
            unread = set()
            for key, by_index in typed.items():
                cell = by_index.get(i)
                if isinstance(cell, UncachedFormula):
                    column = column_header(self.headers, key)
                    value = masked(key, str(cell))  # a formula can spell out an ID number or a name
                    self.found.add(error("xlsx-formula-no-value", file=self.file, row=line, column=column, value=value))
                    unread.add(key)
                    del data[key]
                elif cell is not None:
                    data[key] = cell
            try:
                row = RosterRow.model_validate(data, context=self.validation_context)
            except ValidationError as exc:
                self.found.extend(problems_from_validation_error(
                    exc,
                    file=self.file,
                    row=line,
                    column_of=lambda key: column_header(self.headers, key) if key in ROSTER_COLUMNS else key,
                    value_of=lambda key: masked(key, cells.get(key)),
                    skip=unread,
                ))
                continue
            if unread:
                continue
            keep[i] = True
            fields["id17"][i] = id17_of(row.id_number)
            fields["district"][i] = self.context.district_index(row.district_code)
            fields["activity"][i] = ACTIVITIES.index(row.activity)
            fields["quarter"][i] = row.quarter.index
            fields["passed"][i] = flag[row.passed]
            fields["served"][i] = flag[row.served]
            fields["started"][i] = flag[row.started]
            warn.extend((line, key, cells.get(key)) for key in row_warnings(row))
        return warn
