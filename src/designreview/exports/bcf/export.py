"""Findings and comments as BCF, for the architect's BIM tools (PRODUCT.md §3).

A BCF file is a zip: ``bcf.version``, ``project.bcfp``, the extension schema, and one
folder per topic, named by the topic's GUID, holding ``markup.bcf``,
``viewpoint.bcfv`` and ``snapshot.png`` (``bcf.snapshot`` makes the last two). What
the topics say is ``bcf.topics``; this module writes BCF 2.1, which most BIM tools
read, and hands BCF 3.0 to ``bcf.export_v3``. Elements follow the order of the 2.1
schemas (buildingSMART BCF-XML, release_2_1): their types are sequences.

A topic about a plan cut from an IFC model names the model in its header (the
IfcProject and storey GlobalIds, the model's file name, ``isExternal``: the model is
not in the BCF file), and its viewpoint selects the elements it is about.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from designreview.exports.bcf.extensions import extensions_of, extensions_xsd
from designreview.exports.bcf.snapshot import (
    render_snapshot,
    view_around,
    viewpoint_xml,
)
from designreview.exports.bcf.topics import (
    BcfComment,
    BcfOptions,
    BcfTopic,
    bcf_time,
    bcf_topics,
    guid,
    topic_guid,
)
from designreview.exports.bcf.xml_text import clean, sub, xml_bytes
from designreview.model.errors import DesignReviewError
from designreview.model.ids import SheetId
from designreview.render.markup_graphics import markup_graphic
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.errors import SaveError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = [
    "BcfComment", "BcfOptions", "BcfTopic", "ModelFile", "bcf_time", "bcf_topics",
    "guid", "header_file", "model_file", "project_name", "topic_guid", "write_bcf",
    "write_view",
]  # fmt: skip

VIEWPOINT_FILE, SNAPSHOT_FILE = "viewpoint.bcfv", "snapshot.png"
EXTENSIONS_XSD = "extensions.xsd"


@dataclass(frozen=True, slots=True)
class ModelFile:
    """The model file a topic is about, as a BCF header names it.

    ``project`` and ``storey`` are IFC GlobalIds, "" for a CAD drawing.
    """

    filename: str
    date: str
    project: str = ""
    storey: str = ""


def model_file(review: Review, plan: Plan | None, sheet_id: str) -> ModelFile | None:
    """The model (or drawing) of ``sheet_id``; None when nothing names it.

    The date is when the review was created: when it took the model in.
    """
    sheet = review.sheet(SheetId(sheet_id))
    name = sheet.source_name if sheet is not None else ""
    bim = plan.bim if plan is not None else None
    project = bim.project_guid if bim is not None else ""
    storey = (bim.storey_guid if bim is not None else "") or (
        (sheet.storey or "") if sheet is not None and bim is not None else ""
    )
    if not (name or project):
        return None
    return ModelFile(name, bcf_time(review.created_at), project, storey)


def write_bcf(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    path: Path,
    options: BcfOptions | None = None,
) -> int:
    """Write the findings (and comments) of ``review`` to the BCF file ``path``.

    ``plans`` are the sheets' plans by sheet id and ``result`` the checks' result;
    ``options.version`` chooses BCF 2.1 or 3.0. A topic whose sheet has no plan gets
    no viewpoint. The file is replaced atomically: a failed export never leaves half
    a file.

    Returns:
        The number of topics written.

    Raises:
        DesignReviewError: the file could not be written (the message says why), or
            the version is not one we write.
    """
    options = options or BcfOptions()
    topics = bcf_topics(review, plans, result, options)
    if options.version == "3.0":
        from designreview.exports.bcf.export_v3 import bcf_v3_zip

        data = bcf_v3_zip(review, plans, topics, options)
    elif options.version == "2.1":
        data = _zip(review, plans, topics, options)
    else:
        raise DesignReviewError(
            f"BCF {options.version} is not a version we write; choose 2.1 or 3.0."
        )
    try:
        write_atomic(path, data, keep_backup=False)
    except SaveError as exc:
        cause = exc.__cause__
        reason = f" ({cause.strerror})" if isinstance(cause, OSError) else ""
        raise DesignReviewError(
            f"The BCF file {path.name} could not be written{reason}. Choose another "
            "folder, or free some space, and export again."
        ) from exc
    return len(topics)


def _zip(
    review: Review,
    plans: Mapping[str, Plan],
    topics: tuple[BcfTopic, ...],
    options: BcfOptions,
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bcf.version", _version_xml())
        archive.writestr("project.bcfp", _project_xml(review))
        archive.writestr(EXTENSIONS_XSD, extensions_xsd(extensions_of(topics)))
        for index, topic in enumerate(topics):
            plan = plans.get(topic.sheet_id)
            source = model_file(review, plan, topic.sheet_id)
            markup = _markup_xml(topic, index, source, plan is not None)
            archive.writestr(f"{topic.guid}/markup.bcf", markup)
            if plan is not None:
                write_view(archive.writestr, topic, plan, review, options)
    return buffer.getvalue()


def write_view(
    put: Callable[..., None],
    topic: BcfTopic,
    plan: Plan,
    review: Review,
    options: BcfOptions,
) -> None:
    """The topic's viewpoint and snapshot, through ``put(name, data[, compress])``.

    A plan cut from an IFC model is cut where its storey was cut, above the
    storey's elevation; a CAD plan where the options say.
    """
    marking = options.classification
    banner = review.info.classification if marking is None else marking
    view = view_around(topic.highlight, options.view_height_m, options.snapshot_px)
    cut = options.cut_height_m
    if cut is not None and plan.bim is not None:
        cut = plan.bim.cut_height_m
    viewpoint = viewpoint_xml(
        topic.viewpoint_guid, view, topic.highlight, plan, cut,
        topic.components, options.version,
    )  # fmt: skip
    put(f"{topic.guid}/{VIEWPOINT_FILE}", viewpoint)
    graphics = [
        markup_graphic(m, review)
        for m in review.markups
        if m.sheet_id == topic.sheet_id
    ]
    picture = render_snapshot(plan, graphics, view, topic.highlight, banner)
    # A PNG is compressed already: stored, it is no bigger and opens faster.
    put(f"{topic.guid}/{SNAPSHOT_FILE}", picture, zipfile.ZIP_STORED)


def _markup_xml(
    topic: BcfTopic, index: int, source: ModelFile | None, has_view: bool
) -> bytes:
    root = ET.Element("Markup")
    if source is not None:
        header = ET.SubElement(root, "Header")
        header_file(header, source, "isExternal")
    element = ET.SubElement(
        root, "Topic", Guid=topic.guid, TopicType=topic.topic_type,
        TopicStatus=topic.status,
    )  # fmt: skip
    modified = topic.modified or ("", "")
    children = [  # in the order of the schema's sequence; empty ones are left out
        ("Title", topic.title), ("Priority", topic.priority), ("Index", str(index)),
        *(("Labels", label) for label in topic.labels),
        ("CreationDate", topic.created[0]), ("CreationAuthor", topic.created[1]),
        ("ModifiedDate", modified[0]), ("ModifiedAuthor", modified[1]),
        ("AssignedTo", topic.assigned_to), ("Description", topic.description),
    ]  # fmt: skip
    for tag, text in children:
        if text or tag in ("Title", "CreationAuthor"):  # required, even if blank
            sub(element, tag, text)
    for comment in topic.comments:
        entry = ET.SubElement(root, "Comment", Guid=comment.guid)
        for tag, text in (("Date", comment.date), ("Author", comment.author),
                          ("Comment", comment.text)):  # fmt: skip
            sub(entry, tag, text)
        if has_view:
            ET.SubElement(entry, "Viewpoint", Guid=topic.viewpoint_guid)
    if has_view:
        viewpoints = ET.SubElement(root, "Viewpoints", Guid=topic.viewpoint_guid)
        sub(viewpoints, "Viewpoint", VIEWPOINT_FILE)
        sub(viewpoints, "Snapshot", SNAPSHOT_FILE)
    return xml_bytes(root)


def header_file(parent: ET.Element, source: ModelFile, external: str) -> None:
    """One header ``File``; ``external`` is the attribute's name in this version."""
    attributes = {"IfcProject": source.project, "IfcSpatialStructureElement":
                  source.storey}  # fmt: skip
    found = {k: v for k, v in attributes.items() if len(v) == 22}  # IFC GlobalIds
    entry = ET.SubElement(parent, "File", {**found, external: "true"})
    if source.filename:
        sub(entry, "Filename", source.filename)
    if source.date:
        sub(entry, "Date", source.date)


def _project_xml(review: Review) -> bytes:
    root = ET.Element("ProjectExtension")
    project = ET.SubElement(root, "Project", ProjectId=clean(review.id))
    name = project_name(review)
    if name:
        sub(project, "Name", name)
    sub(root, "ExtensionSchema", EXTENSIONS_XSD)
    return xml_bytes(root)


def project_name(review: Review) -> str:
    """The school and project, as the BCF project's name."""
    return " \u2013 ".join(p for p in (review.info.school, review.info.project) if p)


def _version_xml() -> bytes:
    root = ET.Element("Version", VersionId="2.1")
    sub(root, "DetailedVersion", "2.1")
    return xml_bytes(root)
