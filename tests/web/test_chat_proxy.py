"""The chat proxy against a real stand-in HTTP server speaking Rasa's REST webhook format."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import web


class EchoRasa(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the stdlib's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        payload = json.dumps([{"recipient_id": body["sender"], "text": "heard: " + body["message"]}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def client() -> TestClient:
    app = FastAPI()
    app.include_router(web.router)
    return TestClient(app)


def test_messages_go_through_to_rasa_and_back(monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), EchoRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{server.server_port}")
    try:
        answer = client().post("/chat/message", json={"sender": "s1", "message": "I am worried"}).json()
    finally:
        server.shutdown()
    assert answer["available"] is True
    assert answer["messages"] == [{"recipient_id": "s1", "text": "heard: I am worried"}]


def test_unreachable_rasa_gives_the_phone_numbers(monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), EchoRasa)
    port = server.server_port
    server.server_close()  # a port nothing listens on
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{port}")
    answer = client().post("/chat/message", json={"sender": "s1", "message": "hello"}).json()
    assert answer["available"] is False
    assert {"999", "0808 800 5000", "0800 1111"} <= {c["phone"] for c in answer["contacts"]}
