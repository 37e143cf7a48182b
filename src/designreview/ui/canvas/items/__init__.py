"""Graphics items of the plan canvas."""
