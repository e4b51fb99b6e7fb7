"""The data layer: reading, validating and describing a data file. Imports no Textual."""
