"""A BCF file a BIM tool wrote back, merged into the review it was exported from.

The architect answers our topics in the BIM tool: replies, and status changes. Each
topic is matched to its finding or comment by GUID: an export's topic GUIDs are
recomputed from the review's id and every finding key (of the checks' result, and of
every decision) and comment id (``bcf.topics.topic_guid``). Then:

- a BCF comment we did not write (its GUID is not one of the export's, and no entry
  of the thread has its date and text) becomes a reply: on the comment, or, for a
  finding, on the finding's thread comment (``bcf.topics.thread_id``), made on the
  first reply at the finding's place;
- a comment topic's status, when it differs from what we export, becomes a status
  change (``Open``/``ReOpened`` open, ``In Progress`` answered, ``Closed`` or
  ``Resolved`` resolved, ``Rejected`` rejected);
- a finding topic's status becomes the BIM user's decision (``In Progress``: will
  fix; ``Closed`` or ``Resolved``: accepted, for the agency of whoever changed it);
  a finding reopened in the BIM tool keeps its decisions, and the report says so.

What the file adds is compared with what the review already says, so importing the
same file twice changes nothing the second time. Authors are matched to reviewers by
e-mail address, then by name; anyone else is named as the file names them. The
result is one edit (one undo step) and a report of what was merged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from designreview.exports.bcf.topics import (
    BcfOptions,
    bcf_time,
    bcf_topics,
    comment_status,
    decision_status,
    thread_id,
    topic_guid,
)
from designreview.model.edits import AddMarkup, Batch, ReplaceMarkup, SetDecision
from designreview.model.ids import ReviewerId, SheetId
from designreview.model.markups import (
    Comment,
    CommentStatus,
    Reply,
    Stamp,
    StatusChange,
)
from designreview.model.review import Decision, DecisionKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.run import CheckResult
    from designreview.exports.bcf.reading import ReadTopic
    from designreview.exports.bcf.topics import BcfTopic
    from designreview.model.edits import Edit
    from designreview.model.findings import Finding
    from designreview.model.review import Review

__all__ = ["BcfImport", "BcfImportReport", "merge_bcf"]

LABEL = "Import BCF"
_COMMENT_STATUS = {
    "open": CommentStatus.OPEN,
    "reopened": CommentStatus.OPEN,
    "in progress": CommentStatus.ANSWERED,
    "answered": CommentStatus.ANSWERED,
    "closed": CommentStatus.RESOLVED,
    "resolved": CommentStatus.RESOLVED,
    "rejected": CommentStatus.REJECTED,
}
_DECISION = {
    "in progress": DecisionKind.WILL_FIX,
    "closed": DecisionKind.ACCEPT,
    "resolved": DecisionKind.ACCEPT,
}
_ALL = BcfOptions()


@dataclass(frozen=True, slots=True)
class BcfImportReport:
    """What a BCF file brought: counts, and what could not be taken."""

    file: str
    version: str
    topics: int
    """Topics in the file."""
    matched: int
    """Topics that are this review's findings or comments."""
    replies_added: int = 0
    statuses_changed: int = 0
    """Comment statuses changed and decisions recorded."""
    unmatched: tuple[str, ...] = ()
    """Titles of the topics that are not this review's."""
    notes: tuple[str, ...] = ()
    """Changes the file asks for that were not made, and why."""

    @property
    def changed(self) -> bool:
        """Whether anything in the review changed."""
        return bool(self.replies_added or self.statuses_changed)

    def summary(self) -> str:
        """The report in words, one fact a line.

        Example:
            >>> report = BcfImportReport("a.bcf", "2.1", 3, 2, 1, 1, ("Roof",))
            >>> print(report.summary())  # doctest: +ELLIPSIS
            a.bcf (BCF 2.1): 3 topics, 2 of this review.
            1 reply added, 1 status changed.
            1 topic matches no finding or comment of this review (...): Roof.
        """
        lines = [
            f"{self.file} (BCF {self.version or '?'}): {_count(self.topics, 'topic')}"
            f", {self.matched} of this review.",
            f"{_count(self.replies_added, 'reply', 'replies')} added, "
            f"{_count(self.statuses_changed, 'status', 'statuses')} changed."
            if self.changed
            else "Nothing new: the review already has every reply and status.",
        ]
        if self.unmatched:
            shown = "; ".join(self.unmatched[:5]) + (
                "…" if len(self.unmatched) > 5 else ""
            )
            verb = "matches" if len(self.unmatched) == 1 else "match"
            lines.append(
                f"{_count(len(self.unmatched), 'topic')} {verb} no finding or comment "
                f"of this review (another review's, or a finding no longer found): "
                f"{shown}."
            )
        lines += list(self.notes)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class BcfImport:
    """The edit that merges a BCF file (None: nothing new), and its report."""

    edit: Batch | None
    report: BcfImportReport


def merge_bcf(
    review: Review,
    result: CheckResult,
    topics: Sequence[ReadTopic],
    *,
    file: str,
    version: str,
    now: str | None = None,
) -> BcfImport:
    """Merge the BCF ``topics`` (read by ``bcf.reading``) into ``review``.

    ``result`` is the checks' result on ``review`` (finding topics are matched to
    its findings); ``now`` (ISO 8601) dates changes the file does not date.
    """
    when = now or datetime.now(UTC).isoformat(timespec="seconds")
    ours = {t.guid: t for t in bcf_topics(review, {}, result, _ALL)}
    findings = {topic_guid(review.id, "finding", f.key): f for f in result.findings}
    decided = {topic_guid(review.id, "finding", d.finding_key): d.finding_key
               for d in review.decisions}  # fmt: skip
    comments = {
        topic_guid(review.id, "comment", m.id): m
        for m in review.markups
        if isinstance(m, Comment)
    }
    edits: list[Edit] = []
    counts = [0, 0]  # replies, statuses
    notes: list[str] = []
    unmatched: list[str] = []
    matched = 0
    for topic in topics:
        exported = ours.get(topic.guid)
        if topic.guid in comments and exported is not None:
            matched += 1
            edit = _comment_edit(review, comments[topic.guid], topic, exported, counts)
            edits += [edit] if edit is not None else []
        elif topic.guid in findings or topic.guid in decided:
            matched += 1
            finding = findings.get(topic.guid)
            key = finding.key if finding is not None else decided[topic.guid]
            edits += _finding_edits(
                review, key, finding, topic, exported, when, counts, notes
            )
        else:
            unmatched.append(topic.title or topic.guid)
    report = BcfImportReport(
        file, version, len(topics), matched, counts[0], counts[1],
        tuple(unmatched), tuple(notes),
    )  # fmt: skip
    return BcfImport(Batch(tuple(edits), LABEL) if edits else None, report)


def _comment_edit(
    review: Review,
    comment: Comment,
    topic: ReadTopic,
    exported: BcfTopic,
    counts: list[int],
) -> Edit | None:
    replies = _new_replies(review, topic, exported)
    after = replace(comment, replies=(*comment.replies, *replies))
    status = _COMMENT_STATUS.get(topic.status.casefold())
    if (
        status is not None
        and topic.status != comment_status(comment)
        and status is not comment.status
    ):
        by = _stamp(review, topic.modified, comment.modified.at)
        change = StatusChange(by, status, f"in the BIM tool ({topic.status})")
        after = replace(after, status=status, history=(*after.history, change))
        counts[1] += 1
    if after == comment:
        return None
    counts[0] += len(replies)
    stamps = [r.author for r in replies] + [c.by for c in after.history[-1:]]
    latest = max(stamps, key=lambda s: s.at, default=comment.modified)
    after = replace(after, modified=max(latest, comment.modified, key=lambda s: s.at))
    return ReplaceMarkup(comment, after, LABEL)


def _finding_edits(
    review: Review,
    key: str,
    finding: Finding | None,
    topic: ReadTopic,
    exported: BcfTopic | None,
    when: str,
    counts: list[int],
    notes: list[str],
) -> list[Edit]:
    edits: list[Edit] = []
    replies = _new_replies(review, topic, exported)
    thread = review.markup(thread_id(topic.guid))
    if replies and isinstance(thread, Comment):
        after = replace(
            thread, replies=(*thread.replies, *replies), modified=replies[-1].author
        )
        edits.append(ReplaceMarkup(thread, after, LABEL))
    elif replies and finding is not None:
        edits.append(AddMarkup(_new_thread(topic, finding, replies), LABEL))
    elif replies:
        notes.append(
            f"{len(replies)} replies on {topic.title!r} were not added: the finding "
            "is no longer found, so there is nowhere to put them."
        )
        replies = []
    counts[0] += len(replies)
    current = {d.finding_key: d for d in review.decisions}.get(key)
    if topic.status == decision_status(current):
        return edits
    kind = _DECISION.get(topic.status.casefold())
    if kind is None:
        if topic.status.strip():
            notes.append(
                f"{topic.title!r} is {topic.status!r} in the BIM tool; its decision "
                "was kept (reopen it in designreview if it should be reopened)."
            )
        return edits
    by = _stamp(review, topic.modified, when)
    if any(
        d.finding_key == key and d.kind is kind and d.by == by for d in review.decisions
    ):
        return edits  # taken from this file before
    reason = next(
        (r.text for r in reversed(replies) if r.author.reviewer_id == by.reviewer_id),
        "",
    )
    owner = current.owner if current is not None else ""
    decision = Decision(key, kind, by, reason, owner)
    edits.append(SetDecision.of(review, key, decision, LABEL))
    counts[1] += 1
    return edits


def _new_thread(topic: ReadTopic, finding: Finding, replies: list[Reply]) -> Comment:
    first = replies[0].author
    return Comment(
        thread_id(topic.guid),
        SheetId(finding.sheet_id),
        first,
        replies[-1].author,
        finding.location,
        f"Replies from the BIM tool on {finding.rule}: {topic.title}",
        replies=tuple(replies),
    )


def _new_replies(
    review: Review, topic: ReadTopic, exported: BcfTopic | None
) -> list[Reply]:
    """The topic's comments the review does not have yet, oldest first."""
    known_guids = {c.guid for c in exported.comments} if exported else set()
    known = {(c.date, c.text.strip()) for c in exported.comments} if exported else set()
    fresh: list[Reply] = []
    for comment in sorted(topic.comments, key=lambda c: bcf_time(c.date)):
        entry = (bcf_time(comment.date), comment.text.strip())
        if not entry[1] or comment.guid.lower() in known_guids or entry in known:
            continue
        known.add(entry)
        fresh.append(
            Reply(_stamp(review, (comment.date, comment.author), ""), entry[1])
        )
    return fresh


def _stamp(review: Review, dated: tuple[str, str], fallback: str) -> Stamp:
    """(date, author) of the file as a stamp: a reviewer's id when one matches."""
    date, author = dated
    at = bcf_time(date)
    iso = at.replace("Z", "+00:00") if at else fallback
    wanted = author.strip().casefold()
    match = next(
        (
            r
            for r in review.reviewers
            if wanted and r.email.strip().casefold() == wanted
        ),
        None,
    ) or next(
        (r for r in review.reviewers if wanted and r.name.strip().casefold() == wanted),
        None,
    )
    who = match.id if match is not None else ReviewerId(author.strip() or "BIM tool")
    return Stamp(who, iso)


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"
