"""The main window: its assembly, typed commands, menus and bars."""
