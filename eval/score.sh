#!/bin/bash
# Build the tables of the documents a gold folder annotates, then score them with eval/score.py.
#   eval/score.sh eval/dev -v        # dev gold (tuning score)
#   eval/score.sh eval/holdout -v    # the team's blind held-out gold
# Run from the project root; arguments after the gold folder go to score.py (e.g. --tables dates).
# The documents come from tests/corpus (provenance in its MANIFEST.csv); the build lands in
# build/score-<gold folder name>/.
set -eu
gold=${1:?usage: eval/score.sh GOLD_DIR [score.py options]}; shift
work=build/score-$(basename "$gold") raw=build/score-$(basename "$gold")/raw
out=$work/output
rm -rf "$raw" && mkdir -p "$raw"
for g in "$gold"/*.json; do
  id=$(basename "$g" .json)
  found=
  for f in tests/corpus/"$id".*; do [[ -f $f ]] && cp "$f" "$raw"/ && found=1; done
  [[ -n $found ]] || { echo "no document for $g in tests/corpus" >&2; exit 1; }
done
make RAW="$PWD/$raw" OUTPUT="$PWD/$out" >"$work"/make.log 2>&1 || { tail -n 20 "$work"/make.log; exit 1; }
exec .venv/bin/python eval/score.py --output "$out" --gold "$gold" "$@"
