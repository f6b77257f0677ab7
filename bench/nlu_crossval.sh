#!/usr/bin/env bash
# NLU cross-validation of the bot's intent classifier; raw reports land in bot/results/nlu_crossval/.
# Usage: bench/nlu_crossval.sh [folds]   (3 folds take about 4 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../bot"
export RASA_TELEMETRY_ENABLED=false PYTHONPATH=.
out=results/nlu_crossval  # git-ignored: the figures worth keeping go in bench/nlu_crossval.md
mkdir -p "$out"
../.venv-rasa/bin/rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds "${1:-3}" \
  --out "$out" --no-plot
python3 - "$out/intent_report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for name, scores in sorted(report.items()):
    if isinstance(scores, dict) and "f1-score" in scores:
        print(f"{name:24} f1 {scores['f1-score']:.3f}  support {scores.get('support', '')}")
PY
