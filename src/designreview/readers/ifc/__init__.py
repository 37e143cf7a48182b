"""IFC models read as plans, one per storey: the only package using ifcopenshell."""
