"""Every menu command of the main window, as a table (id, text, shortcut, slot)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: where it sits, what it says, which key runs it, what it calls."""

    id: str
    menu: str
    text: str
    slot: str
    shortcuts: tuple[str | StandardKey, ...] = ()
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&File", "&Open…", "choose_and_open", (StandardKey.Open,),
               "Open a review (.dreview) or a drawing (.dxf) to start a review"),
    ActionSpec("open_sample", "&File", "Open &Sample School", "open_sample", (),
               "Open the bundled sample school and its review"),
    ActionSpec("add_sheet", "&File", "&Add Sheet from Drawing…", "choose_and_add_sheet",
               ("Ctrl+Shift+A",), "Add another floor (a DXF drawing) to this review",
               separator_before=True),
    ActionSpec("close_review", "&File", "&Close Review", "close_review",
               (StandardKey.Close,), "Close the review (asks to save changes)",
               separator_before=True),
    ActionSpec("save", "&File", "&Save", "save", (StandardKey.Save,),
               "Save the review", separator_before=True),
    ActionSpec("save_as", "&File", "Save &As…", "save_as", (StandardKey.SaveAs,),
               "Save the review under another name"),
    ActionSpec("packet", "&File", "Review &Packet…", "make_packet",
               (StandardKey.Print,),
               "The printed packet: cover, plans at true scale, findings, sign-off",
               separator_before=True),
    ActionSpec("export_dxf", "&File", "Export Markups as &DXF…", "export_dxf", (),
               "The review's markups and findings on REVIEW-* layers, for CAD"),
    ActionSpec("export_dxf_into", "&File", "Export Markups &into the Drawing…",
               "export_dxf_into_original", (),
               "A copy of the architect's drawing with the REVIEW-* layers added"),
    ActionSpec("export_bcf", "&File", "Export Issues as &BCF…", "export_bcf", (),
               "A BCF 2.1 topic per finding and comment, for BIM tools"),
    ActionSpec("export_csv", "&File", "Export Findings as &CSV…", "export_csv", (),
               "Findings and markups as spreadsheets"),
    ActionSpec("quit", "&File", "&Quit", "close", (StandardKey.Quit,),
               "Quit designreview", separator_before=True),
    ActionSpec("delete", "&Edit", "&Delete Markups", "delete_selected",
               (StandardKey.Delete,), "Delete the selected markups"),
    ActionSpec("select_all", "&Edit", "Select &All Markups", "select_all_markups",
               (StandardKey.SelectAll,), "Select every markup of this sheet"),
    ActionSpec("merge_spaces", "&Edit", "&Merge Spaces", "merge_selected_spaces",
               ("Ctrl+M",), "Join the selected neighbouring spaces into one",
               separator_before=True),
    ActionSpec("reviewers", "&Review", "&Reviewers…", "edit_reviewers", (),
               "Who takes part in the review, for which agency"),
    ActionSpec("layer_roles", "&Review", "&Layer Roles…", "edit_layer_roles", (),
               "Correct what each drawing layer holds (walls, doors, windows...)",
               separator_before=True),
    ActionSpec("layout", "&Review", "Drawing &Layout…", "choose_layout", (),
               "Read this sheet from model space or from a paper-space layout"),
    ActionSpec("units", "&Review", "&Units…", "edit_units", (),
               "Confirm or change the drawing's units"),
    ActionSpec("check_settings", "&Review", "Check &Settings…", "edit_check_settings",
               (), "Thresholds of the review checks, with their sources"),
    ActionSpec("run_checks", "&Review", "Run &Checks Now", "run_checks", ("F9",),
               "Recompute every finding now"),
    ActionSpec("fit", "&View", "&Fit to Drawing", "fit_to_drawing", ("F", "Home"),
               "Show the whole drawing"),
    ActionSpec("zoom_in", "&View", "Zoom &In", "zoom_in", (StandardKey.ZoomIn, "="),
               "Zoom in at the centre"),
    ActionSpec("zoom_out", "&View", "Zoom &Out", "zoom_out",
               (StandardKey.ZoomOut, "-"), "Zoom out at the centre"),
    ActionSpec("viewsheds", "&View", "Show &Viewsheds", "set_viewsheds_visible", ("V",),
               "What observers and cameras see; sightlines clear or blocked",
               checkable=True, separator_before=True),
    ActionSpec("meeting_mode", "&View", "&Meeting Mode", "set_meeting_mode", ("F5",),
               "Large marks and fonts for a projector; sensitive layers hidden",
               checkable=True, separator_before=True),
    ActionSpec("next_comment", "&View", "&Next Comment", "next_comment", ("N",),
               "Show the next comment"),
    ActionSpec("previous_comment", "&View", "&Previous Comment", "previous_comment",
               ("Shift+N",), "Show the previous comment"),
    ActionSpec("next_finding", "&View", "Next &Finding", "next_finding", ("]",),
               "Show the next finding"),
    ActionSpec("previous_finding", "&View", "Previous F&inding", "previous_finding",
               ("[",), "Show the previous finding"),
    ActionSpec("dark_theme", "&View", "&Dark Theme", "set_dark_theme",
               ("Ctrl+Shift+D",), "Dark background for projectors", checkable=True,
               separator_before=True),
    ActionSpec("about", "&Help", "&About designreview", "show_about"),
)  # fmt: skip
