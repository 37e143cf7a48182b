"""Where the doors are: door blocks, swing arcs and leaves read as openings."""
