"""eventscope.dedup"""
