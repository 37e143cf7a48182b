"""The values an export uses, declared for BIM tools: BCF's extension schema.

A BIM tool offers the statuses, types, priorities, labels and users a project
declares, and some refuse values it does not declare. BCF 2.1 declares them in an
``extensions.xsd`` that redefines the markup schema's open string types with
enumerations (as the official sample does); BCF 3.0 in an ``extensions.xml``. Both
list exactly what the export's topics use, so they validate against it. We write no
stages and no BIM snippets: those lists stay empty. The 2.1 markup schema has no
``SnippetType`` type to redefine (the official sample's redefinition of it is not a
valid schema), so 2.1 leaves it out; 3.0 lists snippet types in the XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from designreview.exports.bcf.xml_text import clean, xml_bytes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from designreview.exports.bcf.topics import BcfTopic

__all__ = ["Extensions", "extensions_of", "extensions_xml", "extensions_xsd"]

XS = "http://www.w3.org/2001/XMLSchema"


@dataclass(frozen=True, slots=True)
class Extensions:
    """Each list of values, in the order of first use."""

    topic_types: tuple[str, ...] = ()
    topic_statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    topic_labels: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    snippet_types: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()


def extensions_of(topics: Sequence[BcfTopic]) -> Extensions:
    """The values ``topics`` use (authors, assignees and commenters are users)."""
    users = [
        name
        for t in topics
        for name in (
            t.created[1],
            *(t.modified[1:] if t.modified else ()),
            t.assigned_to,
            *(c.author for c in t.comments),
        )
    ]
    return Extensions(
        _once(t.topic_type for t in topics),
        _once(t.status for t in topics),
        _once(t.priority for t in topics),
        _once(label for t in topics for label in t.labels),
        _once(users),
    )


def extensions_xsd(values: Extensions) -> bytes:
    """BCF 2.1's ``extensions.xsd``: the markup schema's types, enumerated."""
    ET.register_namespace("xs", XS)
    root = ET.Element(f"{{{XS}}}schema")
    redefine = ET.SubElement(root, f"{{{XS}}}redefine", schemaLocation="markup.xsd")
    for name, listed in _named(values):
        simple = ET.SubElement(redefine, f"{{{XS}}}simpleType", name=name)
        restriction = ET.SubElement(simple, f"{{{XS}}}restriction", base=name)
        for value in listed:
            ET.SubElement(restriction, f"{{{XS}}}enumeration", value=clean(value))
    return xml_bytes(root)


def extensions_xml(values: Extensions) -> bytes:
    """BCF 3.0's ``extensions.xml`` (empty lists left out)."""
    root = ET.Element("Extensions")
    lists = (
        ("TopicTypes", "TopicType", values.topic_types),
        ("TopicStatuses", "TopicStatus", values.topic_statuses),
        ("Priorities", "Priority", values.priorities),
        ("TopicLabels", "TopicLabel", values.topic_labels),
        ("Users", "User", values.users),
        ("SnippetTypes", "SnippetType", values.snippet_types),
        ("Stages", "Stage", values.stages),
    )
    for group, tag, listed in lists:
        if listed:
            parent = ET.SubElement(root, group)
            for value in listed:
                ET.SubElement(parent, tag).text = clean(value)
    return xml_bytes(root)


def _named(values: Extensions) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (
        ("TopicType", values.topic_types),
        ("TopicStatus", values.topic_statuses),
        ("TopicLabel", values.topic_labels),
        ("Priority", values.priorities),
        ("UserIdType", values.users),
        ("Stage", values.stages),
    )


def _once(values: Iterable[str]) -> tuple[str, ...]:
    """Each non-blank value once, cleaned as the markup writes it."""
    return tuple(dict.fromkeys(c for v in values if (c := clean(v).strip())))
