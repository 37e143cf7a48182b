"""What the docks and canvas show, derived from the review (rows, findings, views)."""
