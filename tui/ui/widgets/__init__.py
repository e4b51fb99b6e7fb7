"""The dashboard's widgets: each receives data as attributes and posts messages up."""
