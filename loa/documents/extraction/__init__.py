"""Text of attached PDF and DOCX files, as structured blocks (no Django: the child process imports only this).

`extract_file()` reads a file in this process; `extract_isolated()` runs it in a child
process with a memory cap and a time limit, so a huge or hostile file cannot take the
task worker down.
"""
from .result import Extraction, ExtractionLimits, TextBlock
from .runner import extract_file, extract_isolated

__all__ = ["Extraction", "ExtractionLimits", "TextBlock", "extract_file", "extract_isolated"]
