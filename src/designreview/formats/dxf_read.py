"""Opening a DXF document with ezdxf, recovering damaged files when it can."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ezdxf
from ezdxf import recover
from ezdxf.lldxf.const import DXFError

from designreview.formats.dxf_sniff import sniff_dxf
from designreview.model.errors import PlanReadError

if TYPE_CHECKING:
    from pathlib import Path

MAX_AUDIT_MESSAGES = 200


@dataclass(frozen=True, slots=True)
class OpenedDxf:
    """An ezdxf document plus what was repaired to open it."""

    doc: Any
    was_recovered: bool
    audit_messages: tuple[str, ...]


def open_dxf(path: Path) -> OpenedDxf:
    """Read ``path`` with ezdxf; fall back to recover mode for damaged files.

    Raises:
        PlanReadError: when neither the reader nor recover mode can load it.
    """
    sniff_dxf(path)
    try:
        doc = ezdxf.readfile(path)  # type: ignore[attr-defined]
    except (DXFError, UnicodeDecodeError, ValueError, IndexError, KeyError):
        return _recover(path)
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {exc.strerror}.") from exc
    return OpenedDxf(doc, False, ())


def _recover(path: Path) -> OpenedDxf:
    try:
        doc, auditor = recover.readfile(path)
    except (DXFError, UnicodeDecodeError, ValueError, IndexError, KeyError) as exc:
        raise PlanReadError(
            f"{path.name} is damaged beyond repair: even recover mode could not read "
            f"it ({_first_line(exc)}). Re-export it from the CAD program that made it."
        ) from exc
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {exc.strerror}.") from exc
    messages = [f"repaired: {entry.message}" for entry in auditor.fixes]
    messages += [f"error: {entry.message}" for entry in auditor.errors]
    return OpenedDxf(doc, True, tuple(messages[:MAX_AUDIT_MESSAGES]))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
