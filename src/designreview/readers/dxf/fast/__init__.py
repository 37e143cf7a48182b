"""A fast geometry reader for ordinary ASCII DXF files.

``ezdxf.readfile`` turns every record of a file into a Python object before anything
can be drawn; for the plans of the corpus that is 60-90 % of an import. This package
reads the same file as a table of tags (:mod:`.tags`), draws each block once
(:mod:`.walk`) and yields the same ``WalkResult`` as the ezdxf walk
(:mod:`designreview.readers.dxf.walk`), several times faster.

It declines (returns :class:`Declined` with the reason) whenever the file holds
something only ezdxf handles: binary or UTF-16 files, damaged structure, XREFs,
proxy entities, multileaders, MLINEs, tables, meshes, MINSERTs, spline hatch edges,
files without handles, other layouts than model space. The import then reads the
file with ezdxf as before, so what a user sees never depends on which reader ran;
a corpus test checks that both agree, and the import report names the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.fast.entities import UnsupportedError
from designreview.readers.dxf.fast.records import BlockDef, block_definitions
from designreview.readers.dxf.fast.tables import layer_visibility, paper_layouts
from designreview.readers.dxf.fast.tags import TagFile, header_values, read_tags
from designreview.readers.dxf.fast.walk import walk_model_space
from designreview.recognition.layers.roles import DEFAULT_ROLES

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from designreview.readers.dxf.document import WalkLimits
    from designreview.recognition.found import WalkResult
    from designreview.recognition.layers.roles import LayerRoles

__all__ = ["Declined", "FastDrawing", "open_fast"]

_VERSION = re.compile(r"AC\d{4}")


@dataclass(frozen=True, slots=True)
class Declined:
    """Why the fast reader left a file to ezdxf (shown in the import report)."""

    reason: str


@dataclass(slots=True)
class FastDrawing:
    """A DXF file read as tags: its header, tables and a way to walk model space."""

    tags: TagFile
    blocks: dict[str, BlockDef]
    dxfversion: str
    header: dict[str, str | int | float | None]
    layers: dict[str, bool]
    """Layer name to whether it is shown."""
    layouts: tuple[str, ...]

    def walk(
        self,
        limits: WalkLimits,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[float], None] | None = None,
        roles: LayerRoles = DEFAULT_ROLES,
    ) -> WalkResult | Declined:
        """Model space's geometry, or why only ezdxf can read it."""
        try:
            return walk_model_space(
                self.tags, self.blocks, limits, cancelled, progress, roles
            )
        except PlanReadError:
            raise  # a limit, a block cycle or the user's cancel: the same with ezdxf
        except UnsupportedError as exc:
            return Declined(str(exc))
        except Exception as exc:
            return Declined(f"an unexpected {type(exc).__name__}")


def open_fast(path: Path, header_names: tuple[str, ...]) -> FastDrawing | Declined:
    """``path`` read as tags, or why the file needs ezdxf.

    Example:
        >>> import ezdxf, tempfile, pathlib
        >>> doc = ezdxf.new("R2010")
        >>> _ = doc.modelspace().add_line((0, 0), (3, 0), {"layer": "WALL"})
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     doc.saveas(pathlib.Path(folder, "wall.dxf"))
        ...     drawing = open_fast(pathlib.Path(folder, "wall.dxf"), ("$INSUNITS",))
        >>> drawing.dxfversion, list(drawing.layers)[:2]
        ('AC1024', ['0', 'Defpoints'])
    """
    try:
        tags = read_tags(path)
        header = header_values(tags, ("$ACADVER", *header_names))
        version = str(header.pop("$ACADVER") or "AC1009")
        if not _VERSION.fullmatch(version):
            return Declined(f"an unknown version {version!r}")
        blocks = block_definitions(tags)
        if any(block.is_xref for block in blocks.values()):
            return Declined("XREFs")  # resolved (and reported) by the ezdxf reader
        return FastDrawing(
            tags,
            blocks,
            version,
            header,
            layer_visibility(tags),
            paper_layouts(tags),
        )
    except UnsupportedError as exc:
        return Declined(str(exc))
    except Exception as exc:
        return Declined(f"an unexpected {type(exc).__name__}")
