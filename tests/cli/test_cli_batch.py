"""``designreview batch`` over many reviews: a row each, a broken one included."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from designreview.cli import main
from designreview.cli.batch import reviews_of, run_batch

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dreview"


@pytest.fixture
def district(tmp_path):
    """Nine copies of the sample school and one review file that is no review."""
    folder = tmp_path / "district"
    for n in range(1, 10):
        target = folder / f"region-{n % 2}" / f"school-{n:02d}.dreview"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE, target)
    (folder / "school-10.dreview").write_bytes(b"not a zip archive at all")
    return folder


def test_batch_over_ten_reviews_gives_ten_rows_and_the_broken_one_its_error(
    district, tmp_path, capsys
):
    out = tmp_path / "report"
    status = main(["batch", str(district), "-o", str(out), "--workers", "2"])
    assert status == 0
    _, err = capsys.readouterr()
    assert err.count("] school-") == 10  # one line of progress per school
    with (out / "summary.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 10
    broken = [r for r in rows if r["status"] == "error"]
    assert [Path(r["review"]).name for r in broken] == ["school-10.dreview"]
    assert broken[0]["error"]
    good = [r for r in rows if r["status"] == "checked"]
    # Each copy of the sample: 19 fails, 5 warnings, 1 needs-information (the
    # sample's planted flaws), its responder map complete.
    assert {(r["fail"], r["warning"], r["needs_information"]) for r in good} == {
        ("19", "5", "1")
    }
    assert {r["mandate_items_missing"] for r in good} == {""}
    assert all(Path(r["map_pdf"]).is_file() for r in good)
    assert {r["map_pages"] for r in good} == {"2"}
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert page.count("<tr") == 11  # the header and ten schools
    assert "10 reviews: 9 checked, 1 could not be read" in page


def test_a_list_file_and_a_profile(district, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(
        "# two schools\ndistrict/region-1/school-01.dreview\n\n"
        "district/region-0/school-02.dreview\n",
        encoding="utf-8",
    )
    paths = reviews_of(listing)
    assert [p.name for p in paths] == ["school-01.dreview", "school-02.dreview"]
    rows = run_batch(paths, None, "florida", workers=1)
    assert [r.mandate_missing for r in rows] == [(), ()]
    assert [r.map_pdf for r in rows] == ["", ""]


def test_bad_input_is_one_line(tmp_path, capsys):
    status = main(["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r")])
    assert status == 2
    _, err = capsys.readouterr()
    assert "neither a folder nor a list" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["batch", str(empty), "-o", str(tmp_path / "r")]) == 2


def test_on_a_dask_cluster(district, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    paths = sorted(district.rglob("*.dreview"))[:3]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        rows = run_batch(paths, None, None, scheduler=cluster.scheduler_address)
    assert len(rows) == 3
    assert [r.path for r in rows] == [str(p) for p in paths]
    assert sum(1 for r in rows if r.is_ok) == sum(
        1 for p in paths if p.name != "school-10.dreview"
    )


def test_a_scheduler_without_dask_installed_says_how_to_get_it(tmp_path, capsys):
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("dask is installed")
    status = main(["batch", str(SAMPLE), "-o", str(tmp_path / "r"),
                   "--scheduler", "tcp://127.0.0.1:8786"])  # fmt: skip
    assert status == 2
    assert "designreview[dask]" in capsys.readouterr().err
