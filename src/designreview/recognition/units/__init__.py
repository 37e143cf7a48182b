"""Which unit a drawing is drawn in, judged from what it draws."""
