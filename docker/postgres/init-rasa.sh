#!/bin/sh
# Runs once, on the first start of an empty data volume (the postgres image's initdb hook): a role and a
# database for Rasa's tracker store, so the Rasa servers never hold credentials for the referrals.
set -eu
: "${RASA_DB_PASSWORD:?set RASA_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set=password="$RASA_DB_PASSWORD" <<'SQL'
CREATE ROLE rasa LOGIN PASSWORD :'password';
CREATE DATABASE rasa OWNER rasa;
REVOKE ALL ON DATABASE safeguarding FROM PUBLIC;
SQL
