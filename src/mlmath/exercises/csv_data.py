"""A skill's data inputs read from the columns of a CSV table (the learner's own data).

``mlmath solve SKILL --csv FILE --columns a,b`` and the explain page's CSV box both
come here. The named columns fill the skill's data inputs in order (``x`` then ``y``
for a regression), or by name (``--columns y=weight,x=height``). A skill that compares
groups (one-way ANOVA) takes one column per group (blank cells end a shorter group),
or one column of values with ``by``: the column naming each row's group.

Cells are read as text and turned into numbers exactly (see
:class:`~mlmath.engine.statistics.columns.Column`); every problem is one line naming
the column and the row. At most :data:`~mlmath.exercises.inputs.MAX_DATA_POINTS` rows
are read, so a huge file is refused without being loaded.

>>> import io
>>> from mlmath.exercises.inputs import Field
>>> fields = (Field("x", "data", "inputs"), Field("y", "data", "outputs"))
>>> table = io.StringIO("height,weight\\n1.5,60\\n1.8,75.5\\n")
>>> {name: list(column) for name, column in csv_inputs(fields, table, ["height", "weight"]).items()}
{'x': [Fraction(3, 2), Fraction(9, 5)], 'y': [Fraction(60, 1), Fraction(151, 2)]}
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import IO, Any, cast

from mlmath.engine.solution import NotSolvable
from mlmath.engine.statistics.columns import Column
from mlmath.exercises.inputs import (
    DATA_KINDS,
    MAX_DATA_POINTS,
    MAX_GROUPS,
    MAX_NUMBER_TEXT,
    Field,
    InputError,
)

MAX_CSV_BYTES = 256 << 20
"""Largest CSV file accepted (256 MiB); it is read as a stream, keeping only the named
columns of at most MAX_DATA_POINTS rows."""
SEPARATORS = ",;\t"


def parse_columns(spec: str) -> list[str]:
    """``"a, b"`` as ``["a", "b"]``; ``"y=weight"`` items name the input they fill."""
    names = [part.strip() for part in spec.split(",")]
    if not spec.strip() or not all(names):
        raise InputError('--columns: name the CSV columns to use, comma-separated, like "x,y"')
    return names


def csv_inputs(
    fields: Sequence[Field], source: IO[str] | IO[bytes], columns: Sequence[str], by: str = ""
) -> dict[str, Any]:
    """The skill's data inputs, as exact columns, from the named columns of a CSV table."""
    data_fields = [f for f in fields if f.kind in DATA_KINDS]
    if not data_fields:
        names = ", ".join(f.name for f in fields)
        raise InputError(f"this skill takes no data set (its inputs are: {names}); use --input")
    header, rows = _table(source, [*columns_of(columns), *([by] if by else [])])
    groups = next((f for f in data_fields if f.kind == "groups"), None)
    if groups is not None:
        return {groups.name: _groups(header, rows, columns_of(columns), by)}
    if by:
        raise InputError("--by is for skills that compare groups (such as statistics.anova)")
    assignment = _assign(data_fields, columns)
    paired = len(assignment) > 1
    return {
        name: _numbers(column, rows[column], skip_blanks=not paired)
        for name, column in assignment.items()
    }


def columns_of(columns: Sequence[str]) -> list[str]:
    """The CSV column names in a ``--columns`` list (without their ``input=`` part)."""
    return [c.split("=", 1)[1].strip() if "=" in c else c for c in columns]


def _assign(fields: Sequence[Field], columns: Sequence[str]) -> dict[str, str]:
    """Which CSV column fills which data input."""
    names = [f.name for f in fields]
    named = dict(c.split("=", 1) for c in columns if "=" in c)
    named = {k.strip(): v.strip() for k, v in named.items()}
    unknown = sorted(set(named) - set(names))
    if unknown:
        raise InputError(
            f"--columns: this skill has no data input {unknown[0]!r}; its data inputs are "
            f"{', '.join(names)}"
        )
    free = [n for n in names if n not in named]
    positional = [c for c in columns if "=" not in c]
    if len(positional) > len(free):
        raise InputError(
            f"--columns: {len(columns)} columns given, but this skill takes "
            f"{len(names)} data input{'s' if len(names) > 1 else ''} ({', '.join(names)})"
        )
    assignment = dict(named)
    assignment.update(zip(free, positional, strict=False))
    required = [f.name for f in fields if f.required and f.name not in assignment]
    if required:
        raise InputError(
            f"--columns: name a column for each of {', '.join(names)} "
            f"(missing: {', '.join(required)})"
        )
    return assignment


def _text_stream(source: IO[str] | IO[bytes]) -> IO[str]:
    if source.seekable():
        start = source.tell()
        size = source.seek(0, io.SEEK_END) - start
        source.seek(start)
        if size > MAX_CSV_BYTES:
            raise InputError(f"the CSV file is larger than {MAX_CSV_BYTES >> 20} MiB")
    if isinstance(source, io.TextIOBase):
        return source
    return io.TextIOWrapper(cast(IO[bytes], source), encoding="utf-8-sig", newline="")


def _release(stream: IO[str], source: IO[str] | IO[bytes]) -> None:
    """Leave the caller's file open for the caller to close (a wrapper made here would
    otherwise close it when collected)."""
    if stream is not source and isinstance(stream, io.TextIOWrapper):
        stream.detach()


def _separator(first_line: str) -> str:
    counts = {s: first_line.count(s) for s in SEPARATORS}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _table(
    source: IO[str] | IO[bytes], wanted: Sequence[str]
) -> tuple[list[str], dict[str, list[str]]]:
    """The header, and the wanted columns' cells as text (read as a stream: at most
    MAX_DATA_POINTS + 1 rows are ever looked at, and only the wanted cells kept)."""
    stream = _text_stream(source)
    try:
        first_line = stream.readline(1 << 20).removeprefix("\ufeff")
        separator = _separator(first_line)
        header = [h.strip() for h in next(csv.reader([first_line], delimiter=separator), [])]
        if not any(header):
            raise InputError("the CSV is empty: its first line should name the columns")
        if len(set(header)) != len(header):
            raise InputError("two columns of the CSV have the same name")
        columns = list(dict.fromkeys(wanted))
        missing = [c for c in columns if c not in header]
        if missing:
            shown = ", ".join(header[:20]) + (", …" if len(header) > 20 else "")
            raise InputError(f"the CSV has no column {missing[0]!r}; its columns are: {shown}")
        where = [header.index(c) for c in columns]
        cells: list[list[str]] = [[] for _ in columns]
        reader = csv.reader(stream, delimiter=separator)
        for count, row in enumerate(reader, start=1):
            if count > MAX_DATA_POINTS:
                raise InputError(
                    f"the CSV has more than {MAX_DATA_POINTS:,} rows, more than a skill accepts"
                )
            if not row:
                continue
            for kept, i in zip(cells, where, strict=True):
                kept.append(row[i] if i < len(row) else "")
    except UnicodeDecodeError:
        raise InputError("the CSV file is not UTF-8 text") from None
    except csv.Error as error:
        raise InputError(f"the CSV could not be read: {error}") from None
    finally:
        _release(stream, source)
    return header, dict(zip(columns, cells, strict=True))


def _numbers(column: str, cells: list[str], skip_blanks: bool) -> Column:
    """The cells of one column as an exact column of numbers: up to 15 characters a float
    holds the typed decimal exactly; longer cells are read from their text."""
    values: list[float | str] = []
    for row, raw in enumerate(cells, start=2):
        cell = raw.strip()
        if not cell:
            if skip_blanks:
                continue
            raise InputError(f"column {column!r}, row {row}: the cell is empty")
        if len(cell) > 15:
            values.append(cell)
            continue
        try:
            values.append(float(cell))
        except ValueError:
            raise InputError(f"column {column!r}, row {row}: {cell!r} is not a number") from None
    if not values:
        raise InputError(f"column {column!r} has no values")
    try:
        return Column.of(values)
    except NotSolvable as error:
        problem = _first_problem(cells)
        raise InputError(f"column {column!r}, {problem}" if problem else str(error)) from None


def _first_problem(cells: list[str]) -> str | None:
    """Where a column's first unreadable cell is, for the error message."""
    for row, raw in enumerate(cells, start=2):
        cell = raw.strip()
        if not cell:
            continue
        if len(cell) > MAX_NUMBER_TEXT:
            return f"row {row}: the number is too long"
        try:
            if not math.isfinite(float(Fraction(cell) if "/" in cell else Decimal(cell))):
                return f"row {row}: {cell!r} is not a finite number"
        except (ValueError, ZeroDivisionError, InvalidOperation, OverflowError):
            return f"row {row}: {cell!r} is not a number"
    return None


def _groups(
    header: list[str], rows: dict[str, list[str]], columns: Sequence[str], by: str
) -> list[Column]:
    """Wide form (a column per group) or long form (one value column, grouped ``by``)."""
    if not by:
        if len(columns) < 2:
            raise InputError(
                "--columns: name one column per group (at least two), or one column of values "
                "with --by naming the column that says each row's group"
            )
        return [_numbers(c, rows[c], skip_blanks=True) for c in columns]
    if len(columns) != 1:
        raise InputError("with --by, name exactly one column of values in --columns")
    values, labels = rows[columns[0]], rows[by]
    grouped: dict[str, list[str]] = {}
    for value, label in zip(values, labels, strict=True):
        if value.strip():
            grouped.setdefault(label.strip(), []).append(value)
    if len(grouped) > MAX_GROUPS:
        raise InputError(f"column {by!r} names {len(grouped):,} groups; at most {MAX_GROUPS}")
    return [_numbers(f"{columns[0]} ({by} = {k})", v, True) for k, v in grouped.items()]
