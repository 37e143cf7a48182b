"""What the lines of a drawing mean: walls, doors, rooms, units (numpy, shapely)."""
