"""The document model: plain, frozen, Qt-free data."""
