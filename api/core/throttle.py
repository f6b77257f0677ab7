"""Sliding-window counts for throttles (failed sign-ins, filings), shared through Redis when configured.

Every API process must see the same counts, or a lock-out could be dodged by landing on another
replica: with REDIS_URL set, the events live in Redis sorted sets that all processes write. Without
it (development, one process) they live in this process. Keys are hashed with the secret key so that
Redis never holds a member of staff's name or a referrer's address in clear.

If Redis cannot be reached the count falls back to this process's own window and a warning is
logged: throttling degrades to per-process instead of failing closed (locking every member of staff
out) or failing open (no limit at all).
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
import uuid
from collections import defaultdict, deque
from functools import lru_cache
from typing import Protocol

import redis
import structlog

from api.core.config import get_settings

log = structlog.get_logger("api.throttle")


class Window(Protocol):
    def hit(self, key: str, seconds: float) -> int:
        """Record one event now; the number of events within the last `seconds`, this one included."""

    def count(self, key: str, seconds: float) -> int:
        """The number of events within the last `seconds`."""

    def clear(self, key: str) -> None:
        """Forget every event under this key."""


class MemoryWindow:
    def __init__(self) -> None:
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key: str, seconds: float) -> int:
        with self._lock:
            self._events[key].append(time.time())
            return self._trim(key, seconds)

    def count(self, key: str, seconds: float) -> int:
        with self._lock:
            return self._trim(key, seconds)

    def clear(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)

    def reset(self) -> None:
        with self._lock:
            self._events.clear()

    def _trim(self, key: str, seconds: float) -> int:
        events = self._events[key]
        while events and events[0] <= time.time() - seconds:
            events.popleft()
        if not events:
            del self._events[key]
        return len(events)


class RedisWindow:
    def __init__(self, url: str, fallback: MemoryWindow) -> None:
        # Short timeouts: a throttle check must never hold a referral or a sign-in up for long.
        self._redis = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._fallback = fallback

    def hit(self, key: str, seconds: float) -> int:
        now = time.time()
        try:
            pipe = self._redis.pipeline(transaction=True)
            pipe.zremrangebyscore(key, 0, now - seconds)
            pipe.zadd(key, {f"{now}:{uuid.uuid4().hex}": now})
            pipe.zcard(key)
            pipe.expire(key, int(seconds) + 1)
            return int(pipe.execute()[2])
        except redis.RedisError as error:
            log.warning("throttle.redis_unavailable", error=type(error).__name__)
            return self._fallback.hit(key, seconds)

    def count(self, key: str, seconds: float) -> int:
        try:
            return int(self._redis.zcount(key, time.time() - seconds, "+inf"))
        except redis.RedisError as error:
            log.warning("throttle.redis_unavailable", error=type(error).__name__)
            return self._fallback.count(key, seconds)

    def clear(self, key: str) -> None:
        try:
            self._redis.delete(key)
        except redis.RedisError as error:
            log.warning("throttle.redis_unavailable", error=type(error).__name__)
        self._fallback.clear(key)

    def reset(self) -> None:
        self._fallback.reset()


def key(kind: str, value: str) -> str:
    """A Redis key for `value` that does not reveal it."""
    digest = hmac.new(get_settings().secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()
    return f"throttle:{kind}:{digest[:32]}"


@lru_cache
def window() -> MemoryWindow | RedisWindow:
    memory = MemoryWindow()
    url = get_settings().redis_url
    return RedisWindow(url, memory) if url else memory
