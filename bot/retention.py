"""Deletes conversations from Rasa's SQL tracker store once they have been idle for the retention period.

Conversations hold disclosures about children, so they are kept only as long as someone might come
back to one: a conversation goes when its *last* event is older than the retention, whole, never
event by event (a half-deleted conversation would replay wrongly). Referrals do not depend on it:
what was filed lives in the API's database.

    .venv-rasa/bin/python -m bot.retention [--days 30] [--dry-run]

The database is the one in endpoints.production.yml, from the same environment variables
(RASA_DB_HOST, RASA_DB_PORT, RASA_DB_NAME, RASA_DB_USER, RASA_DB_PASSWORD), or RASA_TRACKER_URL
as one SQLAlchemy URL. Production runs it daily (docker/compose.yml, service `conversation-retention`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from urllib.parse import quote

from sqlalchemy import create_engine, text

DEFAULT_DAYS = 30

# Rasa's SQLTrackerStore keeps one row per event in `events`, with the conversation's sender_id and
# the event's time as seconds since the epoch.
IDLE_CONVERSATIONS = text(
    "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
)  # fmt: skip
# Checked again as it deletes: someone may have come back to the conversation since it was listed.
DELETE_IF_STILL_IDLE = text(
    "DELETE FROM events WHERE sender_id = :sender_id"
    " AND (SELECT MAX(timestamp) FROM events WHERE sender_id = :sender_id) < :cutoff"
)


def tracker_url(environ: dict[str, str]) -> str:
    if environ.get("RASA_TRACKER_URL"):
        return environ["RASA_TRACKER_URL"]
    missing = [name for name in ("RASA_DB_HOST", "RASA_DB_NAME", "RASA_DB_USER") if not environ.get(name)]
    if missing:
        raise ValueError(f"set RASA_TRACKER_URL, or {', '.join(missing)} (as for endpoints.production.yml)")
    password = quote(environ.get("RASA_DB_PASSWORD", ""), safe="")
    return (
        f"postgresql://{quote(environ['RASA_DB_USER'], safe='')}:{password}@{environ['RASA_DB_HOST']}:"
        f"{environ.get('RASA_DB_PORT', '5432')}/{environ['RASA_DB_NAME']}"
    )


def purge(url: str, days: float, *, now: float | None = None, dry_run: bool = False) -> int:
    """Delete every conversation idle for more than `days`; the number of conversations deleted."""
    if days <= 0:
        raise ValueError(f"the retention must be a positive number of days, not {days}")
    cutoff = (time.time() if now is None else now) - days * 86400
    engine = create_engine(url)
    try:
        # One transaction per conversation: a purge stopped half-way leaves whole conversations only.
        with engine.connect() as connection:
            idle = [row.sender_id for row in connection.execute(IDLE_CONVERSATIONS, {"cutoff": cutoff})]
        if not dry_run:
            deleted = 0
            for sender_id in idle:
                with engine.begin() as connection:
                    result = connection.execute(DELETE_IF_STILL_IDLE, {"sender_id": sender_id, "cutoff": cutoff})
                    deleted += result.rowcount > 0
            return deleted
        return len(idle)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--days", type=float, default=float(os.environ.get("CONVERSATION_RETENTION_DAYS", DEFAULT_DAYS))
    )
    parser.add_argument("--dry-run", action="store_true", help="count what would go, delete nothing")
    args = parser.parse_args(argv)
    try:
        count = purge(tracker_url(dict(os.environ)), args.days, dry_run=args.dry_run)
    except ValueError as error:
        print(f"retention: {error}", file=sys.stderr)
        return 2
    # Counts only: sender ids are conversation identifiers and stay out of the logs.
    print(
        f"retention: {'would delete' if args.dry_run else 'deleted'} {count} conversation(s) idle > {args.days:g} days"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
