"""eventscope.events"""
