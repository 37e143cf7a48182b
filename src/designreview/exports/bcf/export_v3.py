"""Findings and comments as BCF 3.0 (buildingSMART BCF-XML, release_3_0).

The same topics as the 2.1 export (``bcf.topics``) in 3.0's shapes: ``bcf.version``
without a detailed version, ``project.bcfp`` as ``ProjectInfo``, an
``extensions.xml`` listing the values the topics use instead of a schema, and a
``markup.bcf`` whose header lists its files under ``Files``, whose labels, comments
and viewpoints are grouped inside the topic, and whose texts are never blank (3.0's
``NonEmptyOrBlankString``). A 3.0 camera also states its aspect ratio. We reference
no documents, so there is no ``documents.xml``.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from designreview.exports.bcf.export import (
    SNAPSHOT_FILE,
    VIEWPOINT_FILE,
    ModelFile,
    header_file,
    model_file,
    project_name,
    write_view,
)
from designreview.exports.bcf.extensions import extensions_of, extensions_xml
from designreview.exports.bcf.xml_text import clean, sub, xml_bytes

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.exports.bcf.topics import BcfOptions, BcfTopic
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["bcf_v3_zip"]

UNKNOWN = "unknown"
"""An author nobody named: 3.0 needs some text."""


def bcf_v3_zip(
    review: Review,
    plans: Mapping[str, Plan],
    topics: tuple[BcfTopic, ...],
    options: BcfOptions,
) -> bytes:
    """The bytes of a BCF 3.0 file of ``topics`` (see ``export.write_bcf``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        version = ET.Element("Version", VersionId="3.0")
        archive.writestr("bcf.version", xml_bytes(version))
        archive.writestr("project.bcfp", _project_xml(review))
        archive.writestr("extensions.xml", extensions_xml(extensions_of(topics)))
        for index, topic in enumerate(topics):
            plan = plans.get(topic.sheet_id)
            source = model_file(review, plan, topic.sheet_id)
            markup = _markup_xml(topic, index, source, plan is not None)
            archive.writestr(f"{topic.guid}/markup.bcf", markup)
            if plan is not None:
                write_view(archive.writestr, topic, plan, review, options)
    return buffer.getvalue()


def _project_xml(review: Review) -> bytes:
    root = ET.Element("ProjectInfo")
    project = ET.SubElement(root, "Project", ProjectId=clean(review.id) or UNKNOWN)
    if project_name(review).strip():
        sub(project, "Name", project_name(review))
    return xml_bytes(root)


def _markup_xml(
    topic: BcfTopic, index: int, source: ModelFile | None, has_view: bool
) -> bytes:
    root = ET.Element("Markup")
    if source is not None:
        files = ET.SubElement(ET.SubElement(root, "Header"), "Files")
        header_file(files, source, "IsExternal")
    element = ET.SubElement(
        root, "Topic", Guid=topic.guid, TopicType=topic.topic_type,
        TopicStatus=topic.status,
    )  # fmt: skip
    _text(element, "Title", topic.title, required=True)
    _text(element, "Priority", topic.priority)
    _text(element, "Index", str(index))
    labels = [label for label in topic.labels if clean(label).strip()]
    if labels:
        group = ET.SubElement(element, "Labels")
        for label in labels:
            sub(group, "Label", label)
    modified = topic.modified or ("", "")
    _text(element, "CreationDate", topic.created[0])
    _text(element, "CreationAuthor", topic.created[1], required=True)
    _text(element, "ModifiedDate", modified[0])
    _text(element, "ModifiedAuthor", modified[1])
    _text(element, "AssignedTo", topic.assigned_to)
    _text(element, "Description", topic.description)
    if topic.comments:
        comments = ET.SubElement(element, "Comments")
        for comment in topic.comments:
            entry = ET.SubElement(comments, "Comment", Guid=comment.guid)
            _text(entry, "Date", comment.date)
            _text(entry, "Author", comment.author, required=True)
            _text(entry, "Comment", comment.text)
            if has_view:
                ET.SubElement(entry, "Viewpoint", Guid=topic.viewpoint_guid)
    if has_view:
        views = ET.SubElement(element, "Viewpoints")
        view = ET.SubElement(views, "ViewPoint", Guid=topic.viewpoint_guid)
        sub(view, "Viewpoint", VIEWPOINT_FILE)
        sub(view, "Snapshot", SNAPSHOT_FILE)
    return xml_bytes(root)


def _text(parent: ET.Element, tag: str, text: str, required: bool = False) -> None:
    """A child with ``text``; left out when blank, or ``unknown`` if required."""
    if clean(text).strip():
        sub(parent, tag, text)
    elif required:
        sub(parent, tag, UNKNOWN if tag != "Title" else "(untitled)")
