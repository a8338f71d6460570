"""eventscope.text"""
