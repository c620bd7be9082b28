"""Bump when extraction output can change: stored facts record which version found them."""
EXTRACTOR_VERSION = "0.2.0"
