"""Administration from the command line.

python -m api.cli create-staff NAME ROLE    # password read from the STAFF_PASSWORD environment variable
python -m api.cli verify-audit               # walks the audit trail's hash chain; exit 1 if broken
"""

from __future__ import annotations

import argparse
import os
import sys

from sqlmodel import Session

from api.core import migrations
from api.core.config import get_settings
from api.core.db import get_engine
from api.core.security import hash_password
from api.models import StaffUser
from api.services import audit, notifications


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-staff")
    create.add_argument("username")
    create.add_argument("role", choices=["mash_practitioner", "mash_manager", "admin"])
    commands.add_parser("verify-audit")
    commands.add_parser("deliver-outbox")
    args = parser.parse_args(argv)
    engine = get_engine()
    migrations.upgrade(engine)
    with Session(engine) as session:
        if args.command == "create-staff":
            password = os.environ.get("STAFF_PASSWORD", "")
            if len(password) < 12:
                print("set STAFF_PASSWORD to a password of at least 12 characters", file=sys.stderr)
                return 2
            session.add(StaffUser(username=args.username, password_hash=hash_password(password), role=args.role))
            audit.record(
                session, actor="cli", action="staff.created", referral_id=None, detail={"username": args.username}
            )
            session.commit()
            print(f"created {args.username} ({args.role})")
            return 0
        if args.command == "deliver-outbox":
            print(f"sent {notifications.deliver_pending(session, get_settings())} messages")
            return 0
        intact, rows, problem = audit.verify(session)
        print(f"audit chain {'intact' if intact else 'BROKEN'}: {rows} rows checked {problem}".rstrip())
        return 0 if intact else 1


if __name__ == "__main__":
    sys.exit(main())
