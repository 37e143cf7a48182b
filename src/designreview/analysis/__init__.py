"""Pure geometry analysis over model snapshots (shapely, no Qt)."""
