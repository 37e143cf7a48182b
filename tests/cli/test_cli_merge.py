"""``designreview merge`` on copies of the sample review, end to end."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.fixtures.review_copies import FIRE, POLICE, edit

from designreview.cli import main
from designreview.model.ids import MarkupId
from designreview.model.markups import CommentStatus, LockFunction, Reply, Stamp
from designreview.review_file.archive import read_review
from designreview.review_file.revisions import save_revision

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dreview"


def replied(text, who, at):
    return lambda c: (*c.replies, Reply(Stamp(who, at), text))


def merge(folder, *names, out="merged.dreview", report="merge.md", options=()):
    """Run ``designreview merge`` on files of ``folder``; the exit status."""
    files = [str(folder / name) for name in names]
    return main(
        ["merge", *files, "-o", str(folder / out), "--report", str(folder / report),
         *options]
    )  # fmt: skip


@pytest.fixture
def copies(tmp_path):
    """The sample review as sent out, and the police's and fire's copies of it."""
    base = save_revision(read_review(SAMPLE), tmp_path / "sent.dreview")
    at_p, at_f = "2026-12-01T09:00:00+00:00", "2026-12-02T14:30:00+00:00"
    police = edit(base, POLICE, at_p, [
        ("ap-114a", {"lock": LockFunction.INSIDE_LOCKABLE}),
        ("c-117", {"replies": replied("Sidelites need film", POLICE, at_p)}),
        ("c-152", {"status": CommentStatus.RESOLVED}),
    ])  # fmt: skip
    fire = edit(base, FIRE, at_f, [
        ("ap-114a", {"lock": LockFunction.KEY_OUTSIDE_ONLY}),
        ("c-117", {"replies": replied("Egress width OK", FIRE, at_f)}),
        ("c-cafeteria", None),
    ])  # fmt: skip
    save_revision(police, tmp_path / "police.dreview")
    save_revision(fire, tmp_path / "fire.dreview")
    return tmp_path


def test_merge_of_two_copies_with_their_ancestor(copies, capsys):
    out, report = copies / "merged.dreview", copies / "merge.md"
    assert merge(copies, "sent.dreview", "police.dreview", "fire.dreview") == 0
    assert "2 copies against sent.dreview" in capsys.readouterr().out
    merged = read_review(out)
    assert merged.markup(MarkupId("c-cafeteria")) is None
    assert merged.markup(MarkupId("c-152")).status is CommentStatus.RESOLVED
    texts = [r.text for r in merged.markup(MarkupId("c-117")).replies]
    assert texts[-2:] == ["Sidelites need film", "Egress width OK"]
    # The conflict took the first copy's value, as --prefer first says.
    assert merged.markup(MarkupId("ap-114a")).lock is LockFunction.INSIDE_LOCKABLE
    text = report.read_text()
    assert "Common ancestor: sent.dreview" in text
    assert "### 1. AccessPoint 114A (ap-114a): lock" in text
    assert "- police.dreview: inside_lockable, by Sgt. Luis Ortega (City Police), " \
        "2026-12-01 09:00:00 UTC **(taken)**" in text  # fmt: skip
    assert "- fire.dreview: key_outside_only, by Pat Okafor (Fire marshal)" in text
    assert "| Comment Corridor 152 is a 35 ft dead end. (c-152) | changed status " \
        "| resolved | police.dreview |" in text  # fmt: skip
    assert "| deleted |  | fire.dreview | Pat Okafor (Fire marshal)" in text
    assert '| reply added | reply "Egress width OK" | fire.dreview |' in text
    lineage = merged.lineage
    police, fire = (
        read_review(copies / n).lineage for n in ("police.dreview", "fire.dreview")
    )
    assert lineage.parent == police.revision
    assert fire.revision in lineage.chain


def test_merge_without_base_finds_it_and_reports_json(copies, capsys):
    out, report = copies / "merged.dreview", copies / "merge.json"
    options = ("--prefer", "newest", "--json")
    names = ("police.dreview", "fire.dreview", "sent.dreview")
    assert merge(copies, *names, report="merge.json", options=options) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["base"], summary["conflicts"]) == ("sent.dreview", 1)
    data = json.loads(report.read_text())
    [conflict] = data["conflicts"]
    assert conflict["chosen"] == 1
    assert [o["by"]["agency"] for o in conflict["options"]] == [
        "City Police",
        "Fire marshal",
    ]
    assert (
        read_review(out).markup(MarkupId("ap-114a")).lock
        is LockFunction.KEY_OUTSIDE_ONLY
    )


def test_merge_without_any_ancestor_is_two_way(copies, capsys):
    out, report = copies / "merged.dreview", copies / "merge.md"
    assert merge(copies, "police.dreview", "fire.dreview") == 0
    # Both copies were saved from sent.dreview, which is not named: two-way.
    assert "two-way" in capsys.readouterr().out
    assert read_review(out).markup(MarkupId("c-cafeteria")) is not None  # nothing lost
    text = report.read_text()
    assert "Common ancestor: none found" in text
    assert "AccessPoint 114A (ap-114a): lock" in text
    assert "(c-152): status" in text  # changed in one copy only, yet a conflict


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["police.dreview", "missing.dreview"], "missing.dreview does not exist"),
        (["police.dreview"], "at least two"),
        (["police.dreview", "plan.dxf"], "not a designreview review"),
        (["police.dreview", "fire.dreview", "-o", "out.pdf"], "must end in .dreview"),
        (["police.dreview", "fire.dreview", "--report", "no/r.md"], "does not exist"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line(copies, args, message):
    (copies / "plan.dxf").write_text("0\nEOF\n")
    defaults = {"-o": "out.dreview", "--report": "r.md"}
    for flag, value in defaults.items():
        if flag not in args:
            args = [*args, flag, value]
    result = subprocess.run(
        [sys.executable, "-m", "designreview", "merge", *args],
        capture_output=True, text=True, cwd=copies, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (copies / "out.dreview").exists()
