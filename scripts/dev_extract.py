"""Dev harness: run ONE extractor over the dev gold documents and score it, without make.

    .venv/bin/python scripts/dev_extract.py symbols [-v]

Reads the documents of eval/dev/*.json straight from tests/corpus (text files decoded as UTF-8,
PDFs through pipeline.ingest.pdf when it exists, else pdfplumber's extract_text), builds a
Context, calls
pipeline.extract.<kind>.find(ctx), writes build/dev-extract/<kind>.csv and runs score.py on it.
"""

import csv
import importlib
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "dev"
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT))

from pipeline.models import MENTION_KINDS, Context, Document, columns  # noqa: E402


def load_text(path: Path) -> str:
    if path.suffix == ".pdf":
        try:
            from pipeline.ingest import pdf

            return pdf.read_pdf(path).text
        except (ImportError, AttributeError):
            import pdfplumber

            with pdfplumber.open(path) as doc:
                return "\f".join(p.extract_text() or "" for p in doc.pages)
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def optional(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def main() -> None:
    kind = sys.argv[1]
    find = importlib.import_module(f"pipeline.extract.{kind}").find
    read_masthead = optional("pipeline.extract.masthead", "read")
    out = ROOT / "build" / "dev-extract"
    out.mkdir(parents=True, exist_ok=True)
    cls = MENTION_KINDS[kind]
    with open(out / f"{kind}.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns(cls))
        for gold in sorted(GOLD.glob("*.json")):
            doc_id = gold.stem
            src = next(CORPUS.glob(doc_id + ".*"))
            text = load_text(src)
            own = read_masthead(Document(doc_id, src.name, src.suffix[1:], "", text=text))
            ctx = Context(text=text, doc_symbol=own.symbol, doc_date=own.date)
            for m in find(ctx):
                assert text[m.start : m.end] == m.text, (doc_id, m)
                writer.writerow([doc_id, 1, *asdict(m).values()])
    subprocess.run(
        [sys.executable, str(ROOT / "eval" / "score.py"), "--output", str(out),
         "--gold", str(GOLD), "--tables", kind, *sys.argv[2:]],
        check=False,
    )


if __name__ == "__main__":
    main()
