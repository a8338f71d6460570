"""eventscope.analytics"""
