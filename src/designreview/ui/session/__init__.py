"""The open review: loading, saving, background work and the document bridge."""
