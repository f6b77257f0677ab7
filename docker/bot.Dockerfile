# The Rasa server (Rasa Open Source 3.6 needs Python 3.10). The model is trained at build time so a
# replica starts serving at once and every replica serves the same model.
FROM python:3.10.13-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 RASA_TELEMETRY_ENABLED=false
# A fixed numeric id, so an orchestrator can check runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 rasa && useradd --system --uid 10001 --gid rasa --home /srv rasa
WORKDIR /srv
COPY requirements/rasa.lock requirements/rasa.lock
RUN pip install --no-deps -r requirements/rasa.lock
COPY bot bot
WORKDIR /srv/bot
RUN python -m rasa train --domain domain --data data --config config.yml --out models --fixed-model-name bot \
  && chown -R rasa:rasa /srv
COPY docker/rasa/endpoints.yml endpoints.production.yml
USER 10001:10001
EXPOSE 5005
HEALTHCHECK --interval=15s --timeout=3s --retries=5 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5005/', timeout=2)"]
CMD ["python", "-m", "rasa", "run", "--model", "models/bot.tar.gz", "--endpoints", "endpoints.production.yml", \
     "--credentials", "credentials.yml", "--port", "5005"]
