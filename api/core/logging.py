"""Structured logs: one JSON line per request, naming the route's template and never its values.

A path can hold a referral's reference and a body can hold a disclosure about a child, so the line
carries the method, the route template (``/api/v1/referrals/{reference}/status``), the status code,
the duration and a request id, and nothing the client sent. Uvicorn's own access log prints the raw
path and query string, so it is switched off.
"""

from __future__ import annotations

import logging
import sys
import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def configure(level: str = "INFO") -> None:
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelNamesMapping()[level.upper()]),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    logging.getLogger("uvicorn.access").disabled = True


class RequestLog:
    """ASGI middleware writing the request line after the response has been sent (or failed)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.log = structlog.get_logger("api.request")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        status = 500  # what the client sees when the app raises before starting a response
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self.log.info(
                "request",
                method=scope["method"],
                route=route_template(scope),
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                request_id=request_id,
            )


def route_template(scope: Scope) -> str:
    """The matched route as a template: each path parameter's segment replaced by its name.

    Built from the path and the matched parameters (both public ASGI scope keys) rather than the
    route object, whose full path under an included router's prefix is not public.
    """
    if scope.get("route") is not None:
        names = {str(value): f"{{{name}}}" for name, value in scope.get("path_params", {}).items()}
        return "/".join(names.get(segment, segment) for segment in scope["path"].split("/"))
    if scope.get("root_path"):
        return scope["root_path"] + "/*"  # a mount: static files
    return "(unmatched)"
