"""Rebuild classspec's occupation data (src/classspec/occupations/data/) from the public
reference files in ../shared/reference/ (BLS SOC 2018, Census 2022 index, O*NET, OEWS).

    python scripts/build_occupations.py [--reference DIR]

Needs scikit-learn (the occupations-build extra). Deterministic: the same reference files
give byte-identical data files. The reranker's weights and title lookups are fitted on
this index: run scripts/train_soc_reranker.py after it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import lzma
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from classspec.occupations.store import (  # noqa: E402
    DATA,
    INDEX_ARRAYS,
    INDEX_JSON,
    SOURCES,
    WAGE_COLUMNS,
    WAGE_INDUSTRIES,
    WAGE_OCCUPATIONS,
    WAGES,
)
from classspec.occupations.text import text_terms, title_terms  # noqa: E402

DETAILED = re.compile(r"^\d\d-\d{3}[1-9]$")
# Census industry codes of public administration (9370-9590): a title restricted to them
# is a government title like one tagged #LGOV.
PUBLIC_ADMINISTRATION = range(9370, 9600)
# OEWS state and local government ownerships, schools and hospitals included.
GOVERNMENT_SHARE_INDUSTRIES = ("999201", "999301")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def soc_codes(reference: Path) -> tuple[dict[str, str], dict[str, str]]:
    titles, definitions = {}, {}
    for row in read_tsv(reference / "occupations" / "soc_2018_definitions.tsv"):
        if row["SOC Group"] == "Detailed":
            titles[row["SOC Code"]] = row["SOC Title"].strip()
            definitions[row["SOC Code"]] = (row["SOC Definition"] or "").strip()
    return titles, definitions


def expand(code: str, known: list[str]) -> list[str]:
    """Census writes broad groups as '13-2020' or '51-91XX': the detailed codes in them."""
    code = code.strip()
    if code in known:
        return [code]
    pattern = re.compile("^" + code.replace("X", r"\d").rstrip("0") + r"\d*$") if code else None
    found = [k for k in known if pattern and pattern.match(k)] if code.endswith(("0", "X")) else []
    return found if 0 < len(found) <= 3 else []


def census_source(restriction: str) -> str:
    if "#LGOV" in restriction:
        return "census_government"
    numbers = [int(n) for n in re.findall(r"\d{4}", restriction)]
    if numbers and any(n in PUBLIC_ADMINISTRATION for n in numbers):
        return "census_government"
    return "census_industry" if restriction.strip() else "census"


def collect_titles(reference: Path, codes: dict[str, str]) -> list[tuple[str, str, str]]:
    """(title, code, source) for every title the reference files give an occupation."""
    occupations = reference / "occupations"
    known = sorted(codes)
    found: list[tuple[str, str, str]] = [(title, code, "soc") for code, title in codes.items()]
    for row in read_tsv(occupations / "soc_2018_direct_match_title_file.tsv"):
        found.append((row["2018 SOC Direct Match Title"], row["2018 SOC Code"], "soc_direct"))
    for row in read_tsv(occupations / "census-2022-occupation-index.tsv"):
        source = census_source(row["2022 Census Industry Code Restriction"] or "")
        for code in expand(row["2018 SOC Code"] or "", known):
            found.append((row["2022 Occupation Title"], code, source))
    for row in read_tsv(occupations / "onet-26.3-occupation-data.txt"):
        found.append((row["Title"], row["O*NET-SOC Code"][:7], "onet"))
    for row in read_tsv(occupations / "onet-30.0-alternate-titles.tsv"):
        found.append((row["Alternate Title"], row["O*NET-SOC Code"][:7], "onet_alternate"))
    for row in read_tsv(occupations / "onet-26.3-sample-of-reported-titles.txt"):
        found.append((row["Reported Job Title"], row["O*NET-SOC Code"][:7], "onet_reported"))
    best: dict[tuple[str, str], tuple[str, str, str]] = {}
    for title, code, source in found:
        title = re.sub(r"\s+", " ", title).strip()
        terms = " ".join(title_terms(title))
        if code not in codes or not terms:
            continue
        key = (terms, code)
        if key not in best or SOURCES.index(source) < SOURCES.index(best[key][2]):
            best[key] = (title, code, source)
    return sorted(best.values(), key=lambda t: (t[1], SOURCES.index(t[2]), t[0].lower(), t[0]))


def occupation_texts(reference: Path, codes: dict[str, str], definitions: dict[str, str]) -> list[str]:
    """One text per code: its titles, SOC definition, O*NET descriptions and task statements."""
    occupations = reference / "occupations"
    parts: dict[str, list[str]] = {code: [codes[code], codes[code], definitions[code]] for code in codes}
    for row in read_tsv(occupations / "onet-26.3-occupation-data.txt"):
        code = row["O*NET-SOC Code"][:7]
        if code in parts:
            parts[code] += [row["Title"], row["Description"]]
    for row in read_tsv(occupations / "onet-28.0-task-statements.tsv"):
        code = row["O*NET-SOC Code"][:7]
        if code in parts:
            parts[code].append(row["Task"])
    return [" ".join(parts[code]) for code in sorted(codes)]


def counts(analyzer, texts: list[str], vocabulary: dict[str, int]) -> dict[str, np.ndarray]:
    """Term -> (row, count) pairs, column-compressed: the matcher walks them term by term and
    computes the TF-IDF weights itself (store.py), so only counts are stored.
    Row numbers are stored as gaps from the previous row of the same term (they compress)."""
    rows, terms, values = [], [], []
    for row, text in enumerate(texts):
        found: dict[int, int] = defaultdict(int)
        for term in analyzer(text):
            if term in vocabulary:
                found[vocabulary[term]] += 1
        for term, count in found.items():
            rows.append(row)
            terms.append(term)
            values.append(count)
    order = np.lexsort((np.array(rows), np.array(terms)))
    rows_sorted = np.array(rows, dtype=np.int64)[order]
    terms_sorted = np.array(terms, dtype=np.int64)[order]
    indptr = np.searchsorted(terms_sorted, np.arange(len(vocabulary) + 1)).astype(np.int32)
    gaps = np.diff(rows_sorted, prepend=0)
    starts = indptr[:-1][np.diff(indptr) > 0]
    gaps[starts] = rows_sorted[starts]
    return {
        "indptr": indptr,
        "gaps": gaps.astype(np.int32),
        "counts": np.minimum(np.array(values)[order], 255).astype(np.uint8),
    }


def government_shares(reference: Path, code_list: list[str]) -> np.ndarray:
    """Per occupation: the share of its national employment that state and local
    governments (schools and hospitals included) employ, from OEWS. How often an
    occupation is a public-sector class at all: a city's 'Cook' is more likely an
    institution cook than a restaurant cook."""
    employment: dict[tuple[str, str], float] = {}
    industries = (*GOVERNMENT_SHARE_INDUSTRIES, "000000")
    with gzip.open(reference / "oews" / "oews-2025-wages.tsv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            national = row["area_code"] == "0000000" and row["industry_code"] in industries
            if national and row["employment"] not in ("", "-"):
                employment[(row["industry_code"], row["occ_code"])] = float(row["employment"])

    def share(code: str) -> float | None:
        total = employment.get(("000000", code))
        government = [employment.get((industry, code)) for industry in GOVERNMENT_SHARE_INDUSTRIES]
        if not total or all(g is None for g in government):
            return None
        return min(1.0, sum(g or 0.0 for g in government) / total)

    # Where OEWS publishes government figures only for the broad group, the group's share.
    shares = [share(code) for code in code_list]
    shares = [
        s if s is not None else share(code[:6] + "0") or 0.0
        for s, code in zip(shares, code_list, strict=True)
    ]
    return np.array(shares, dtype=np.float32)


def vocabulary_of(analyzer, texts: list[str], min_df: int) -> list[str]:
    """Terms in at least min_df texts, in sorted order (what scikit-learn's fit keeps)."""
    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=min_df)
    vectorizer.fit(texts)
    return sorted(vectorizer.vocabulary_)


def build_index(reference: Path) -> None:
    codes, definitions = soc_codes(reference)
    code_list = sorted(codes)
    titles = collect_titles(reference, codes)
    title_texts = [t for t, _, _ in titles]
    title_vocab = vocabulary_of(title_terms, title_texts, 1)
    texts = occupation_texts(reference, codes, definitions)
    # A term only one occupation's text uses tells nothing a title would not (min_df=2).
    text_vocab = vocabulary_of(text_terms, texts, 2)
    position = {code: i for i, code in enumerate(code_list)}
    arrays = {
        "government_share": government_shares(reference, code_list),
        "title_code": np.array([position[c] for _, c, _ in titles], dtype=np.int16),
        "title_source": np.array([SOURCES.index(s) for _, _, s in titles], dtype=np.int8),
    }
    title_ids = {t: i for i, t in enumerate(title_vocab)}
    text_ids = {t: i for i, t in enumerate(text_vocab)}
    arrays.update({f"title_{k}": v for k, v in counts(title_terms, title_texts, title_ids).items()})
    arrays.update({f"text_{k}": v for k, v in counts(text_terms, texts, text_ids).items()})
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    (DATA / INDEX_ARRAYS).write_bytes(buffer.getvalue())
    meta = {
        "codes": code_list,
        "code_titles": [codes[c] for c in code_list],
        "titles": title_texts,
        "title_vocabulary": title_vocab,
        "text_vocabulary": text_vocab,
    }
    write_gzip(DATA / INDEX_JSON, json.dumps(meta, ensure_ascii=False, separators=(",", ":")))
    print(
        f"{len(code_list)} occupations, {len(titles)} titles, {len(title_vocab)} title terms, "
        f"{len(text_vocab)} text terms"
    )


def write_gzip(path: Path, text: str) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(text.encode("utf-8"))


def build_wages(reference: Path) -> None:
    """OEWS figures classspec can use: detailed and broad occupations, cross-industry in every
    area, and the government ownerships (published nationally). Stored by column: annual
    figures and employment are published rounded to tens (kept as tens), the hourly mean in
    cents; 0 = not published."""
    oews = reference / "oews"
    areas = read_tsv(oews / "areas.tsv")
    lines = ["area_code\tarea_type\tstate_code\tarea_name"]
    lines += [f"{a['area_code']}\t{a['area_type']}\t{a['state_code']}\t{a['area_name']}" for a in areas]
    area_index = {a["area_code"]: i for i, a in enumerate(areas)}
    rows = []
    with gzip.open(oews / "oews-2025-wages.tsv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["industry_code"] not in WAGE_INDUSTRIES or row["occ_code"].endswith("000"):
                continue
            rows.append(row)
    occupations = sorted({r["occ_code"] for r in rows})
    occ_index = {c: i for i, c in enumerate(occupations)}
    rows.sort(key=lambda r: (r["occ_code"], r["industry_code"], r["area_code"]))
    columns: dict[str, np.ndarray] = {
        "occupation": np.array([occ_index[r["occ_code"]] for r in rows], dtype=np.int16),
        "area": np.array([area_index[r["area_code"]] for r in rows], dtype=np.int16),
        "industry": np.array([WAGE_INDUSTRIES.index(r["industry_code"]) for r in rows], dtype=np.int8),
    }
    for name in WAGE_COLUMNS:
        scale = 100 if name == "hourly_mean" else 0.1
        columns[name] = np.array(
            [round(float(r[name]) * scale) if r[name] not in ("", "-") else 0 for r in rows], dtype=np.uint32
        )
    for name in ("occupation", "area"):
        columns[name] = np.diff(columns[name], prepend=0).astype(np.int16)  # gaps compress
    buffer = io.BytesIO()
    np.savez(buffer, **columns)
    # xz packs these 5-digit figures a quarter smaller than the zip deflate of savez_compressed.
    (DATA / WAGES).write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    (DATA / "areas.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_gzip(DATA / WAGE_OCCUPATIONS, json.dumps(occupations))
    print(f"{len(rows)} wage rows, {len(occupations)} occupations, {len(areas)} areas")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REPO.parent / "shared" / "reference")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    build_index(args.reference)
    build_wages(args.reference)
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    print(f"data: {total / 1e6:.1f} MB in {DATA}")
    print("now refit the reranker on the new index: python scripts/train_soc_reranker.py")


if __name__ == "__main__":
    main()
