"""Verdicts: claim statuses from evidence (lifecycle), manual decisions and views, quality."""
