"""Configured sources kept current on a schedule: config, discovery, polite crawling, archive.

Modules: config (sources.toml), discover (feed / sitemap / page links / directory), robots,
archive (raw responses by sha256), crawl (async, incremental), runner (one source run,
all sources, re-extraction). Import the modules directly; this package file imports nothing,
so pipeline.ingest can use discover without a cycle.
"""
