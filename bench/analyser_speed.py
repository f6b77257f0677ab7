"""Narratives of about 100 words analysed per second on one core, and the pipeline's load time.

    .venv/bin/python bench/analyser_speed.py [document-id] [--seconds N]

The narratives are the public vignettes' own, joined or cut to about 100 words each, and given
different openings so no two texts are the same (the normaliser caches per word, not per text).
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.analyser import Analyser  # noqa: E402
from knowledge.analyser.catalogue import read_indicators  # noqa: E402
from knowledge.analyser.corpus import dev_examples  # noqa: E402
from knowledge.analyser.pipeline import build_nlp  # noqa: E402

VIGNETTES = Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "public.yaml"
WORDS = 100


def narratives(count: int) -> list[str]:
    cases = yaml.safe_load(VIGNETTES.read_text())
    words = " ".join(case["narrative"] for case in cases).split()
    rng = random.Random(7)
    texts = []
    for n in range(count):
        start = rng.randrange(0, max(1, len(words) - WORDS))
        texts.append(f"Report {n}: " + " ".join(words[start : start + WORDS]))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("document", nargs="?", default="england")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    start = time.perf_counter()
    build_nlp()
    pipeline_load = time.perf_counter() - start
    indicators = read_indicators(args.document)
    start = time.perf_counter()
    analyser = Analyser(indicators, examples=dev_examples())
    matcher_build = time.perf_counter() - start
    patterns = sum(len(i.words) for i in indicators)

    texts = narratives(2000)
    for text in texts[:50]:  # warm the word caches as a running service would be
        analyser.analyse(text)
    done, words, per_text = 0, 0, []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        text = texts[done % len(texts)]
        t0 = time.perf_counter()
        analyser.analyse(text)
        per_text.append(time.perf_counter() - t0)
        done += 1
        words += len(text.split())
    elapsed = sum(per_text)
    print(f"document {args.document}: {len(indicators)} indicators, {patterns} phrases")
    print(f"pipeline load (blank en + lookup lemmatizer + sentencizer): {pipeline_load * 1000:.0f} ms")
    print(f"matcher build from the catalogue: {matcher_build * 1000:.0f} ms")
    print(f"narratives analysed: {done} of {words / done:.0f} words on average")
    print(f"throughput: {done / elapsed:.0f} narratives/s on one core (goal >= 500)")
    print(
        f"latency: median {statistics.median(per_text) * 1000:.2f} ms, p99 {sorted(per_text)[int(len(per_text) * 0.99)] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
