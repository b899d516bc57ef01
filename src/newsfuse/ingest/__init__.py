"""Readers turn files into RawArticle records (one module per format)."""
