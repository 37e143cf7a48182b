"""Frozen model values to JSON and back, checking every field's type on the way in.

The dataclass type hints are the schema: decoding walks them and rejects anything that
does not fit with the path of the offending value, so a hand-edited or damaged review
file fails with a message instead of surfacing later as a strange bug. A field's
``exclusive_minimum`` metadata also bounds its number (a scale must be above 0).
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union

from designreview.model.errors import DesignReviewError

T = TypeVar("T")
TYPE_TAG = "type"


class SchemaError(DesignReviewError):
    """A value in a file does not match what the review format allows."""


def to_json(value: Any, tagged: bool = False) -> Any:
    """Plain JSON data for a model value (dataclasses become objects, enums strings).

    Example:
        >>> from designreview.model.review import Reviewer
        >>> to_json(Reviewer("r1", "Ann Lee", "Police"))["agency"]
        'Police'
        >>> sorted(to_json(Reviewer("r1", "Ann Lee")))
        ['agency', 'email', 'id', 'name', 'role']
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {
            f.name: to_json(
                getattr(value, f.name), _is_union(_hints(type(value))[f.name])
            )
            for f in dataclasses.fields(value)
        }
        return {TYPE_TAG: type(value).__name__, **data} if tagged else data
    if isinstance(value, Enum):
        return _enum_key(value)
    if isinstance(value, tuple | list):
        return [to_json(item, tagged) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaError(f"A number is not finite ({value}); it cannot be saved.")
    return value


def from_json(kind: Any, data: Any, path: str = "review") -> Any:
    """The model value of type ``kind`` described by ``data``; SchemaError if it can't.

    Example:
        >>> from designreview.model.review import Reviewer
        >>> from_json(Reviewer, {"id": "r1", "name": "Ann Lee"})
        Reviewer(id='r1', name='Ann Lee', agency='', role='', email='')
        >>> from_json(Reviewer, {"id": "r1", "name": 5})
        Traceback (most recent call last):
        ...
        designreview.review_file.codec.SchemaError: review.name: expected text, found 5
    """
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if origin in (Union, types.UnionType):
        return _union(typing.get_args(kind), data, path)
    if origin is tuple:
        return _tuple(typing.get_args(kind), data, path)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind, data, path)
    if isinstance(kind, type) and issubclass(kind, Enum):
        members = {_enum_key(member): member for member in kind}
        if isinstance(data, str) and data in members:
            return members[data]
        raise SchemaError(f"{path}: {data!r} is not one of: {', '.join(members)}")
    supertype = getattr(kind, "__supertype__", None)  # NewType ids
    if supertype is not None:
        return from_json(supertype, data, path)
    return _scalar(kind, data, path)


def _scalar(kind: Any, data: Any, path: str) -> Any:
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        if not math.isfinite(float(data)):
            raise SchemaError(f"{path}: expected a finite number, found {data!r}")
        return float(data)
    if kind is int and isinstance(data, int) and not isinstance(data, bool):
        return data
    if kind in (str, bool) and type(data) is kind:
        return data
    if kind is type(None) and data is None:
        return None
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
    }
    raise SchemaError(f"{path}: expected {names.get(kind, str(kind))}, found {data!r}")


def _tuple(args: tuple[Any, ...], data: Any, path: str) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list, found {type(data).__name__}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(
            from_json(args[0], item, f"{path}[{i}]") for i, item in enumerate(data)
        )
    if len(data) != len(args):
        raise SchemaError(f"{path}: expected {len(args)} values, found {len(data)}")
    return tuple(
        from_json(a, item, f"{path}[{i}]")
        for i, (a, item) in enumerate(zip(args, data, strict=True))
    )


def _union(options: tuple[Any, ...], data: Any, path: str) -> Any:
    classes = [
        o for o in options if isinstance(o, type) and dataclasses.is_dataclass(o)
    ]
    if classes and isinstance(data, dict):
        tag = data.get(TYPE_TAG)
        if tag is None and len(classes) == 1:  # an optional value: saved untagged
            tag = classes[0].__name__
        chosen = next((c for c in classes if c.__name__ == tag), None)
        if chosen is None:
            names = ", ".join(c.__name__ for c in classes)
            raise SchemaError(f"{path}: unknown kind {tag!r} (expected one of {names})")
        return _dataclass(
            chosen, {k: v for k, v in data.items() if k != TYPE_TAG}, path
        )
    if data is None and type(None) in options:
        return None
    errors = []
    for option in options:
        if option is type(None):
            continue
        try:
            return from_json(option, data, path)
        except SchemaError as exc:
            errors.append(str(exc))
    raise SchemaError(errors[0] if errors else f"{path}: unexpected value {data!r}")


def _dataclass(kind: type[T], data: Any, path: str) -> T:
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected an object, found {type(data).__name__}")
    fields = {f.name: f for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields) - {TYPE_TAG})
    if unknown:
        raise SchemaError(f"{path}: unknown field {unknown[0]!r}")
    hints = _hints(kind)  # type: ignore[arg-type]
    values = {}
    for name, spec in fields.items():
        if name in data:
            values[name] = from_json(hints[name], data[name], f"{path}.{name}")
            _check_bounds(spec, values[name], f"{path}.{name}")
        elif (
            spec.default is dataclasses.MISSING
            and spec.default_factory is dataclasses.MISSING
        ):
            raise SchemaError(f"{path}: missing field {name!r}")
    return kind(**values)


def _check_bounds(spec: dataclasses.Field[Any], value: Any, path: str) -> None:
    """A number above a field's ``exclusive_minimum`` (its metadata), when it has one.

    Example:
        >>> from designreview.model.review import Sheet
        >>> sheet = {"id": "s", "name": "L1", "source_name": "a.dxf", "source_sha256": ""}
        >>> from_json(Sheet, {**sheet, "scale_override_m": 0.0381}).scale_override_m
        0.0381
        >>> from_json(Sheet, {**sheet, "scale_override_m": 0})
        Traceback (most recent call last):
        ...
        designreview.review_file.codec.SchemaError: review.scale_override_m: expected a number above 0, found 0.0
    """  # noqa: E501
    low = spec.metadata.get("exclusive_minimum")
    if low is not None and isinstance(value, int | float) and not value > low:
        raise SchemaError(f"{path}: expected a number above {low:g}, found {value!r}")


def _enum_key(member: Enum) -> str:
    """Enums are saved by their text value, or by name when the value is not text."""
    return member.value if isinstance(member.value, str) else member.name.lower()


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _is_union(hint: Any) -> bool:
    """Whether values of this field need a type tag (a union of dataclasses)."""
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        return bool(args) and _is_union(args[0])
    if typing.get_origin(hint) in (Union, types.UnionType):
        return sum(dataclasses.is_dataclass(a) for a in typing.get_args(hint)) > 1
    return False
