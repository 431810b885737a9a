"""Values on the wire between the grader and the sandbox: tagged JSON, never pickle.

This module is loaded twice: by the grader (a normal import) and inside the
sandbox, where it is bind-mounted beside ``runner.py``. It therefore imports
only the standard library and NumPy.

The grader encodes the inputs of each call with :func:`encode`; the sandbox
decodes them, calls the learner's function and encodes what came back. The
grader reads that answer with :func:`decode`, which trusts nothing: every tag,
dtype, shape and size is checked, and anything unexpected raises
:class:`WireError`.

>>> import numpy as np
>>> decode(encode((np.array([[1.0, 2.0]]), 3, None)))
(array([[1., 2.]]), 3, None)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

#: Element budget of one encoded value (arrays and containers together).
MAX_ELEMENTS = 2_000_000
#: How deep lists, tuples and dicts may nest.
MAX_DEPTH = 32
#: Longest string kept; longer ones are cut.
MAX_STRING = 10_000

_DTYPES = frozenset(
    {
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    }
)


class WireError(ValueError):
    """A value on the wire is malformed, unsupported or too large."""


class _Budget:
    __slots__ = ("left",)

    def __init__(self, elements: int) -> None:
        self.left = elements

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise WireError(f"value too large (more than {MAX_ELEMENTS:,} numbers)")


def _float(value: float) -> Any:
    if math.isfinite(value):
        return value
    return {"__float__": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}


def _complex_pair(value: complex) -> list[Any]:
    return [_float(value.real), _float(value.imag)]


def encode(value: Any, *, max_elements: int = MAX_ELEMENTS) -> Any:
    """Turn a value into JSON-ready data; unsupported objects become a tagged type name."""
    return _encode(value, _Budget(max_elements), 0)


def _encode(value: Any, budget: _Budget, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"value nested more than {MAX_DEPTH} levels deep")
    budget.spend(1)
    if value is None or isinstance(value, bool | str):
        return value[:MAX_STRING] if isinstance(value, str) else value
    if isinstance(value, int):
        if abs(value) >= 2**63:
            return {"__bigint__": str(value)[:MAX_STRING]}
        return value
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, complex):
        return {"__complex__": _complex_pair(value)}
    if isinstance(value, np.ndarray):
        return _encode_array(value, budget)
    if isinstance(value, np.generic):
        if value.dtype.name not in _DTYPES:
            return {"__unsupported__": f"numpy.{value.dtype.name}"}
        item = value.item()
        body = _complex_pair(item) if isinstance(item, complex) else _encode(item, budget, depth)
        return {"__scalar__": value.dtype.name, "value": body}
    if isinstance(value, list | tuple):
        items = [_encode(item, budget, depth + 1) for item in value]
        return {"__tuple__": items} if isinstance(value, tuple) else items
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            return {"__unsupported__": "dict with non-string keys"}
        return {"__dict__": {key: _encode(item, budget, depth + 1) for key, item in value.items()}}
    kind = type(value)
    return {"__unsupported__": f"{kind.__module__}.{kind.__qualname__}"[:200]}


def _encode_array(array: np.ndarray, budget: _Budget) -> Any:
    if array.dtype.name not in _DTYPES:
        return {"__unsupported__": f"numpy array of dtype {array.dtype.name}"}
    budget.spend(array.size)
    flat = array.ravel()
    if array.dtype.kind == "c":
        data: list[Any] = [_complex_pair(complex(item)) for item in flat.tolist()]
    elif array.dtype.kind == "f":
        data = [_float(item) for item in flat.tolist()]
    else:
        data = flat.tolist()
    return {"__ndarray__": array.dtype.name, "shape": list(array.shape), "data": data}


def decode(data: Any, *, max_elements: int = MAX_ELEMENTS) -> Any:
    """Rebuild a value from :func:`encode`'s output, checking everything."""
    return _decode(data, _Budget(max_elements), 0)


class Unsupported:
    """Stands for a returned object the wire cannot carry (a set, a class, a generator …)."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unsupported) and other.type_name == self.type_name

    def __hash__(self) -> int:
        return hash(self.type_name)


def _decode_float(item: Any) -> float:
    if isinstance(item, bool) or not isinstance(item, int | float | dict):
        raise WireError("malformed number")
    if isinstance(item, dict):
        text = item.get("__float__")
        if text not in ("nan", "inf", "-inf") or len(item) != 1:
            raise WireError("malformed number")
        return float(text)
    return float(item)


def _decode(data: Any, budget: _Budget, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"value nested more than {MAX_DEPTH} levels deep")
    budget.spend(1)
    if data is None or isinstance(data, bool | int):
        return data
    if isinstance(data, float):
        return data
    if isinstance(data, str):
        return data[:MAX_STRING]
    if isinstance(data, list):
        return [_decode(item, budget, depth + 1) for item in data]
    if not isinstance(data, dict) or len(data) == 0:
        raise WireError("malformed value")
    if "__float__" in data:
        return _decode_float(data)
    if "__bigint__" in data:
        text = data["__bigint__"]
        if not isinstance(text, str) or len(text) > 5000:
            raise WireError("malformed integer")
        try:
            return int(text)
        except ValueError as error:
            raise WireError("malformed integer") from error
    if "__complex__" in data:
        return _decode_complex(data["__complex__"])
    if "__tuple__" in data:
        items = data["__tuple__"]
        if not isinstance(items, list):
            raise WireError("malformed tuple")
        return tuple(_decode(item, budget, depth + 1) for item in items)
    if "__dict__" in data:
        items = data["__dict__"]
        if not isinstance(items, dict):
            raise WireError("malformed dict")
        return {str(key): _decode(item, budget, depth + 1) for key, item in items.items()}
    if "__unsupported__" in data:
        return Unsupported(str(data["__unsupported__"])[:200])
    if "__scalar__" in data:
        return _decode_scalar(data, budget, depth)
    if "__ndarray__" in data:
        return _decode_array(data, budget)
    raise WireError("malformed value")


def _decode_complex(pair: Any) -> complex:
    if not isinstance(pair, list) or len(pair) != 2:
        raise WireError("malformed complex number")
    return complex(_decode_float(pair[0]), _decode_float(pair[1]))


def _decode_scalar(data: dict[str, Any], budget: _Budget, depth: int) -> Any:
    name = data["__scalar__"]
    if name not in _DTYPES:
        raise WireError("unknown dtype")
    dtype = np.dtype(name)
    raw = data.get("value")
    value = _decode_complex(raw) if dtype.kind == "c" else _decode(raw, budget, depth + 1)
    if not isinstance(value, bool | int | float | complex):
        raise WireError("malformed scalar")
    try:
        return dtype.type(value)
    except (OverflowError, ValueError) as error:
        raise WireError("malformed scalar") from error


def _decode_array(data: dict[str, Any], budget: _Budget) -> np.ndarray:
    name, shape, flat = data["__ndarray__"], data.get("shape"), data.get("data")
    if name not in _DTYPES:
        raise WireError("unknown dtype")
    if (
        not isinstance(shape, list)
        or len(shape) > 32
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)
    ):
        raise WireError("malformed shape")
    if not isinstance(flat, list):
        raise WireError("malformed array data")
    size = math.prod(shape)
    if size != len(flat):
        raise WireError("array data does not match its shape")
    budget.spend(size)
    dtype = np.dtype(name)
    if dtype.kind == "c":
        values: list[Any] = [_decode_complex(item) for item in flat]
    elif dtype.kind == "f":
        values = [_decode_float(item) for item in flat]
    else:
        if not all(isinstance(item, int) for item in flat):
            raise WireError("malformed array data")
        values = flat
    try:
        return np.array(values, dtype=dtype).reshape(shape)
    except (OverflowError, ValueError) as error:
        raise WireError("malformed array data") from error
