#!/usr/bin/env bash
# Builds the container image of the standalone mock server without any registry, then (unless
# --build-only) runs it under podman and checks it: health check healthy, non-root user, and Code 0
# from a signed ListAgents sent from outside the container.
#
#   mock-server/src/container/build-and-test.sh [--build-only] [JAR]
#
# JAR defaults to mock-server/target/zego-aiagent-mock-server.jar (./mvnw -B -ntp -pl mock-server
# -am package -DskipTests). Needs root (podman as root) and installs podman, runc and busybox-static
# with apt-get when they are missing. Writes mock-server/target/container/ (root file system,
# image tar). Also run by `./mvnw -B -ntp -pl mock-server -am verify -Pcontainer`.
#
# Facts of this machine: podman runs containers with --runtime /usr/sbin/runc (crun fails),
# --network=host and lowered ulimits; no registry is reachable, hence FROM scratch.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../.." && pwd)"
build_only=false
if [[ "${1:-}" == "--build-only" ]]; then build_only=true; shift; fi
jar="${1:-$module/target/zego-aiagent-mock-server.jar}"
out="$module/target/container"
tag="${ZEGO_MOCK_IMAGE:-localhost/zego-aiagent-mock-server:0.1.0}"
podman_run=(podman run --runtime /usr/sbin/runc --network=host
            --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

# Without systemd podman cannot arm its health-check timers and says so on every run/stop; the
# script runs the checks itself, so those lines (and only those) are dropped.
nosystemd() { "$@" 2> >(grep -v 'unable to get systemd connection' >&2); }
log() { printf 'container: %s\n' "$*"; }
fail() { printf 'container: FAILED: %s\n' "$*" >&2; exit 1; }

[[ -f "$jar" ]] || fail "no $jar; build it first: ./mvnw -B -ntp -pl mock-server -am package -DskipTests"

need=()
command -v podman >/dev/null || need+=(podman)
[[ -x /usr/sbin/runc ]] || need+=(runc)
[[ -x /bin/busybox ]] || need+=(busybox-static)
if ((${#need[@]})); then
  log "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- root file system -------------------------------------------------------------------------
rootfs="$out/rootfs"
rm -rf "$out" && mkdir -p "$rootfs"/{bin,etc,tmp,opt/mock}
chmod 1777 "$rootfs/tmp"

# A runtime of just the modules the jar needs (jdeps), plus TLS for https callback URLs.
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar"),jdk.crypto.ec"
log "jlink $modules"
# --generate-cds-archive: the runtime's own base class-data sharing archive (lib/server/classes.jsa;
# without it the JVM loads every JDK class from the modules file, and no application archive can
# sit on top of it).
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
      --generate-cds-archive --output "$rootfs/opt/java"
# Debian's JDK links cacerts to /etc/ssl/certs/java/cacerts: copy the store itself.
rm -f "$rootfs/opt/java/lib/security/cacerts"
cp -L "$(readlink -f "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/lib/security/cacerts")" \
      "$rootfs/opt/java/lib/security/cacerts"
cp "$jar" "$rootfs/opt/mock/zego-aiagent-mock-server.jar"

# The shared libraries the runtime loads (glibc, zlib, libstdc++ ...), from this Debian system;
# AWT's X11 libraries are not needed (java.desktop is there only for java.beans).
copy_lib() { local f; f="$(readlink -f "$1")"; mkdir -p "$rootfs$(dirname "$1")"; cp -n "$f" "$rootfs$1" 2>/dev/null || true; }
while read -r lib; do copy_lib "$lib"; done < <(
  find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null | awk '/=> \// {print $3} /^\s*\/lib|^\s*\/lib64/ {print $1}' | sort -u)
copy_lib /lib64/ld-linux-x86-64.so.2
# Host names (callback URLs): glibc's NSS modules for /etc/hosts and DNS.
for l in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do copy_lib "/lib/x86_64-linux-gnu/$l"; done
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

# The jar's application class-data sharing archive (ADR 0018), made by this runtime at the paths
# the container uses (the archive records the jar's path, size and time): the jar's training run
# (CdsTraining) in a chroot of the root file system, with the entrypoint's GC. The entrypoint maps
# it with -XX:SharedArchiveFile; the check below starts the image with -Xshare:on, which refuses to
# start without it. Written after everything it depends on is in place.
make_cds_archive() {
  log "CDS archive: training run in $rootfs"
  # The archive records the jar's modification time; the image keeps whole seconds (rounded), so
  # the jar gets a whole second first.
  touch -d "@$(stat -c %Y "$rootfs/opt/mock/zego-aiagent-mock-server.jar")" "$rootfs/opt/mock/zego-aiagent-mock-server.jar"
  # /proc for the launcher ($ORIGIN of its libraries) and the JVM; not left in the image.
  mkdir -p "$rootfs/proc" && mount -t proc proc "$rootfs/proc"
  local rc=0
  chroot "$rootfs" /opt/java/bin/java -XX:+UseSerialGC -XX:ArchiveClassesAtExit=/opt/mock/zego-aiagent-mock-server.jsa \
    -Xlog:disable -Xlog:all=error:stderr -cp /opt/mock/zego-aiagent-mock-server.jar \
    io.github.zegoaiagent.mock.internal.cli.CdsTraining >/dev/null || rc=$?
  umount "$rootfs/proc" && rmdir "$rootfs/proc"
  [[ $rc == 0 && -f "$rootfs/opt/mock/zego-aiagent-mock-server.jsa" ]] || fail "the CDS training run failed ($rc)"
  chmod 0644 "$rootfs/opt/mock/zego-aiagent-mock-server.jsa"
}

# busybox (static) for the health check's wget and a shell.
cp /bin/busybox "$rootfs/bin/busybox"
for a in sh wget grep id; do ln -s busybox "$rootfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\nmock:x:10001:10001:mock server:/tmp:/bin/sh\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nmock:x:10001:\n' > "$rootfs/etc/group"

make_cds_archive

log "building $tag"
podman build -q --format docker -t "$tag" -f "$here/Containerfile" "$out" >/dev/null
podman save -q -o "$out/zego-aiagent-mock-server-image.tar" "$tag"
log "image $tag ($(du -sh "$rootfs" | cut -f1) root fs), saved to $out/zego-aiagent-mock-server-image.tar"
$build_only && exit 0

# --- run and check ----------------------------------------------------------------------------
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
app_id=987654321   # not the default AppId: proves the variable reaches the mock
secret="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
name="zego-mock-test-$$"
cleanup() { podman rm -f -t 5 "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
# Host network: the container's 0.0.0.0 is the host's, so a free port comes in by the same
# variable a user sets (ZEGO_MOCK_PORT); the image's default is 8080. Podman schedules health
# checks with systemd timers, and this machine has no systemd: the script runs them itself.
nosystemd "${podman_run[@]}" -d --name "$name" \
  -e ZEGO_MOCK_PORT="$port" -e ZEGO_MOCK_APP_ID="$app_id" -e ZEGO_MOCK_SERVER_SECRET="$secret" \
  "$tag" >/dev/null
log "started $name on port $port"

healthy=false
for _ in $(seq 1 60); do
  if podman healthcheck run "$name" >/dev/null 2>&1; then healthy=true; break; fi
  sleep 0.5
done
$healthy || { podman logs "$name" >&2 || true; fail "health check never passed"; }
log "health check: $(podman inspect --format '{{.State.Health.Status}}' "$name")"

uid="$(podman exec "$name" id -u)"
[[ "$uid" != 0 ]] || fail "the mock runs as root"
log "runs as uid $uid"

# A signed ListAgents, as the documented signature: MD5(AppId + SignatureNonce + ServerSecret + Timestamp).
nonce="$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ts="$(date +%s)"
sig="$(printf '%s%s%s%s' "$app_id" "$nonce" "$secret" "$ts" | md5sum | cut -d' ' -f1)"
answer="$(curl -sS --max-time 10 -X POST -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$port/?Action=ListAgents&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=$sig&SignatureVersion=2.0")"
log "ListAgents answered: $answer"
code="$(printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Code"])')"
[[ "$code" == 0 ]] || fail "ListAgents answered Code $code"

# A wrong signature is refused: the answer above was the mock's signature check, not luck.
bad="$(curl -sS --max-time 10 -X POST -d '{}' \
  "http://127.0.0.1:$port/?Action=ListAgents&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=${sig//?/0}&SignatureVersion=2.0")"
[[ "$bad" == *'"Code":100000005'* ]] || fail "a wrong signature was not refused with 100000005: $bad"

# The request log (on by default in the jar): one line per request, never a secret. (The log is
# read into a variable first: `podman logs | grep -q` fails under pipefail when grep stops reading
# before podman has written everything.)
sleep 0.2 # the log's writer prints every 20 ms
logs="$(podman logs "$name" 2>&1)"
grep -Eq ' ListAgents Code 0 SUCCESS [0-9]+\.[0-9] ms$' <<<"$logs" \
  || fail "no request log line for ListAgents: $(tail -3 <<<"$logs")"
[[ "$(grep -c "$secret" <<<"$logs")" -le 1 ]] \
  || fail "the ServerSecret appears in the output beyond the banner"

# The image maps its CDS archive: -Xshare:on makes the JVM refuse to start when it cannot.
nosystemd "${podman_run[@]}" --rm --entrypoint /opt/java/bin/java "$tag" -Xshare:on -XX:+UseSerialGC \
  -XX:SharedArchiveFile=/opt/mock/zego-aiagent-mock-server.jsa -jar /opt/mock/zego-aiagent-mock-server.jar --help \
  >/dev/null || fail "the image's CDS archive cannot be mapped (-Xshare:on refused to start)"
if grep -q 'shared archive' <<<"$logs"; then fail "the JVM complained about its CDS archive: $(grep 'shared archive' <<<"$logs")"; fi
log "CDS archive mapped (-Xshare:on starts)"

nosystemd podman stop -t 10 "$name" >/dev/null
logs="$(podman logs "$name" 2>&1)"
grep -q 'zego-aiagent-mock-server: stopped' <<<"$logs" || fail "no graceful stop on SIGTERM: $(tail -3 <<<"$logs")"
# Start to first signed Code 0, with the image's CDS archive and without it (reported, not a
# check: the machine's load decides the figure; BENCHMARKS.md, "Start-up").
first_answer_ms() { # extra java options for the entrypoint, or none
  local n="zego-mock-time-$$" t0 t1 nonce ts sig
  t0=$(date +%s%N)
  nosystemd "${podman_run[@]}" -d --name "$n" -e ZEGO_MOCK_PORT="$port" -e ZEGO_MOCK_APP_ID="$app_id" \
    -e ZEGO_MOCK_SERVER_SECRET="$secret" --entrypoint /opt/java/bin/java "$tag" -XX:+UseSerialGC "$@" \
    -jar /opt/mock/zego-aiagent-mock-server.jar >/dev/null
  for _ in $(seq 1 3000); do
    nonce="$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"; ts="$(date +%s)"
    sig="$(printf '%s%s%s%s' "$app_id" "$nonce" "$secret" "$ts" | md5sum | cut -d' ' -f1)"
    if curl -s --max-time 2 -X POST -d '{}' "http://127.0.0.1:$port/?Action=ListAgents&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=$sig&SignatureVersion=2.0" \
        | grep -q '"Code":0'; then break; fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  podman rm -f -t 5 "$n" >/dev/null 2>&1 || true
  echo $(( (t1 - t0) / 1000000 ))
}
with_cds="$(first_answer_ms -XX:SharedArchiveFile=/opt/mock/zego-aiagent-mock-server.jsa)"
without_cds="$(first_answer_ms -Xshare:auto)"
log "podman run to first Code 0: ${with_cds} ms with the CDS archive, ${without_cds} ms without (load $(cut -d' ' -f1 /proc/loadavg))"
log "OK: healthy, uid $uid, signed ListAgents Code 0 (and its request log line), wrong signature 100000005, CDS archive mapped, graceful stop"
