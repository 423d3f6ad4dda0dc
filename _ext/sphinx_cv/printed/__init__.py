"""The printed CV: one typed document, selected once, a writer a format."""
