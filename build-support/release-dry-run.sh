#!/usr/bin/env bash
# Rehearses the release profile without publishing: a throwaway GPG key (temporary GNUPGHOME),
# `./mvnw -Prelease install -DskipTests` into a private local repository (never ~/.m2), then
# checks that every installed file of each published module has its .asc signature and that
# gpg verifies them. Nothing is deployed: `deploy` (the Central upload) is never run here.
#
#   build-support/release-dry-run.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/zego-release-dry-run.XXXXXX")"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
repo="$work/m2"
repo_args=(-Dmaven.repo.local="$repo")
[[ -d "$HOME/.m2/repository" ]] && repo_args+=(-Dmaven.repo.local.tail="$HOME/.m2/repository")

log() { printf 'release-dry-run: %s\n' "$*"; }
fail() { printf 'release-dry-run: FAILED: %s\n' "$*" >&2; exit 1; }

gpg --batch --quiet --passphrase "" --quick-gen-key "Release dry run <dry-run@example.invalid>" default sign 1d 2>/dev/null
log "throwaway key $(gpg --list-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"

(cd "$root" && ./mvnw -B -ntp -Prelease install -DskipTests "${repo_args[@]}") > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; fail "release build (log: $work/build.log)"; }
grep -q 'Release bundle of io.github.zegoaiagent:zego-aiagent-client:.*signatures' "$work/build.log" \
  || fail "the release-bundle check did not check signatures"

count=0
for m in parent openapi client mock-server; do
  dir="$repo/io/github/zegoaiagent/zego-aiagent-$m/$version"
  files=("zego-aiagent-$m-$version.pom")
  [[ $m == parent ]] || files+=("zego-aiagent-$m-$version.jar" "zego-aiagent-$m-$version-sources.jar" "zego-aiagent-$m-$version-javadoc.jar")
  for f in "${files[@]}"; do
    [[ -s "$dir/$f.asc" ]] || fail "no signature $dir/$f.asc"
    gpg --batch --quiet --verify "$dir/$f.asc" "$dir/$f" 2>/dev/null || fail "bad signature $f.asc"
    count=$((count + 1))
  done
done
log "OK: $count files signed and verified (parent, openapi, client, mock-server); nothing deployed"
rm -rf "$work"
