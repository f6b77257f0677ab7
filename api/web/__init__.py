"""The public and staff pages. Only the chat proxy exists so far: the Rasa server is never exposed."""

from api.web.chat import router

__all__ = ["router"]
