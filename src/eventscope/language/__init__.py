"""eventscope.language"""
