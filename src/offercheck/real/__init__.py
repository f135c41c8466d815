"""Real terms: places and price levels."""
