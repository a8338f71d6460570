"""eventscope.export"""
