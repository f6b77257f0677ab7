"""The pages: the public chat and status pages, the MASH staff desk, and the chat proxy to Rasa."""

from pathlib import Path

from fastapi import APIRouter

from api.web import chat, desk, pages

STATIC = Path(__file__).resolve().parent / "static"

router = APIRouter()
router.include_router(chat.router)
router.include_router(pages.router)
router.include_router(desk.router)

__all__ = ["STATIC", "router"]
