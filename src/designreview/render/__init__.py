"""Deciding what to draw, once, for the screen and for paper."""
