"""Train the bundled Danish NER model (``models/da_referater_ner``) on the DaN+ news layer.

Why: the project's default NER backend (``bundled``, see ``pipeline/ner/backends.py``) must work
offline, without DaCy or a download. spaCy's ``da_core_news_sm`` is not bundled and scores 72.3
F1; this trains a small CNN pipeline (tok2vec + ner, no word vectors) from the committed config
``models/ner.cfg`` that we can ship in the repository.

How:

1. The DaN+ TSV files (``TOKEN<TAB>LEVEL1<TAB>LEVEL2``, IOB2, blank line between sentences) are
   read; only LEVEL1 is used, and the ``*part`` / ``*deriv`` subtypes (``B-ORGpart``,
   ``I-LOCderiv``, ...) become ``O`` because they are not entities for us (``--aux-labels``
   trains them as labels DERIV and PART instead, which the model's last component drops; tried,
   within dev noise, not used for the shipped model). Each sentence becomes
   one gold ``Doc`` (gold tokenisation) written to ``build/ner/*.spacy`` (ignored by git).
2. ``spacy.cli.train.train`` runs the config on one CPU thread with the config's fixed seed.
   Two modes:

   * ``--tune``: train on ``train`` only, evaluate on ``dev``, early stopping on ``dev`` (the
     config's ``patience``), keep ``model-best``. This is how the settings in ``models/ner.cfg``
     (widths, hash rows, dropout, epoch count) were chosen.
   * default (final): train on ``train`` + ``dev`` for the config's ``max_epochs`` (chosen in the
     tune run) with early stopping off, and keep ``model-last``: ``dev`` is part of the training
     data then, so it can no longer pick a "best" checkpoint. ``dev`` is still scored in the log.

   The test split is never used here; ``benchmarks/ner_danplus.py`` reports on it.
3. The chosen checkpoint is loaded, given the meta name ``referater_ner`` and licence
   information, and written with ``nlp.to_disk`` to ``--output`` (default
   ``models/da_referater_ner``). A ``README.md`` model card already in that folder is kept.

Usage::

    python -m pipeline.train [--data-dir DIR] [--output models/da_referater_ner] [--epochs N] [--tune]
                             [--config FILE] [--build-dir DIR] [--aux-labels]

No internet access is needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Iterator, Sequence

# One thread: the training machine is shared. Must be set before numpy/thinc are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = Path("/work/shared/ner/danplus")
DEFAULT_CONFIG = REPO_ROOT / "models" / "ner.cfg"
DEFAULT_OUTPUT = REPO_ROOT / "models" / "da_referater_ner"
BUILD_DIR = REPO_ROOT / "build" / "ner"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
MODEL_NAME = "referater_ner"
MODEL_VERSION = "1.0.0"
KEEP_FILES = ("README.md",)
DEFAULT_AUGMENT = 0  # tried with 1 and 2 copies: dev F1 73.3 and 72.9 against 74.0 without

Sentence = tuple[list[str], list[str]]


def map_tag(tag: str, aux_labels: bool = False) -> str:
    """Map a DaN+ LEVEL1 tag to IOB2 over PER/ORG/LOC/MISC; ``*part``/``*deriv`` and unknown become O.

    With ``aux_labels``, ``*deriv`` becomes ``DERIV`` and ``*part`` becomes ``PART`` instead of O
    (training only: see ``AUX_LABELS``)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if prefix not in ("B", "I"):
        return "O"
    if label in ENTITY_TYPES:
        return f"{prefix}-{label}"
    if aux_labels:
        for suffix, aux in (("deriv", "DERIV"), ("part", "PART")):
            if label.endswith(suffix) and label[: -len(suffix)] in ENTITY_TYPES:
                return f"{prefix}-{aux}"
    return "O"


def read_danplus(path: Path, aux_labels: bool = False) -> Iterator[Sentence]:
    """Yield ``(words, iob_tags)`` per sentence from a DaN+ TSV file (LEVEL1 column only)."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line_no, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield words, tags
                    words, tags = [], []
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                raise ValueError(f"{path}:{line_no}: expected TOKEN<TAB>LEVEL1[<TAB>LEVEL2], got {line!r}")
            words.append(cols[0])
            tags.append(map_tag(cols[1].strip(), aux_labels))
    if words:
        yield words, tags


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from IOB2 tags; a stray ``I-X`` starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, typ = tag.partition("-")
        continues = prefix == "I" and start is not None and typ == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start = None
        if prefix == "B" or (prefix == "I" and not continues):
            start, label = i, typ
    return spans


def sentences_to_docbin(sentences: Sequence[Sentence], out_path: Path) -> int:
    """Write gold Docs (one per sentence, gold tokens, entities set) to a DocBin; return the count."""
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("da")
    doc_bin = DocBin(store_user_data=False)
    for words, tags in sentences:
        # No `spaces`: spaCy then treats the tokenisation as gold and trains on these tokens.
        doc = Doc(nlp.vocab, words=words)
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab) for s, e, lab in iob_spans(tags)]
        doc_bin.add(doc)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    doc_bin.to_disk(out_path)
    return len(sentences)


def augment_names(sentences: Sequence[Sentence], copies: int, seed: int = 0) -> list[Sentence]:
    """Copies of the sentences that name a person or a place, each such name swapped for one
    drawn from the shipped lists (names by frequency, places uniformly).

    80,000 words of news name a few hundred people; the model should learn that a name is a
    name from its context and form, not memorise these few. Only PER and single-word LOC spans
    are swapped: the lists say nothing about organisations or events.
    """
    import random

    from .ner.lexicon import default_lists
    from . import gazetteer

    rng = random.Random(seed)
    rows = gazetteer._read_csv("dacy_names.csv")
    firsts = [(r["name"], float(r["count"] or 1)) for r in rows if r["first_name"] == "True"]
    lasts = [(r["name"], float(r["count"] or 1)) for r in rows if r["first_name"] != "True"]
    places = default_lists()["place"]

    def draw(pool: list[tuple[str, float]]) -> str:
        return rng.choices([n for n, _ in pool], weights=[c for _, c in pool])[0]

    def person(length: int) -> list[str]:
        if length == 1:
            return [draw(firsts) if rng.random() < 0.5 else draw(lasts)]
        return [draw(firsts) for _ in range(length - 1)] + [draw(lasts)]

    out: list[Sentence] = []
    for words, tags in sentences:
        spans = [sp for sp in iob_spans(tags) if sp[2] == "PER" or (sp[2] == "LOC" and sp[1] - sp[0] == 1)]
        if not spans:
            continue
        for _ in range(copies):
            new_words, new_tags, cursor = [], [], 0
            for start, end, label in spans:
                new_words += words[cursor:start]
                new_tags += tags[cursor:start]
                swapped = person(end - start) if label == "PER" else [rng.choice(places)]
                new_words += swapped
                new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(swapped) - 1)
                cursor = end
            out.append((new_words + words[cursor:], new_tags + tags[cursor:]))
    return out


def convert(data_dir: Path, build_dir: Path = BUILD_DIR, augment: int = 0, aux_labels: bool = False) -> dict[str, Path]:
    """Convert ``da_news_{train,dev}.tsv`` to ``train``, ``dev`` and ``train_dev`` DocBins."""
    splits: dict[str, list[Sentence]] = {}
    for split in ("train", "dev"):
        path = data_dir / f"da_news_{split}.tsv"
        if not path.exists():
            raise FileNotFoundError(f"DaN+ file not found: {path}")
        splits[split] = list(read_danplus(path, aux_labels))
    out = {
        "train": build_dir / "train.spacy",
        "dev": build_dir / "dev.spacy",
        "train_dev": build_dir / "train_dev.spacy",
    }
    extra_train = augment_names(splits["train"], augment, seed=1) if augment else []
    extra_dev = augment_names(splits["dev"], augment, seed=2) if augment else []
    sentences_to_docbin(splits["train"] + extra_train, out["train"])
    sentences_to_docbin(splits["dev"], out["dev"])
    sentences_to_docbin(splits["train"] + splits["dev"] + extra_train + extra_dev, out["train_dev"])
    if augment:
        print(f"[train] augmentation: {len(extra_train) + len(extra_dev)} sentences with swapped names added")
    for split, sents in splits.items():
        n_ents = sum(len(iob_spans(tags)) for _, tags in sents)
        print(f"[train] {split}: {len(sents)} sentences, {sum(len(w) for w, _ in sents)} tokens, {n_ents} entities")
    return out


def finalise(checkpoint: Path, output: Path, tune: bool) -> None:
    """Load the checkpoint, set meta, and write it to ``output`` (keeping an existing model card)."""
    import spacy

    from .ner.aux_labels import AUX_LABELS

    nlp = spacy.load(checkpoint)
    aux = [label for label in nlp.get_pipe("ner").labels if label in AUX_LABELS]
    if aux:
        nlp.add_pipe("referater_drop_labels", config={"labels": aux})
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Danish NER (PER, ORG, LOC, MISC), CNN without word vectors, trained on the "
            "DaN+ news layer (level 1) of the Danish Dependency Treebank"
            + (" (train split only, tune run)" if tune else " (train + dev splits)"),
            "license": "CC BY-SA 4.0",
            "author": "referater project",
            "sources": [
                {"name": "DaN+ (Plank et al., 2020), news layer", "url": "https://github.com/bplank/DaNplus",
                 "license": "MIT (annotations)"},
                {"name": "UD Danish-DDT", "url": "https://github.com/UniversalDependencies/UD_Danish-DDT",
                 "license": "CC BY-SA 4.0 (text)"},
                {"name": "wordfreq 3.1.1 Danish word list (frequency-band features)",
                 "url": "https://github.com/rspeer/wordfreq", "license": "CC BY-SA 4.0 (data)"},
                {"name": "DaCy name table (name-list features)", "url": "https://github.com/centre-for-humanities-computing/DaCy",
                 "license": "Apache-2.0"},
                {"name": "Unicode CLDR via Babel 2.18.0 (place-list features)", "url": "https://cldr.unicode.org",
                 "license": "Unicode License v3"},
            ],
        }
    )
    if not tune:
        # spaCy stores the dev scores of the checkpoint here; dev was training data in the final
        # run, so they would be meaningless. Test-split scores are in the model card README.md.
        nlp.meta.pop("performance", None)
    tmp = output.parent / f".{output.name}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if output.exists():
        for name in KEEP_FILES:
            if (output / name).exists():
                shutil.copy2(output / name, tmp / name)
        shutil.rmtree(output)
    tmp.rename(output)


def train(data_dir: Path, output: Path, config: Path, epochs: int | None, tune: bool, augment: int = 0,
          build_dir: Path = BUILD_DIR, aux_labels: bool = False) -> Path:
    """Convert the data, train with spaCy, and write the chosen checkpoint to ``output``."""
    from spacy.cli.train import train as spacy_train

    from .ner import lexicon  # noqa: F401  (registers the factory that models/ner.cfg names)

    paths = convert(data_dir, build_dir, augment=augment, aux_labels=aux_labels)
    run_dir = build_dir / ("run-tune" if tune else "run-final")
    if run_dir.exists():
        shutil.rmtree(run_dir)
    overrides: dict[str, object] = {
        "paths.train": str(paths["train"] if tune else paths["train_dev"]),
        "paths.dev": str(paths["dev"]),
    }
    if epochs is not None:
        overrides["training.max_epochs"] = epochs
    if not tune:
        overrides["training.patience"] = 0  # dev is in the training data: no early stopping
    started = time.monotonic()
    spacy_train(config, run_dir, use_gpu=-1, overrides=overrides)
    minutes = (time.monotonic() - started) / 60
    checkpoint = run_dir / ("model-best" if tune else "model-last")
    finalise(checkpoint, output, tune)
    print(f"[train] training took {minutes:.1f} min; wrote {checkpoint.name} to {output}")
    return output


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="folder with da_news_{train,dev}.tsv")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the trained pipeline goes")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="spaCy training config")
    parser.add_argument("--epochs", type=int, default=None, help="override training.max_epochs")
    parser.add_argument("--tune", action="store_true",
                        help="train on train only with early stopping on dev and keep model-best "
                             "(default: train on train+dev for max_epochs and keep model-last)")
    parser.add_argument("--augment", type=int, default=DEFAULT_AUGMENT, metavar="N",
                        help="add N copies of each training sentence that names a person or place, with the "
                             f"names swapped for names from the shipped lists (default {DEFAULT_AUGMENT}; 0: none)")
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR,
                        help=f"scratch folder for the converted data and checkpoints (default {BUILD_DIR.relative_to(REPO_ROOT)}); "
                             "give each concurrent run its own")
    parser.add_argument("--aux-labels", action="store_true",
                        help="train DaN+'s *deriv and *part tags as labels DERIV and PART (dropped again by the model's "
                             "last component) instead of O")
    args = parser.parse_args(argv)
    train(args.data_dir, args.output, args.config, args.epochs, args.tune, args.augment, args.build_dir, args.aux_labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
