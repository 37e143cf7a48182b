"""Menu commands: plain functions of a WindowContext, in modules by subject."""
