"""classspec: public-sector job class specifications (text, HTML, PDF) to one data model."""

from classspec.api import parse_bytes, parse_document, parse_file, parse_text, read_file
from classspec.detect import detect
from classspec.errors import ClassSpecError, InputError, NotASpecError, UsageError
from classspec.model import ClassSpec, json_schema

__version__ = "0.1.0"

__all__ = [
    "ClassSpec",
    "ClassSpecError",
    "InputError",
    "NotASpecError",
    "UsageError",
    "__version__",
    "detect",
    "json_schema",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "parse_text",
    "read_file",
]
