#!/usr/bin/env bash
# Native AOT: publish the sample as a native binary with zero trim or AOT warnings, then run
# the whole offline demo with it. Native AOT on Linux needs clang and zlib1g-dev from Debian;
# they are installed here when missing.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/specclient-aot.XXXXXX")
trap 'rm -rf "$out"' EXIT
log="$out/publish.log"
# Warnings are errors in this repository (Directory.Build.props), trim and AOT warnings included.
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
dotnet publish "$repo/sample" -c Release -r "$rid" -o "$out/bin" -warnaserror -nologo -clp:Summary > "$log" 2>&1 || { cat "$log"; exit 1; }
warnings=$(grep -cE 'warning (IL|CS|NETSDK)[0-9]+' "$log" || true)
grep -E '^ +[0-9]+ Warning\(s\)|^ +[0-9]+ Error\(s\)' "$log" | sed 's/^ */aot publish: /'
[ "$warnings" -eq 0 ] || { cat "$log"; echo "aot: $warnings warnings"; exit 1; }
echo "aot: native binary $(stat -c %s "$out/bin/Sample") bytes"

output=$("$out/bin/Sample")
echo "$output"
for expected in "cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d" "7750 impacted rows" "Employee Leaves (RE)" "Hello: Bob" \
                "X_SOURCE_FORMAT_XML" "This value should not be blank" "rejected before sending"; do
  grep -qF "$expected" <<<"$output" || { echo "aot: the native sample's output lacks: $expected"; exit 1; }
done
echo "aot: ok"
