"""The plan canvas: a QGraphicsView projection of the model."""
