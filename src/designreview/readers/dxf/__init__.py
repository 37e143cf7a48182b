"""DXF drawings read with ezdxf or the fast reader: the only readers using ezdxf."""
