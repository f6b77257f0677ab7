# The action server: a thin client of the API, in the Rasa environment (rasa-sdk 3.6).
FROM python:3.10.13-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# A fixed numeric id, so an orchestrator can check runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 actions && useradd --system --uid 10001 --gid actions --home /srv actions
WORKDIR /srv
COPY requirements/rasa.lock requirements/rasa.lock
RUN pip install --no-deps -r requirements/rasa.lock
COPY actions actions
USER 10001:10001
EXPOSE 5055
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5055/health', timeout=2)"]
CMD ["python", "-m", "rasa_sdk", "--actions", "actions", "--port", "5055"]
