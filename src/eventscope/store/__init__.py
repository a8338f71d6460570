"""eventscope.store"""
