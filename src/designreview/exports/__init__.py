"""Review data out for other tools: DXF, BCF and CSV."""
