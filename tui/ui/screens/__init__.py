"""Screens: the dashboard (owns selection and filter), help, claim detail and article."""
