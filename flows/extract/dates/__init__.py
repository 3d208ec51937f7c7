"""Date expressions resolved against the publication date (issue 5: not built yet)."""
