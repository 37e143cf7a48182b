"""What each layer of a drawing holds: shipped rules, reviewer's corrections."""
