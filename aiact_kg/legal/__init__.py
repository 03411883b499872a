"""Legal citations and provision identifiers."""
