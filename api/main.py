"""The FastAPI application. Run with `uvicorn api.main:app` from the repository root."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import web
from api.core import db, migrations
from api.core import logging as request_logging
from api.core.config import get_settings
from api.core.limits import BodySizeLimit
from api.routes import assessments, auth, health, referrals, staff
from api.web import STATIC
from knowledge.analyser import Analyser
from knowledge.loader import load_document

request_logging.configure(get_settings().log_level)


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    migrations.upgrade(db.get_engine())
    # Load the threshold document and the text analyser before the first request, so that a burst of
    # first requests does not load them once each, side by side.
    document = load_document(get_settings().threshold_document)
    Analyser.for_document(document)
    yield


app = FastAPI(
    lifespan=lifespan,
    title="Safeguarding front door",
    version="0.1.0",
    description="Threshold advice from the local threshold document, and referrals to the front door.",
)
app.add_middleware(BodySizeLimit, max_bytes=get_settings().max_body_bytes)
# Outermost, so that a request refused by the body limit is logged too.
app.add_middleware(request_logging.RequestLog)
app.include_router(health.router)
app.include_router(assessments.router, prefix="/api/v1")
app.include_router(referrals.router, prefix="/api/v1")
app.include_router(auth.router, prefix="/api/v1")
app.include_router(staff.router, prefix="/api/v1")
app.include_router(web.router)
# Everything a page loads is served from here (scripts/setup-web copies the npm packages into static/vendor).
# GOV.UK Frontend's stylesheet asks for its fonts and images at /assets.
app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
app.mount("/assets", StaticFiles(directory=STATIC / "vendor/govuk-frontend/assets", check_dir=False), name="assets")


@app.exception_handler(RequestValidationError)
async def name_each_field(_request: Request, error: RequestValidationError) -> JSONResponse:
    """422 with one line per field, and never the submitted values: they may hold a disclosure."""
    return JSONResponse(status_code=422, content={"detail": [_problem(item) for item in error.errors()]})


@app.exception_handler(StarletteHTTPException)
async def unreadable_body(request: Request, error: StarletteHTTPException) -> Response:
    """A body that cannot be read at all (JSON that is not UTF-8, a multipart form without its boundary) is
    refused like invalid JSON: 422 naming the body, as the schema documents. The framework's answer is an
    undocumented 400; the routes never raise 400 themselves, and every other HTTP error is handled as before."""
    if error.status_code == 400:
        message = "the body could not be read: send UTF-8 JSON (or, to sign in, a form)"
        return JSONResponse(status_code=422, content={"detail": [{"field": "body", "message": message}]})
    return await http_exception_handler(request, error)


def _openapi() -> dict:
    """FastAPI's schema, with the 422 problem as name_each_field sends it rather than FastAPI's default
    ({loc, msg, type}), so that clients generated from the schema can read a refusal."""
    if app.openapi_schema is None:
        schema = FastAPI.openapi(app)
        schema["components"]["schemas"]["ValidationError"] = {
            "title": "ValidationError",
            "type": "object",
            "required": ["field", "message"],
            "properties": {
                "field": {"type": "string", "description": "the field, dotted (children.0.age_years), or body"},
                "message": {"type": "string", "description": "what is wrong; never quotes the submitted value"},
            },
        }
        app.openapi_schema = schema
    return app.openapi_schema


app.openapi = _openapi  # type: ignore[method-assign]


def _problem(item: dict) -> dict[str, str]:
    if item["type"] == "json_invalid":
        # The location's second part is the character where decoding failed; the reason never quotes the body.
        at = item["loc"][1] if len(item["loc"]) > 1 else "?"
        reason = (item.get("ctx") or {}).get("error", "decode error")
        return {"field": "body", "message": f"the body is not valid JSON: {reason} at character {at}"}
    # "body" names the whole body only when there is no field inside it to name.
    field = ".".join(str(part) for part in item["loc"] if part != "body") or "body"
    return {"field": field, "message": item["msg"]}
