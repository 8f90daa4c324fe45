"""flexrules."""
