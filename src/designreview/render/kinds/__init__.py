"""Each kind of markup declared once: its name, fields, graphic and words."""

from designreview.render.kinds.spec import KindSpec
from designreview.render.kinds.table import KINDS, kind_of

__all__ = ["KINDS", "KindSpec", "kind_of"]
