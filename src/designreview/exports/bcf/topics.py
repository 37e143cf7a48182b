"""What a BCF export says, in BCF's words, whichever BCF version writes it.

Every finding becomes an ``Issue`` topic and every comment a ``Comment`` topic. GUIDs
are UUID 5 of the review id and the finding key or comment id (``topic_guid``), so a
re-export updates the topics a BIM tool already has instead of adding copies, and a
BCF file that comes back is matched to the findings and comments it is about by
recomputing them (``bcf.merge_back``).

How designreview's words map to BCF's (statuses and types are those of the official
2.1 sample extension schema, which BIM tools know; ``extensions`` lists them):

- finding without a decision: ``Open``; "will fix": ``In Progress``; accepted or
  dismissed: ``Closed``. The decision (owner, reason) is a BCF comment; the owner is
  ``AssignedTo``.
- comment open: ``Open`` (``ReOpened`` if it was resolved or rejected before);
  answered: ``In Progress``; resolved or rejected: ``Closed``. Replies and status
  changes are BCF comments.
- priority: a comment's own (``Low``, ``Normal``, ``High``, ``Critical``); a fail is
  ``High``, a warning or missing information ``Normal``, information ``Low``.
- labels: the rule and severity (findings) or the agency (comments), and the sheet.
- components: the IFC GlobalIds of a finding's subjects (``model.bim_links``), or
  of the door an access point is placed on; none for a DXF plan.
- dates are UTC (``...Z``). A finding is dated when the review was created (else the
  meeting date, else now), so re-exports agree; it is modified when decided. Authors
  are reviewers' e-mail addresses where the roster has one, else their names (else
  their agency), as BCF recommends; findings are by ``designreview``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from designreview.analysis.rules import RULES
from designreview.exports.bcf.snapshot import Highlight
from designreview.model.bim_links import LinkedElement, linked_elements
from designreview.model.findings import Finding, Severity
from designreview.model.ids import MarkupId, SheetId
from designreview.model.markups import Comment, CommentStatus
from designreview.model.review import DecisionKind
from designreview.render.markup_graphics import agency_color
from designreview.render.markup_text import first_words, priority_text, status_text
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.analysis.run import CheckResult
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup, Stamp
    from designreview.model.plan import Plan
    from designreview.model.review import Decision, Review

__all__ = [
    "BCF_VERSIONS", "BcfComment", "BcfOptions", "BcfTopic", "bcf_time",
    "bcf_topics", "comment_status", "decision_status", "guid", "person",
    "thread_id", "topic_guid",
]  # fmt: skip

BCF_VERSIONS = ("2.1", "3.0")
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:designreview:bcf")
"""Namespace of every GUID made here (fixed: GUIDs must survive re-exports)."""
TOOL = "designreview"
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


@dataclass(frozen=True, slots=True)
class BcfOptions:
    """What goes into a BCF export and how its views look.

    ``classification`` replaces the review's own marking on the snapshots when set;
    ``view_height_m`` is the least height of plan a view shows (more when a finding's
    outline needs it); ``cut_height_m`` is the plan cut above the drawing's plane,
    where the camera and the clipping plane sit (None: no clipping plane; a plan
    read from an IFC model is cut where its storey was). ``version`` is the BCF
    version written, ``"2.1"`` (most BIM tools) or ``"3.0"``.
    """

    severities: frozenset[Severity] = frozenset(Severity)
    include_comments: bool = True
    classification: str | None = None
    view_height_m: float = 20.0
    snapshot_px: tuple[int, int] = (800, 600)
    cut_height_m: float | None = 1.2
    version: str = "2.1"


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
    components: tuple[LinkedElement, ...] = ()
    """The IFC elements the topic is about (selected in its viewpoint)."""

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


def topic_guid(review_id: str, kind: str, key: str) -> str:
    """The GUID of the topic of a finding or a comment.

    ``kind`` is "finding" (``key`` the finding's key) or "comment" (``key`` the
    comment's markup id).

    Example:
        >>> topic_guid("rev-1", "comment", "c-7") == guid("rev-1", "comment", "c-7")
        True
    """
    return guid(review_id, kind, key)


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
    threads = {thread_id(t.guid) for t in topics}
    if options.include_comments:
        topics += [
            _comment_topic(review, plans, m, dated)
            for m in review.markups
            if isinstance(m, Comment) and m.id not in threads
        ]
    return tuple(topics)


def thread_id(finding_topic: str) -> MarkupId:
    """The comment that holds the replies a BIM tool sent on a finding's topic.

    A finding has no thread of its own (it is recomputed), so replies imported from
    BCF go to a comment at the finding, and come back in the finding's topic.

    Example:
        >>> thread_id("9898de65-c0ce-414b-857e-1df97ffaed8d")
        'bcf-9898de65-c0ce-414b-857e-1df97ffaed8d'
    """
    return MarkupId(f"bcf-{finding_topic}")


def _finding_topic(
    review: Review,
    plans: Mapping[str, Plan],
    finding: Finding,
    decision: Decision | None,
    dated: str,
) -> BcfTopic:
    topic_id = topic_guid(review.id, "finding", finding.key)
    style = SEVERITY_STYLE[finding.severity]
    severity, priority = style.label, _PRIORITY[finding.severity]
    title = getattr(RULES.get(finding.rule), "TITLE", finding.rule)
    decided = None
    if decision is not None:
        decided = _decision_comment(review, decision, topic_id, dated)
    thread = review.markup(thread_id(topic_id))
    replies = _thread(review, thread, topic_id, dated) if thread is not None else ()
    conversation = sorted(
        ((decided,) if decided is not None else ())
        + tuple(r for r in replies if r.text),
        key=lambda c: c.date,
    )
    return BcfTopic(
        topic_id,
        "Issue",
        decision_status(decision),
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
        tuple(conversation),
        linked_elements(finding.subjects, review, plans.get(finding.sheet_id)),
    )


def decision_status(decision: Decision | None) -> str:
    """The topic status of a finding with this decision (None: undecided).

    Example:
        >>> decision_status(None)
        'Open'
    """
    return _DECISIONS[decision.kind][1] if decision is not None else "Open"


def _decision_comment(
    review: Review, decision: Decision, topic_id: str, dated: str
) -> BcfComment:
    words = [f"Decision: {_DECISIONS[decision.kind][0]}."]
    if decision.owner:
        words.append(f"Owner: {decision.owner}.")
    if decision.reason:
        words.append(f"Reason: {decision.reason}")
    when, who = bcf_time(decision.by.at, dated), person(review, decision.by)
    return BcfComment(guid(topic_id, "decision"), when, who, " ".join(words))


def _comment_topic(
    review: Review, plans: Mapping[str, Plan], comment: Comment, dated: str
) -> BcfTopic:
    author = person(review, comment.created)
    name = _name(review, comment.created)
    creator = review.reviewer(comment.created.reviewer_id)
    agency = comment.agency or (creator.agency if creator is not None else "")
    rings: tuple[tuple[Point2, ...], ...] = ()
    if comment.cloud:
        rings = ((*comment.cloud, comment.cloud[0]),)
    elif comment.leader_to is not None:
        rings = ((comment.position, comment.leader_to),)
    by = f"{name} ({agency})" if agency and agency != name else name
    topic_id = topic_guid(review.id, "comment", comment.id)
    return BcfTopic(
        topic_id,
        "Comment",
        comment_status(comment),
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
        (bcf_time(comment.modified.at, dated), person(review, comment.modified)),
        comments=_thread(review, comment, topic_id, dated),
    )


def _thread(
    review: Review, comment: Markup, topic_id: str, dated: str
) -> tuple[BcfComment, ...]:
    """Replies and status changes by time; the opening status is the topic itself."""
    if not isinstance(comment, Comment):
        return ()
    entries = [
        (reply.author, reply.text, guid(topic_id, "reply", str(i)))
        for i, reply in enumerate(comment.replies)
    ]
    for i, change in enumerate(comment.history):
        if i == 0 and change.status is CommentStatus.OPEN and not change.note:
            continue
        note = f" ({change.note})" if change.note else ""
        text = f"Status: {change.status.value.capitalize()}{note}"
        entries.append((change.by, text, guid(topic_id, "status", str(i))))
    entries.sort(key=lambda entry: bcf_time(entry[0].at, dated))  # stable for ties
    return tuple(
        BcfComment(key, bcf_time(stamp.at, dated), person(review, stamp), text)
        for stamp, text, key in entries
    )


def comment_status(comment: Comment) -> str:
    """The topic status of ``comment`` (``ReOpened`` once closed and opened again)."""
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


def person(review: Review, stamp: Stamp) -> str:
    """Who ``stamp`` names as BCF says a user: their e-mail address, else their name.

    Example:
        >>> from designreview.model.ids import ReviewerId
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review, Reviewer
        >>> ann = Reviewer(ReviewerId("r1"), "Ann Lee", email="ann@pd.example")
        >>> person(Review("r", reviewers=(ann,)), Stamp(ReviewerId("r1"), ""))
        'ann@pd.example'
    """
    reviewer = review.reviewer(stamp.reviewer_id)
    if reviewer is not None and reviewer.email.strip():
        return reviewer.email.strip()
    return _name(review, stamp)


def _name(review: Review, stamp: Stamp) -> str:
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
