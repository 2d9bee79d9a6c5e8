#!/usr/bin/env bash
# Consumer-project check: does a fresh project that depends on the client (and, in test scope,
# on the mock) build after the documented install step, exactly as the READMEs say?
#
#   build-support/consumer-check.sh
#
# 1. `./mvnw -B -ntp install -DskipTests` of this checkout into a private local repository
#    (never ~/.m2: ~/.m2/repository is only read, as a cache of third-party artifacts, through
#    Maven's maven.repo.local.tail; CONSUMER_CHECK_NO_CACHE=1 downloads everything afresh);
# 2. checks the installed files: jar, pom, sources and javadoc of each published module;
# 3. copies build-support/consumer-project (not a module of the build) to a temporary folder and
#    runs `mvn verify` there against the same private repository: compile against the client,
#    run a JUnit 5 test with the embedded mock; its output must not show HV000001 or a WARN.
#
# Separate from the README test command (it installs and builds twice: 1-3 minutes here).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/zego-consumer-check.XXXXXX")"
repo="$work/m2"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
repo_args=(-Dmaven.repo.local="$repo")
if [[ "${CONSUMER_CHECK_NO_CACHE:-}" != 1 && -d "$HOME/.m2/repository" ]]; then
  repo_args+=(-Dmaven.repo.local.tail="$HOME/.m2/repository")
fi

log() { printf 'consumer-check: %s\n' "$*"; }
fail() { printf 'consumer-check: FAILED: %s\n' "$*" >&2; exit 1; }

log "install $version into $repo"
(cd "$root" && ./mvnw -B -ntp install -DskipTests "${repo_args[@]}") > "$work/install.log" 2>&1 \
  || { tail -40 "$work/install.log" >&2; fail "install (log: $work/install.log)"; }

for m in openapi client mock-server; do
  dir="$repo/io/github/zegoaiagent/zego-aiagent-$m/$version"
  for f in "zego-aiagent-$m-$version.jar" "zego-aiagent-$m-$version.pom" \
           "zego-aiagent-$m-$version-sources.jar" "zego-aiagent-$m-$version-javadoc.jar"; do
    [[ -s "$dir/$f" ]] || fail "not installed: $dir/$f"
  done
done
[[ -s "$repo/io/github/zegoaiagent/zego-aiagent-parent/$version/zego-aiagent-parent-$version.pom" ]] \
  || fail "parent pom not installed"
[[ ! -e "$repo/io/github/zegoaiagent/zego-aiagent-conformance-tests" ]] \
  || fail "the conformance suite (publish.skip) was installed"
log "installed: parent pom; openapi, client, mock-server with pom, jar, sources, javadoc"

cp -r "$root/build-support/consumer-project" "$work/consumer"
log "build the consumer project in $work/consumer"
"$root/mvnw" -B -ntp -f "$work/consumer/pom.xml" verify "${repo_args[@]}" > "$work/consumer.log" 2>&1 \
  || { tail -60 "$work/consumer.log" >&2; fail "consumer build (log: $work/consumer.log)"; }
grep -q 'Tests run: 1, Failures: 0, Errors: 0' "$work/consumer.log" || fail "the consumer's test did not run"
if grep -n 'HV000001\|WARN' "$work/consumer.log"; then fail "the consumer build printed the lines above"; fi
log "OK: the consumer project compiled against the client and its test passed against the embedded mock"
rm -rf "$work"
