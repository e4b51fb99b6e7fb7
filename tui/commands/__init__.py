"""The command line: check, export, brief, init. Imports no Textual (the dashboard is started lazily)."""
