"""eventscope.actors"""
