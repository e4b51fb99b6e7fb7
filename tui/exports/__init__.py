"""Exports of a validated dataset: ICS calendar, Markdown brief, JSON, plain-text brief."""
