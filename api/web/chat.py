"""POST /chat/message: forwards {sender, message} to Rasa's REST channel so the browser never reaches Rasa."""

import os

import httpx
from fastapi import APIRouter
from pydantic import BaseModel, Field

router = APIRouter()

# Shown whenever the bot cannot answer, so a worried person is never left without a way to act.
FALLBACK_CONTACTS = [
    {"name": "Emergency: police or ambulance", "phone": "999"},
    {"name": "NSPCC helpline", "phone": "0808 800 5000"},
    {"name": "Childline", "phone": "0800 1111"},
]


class ChatMessage(BaseModel):
    sender: str = Field(min_length=1, max_length=64)
    message: str = Field(min_length=1, max_length=5000)


def rasa_url() -> str:
    return os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/")


@router.post("/chat/message")
async def chat_message(body: ChatMessage) -> dict:
    try:
        async with httpx.AsyncClient(timeout=30.0) as client:
            reply = await client.post(f"{rasa_url()}/webhooks/rest/webhook", json=body.model_dump())
            reply.raise_for_status()
            return {"available": True, "messages": reply.json()}
    except (httpx.HTTPError, ValueError):
        # The message text is never logged: it may hold a disclosure.
        return {"available": False, "messages": [], "contacts": FALLBACK_CONTACTS}
