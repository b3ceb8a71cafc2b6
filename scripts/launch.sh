# Shared by scripts/parshell, scripts/parshell-worker and scripts/bench: find the project, and build it
# when it was never built or the build is older than what it is built from.
# With PARSHELL_STARTUP_TRACE set, the shell reports when this script started and when it ran java.
[ -n "${PARSHELL_STARTUP_TRACE:-}" ] && export PARSHELL_LAUNCHER_START="${EPOCHREALTIME:-}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# module_jar MODULE: the module's built jar, or nothing.
module_jar() {
  ls "$ROOT/$1"/target/parshell-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1
}

# stale_reason MODULE: why MODULE's jar must be built again (nothing when it is up to date): it is
# missing, a POM or a source file of any module is newer, or the checkout's commit is newer
# (a pull or checkout that left older file times behind).
stale_reason() {
  local jar newer commit_time
  jar="$(module_jar "$1")"
  if [ -z "$jar" ] || [ ! -d "$ROOT/$1/target/lib" ]; then
    echo "first use"
    return
  fi
  newer="$(find "$ROOT" \( -name target -o -name .git \) -prune -o \( -name pom.xml -o -path '*/src/*' \) \
    -type f -newer "$jar" -print -quit 2>/dev/null)"
  if [ -n "$newer" ]; then
    echo "${newer#"$ROOT"/} changed since the last build"
    return
  fi
  commit_time="$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || true)"
  if [ -n "$commit_time" ] && [ "$commit_time" -gt "$(stat -c %Y "$jar")" ]; then
    echo "the checkout moved to commit $(git -C "$ROOT" rev-parse --short HEAD) after the last build"
  fi
}

# build_if_stale MODULE: package the project (saying why on standard error) when MODULE's jar is stale.
# PARSHELL_NO_BUILD=1 runs what is there. Launches at the same time build once, one after the other.
build_if_stale() {
  local module="$1" reason
  [ "${PARSHELL_NO_BUILD:-}" = 1 ] && return
  reason="$(stale_reason "$module")"
  [ -z "$reason" ] && return
  mkdir -p "$ROOT/$module/target"
  exec 9>"$ROOT/$module/target/.parshell-build.lock"
  command -v flock >/dev/null && flock 9
  reason="$(stale_reason "$module")"
  if [ -n "$reason" ]; then
    echo "parshell: building the project ($reason)..." >&2
    (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) >&2 || { echo "parshell: build failed" >&2; exit 1; }
    # Maven leaves a jar whose classes did not change as it was; mark it as built from what is here now.
    touch "$(module_jar "$module")"
  fi
  exec 9>&-
}

# jdk_major: the feature version (17, 21, 25...) of the java that runs, read from its release file.
jdk_major() {
  local home="${JAVA_HOME:-}"
  if [ -z "$home" ]; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  if [ -r "$home/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release"
  else
    "$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

# jvm_flags: flags for newer JDKs only. From JDK 23 on, Netty's (and FST's) use of sun.misc.Unsafe
# prints warnings at the user unless allowed (JDK 17 and 21 refuse that option, and need none); from
# JDK 24 on, JLine loading its native terminal library does unless native access is enabled.
jvm_flags() {
  local major
  major="$(jdk_major)"
  if [ -n "$major" ] && [ "$major" -ge 23 ]; then
    echo "--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  fi
}

# The name the launchers used before builds were checked for staleness.
build_if_missing() {
  build_if_stale "$@"
}

# class_path MODULE: the module's jar and its runtime libraries.
class_path() {
  local module="$1"
  echo "$(module_jar "$module"):$ROOT/$module/target/lib/*"
}
