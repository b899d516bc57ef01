"""Render events and articles: the JSON contract, terminal views and export formats."""
