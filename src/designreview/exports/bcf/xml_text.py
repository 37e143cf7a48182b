"""The XML helpers every BCF file shares: text XML 1.0 can hold, indented UTF-8."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

__all__ = ["clean", "sub", "xml_bytes"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    r"""``text`` without the control characters XML 1.0 cannot hold.

    Example:
        >>> clean("a\x0bb")
        'ab'
    """
    return _NOT_XML.sub("", text)


def sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """A child ``tag`` of ``parent`` holding ``text`` (cleaned)."""
    element = ET.SubElement(parent, tag)
    element.text = clean(text)
    return element


def xml_bytes(root: ET.Element) -> bytes:
    """``root`` as an indented UTF-8 document with its declaration."""
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
