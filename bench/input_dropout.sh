#!/usr/bin/env bash
# Measures what MC-Dropout's dropout on the input image costs (issue: MC-Dropout worse than the deterministic
# U-Net on ambiguous data). On one synthetic ambiguous dataset (4 annotators, 32 oracle annotators per image),
# trains with the demo preset and one training budget: the softmax U-Net, and MC-Dropout with the published input
# dropout on and off at p = 0.1 and p = 0.5; then evaluates all runs together on the test split (16 samples per
# image) and prints GED@16, diversity, majority Dice, the share of empty samples on clear lesions, GED against the
# oracle (with its floor) and health flags.
#
#   bench/input_dropout.sh [--count N] [--size PX] [--steps N] [--seed S] [--out DIR]
#
# Defaults: 500 images (300 / 100 / 100) of 64 x 64, 1140 steps (the budget of the issue's measurement), seed 1,
# output in runs/input-dropout. Everything runs through ./penumbra; on 2 cores about 6 minutes (run nothing else
# meanwhile: two trainings on 2 cores slow each other twentyfold).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

count=500
size=64
steps=1140
seed=1
out="$root/runs/input-dropout"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "input_dropout.sh: unknown option '$1' (expected --count, --size, --steps, --seed or --out)" >&2; exit 2 ;;
  esac
done
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "input_dropout.sh: --out $out exists and is not empty; choose another folder" >&2
  exit 2
fi
mkdir -p "$out"
pen="$root/penumbra"

"$pen" data make-synthetic --kind ambiguous --count "$count" --size "$size" --seed 42 --out "$out/data"

common=(--data "$out/data" --preset demo --size "$size" --max-steps "$steps" --max-epochs 100000 --ged-every 0
        --seed "$seed" --quiet)
runs=()
train() {
  local name="$1"; shift
  echo "== $name: $*"
  "$pen" train --out "$out/train/$name" "${common[@]}" "$@"
  runs+=("$out/train/$name")
}
train softmax --model softmax
train mcdropout-p0.1-input-off --model mcdropout --dropout 0.1 --no-input-dropout
train mcdropout-p0.1-input-on --model mcdropout --dropout 0.1 --input-dropout
train mcdropout-p0.5-input-off --model mcdropout --dropout 0.5 --no-input-dropout
train mcdropout-p0.5-input-on --model mcdropout --dropout 0.5 --input-dropout

"$pen" evaluate --runs "${runs[@]}" --out "$out/evaluation" --quiet

# one line per run from summary.json (Python's standard library only)
python3 - "$out/evaluation/summary.json" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))
print("| run | GED@16 | diversity@16 | majority Dice | empty samples | GED@16 vs oracle | oracle floor | GED / floor"
      " | health |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    m = r["means"]
    o = r.get("oracle") or {}
    flags = ", ".join(f["name"] for f in r.get("health", [])) or "ok"
    print("| %s | %.3f | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %s |" % (
        r["label"], m["ged@16"]["estimate"], m["diversity@16"]["estimate"], m["majority_dice"]["estimate"],
        m["empty_samples"]["estimate"], o["ged"]["estimate"], o["floor"]["estimate"], o["ratio"], flags))
EOF
echo "report: $out/evaluation/report.html"
