"""A small TCP load balancer for the loopback production shape: what nginx does in docker/proxy.

    .venv/bin/python scripts/balancer.py LISTEN_PORT UPSTREAM_PORT [UPSTREAM_PORT ...]

Each new connection goes to the next upstream in turn; an upstream that refuses the connection (a
replica that died) is skipped for that connection, as nginx's proxy_next_upstream does on error.
Balancing is per connection, so a client that keeps one connection alive stays on one replica.
"""

from __future__ import annotations

import asyncio
import itertools
import sys


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def serve(listen: int, upstreams: list[int]) -> None:
    turn = itertools.cycle(range(len(upstreams)))

    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        first = next(turn)
        for port in upstreams[first:] + upstreams[:first]:
            try:
                upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                continue
        else:
            client_writer.close()  # every replica is down: the client sees the connection drop
            return
        await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    asyncio.run(serve(int(sys.argv[1]), [int(port) for port in sys.argv[2:]]))
