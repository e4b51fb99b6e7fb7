"""The dashboard: the Textual App, its screens and widgets."""
