"""OCR accuracy on pages that have a good text layer: each page is rendered and recognized, and
the recognized text is compared with the layer (character error rate, whitespace normalized).
Also reports pages per second and, for the 1971 scan A/L.632, the error rate of its text layer
and of OCR against a hand transcription.

    .venv/bin/python scripts/ocr_accuracy.py [PDF:PAGES ...]   (default: the README's sample)
    .venv/bin/python scripts/ocr_accuracy.py --decision        (layer or OCR, on old scans)
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest import ocr  # noqa: E402
from pipeline.ingest.lines import read_page  # noqa: E402

# the repository's test documents; UN_CORPUS=<folder> reads another (S/PV.492, for --decision,
# is not copied into the repository: un-project/un-extractor, data/raw_pdfs/en/sc/1950/pv/
# document_492.pdf at cc0f379)
CORPUS = Path(os.environ.get("UN_CORPUS", ROOT / "tests" / "corpus"))
SAMPLE = ["un-pdf-a-res-73-3.pdf:1-3", "un-pdf-a-80-590.pdf:1-3"]
# scans with an old OCR text layer: pages above and below the noise threshold
DECISION = ["un-pdf-s-pv-492.pdf:3-4", "un-pdf-s-pv-492.pdf:9", "un-pdf-s-pv-492.pdf:17",
            "un-pdf-a-l-632-1971.pdf:1"]
# A/L.632 (29 September 1971), transcribed by hand from the page image, masthead to job number
L632 = """UN LIBRARY OCT 1 - 1971 UN/SA COLLECTION UNITED NATIONS GENERAL ASSEMBLY Distr.
LIMITED A/L.632
29 September 1971 ORIGINAL: ENGLISH Twenty-sixth session Agenda item 93 RESTORATION OF THE
LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC OF CHINA IN THE UNITED NATIONS Australia, Colombia,
Costa Rica, Dominican Republic, El Salvador, Fiji, Gambia, Guatemala, Haiti, Honduras, Japan,
Lesotho, Liberia, New Zealand, Nicaragua, Philippines, Swaziland, Thailand, United States of
America and Uruguay: draft resolution The General Assembly, Recalling the provisions of the
Charter of the United Nations, Decides that any proposal in the General Assembly which would
result in depriving the Republic of China of representation in the United Nations is an
important question under Article 18 of the Charter. 71-19641"""


def normalized(text: str) -> str:
    """White space collapsed, soft hyphens and dot leaders (`. . . .`, which OCR skips) gone."""
    text = re.sub(r"(?:\s*\.){3,}", " ", text.replace("\u00ad", "").replace("\ufffe", ""))
    return " ".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), two rows of the table."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(recognized: str, reference: str) -> float:
    reference, recognized = normalized(reference), normalized(recognized)
    return edit_distance(recognized, reference) / max(1, len(reference))


def layer_pages(path: Path, numbers: list[int]) -> dict[int, str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return {n: ocr.layer_text(read_page(pdf.pages[n - 1])) for n in numbers}


def pages_of(spec: str) -> tuple[Path, list[int]]:
    name, _, pages = spec.partition(":")
    first, _, last = pages.partition("-")
    return CORPUS / name, list(range(int(first), int(last or first) + 1))


def decision(specs: list[str]) -> None:
    """Per page of a scan: malformed-token share of its layer and of OCR, and which is kept."""
    for spec in specs:
        path, numbers = pages_of(spec)
        layers = layer_pages(path, numbers)
        read = ocr.read_pages(path, numbers)
        for n in numbers:
            layer, recognized = ocr.noise(layers[n]), ocr.noise(ocr.layer_text(read[n].page))
            reread = layer > ocr.NOISY_LAYER
            kept = "OCR" if reread and recognized < layer else "layer"
            print(f"{path.name} p{n}: malformed tokens: layer {layer:.3f}, OCR {recognized:.3f} "
                  f"(confidence {read[n].confidence:.3f}); re-read: {reread}, kept: {kept}")


def main(argv: list[str]) -> int:
    if argv == ["--decision"]:
        decision(DECISION)
        return 0
    errors = chars = 0
    seconds = cpu = 0.0
    pages = 0
    for spec in argv or SAMPLE:
        path, numbers = pages_of(spec)
        layers = layer_pages(path, numbers)
        start, cpu_start = time.perf_counter(), time.process_time()
        read = ocr.read_pages(path, numbers)
        seconds += time.perf_counter() - start
        cpu += time.process_time() - cpu_start
        pages += len(numbers)
        for n in numbers:
            reference = normalized(layers[n])
            distance = edit_distance(normalized(ocr.layer_text(read[n].page)), reference)
            errors, chars = errors + distance, chars + len(reference)
            print(f"{path.name} p{n}: CER {distance / max(1, len(reference)):.4f} "
                  f"({distance}/{len(reference)}), confidence {read[n].confidence:.3f}")
    print(f"all: CER {errors / max(1, chars):.4f} over {pages} pages, {chars} characters; "
          f"{pages / seconds:.2f} pages/s (render + OCR, one thread), "
          f"{cpu / pages:.1f} s of processor time a page")
    scan = CORPUS / "un-pdf-a-l-632-1971.pdf"
    layer = layer_pages(scan, [1])[1]
    recognized = ocr.layer_text(ocr.read_pages(scan, [1])[1].page)
    print(f"A/L.632 against a hand transcription: text layer CER {cer(layer, L632):.4f}, "
          f"OCR CER {cer(recognized, L632):.4f}; malformed tokens: layer "
          f"{ocr.noise(layer):.3f}, OCR {ocr.noise(recognized):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
