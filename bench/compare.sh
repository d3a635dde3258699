#!/usr/bin/env bash
# Compares `penumbra bench` (DJL + libtorch, through the ./penumbra launcher) with the same network in PyTorch
# (bench/bench_torch.py) on the same threads, and prints per item the median times, the ratio Java/PyTorch (median
# over rounds of each round's ratio) and each side's fraction of its own conv ceiling. The machine may be shared
# and drift, so the two sides alternate item by item: every round runs, for each item, Java then PyTorch, each
# with the ceiling convolution interleaved in the same process. Raw JSON of every run is kept in the output folder.
#
#   bench/compare.sh [--rounds N] [--threads N] [--repeats N] [--warmup N] [--batch N] [--items LIST]
#                    [--mc-model NAME] [--torch-mc looped|batched] [--torch-allocator system|same]
#                    [--precisions fp32[,bf16]] [--python PATH] [--out DIR]
#
# Defaults: 3 rounds, 2 threads, 2 warm-up + 5 timed runs, batch 32, items train,inference,mc16,conv, MC model
# mcdropout. --torch-mc looped (default) samples as the published code does, 16 forwards of the batch; batched
# runs one forward of 16 x B images as McDropoutUNet does. --torch-allocator system (default) runs PyTorch as a
# user would; "same" preloads the allocator the Java launcher uses, to separate engine from allocator.
# --precisions: the Java side's precisions, each timed in turn (default: fp32, and bf16 too where /proc/cpuinfo lists
# native bf16: avx512_bf16, amx_bf16 or Arm's bf16); PyTorch runs fp32. With bf16 a second table gives each item's
# bf16 time against fp32's and PyTorch's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

rounds=3
threads=2
repeats=5
warmup=2
batch=32
items="train,inference,mc16,conv"
mc_model="mcdropout"
torch_mc="looped"
torch_allocator="system"
python="/usr/bin/python3"
out=""
precisions="fp32"
if grep -qwE 'avx512_bf16|amx_bf16|bf16' /proc/cpuinfo 2>/dev/null; then precisions="fp32,bf16"; fi

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "compare.sh: $*" >&2; exit 2; }
need_int() { [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge "$3" ] || die "$1 must be an integer >= $3, got '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2-}"; shift 2 ;;
    --threads) threads="${2-}"; shift 2 ;;
    --repeats) repeats="${2-}"; shift 2 ;;
    --warmup) warmup="${2-}"; shift 2 ;;
    --batch) batch="${2-}"; shift 2 ;;
    --items) items="${2-}"; shift 2 ;;
    --mc-model) mc_model="${2-}"; shift 2 ;;
    --torch-mc) torch_mc="${2-}"; shift 2 ;;
    --torch-allocator) torch_allocator="${2-}"; shift 2 ;;
    --python) python="${2-}"; shift 2 ;;
    --precisions) precisions="${2-}"; shift 2 ;;
    --out) out="${2-}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done
need_int --rounds "$rounds" 1
need_int --threads "$threads" 1
need_int --repeats "$repeats" 1
need_int --warmup "$warmup" 0
need_int --batch "$batch" 1
case "$torch_mc" in looped|batched) ;; *) die "--torch-mc must be looped or batched, got '$torch_mc'" ;; esac
case "$torch_allocator" in system|same) ;; *) die "--torch-allocator must be system or same, got '$torch_allocator'" ;; esac
case "$precisions" in fp32|fp32,bf16|bf16,fp32) ;; *) die "--precisions must be fp32 or fp32,bf16, got '$precisions'" ;; esac
"$python" -c 'import torch' 2>/dev/null \
  || die "$python cannot import torch; on Debian install python3-torch and use --python /usr/bin/python3"

# The items, each timed with the ceiling beside it; "conv" alone only when it is the only item.
with_conv=0
work=()
IFS=',' read -r -a requested <<<"$items"
for item in "${requested[@]}"; do
  case "$item" in
    conv|conv_ceiling) with_conv=1 ;;
    train|train_step|inference|mc16) work+=("$item") ;;
    *) die "--items: unknown item '$item', expected some of train, inference, mc16, conv" ;;
  esac
done
[ ${#work[@]} -gt 0 ] || [ "$with_conv" = 1 ] || die "--items: no item given"
[ ${#work[@]} -gt 0 ] || work=(conv)

[ -n "$out" ] || out="$(mktemp -d "${TMPDIR:-/tmp}/penumbra-compare.XXXXXX")"
mkdir -p "$out"

# The allocator the launcher picks (./penumbra), for --torch-allocator same.
jemalloc=""
for candidate in /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 \
                 /usr/lib64/libjemalloc.so.2 /usr/lib/libjemalloc.so.2; do
  if [ -f "$candidate" ]; then jemalloc="$candidate"; break; fi
done

run_torch() {
  local extra=()
  [ "$torch_mc" = batched ] && extra+=(--mc-batched)
  if [ "$torch_allocator" = same ] && [ -n "$jemalloc" ] && [ "${PENUMBRA_ALLOCATOR:-auto}" != system ]; then
    LD_PRELOAD="$jemalloc${LD_PRELOAD:+:$LD_PRELOAD}" MALLOC_CONF="${MALLOC_CONF:-dirty_decay_ms:-1,muzzy_decay_ms:-1}" \
      "$python" "$here/bench_torch.py" "$@" "${extra[@]}"
  else
    "$python" "$here/bench_torch.py" "$@" "${extra[@]}"
  fi
}

common=(--threads "$threads" --repeats "$repeats" --warmup "$warmup" --batch "$batch")
echo "compare.sh: $rounds rounds of ${work[*]}$([ "$with_conv" = 1 ] && echo ' (each with the conv ceiling)'); raw results in $out" >&2
for r in $(seq 1 "$rounds"); do
  for item in "${work[@]}"; do
    list="$item"
    if [ "$with_conv" = 1 ] && [ "$item" != conv ]; then list="$item,conv"; fi
    echo "compare.sh: round $r/$rounds, $list: penumbra bench" >&2
    (cd "$root" && ./penumbra bench --json --quiet --mc-model "$mc_model" --items "$list" "${common[@]}") \
      >"$out/java-$r-$item.json" || die "penumbra bench failed in round $r (see above)"
    if [[ ",$precisions," == *,bf16,* ]]; then
      echo "compare.sh: round $r/$rounds, $list: penumbra bench --precision bf16" >&2
      (cd "$root" && ./penumbra bench --json --quiet --precision bf16 --mc-model "$mc_model" --items "$list" \
        "${common[@]}") >"$out/javabf16-$r-$item.json" || die "penumbra bench --precision bf16 failed in round $r (see above)"
    fi
    echo "compare.sh: round $r/$rounds, $list: PyTorch" >&2
    run_torch --items "$list" "${common[@]}" >"$out/torch-$r-$item.json" \
      || die "bench_torch.py failed in round $r (see above)"
  done
done

"$python" - "$out" "$rounds" "${work[@]}" <<'PY'
import datetime, json, os, statistics, subprocess, sys

out, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
med = statistics.median
load = lambda side, r, item: json.load(open(os.path.join(out, "%s-%d-%s.json" % (side, r, item))))
runs = [(load("java", r, i), load("torch", r, i)) for r in range(1, rounds + 1) for i in work]

def lscpu_model():
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return runs[0][0]["cpu"]

j0, t0 = runs[0]
print("Penumbra vs PyTorch, %s" % datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"))
print("machine: %d cores (nproc), %s, load average %s" % (len(os.sched_getaffinity(0)), lscpu_model(),
                                                          " ".join("%.2f" % x for x in os.getloadavg())))
print("java:    %s, %d threads, allocator %s, git %s" % (j0["engine"], j0["threads"], j0["allocator"],
                                                          j0["git_revision"][:12]))
print("pytorch: %s, %d threads, allocator %s" % (t0["engine"], t0["threads"], t0["allocator"]))
print("net: U-Net %s, %d x %d x %d, batch %d; mc16: %s vs %s, batch %d; ceiling: 1x1 conv %s"
      % (j0["filters"], j0["in_channels"], j0["size"], j0["size"], j0["batch"], j0["mc_model"], t0["mc_model"],
         j0["mc_batch"], "x".join(map(str, j0["conv"]))))
print("%d rounds; each item: %d warm-up + %d timed runs, round-robin with the ceiling in one process"
      % (rounds, j0["warmup"], j0["repeats"]))
print("parameters: java %d, pytorch %d; forward %.3f GFLOP per image" % (j0["parameters"], t0["parameters"],
                                                                       j0["forward_gflop_per_image"]))
print()

keys = []
for j, _ in runs:
    keys += [k for k in j["items"] if k not in keys and k != "conv_ceiling"]
if any("conv_ceiling" in j["items"] for j, _ in runs):
    keys.append("conv_ceiling")

def f(x, fmt):
    return "-" if x is None else fmt % x

print("%-13s %9s %11s %13s %13s %13s %16s %14s %17s" % ("item", "Java ms", "PyTorch ms", "Java/PyTorch",
      "Java GFLOP/s", "Java/ceiling", "PyTorch/ceiling", "Java peak MiB", "PyTorch peak MiB"))
per_round = {}
for key in keys:
    pairs = [(j["items"][key], t["items"][key]) for j, t in runs if key in j["items"] and key in t["items"]]
    per_round[key] = pairs
    jm, tm = [a["median_ms"] for a, _ in pairs], [b["median_ms"] for _, b in pairs]
    jc = [a["ceiling_fraction"] for a, _ in pairs if a["ceiling_fraction"] is not None]
    tc = [b["ceiling_fraction"] for _, b in pairs if b["ceiling_fraction"] is not None]
    jp = [a["peak_rss_mib"] for a, _ in pairs if a["peak_rss_mib"] is not None]
    tp = [b["peak_rss_mib"] for _, b in pairs if b["peak_rss_mib"] is not None]
    print("%-13s %9.1f %11.1f %13.2f %13.1f %13s %16s %14s %17s" % (
        key, med(jm), med(tm), med([a / b for a, b in zip(jm, tm)]), med([a["gflops"] for a, _ in pairs]),
        f(med(jc) if jc else None, "%.2f"), f(med(tc) if tc else None, "%.2f"),
        f(max(jp) if jp else None, "%.0f"), f(max(tp) if tp else None, "%.0f")))
print()
print("per run, median ms Java / PyTorch (ceiling fraction Java / PyTorch):")
for key in keys:
    print("  %-13s %s" % (key, "; ".join(
        "%.0f / %.0f%s" % (a["median_ms"], b["median_ms"],
                           "" if a["ceiling_fraction"] is None or key == "conv_ceiling"
                           else " (%.2f / %.2f)" % (a["ceiling_fraction"], b["ceiling_fraction"] or 0))
        for a, b in per_round[key])))
print()
print("Java/PyTorch: median of the per-run ratios of medians. Ceiling: each side's own 1x1 convolution, timed in the"
      " same process, round-robin with the item; a training step counts as 3 forwards. Peak MiB: highest VmHWM"
      " (includes pages the allocator kept from the ceiling's and earlier runs).")
bf16 = [(load("javabf16", r, i), j) for r in range(1, rounds + 1) for i in work
        for j in [load("java", r, i)] if os.path.exists(os.path.join(out, "javabf16-%d-%s.json" % (r, i)))]
speedups = {}
if bf16:
    print()
    print("Java bf16 (%s) against Java fp32 and PyTorch fp32:" % bf16[0][0]["cpu"])
    print("%-13s %12s %12s %16s %16s %15s" % ("item", "bf16 ms", "fp32 ms", "fp32/bf16 speed", "bf16/PyTorch",
                                           "bf16 peak MiB"))
    torch_ms = {key: [b["median_ms"] for _, b in per_round[key]] for key in keys}
    for key in keys:
        pairs = [(b["items"][key], f32["items"][key]) for b, f32 in bf16 if key in b["items"] and key in f32["items"]]
        if not pairs:
            continue
        bm, fm = [a["median_ms"] for a, _ in pairs], [b["median_ms"] for _, b in pairs]
        speedups[key] = med([f / b for b, f in zip(bm, fm)])
        tm = torch_ms.get(key, [])
        bp = [a["peak_rss_mib"] for a, _ in pairs if a["peak_rss_mib"] is not None]
        print("%-13s %12.1f %12.1f %16.2f %16s %15s" % (key, med(bm), med(fm), speedups[key],
              f(med([a / b for a, b in zip(bm, tm)]) if len(tm) == len(bm) else None, "%.2f"),
              f(max(bp) if bp else None, "%.0f")))
    print("fp32/bf16 speed: median of the per-run ratios of medians (Java fp32 and bf16 runs alternate).")
for key, need in (("mc16", 1.7), ("train_step", 1.3)):
    if key in speedups:
        print("target %s in bf16 >= %.1f x as fast as fp32: %s (%.2f)" % (key, need,
              "met" if speedups[key] >= need else "NOT met", speedups[key]))
if "train_step" in per_round:
    pairs = per_round["train_step"]
    r = med([a["median_ms"] / b["median_ms"] for a, b in pairs])
    print("target train_step <= 0.8 x PyTorch's time: %s (%.2f)" % ("met" if r <= 0.8 else "NOT met", r))
    jc = [a["ceiling_fraction"] for a, _ in pairs if a["ceiling_fraction"] is not None]
    if jc:
        c = med(jc)
        print("target train_step >= 0.8 of the conv ceiling: %s (%.2f)" % ("met" if c >= 0.8 else "NOT met", c))
PY
