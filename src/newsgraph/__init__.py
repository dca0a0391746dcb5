"""newsgraph."""
