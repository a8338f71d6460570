"""eventscope.ingest"""
