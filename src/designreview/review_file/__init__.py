"""The .dreview file: its codec, migrations, atomic writes, autosave and lock."""
