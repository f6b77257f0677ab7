"""The FastAPI application. Run with `uvicorn api.main:app` from the repository root."""

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.routes import assessments, health

app = FastAPI(
    title="Safeguarding front door",
    version="0.1.0",
    description="Threshold advice from the local threshold document, and referrals to the front door.",
)
app.include_router(health.router)
app.include_router(assessments.router, prefix="/api/v1")


@app.exception_handler(RequestValidationError)
async def name_each_field(_request: Request, error: RequestValidationError) -> JSONResponse:
    """422 with one line per field, and never the submitted values: they may hold a disclosure."""
    problems = [
        {"field": ".".join(str(part) for part in item["loc"] if part != "body"), "message": item["msg"]}
        for item in error.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": problems})
