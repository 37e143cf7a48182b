"""Findings and comments as BCF 2.1, for the architect's BIM tools (PRODUCT.md §3).

A BCF file is a zip: ``bcf.version``, ``project.bcfp`` and one folder per topic, named
by the topic's GUID, holding ``markup.bcf``, ``viewpoint.bcfv`` and ``snapshot.png``
(``bcf.snapshot`` makes the last two). Every finding becomes an ``Issue`` topic and
every comment a ``Comment`` topic. GUIDs are UUID 5 of the review id and the finding
key or comment id, so a re-export updates the topics a BIM tool already has instead of
adding copies. Elements follow the order of the 2.1 schemas (buildingSMART BCF-XML,
release_2_1): their types are sequences.

How designreview's words map to BCF's (statuses and types are those of the official
2.1 sample extension schema, which BIM tools know):

- finding without a decision: ``Open``; "will fix": ``In Progress``; accepted or
  dismissed: ``Closed``. The decision (owner, reason) is a BCF comment; the owner is
  ``AssignedTo``.
- comment open: ``Open`` (``ReOpened`` if it was resolved or rejected before);
  answered: ``In Progress``; resolved or rejected: ``Closed``. Replies and status
  changes are BCF comments.
- priority: a comment's own (``Low``, ``Normal``, ``High``, ``Critical``); a fail is
  ``High``, a warning or missing information ``Normal``, information ``Low``.
- labels: the rule and severity (findings) or the agency (comments), and the sheet.
- dates are UTC (``...Z``). A finding is dated when the review was created (else the
  meeting date, else now), so re-exports agree; it is modified when decided. Authors
  are reviewers' names (else their agency); findings are by ``designreview``.

Past 300 lines: the mapping and the XML it fills are read together. When a second
BCF version is written, the mapping (``bcf_topics``) moves to a module of its own.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from designreview.analysis.rules import RULES
from designreview.exports.bcf.snapshot import (
    Highlight,
    render_snapshot,
    view_around,
    viewpoint_xml,
)
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Finding, Severity
from designreview.model.ids import SheetId
from designreview.model.markups import Comment, CommentStatus
from designreview.model.review import DecisionKind
from designreview.render.markup_graphics import agency_color, markup_graphic
from designreview.render.markup_text import first_words, priority_text, status_text
from designreview.render.style import SEVERITY_STYLE
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.errors import SaveError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from designreview.analysis.run import CheckResult
    from designreview.model.geometry import Point2
    from designreview.model.markups import Stamp
    from designreview.model.plan import Plan
    from designreview.model.review import Decision, Review

__all__ = [
    "BcfComment", "BcfOptions", "BcfTopic", "bcf_time", "bcf_topics", "guid",
    "write_bcf",
]  # fmt: skip

BCF_VERSION = "2.1"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:designreview:bcf")
"""Namespace of every GUID made here (fixed: GUIDs must survive re-exports)."""
TOOL = "designreview"
VIEWPOINT_FILE, SNAPSHOT_FILE = "viewpoint.bcfv", "snapshot.png"
_PRIORITY = {
    Severity.FAIL: "High",
    Severity.NEEDS_INFORMATION: "Normal",
    Severity.WARNING: "Normal",
    Severity.INFO: "Low",
}  # BCF's priority of a finding's topic
_DECISIONS = {
    DecisionKind.ACCEPT: ("Accepted", "Closed"),
    DecisionKind.WILL_FIX: ("Will fix", "In Progress"),
    DecisionKind.DISMISS: ("Dismissed", "Closed"),
}  # words, topic status
_COMMENT_STATUS = {
    CommentStatus.OPEN: "Open",
    CommentStatus.ANSWERED: "In Progress",
    CommentStatus.RESOLVED: "Closed",
    CommentStatus.REJECTED: "Closed",
}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class BcfOptions:
    """What goes into a BCF export and how its views look.

    ``classification`` replaces the review's own marking on the snapshots when set;
    ``view_height_m`` is the least height of plan a view shows (more when a finding's
    outline needs it); ``cut_height_m`` is the plan cut above the drawing's plane,
    where the camera and the clipping plane sit (None: no clipping plane).
    """

    severities: frozenset[Severity] = frozenset(Severity)
    include_comments: bool = True
    classification: str | None = None
    view_height_m: float = 20.0
    snapshot_px: tuple[int, int] = (800, 600)
    cut_height_m: float | None = 1.2


@dataclass(frozen=True, slots=True)
class BcfComment:
    """One entry of a topic's conversation: a reply, a status change, a decision."""

    guid: str
    date: str
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class BcfTopic:
    """One topic in BCF's words, plus its sheet and what its snapshot marks."""

    guid: str
    topic_type: str
    status: str
    priority: str
    title: str
    labels: tuple[str, ...]
    created: tuple[str, str]
    """(date, author); ``modified`` likewise."""
    description: str
    sheet_id: str
    highlight: Highlight
    modified: tuple[str, str] | None = None
    assigned_to: str = ""
    comments: tuple[BcfComment, ...] = ()

    @property
    def viewpoint_guid(self) -> str:
        """The GUID of the topic's one viewpoint (stable, like the topic's)."""
        return guid(self.guid, "viewpoint")


def guid(*parts: str) -> str:
    """A stable GUID for the thing named by ``parts``.

    Example:
        >>> guid("rev-1", "comment", "c-7") == guid("rev-1", "comment", "c-7")
        True
        >>> len(guid("x")), guid("x") != guid("y")
        (36, True)
    """
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def bcf_time(iso: str, fallback: str = "") -> str:
    """An ISO 8601 time as an xs:dateTime in UTC; ``fallback`` if it is not a time.

    A time without an offset is taken as UTC (stamps are recorded in UTC).

    Example:
        >>> bcf_time("2026-11-20T09:30:00-05:00")
        '2026-11-20T14:30:00Z'
        >>> bcf_time("2026-11-20"), bcf_time("soon", "2026-01-01T00:00:00Z")
        ('2026-11-20T00:00:00Z', '2026-01-01T00:00:00Z')
    """
    try:
        moment = datetime.fromisoformat(iso.strip())
    except ValueError:
        return fallback
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bcf_topics(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    options: BcfOptions = BcfOptions(),
) -> tuple[BcfTopic, ...]:
    """The topics of an export: the chosen findings in the checks' order, then comments.

    Example:
        >>> from designreview.analysis.run import CheckResult
        >>> from designreview.model.review import Review
        >>> finding = Finding("ROOM-1:d", "ROOM-1", Severity.FAIL,
        ...                   "Door 7 cannot be locked. Change it.", "s", (1.0, 2.0))
        >>> review = Review("rev-1", created_at="2026-11-20T09:00:00+00:00")
        >>> [topic] = bcf_topics(review, {}, CheckResult((finding,), ()))
        >>> topic.title, topic.status, topic.priority
        ('ROOM-1: Door 7 cannot be locked', 'Open', 'High')
        >>> topic.created
        ('2026-11-20T09:00:00Z', 'designreview')
    """
    decisions = {d.finding_key: d for d in review.decisions}
    dated = _review_time(review)
    topics = [
        _finding_topic(review, plans, f, decisions.get(f.key), dated)
        for f in result.findings
        if f.severity in options.severities
    ]
    if options.include_comments:
        topics += [
            _comment_topic(review, plans, m, dated)
            for m in review.markups
            if isinstance(m, Comment)
        ]
    return tuple(topics)


def _finding_topic(
    review: Review,
    plans: Mapping[str, Plan],
    finding: Finding,
    decision: Decision | None,
    dated: str,
) -> BcfTopic:
    topic_guid = guid(review.id, "finding", finding.key)
    style = SEVERITY_STYLE[finding.severity]
    severity, priority = style.label, _PRIORITY[finding.severity]
    title = getattr(RULES.get(finding.rule), "TITLE", finding.rule)
    decided = None
    if decision is not None:
        decided = _decision_comment(review, decision, topic_guid, dated)
    return BcfTopic(
        topic_guid,
        "Issue",
        _DECISIONS[decision.kind][1] if decision is not None else "Open",
        priority,
        f"{finding.rule}: {_short(finding.message)}",
        _labels(review, finding.sheet_id, finding.rule, severity),
        (dated, TOOL),
        _paragraphs(
            finding.message,
            f"Rule {finding.rule}: {title}. Severity: {severity}.",
            finding.citation and f"Source: {finding.citation}",
            _where(review, plans, finding.sheet_id, finding.location),
            decided.text if decided is not None else "",
        ),
        finding.sheet_id,
        Highlight(finding.location, finding.overlay, style.color),
        (decided.date, decided.author) if decided is not None else None,
        decision.owner if decision is not None else "",
        (decided,) if decided is not None else (),
    )


def _decision_comment(
    review: Review, decision: Decision, topic_guid: str, dated: str
) -> BcfComment:
    words = [f"Decision: {_DECISIONS[decision.kind][0]}."]
    if decision.owner:
        words.append(f"Owner: {decision.owner}.")
    if decision.reason:
        words.append(f"Reason: {decision.reason}")
    when, who = bcf_time(decision.by.at, dated), _person(review, decision.by)
    return BcfComment(guid(topic_guid, "decision"), when, who, " ".join(words))


def _comment_topic(
    review: Review, plans: Mapping[str, Plan], comment: Comment, dated: str
) -> BcfTopic:
    author = _person(review, comment.created)
    creator = review.reviewer(comment.created.reviewer_id)
    agency = comment.agency or (creator.agency if creator is not None else "")
    rings: tuple[tuple[Point2, ...], ...] = ()
    if comment.cloud:
        rings = ((*comment.cloud, comment.cloud[0]),)
    elif comment.leader_to is not None:
        rings = ((comment.position, comment.leader_to),)
    by = f"{author} ({agency})" if agency and agency != author else author
    topic_guid = guid(review.id, "comment", comment.id)
    return BcfTopic(
        topic_guid,
        "Comment",
        _comment_status(comment),
        priority_text(comment),
        _short(comment.text),
        _labels(review, comment.sheet_id, agency),
        (bcf_time(comment.created.at, dated), author),
        _paragraphs(
            comment.text,
            f"Comment by {by}. Status: {status_text(comment)}.",
            _where(review, plans, comment.sheet_id, comment.position),
        ),
        comment.sheet_id,
        Highlight(comment.position, rings, agency_color(agency, review)),
        (bcf_time(comment.modified.at, dated), _person(review, comment.modified)),
        comments=_thread(review, comment, topic_guid, dated),
    )


def _thread(
    review: Review, comment: Comment, topic_guid: str, dated: str
) -> tuple[BcfComment, ...]:
    """Replies and status changes by time; the opening status is the topic itself."""
    entries = [
        (reply.author, reply.text, guid(topic_guid, "reply", str(i)))
        for i, reply in enumerate(comment.replies)
    ]
    for i, change in enumerate(comment.history):
        if i == 0 and change.status is CommentStatus.OPEN and not change.note:
            continue
        note = f" ({change.note})" if change.note else ""
        text = f"Status: {change.status.value.capitalize()}{note}"
        entries.append((change.by, text, guid(topic_guid, "status", str(i))))
    entries.sort(key=lambda entry: bcf_time(entry[0].at, dated))  # stable for ties
    return tuple(
        BcfComment(key, bcf_time(stamp.at, dated), _person(review, stamp), text)
        for stamp, text, key in entries
    )


def _comment_status(comment: Comment) -> str:
    closed = (CommentStatus.RESOLVED, CommentStatus.REJECTED)
    if comment.status is CommentStatus.OPEN and any(
        change.status in closed for change in comment.history
    ):
        return "ReOpened"
    return _COMMENT_STATUS[comment.status]


def _labels(review: Review, sheet_id: str, *words: str) -> tuple[str, ...]:
    sheet = review.sheet(SheetId(sheet_id))
    found = (*words, sheet.name if sheet is not None else "")
    return tuple(dict.fromkeys(w.strip() for w in found if w.strip()))


def _where(
    review: Review, plans: Mapping[str, Plan], sheet_id: str, local: Point2
) -> str:
    sheet = review.sheet(SheetId(sheet_id))
    name = sheet.name if sheet is not None else sheet_id
    plan = plans.get(sheet_id)
    if plan is None:
        return f"Sheet: {name}."
    x, y = plan.to_drawing_m(local)
    return f"Sheet: {name}, at x {x:.3f} m, y {y:.3f} m (drawing coordinates)."


def _person(review: Review, stamp: Stamp) -> str:
    reviewer = review.reviewer(stamp.reviewer_id)
    if reviewer is None:
        return stamp.reviewer_id or "unknown"
    return reviewer.name or reviewer.agency or stamp.reviewer_id


def _review_time(review: Review) -> str:
    """When findings were raised: the review's creation, else its meeting, else now."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return bcf_time(review.created_at, bcf_time(review.info.meeting_date, now))


def _short(text: str) -> str:
    """The first sentence, or the first words of a long one: a title."""
    first = " ".join(text.split()).split(". ", 1)[0].rstrip(".")
    return first if len(first) <= 90 else first_words(first, 80)


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def write_bcf(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    path: Path,
    options: BcfOptions = BcfOptions(),
) -> int:
    """Write the findings (and comments) of ``review`` to the BCF 2.1 file ``path``.

    ``plans`` are the sheets' plans by sheet id and ``result`` the checks' result. A
    topic whose sheet has no plan gets no viewpoint. The file is replaced atomically:
    a failed export never leaves half a file.

    Returns:
        The number of topics written.

    Raises:
        DesignReviewError: the file could not be written (the message says why).
    """
    topics = bcf_topics(review, plans, result, options)
    marking = options.classification
    banner = review.info.classification if marking is None else marking
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bcf.version", _version_xml())
        archive.writestr("project.bcfp", _project_xml(review))
        for index, topic in enumerate(topics):
            plan = plans.get(topic.sheet_id)
            sheet = review.sheet(SheetId(topic.sheet_id))
            source = sheet.source_name if sheet is not None else ""
            markup = _markup_xml(topic, index, source, plan is not None)
            archive.writestr(f"{topic.guid}/markup.bcf", markup)
            if plan is not None:
                _write_view(archive, topic, plan, review, banner, options)
    try:
        write_atomic(path, buffer.getvalue(), keep_backup=False)
    except SaveError as exc:
        cause = exc.__cause__
        reason = f" ({cause.strerror})" if isinstance(cause, OSError) else ""
        raise DesignReviewError(
            f"The BCF file {path.name} could not be written{reason}. Choose another "
            "folder, or free some space, and export again."
        ) from exc
    return len(topics)


def _write_view(
    archive: zipfile.ZipFile,
    topic: BcfTopic,
    plan: Plan,
    review: Review,
    banner: str,
    options: BcfOptions,
) -> None:
    view = view_around(topic.highlight, options.view_height_m, options.snapshot_px)
    viewpoint = viewpoint_xml(
        topic.viewpoint_guid, view, topic.highlight, plan, options.cut_height_m
    )
    archive.writestr(f"{topic.guid}/{VIEWPOINT_FILE}", viewpoint)
    graphics = [
        markup_graphic(m, review)
        for m in review.markups
        if m.sheet_id == topic.sheet_id
    ]
    picture = render_snapshot(plan, graphics, view, topic.highlight, banner)
    # A PNG is compressed already: stored, it is no bigger and opens faster.
    archive.writestr(f"{topic.guid}/{SNAPSHOT_FILE}", picture, zipfile.ZIP_STORED)


def _markup_xml(topic: BcfTopic, index: int, source: str, has_view: bool) -> bytes:
    root = ET.Element("Markup")
    if source:  # the drawing the topic is about, as BCF names a model file
        _sub(ET.SubElement(ET.SubElement(root, "Header"), "File"), "Filename", source)
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
            _sub(element, tag, text)
    for comment in topic.comments:
        entry = ET.SubElement(root, "Comment", Guid=comment.guid)
        for tag, text in (("Date", comment.date), ("Author", comment.author),
                          ("Comment", comment.text)):  # fmt: skip
            _sub(entry, tag, text)
        if has_view:
            ET.SubElement(entry, "Viewpoint", Guid=topic.viewpoint_guid)
    if has_view:
        viewpoints = ET.SubElement(root, "Viewpoints", Guid=topic.viewpoint_guid)
        _sub(viewpoints, "Viewpoint", VIEWPOINT_FILE)
        _sub(viewpoints, "Snapshot", SNAPSHOT_FILE)
    return _xml_bytes(root)


def _project_xml(review: Review) -> bytes:
    root = ET.Element("ProjectExtension")
    project = ET.SubElement(root, "Project", ProjectId=_clean(review.id))
    name = " \u2013 ".join(p for p in (review.info.school, review.info.project) if p)
    if name:
        _sub(project, "Name", name)
    _sub(root, "ExtensionSchema", "")  # required, may be empty: we define no extension
    return _xml_bytes(root)


def _version_xml() -> bytes:
    root = ET.Element("Version", VersionId=BCF_VERSION)
    _sub(root, "DetailedVersion", BCF_VERSION)
    return _xml_bytes(root)


def _sub(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = _clean(text)


def _clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
