"""eventscope.geo"""
