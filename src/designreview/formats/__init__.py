"""Reading and writing files: drawings, reviews, packets and exports."""
