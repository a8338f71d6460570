"""eventscope.nlp"""
