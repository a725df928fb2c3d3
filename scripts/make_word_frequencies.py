"""Write ``pipeline/resources/wordfreq_da.tsv``: Danish words and how common they are.

Source: the Danish word list of the PyPI package ``wordfreq`` 3.1.1 (data CC BY-SA 4.0, by
Robyn Speer; built from Wikipedia, subtitles, news, books, web text, Twitter and Reddit). Each
line is ``word<TAB>zipf`` (Zipf frequency: log10 of occurrences per billion words, one
decimal). The bundled NER model uses the frequency band of a word as a feature
(``pipeline/ner/lexicon.py``); wordfreq itself is only needed to regenerate this file:

    pip install wordfreq==3.1.1 && python scripts/make_word_frequencies.py
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "resources" / "wordfreq_da.tsv"


def main() -> None:
    frequencies = wordfreq.get_frequency_dict("da", wordlist="small")
    rows = []
    for word in sorted(frequencies, key=lambda w: (-frequencies[w], w)):
        if not any(ch.isalpha() for ch in word) or "\t" in word:
            continue
        rows.append(f"{word}\t{wordfreq.zipf_frequency(word, 'da', wordlist='small'):.1f}")
    header = "# Danish word frequencies from wordfreq 3.1.1 (CC BY-SA 4.0); see scripts/make_word_frequencies.py\n"
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
