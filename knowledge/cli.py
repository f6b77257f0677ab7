"""Command line: assess a JSON case, check a document, publish the JSON Schema.

python -m knowledge assess case.json        # or '-' for standard input; prints the contract's response
python -m knowledge check [document-id ...]  # loads and cross-checks documents, prints their size
python -m knowledge schema                   # writes knowledge/schema/*.schema.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from knowledge.contract import AssessmentRequest
from knowledge.engine import InvalidRequest, assess
from knowledge.errors import DocumentError, UnknownDocument
from knowledge.loader import available_documents, load_document
from knowledge.schema import Document, Indicator, Question

SCHEMA_DIR = Path(__file__).parent / "schema"


def schemas() -> dict[str, dict]:
    """The JSON Schemas of the three kinds of file a threshold document is written in."""
    return {
        "threshold-document": Document.model_json_schema(),
        "indicators": TypeAdapter(list[Indicator]).json_schema(),
        "questions": TypeAdapter(list[Question]).json_schema(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("assess", help="assess a JSON case (the assessment request body)")
    run.add_argument("case", help="path to a JSON file, or - for standard input")
    check = commands.add_parser("check", help="load and cross-check threshold documents")
    check.add_argument("documents", nargs="*", help="document ids (default: all)")
    commands.add_parser("schema", help="write the JSON Schemas editors use")
    args = parser.parse_args(argv)

    if args.command == "schema":
        SCHEMA_DIR.mkdir(exist_ok=True)
        for name, schema in schemas().items():
            (SCHEMA_DIR / f"{name}.schema.json").write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {len(schemas())} schemas to {SCHEMA_DIR}")
        return 0
    if args.command == "check":
        try:
            for document_id in args.documents or available_documents():
                doc = load_document(document_id)
                print(f"{doc.id} {doc.version}: {len(doc.indicators)} indicators, {len(doc.questions)} questions, ok")
        except (DocumentError, UnknownDocument) as error:
            print(error, file=sys.stderr)
            return 1
        return 0

    text = sys.stdin.read() if args.case == "-" else Path(args.case).read_text(encoding="utf-8")
    try:
        request = AssessmentRequest.model_validate_json(text)
        response = assess(request)
    except ValidationError as error:
        for item in error.errors():
            print(f"{'.'.join(str(p) for p in item['loc'])}: {item['msg']}", file=sys.stderr)
        return 2
    except (InvalidRequest, UnknownDocument, DocumentError) as error:
        print(error, file=sys.stderr)
        return 2
    print(response.model_dump_json(indent=2))
    return 0
