"""Benchmark the bundled NER model on a DaN+ news split (exact-span P/R/F1 per type and micro).

Gold tokens are used (each sentence becomes ``Doc(words=...)``), so tokenisation never costs
points; ``*part``/``*deriv`` subtypes are mapped to O exactly as in ``pipeline/train.py``.

Usage::

    python benchmarks/ner_danplus.py --data /work/shared/ner/danplus/da_news_test.tsv [--model models/da_referater_ner]

The last line printed is ``micro F1: 0.xxx``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from pipeline.train import ENTITY_TYPES, iob_spans, read_danplus  # noqa: E402

Span = tuple[int, int, int, str]  # sentence index, start token, end token, label


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="DaN+ TSV file (e.g. da_news_test.tsv)")
    parser.add_argument("--model", type=Path, default=REPO_ROOT / "models" / "da_referater_ner")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    import spacy
    from spacy.tokens import Doc

    import pipeline.ner.lexicon  # noqa: F401  (the factory the bundled model's config names)

    nlp = spacy.load(args.model)
    sentences = list(read_danplus(args.data))
    docs = [Doc(nlp.vocab, words=words) for words, _ in sentences]
    n_words = sum(len(d) for d in docs)

    started = time.perf_counter()
    predicted = list(nlp.pipe(docs, batch_size=args.batch_size))
    seconds = time.perf_counter() - started

    gold: set[Span] = {(i, s, e, lab) for i, (_, tags) in enumerate(sentences) for s, e, lab in iob_spans(tags)}
    pred: set[Span] = {(i, ent.start, ent.end, ent.label_) for i, doc in enumerate(predicted) for ent in doc.ents}
    tp = Counter(lab for *_, lab in gold & pred)
    n_gold = Counter(lab for *_, lab in gold)
    n_pred = Counter(lab for *_, lab in pred)

    print(f"model: {args.model} ({nlp.meta.get('name')} {nlp.meta.get('version')}), data: {args.data}")
    print(f"{len(docs)} sentences, {n_words} words; NER speed: {n_words / seconds:,.0f} words/s "
          f"({seconds:.2f} s, pipeline {nlp.pipe_names})")
    print(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    labels = list(ENTITY_TYPES) + sorted(set(n_pred) - set(ENTITY_TYPES))
    for lab in labels:
        p, r, f = prf(tp[lab], n_pred[lab], n_gold[lab])
        print(f"{lab:<6} {p:6.3f} {r:6.3f} {f:6.3f} {n_gold[lab]:5d} {n_pred[lab]:5d}")
    p, r, f = prf(sum(tp.values()), len(pred), len(gold))
    print(f"{'micro':<6} {p:6.3f} {r:6.3f} {f:6.3f} {len(gold):5d} {len(pred):5d}")
    print(f"micro F1: {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
