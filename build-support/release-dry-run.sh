#!/usr/bin/env bash
# Rehearses the release without publishing anything: a throwaway GPG key (temporary GNUPGHOME),
# a throwaway settings.xml, and `./mvnw -Prelease deploy -DskipTests` against a Central endpoint
# that does not exist (http://127.0.0.1:1, refused at once), into a private local repository
# (never ~/.m2). The Central publishing plugin builds the real bundle
# (target/central-publishing/central-bundle.zip) and then fails to upload it, as it must. The
# script checks that bundle: for the parent and each published module the POM, jar, sources and
# javadoc jars, each with its .asc signature (verified by gpg) and checksums, and nothing of an
# unpublished module (publish.skip).
#
#   build-support/release-dry-run.sh        (about 3 minutes; not part of the test command)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/zego-release-dry-run.XXXXXX")"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
repo_args=(-Dmaven.repo.local="$work/m2")
[[ -d "$HOME/.m2/repository" ]] && repo_args+=(-Dmaven.repo.local.tail="$HOME/.m2/repository")
published=(parent openapi client mock-server spring-boot-starter spring-boot-test test-kit)

log() { printf 'release-dry-run: %s\n' "$*"; }
fail() { printf 'release-dry-run: FAILED: %s\n' "$*" >&2; exit 1; }

gpg --batch --quiet --passphrase "" --quick-gen-key "Release dry run <dry-run@example.invalid>" default sign 1d 2>/dev/null
log "throwaway key $(gpg --list-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"
cat > "$work/settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>dry-run</username><password>not-a-token</password></server></servers></settings>
XML

bundle="$root/target/central-publishing/central-bundle.zip"
rm -f "$bundle"
if (cd "$root" && ./mvnw -B -ntp -s "$work/settings.xml" -Prelease deploy -DskipTests \
      -DcentralBaseUrl=http://127.0.0.1:1 "${repo_args[@]}") > "$work/build.log" 2>&1; then
  fail "the deploy succeeded against a dead endpoint?! (log: $work/build.log)"
fi
grep -q 'Created bundle successfully' "$work/build.log" \
  || { tail -40 "$work/build.log" >&2; fail "no bundle was built (log: $work/build.log)"; }
grep -q 'Unable to upload bundle' "$work/build.log" || fail "the build failed before the upload (log: $work/build.log)"
grep -q 'Release bundle of io.github.zegoaiagent:zego-aiagent-client:.*signatures' "$work/build.log" \
  || fail "the release-bundle check did not check signatures"
log "bundle built, upload refused by the dead endpoint (as intended)"

mkdir "$work/bundle" && (cd "$work/bundle" && unzip -q "$bundle")
count=0
for m in "${published[@]}"; do
  dir="$work/bundle/io/github/zegoaiagent/zego-aiagent-$m/$version"
  files=("zego-aiagent-$m-$version.pom")
  [[ $m == parent ]] || files+=("zego-aiagent-$m-$version.jar" "zego-aiagent-$m-$version-sources.jar" "zego-aiagent-$m-$version-javadoc.jar")
  for f in "${files[@]}"; do
    [[ -s "$dir/$f" ]] || fail "not in the bundle: $f"
    [[ -s "$dir/$f.md5" && -s "$dir/$f.sha1" ]] || fail "no checksums of $f"
    gpg --batch --quiet --verify "$dir/$f.asc" "$dir/$f" 2>/dev/null || fail "missing or bad signature $f.asc"
    count=$((count + 1))
  done
done
others="$(cd "$work/bundle/io/github/zegoaiagent" && ls | grep -v -x -e zego-aiagent-parent -e zego-aiagent-openapi \
          -e zego-aiagent-client -e zego-aiagent-mock-server -e zego-aiagent-spring-boot-starter \
          -e zego-aiagent-spring-boot-test -e zego-aiagent-test-kit || true)"
[[ -z "$others" ]] || fail "unpublished modules in the bundle: $others"
log "OK: the bundle holds $count signed, checksummed files of ${published[*]} and nothing else"
rm -rf "$work"
