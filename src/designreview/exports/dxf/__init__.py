"""Markups, findings and computed polygons back to the architect as DXF."""
