"""Files in: each reader turns a drawing file into what recognition reads."""
