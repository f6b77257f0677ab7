"""A cap on request bodies, enforced by the app itself because uvicorn may face clients directly.

Counted on the bytes actually received, not only on Content-Length (a chunked upload has none), and
checked before the route runs, so an oversized referral is refused whole and nothing is half-stored.
"""

from fastapi import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refusal(self) -> JSONResponse:
        return JSONResponse(
            status_code=413,
            content={"detail": [{"field": "body", "message": f"the body is larger than {self.max_bytes} bytes"}]},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refusal()(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException passes through FastAPI's body parsing unchanged, before any route runs.
                    raise HTTPException(
                        413, detail=[{"field": "body", "message": f"the body is larger than {self.max_bytes} bytes"}]
                    )
            return message

        await self.app(scope, counting_receive, send)
