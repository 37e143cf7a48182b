"""Which shapes are rooms, what they are called and what they are used for."""
