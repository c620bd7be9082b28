"""Routers of the review app, one per page family."""
