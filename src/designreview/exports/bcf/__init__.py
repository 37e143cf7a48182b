"""Findings and comments as BCF 2.1 topics for the architect's BIM tools."""
