#!/usr/bin/env bash
# Consumer-project check: does a fresh project that depends on the client (and, in test scope,
# on the mock) build after the documented install step, exactly as the READMEs say?
#
#   build-support/consumer-check.sh
#
# 1. `./mvnw -B -ntp install -DskipTests` of this checkout, with no Node on the PATH and no
#    warning in its output, into a private local repository
#    (never ~/.m2: ~/.m2/repository is only read, as a cache of third-party artifacts, through
#    Maven's maven.repo.local.tail; CONSUMER_CHECK_NO_CACHE=1 downloads everything afresh);
#    then starts the standalone jar it built (the README's run command);
# 2. checks the installed files: jar, pom, sources and javadoc of each published module;
# 3. copies build-support/consumer-project (not a module of the build) to a temporary folder and
#    runs `mvn verify` there against the same private repository: compile against the client,
#    run its JUnit 5 tests with the embedded mock and with the test kit; its output must not show
#    HV000001 or a WARN.
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

# The install step, like the README's run command, must need a JDK only: Node is hidden from
# the PATH (a folder of links to every other program on it).
nonode="$work/path-without-node"
mkdir "$nonode"
IFS=: read -r -a path_dirs <<< "$PATH"
for d in "${path_dirs[@]}"; do
  for f in "$d"/*; do
    b="$(basename "$f")"
    case "$b" in node|nodejs|npm|npx|corepack) continue ;; esac
    [[ -x "$f" && ! -e "$nonode/$b" ]] && ln -s "$f" "$nonode/$b"
  done
done
PATH="$nonode" command -v node >/dev/null && fail "could not hide node from the PATH"

log "install $version into $repo (no node on the PATH)"
(cd "$root" && PATH="$nonode" ./mvnw -B -ntp install -DskipTests "${repo_args[@]}") > "$work/install.log" 2>&1 \
  || { tail -40 "$work/install.log" >&2; fail "install (log: $work/install.log)"; }
if grep -n 'WARN' "$work/install.log"; then fail "the install step printed the warnings above"; fi

# The README's run command's second half: the standalone jar starts and prints its banner.
PATH="$nonode" java -jar "$root/mock-server/target/zego-aiagent-mock-server.jar" --port 0 > "$work/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 1 100); do grep -q 'is ready' "$work/mock.log" && break; sleep 0.2; done
kill "$mock_pid" 2>/dev/null || true
wait "$mock_pid" 2>/dev/null || true
grep -q 'is ready' "$work/mock.log" || { cat "$work/mock.log" >&2; fail "the standalone mock did not start"; }
log "the standalone mock started: $(grep -m1 'Base URL' "$work/mock.log" | tr -s ' ')"

for m in openapi client mock-server spring-boot-starter test-kit; do
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
log "installed: parent pom; openapi, client, mock-server, spring-boot-starter, test-kit with pom, jar, sources, javadoc"

cp -r "$root/build-support/consumer-project" "$work/consumer"
log "build the consumer project in $work/consumer"
"$root/mvnw" -B -ntp -f "$work/consumer/pom.xml" verify "${repo_args[@]}" > "$work/consumer.log" 2>&1 \
  || { tail -60 "$work/consumer.log" >&2; fail "consumer build (log: $work/consumer.log)"; }
grep -q 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 0$' "$work/consumer.log" || fail "the consumer's two tests (mock, test kit) did not run"
if grep -n 'HV000001\|WARN' "$work/consumer.log"; then fail "the consumer build printed the lines above"; fi
log "OK: the consumer project compiled against the client and its tests passed against the embedded mock and with the test kit"
rm -rf "$work"
