"""The desktop application (PySide6): the only layer that knows Qt."""
