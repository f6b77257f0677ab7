# The API and pages (FastAPI, Python 3.11), with the knowledge package it serves.
FROM python:3.11.7-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# A fixed numeric id, so an orchestrator can check runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home /srv app
WORKDIR /srv
COPY requirements/app.lock requirements/app.lock
RUN pip install --no-deps -r requirements/app.lock
COPY knowledge knowledge
COPY api api
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers", "--no-access-log"]
