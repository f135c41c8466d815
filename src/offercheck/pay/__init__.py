"""Pay year by year."""
