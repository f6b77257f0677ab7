"""Threshold documents as data, the decision engine that reads them, and the text analyser.

Pure Python with no web framework: the API and the command line both call `assess`.
"""

from knowledge.contract import AssessmentRequest, AssessmentResponse
from knowledge.engine import InvalidRequest, assess
from knowledge.errors import DocumentError, UnknownDocument
from knowledge.loader import load_document

__all__ = [
    "AssessmentRequest",
    "AssessmentResponse",
    "DocumentError",
    "InvalidRequest",
    "UnknownDocument",
    "assess",
    "load_document",
]
