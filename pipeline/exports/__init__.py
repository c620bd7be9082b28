"""Dataset writers for analysts' tools, one module per format (pipeline/export.py dispatches).

Each writer takes an iterable of rows (facts from pipeline.store.datasets or tenures from
pipeline.tenures), writes one file atomically, and returns counts for the manifest.
"""
