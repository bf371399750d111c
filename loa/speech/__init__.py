"""The speech pipeline as a plain library (no Django):

normalize -> segment -> synthesize -> encode.
"""
