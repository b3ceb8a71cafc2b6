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

# The feature version of the java that runs, found once.
JDK_MAJOR="$(jdk_major)"

# jvm_flags: flags for newer JDKs only. From JDK 23 on, Netty's (and FST's) use of sun.misc.Unsafe
# prints warnings at the user unless allowed (JDK 17 and 21 refuse that option, and need none); from
# JDK 24 on, JLine loading its native terminal library does unless native access is enabled.
jvm_flags() {
  local major="$JDK_MAJOR"
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

# Class-data sharing (AppCDS): a JVM that maps an archive of the classes a session loads starts faster. The
# archives are made by a training run (a short session with one local worker, at a terminal when `script` is
# there) under repl/target/cds, one pair (shell, worker) per JDK feature version, made again when a jar or
# the JDK is newer than them. PARSHELL_NO_BUILD=1 uses what is there and makes nothing.
CDS_DIR="$ROOT/repl/target/cds"

cds_archive() {
  echo "$CDS_DIR/$1-$JDK_MAJOR.jsa"
}

# cds_fresh: whether both archives are there and newer than the jars and the JDK they were made from.
cds_fresh() {
  local shell worker home
  shell="$(cds_archive shell)"
  worker="$(cds_archive worker)"
  [ -s "$shell" ] && [ -s "$worker" ] || return 1
  home="$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")"
  [ -z "$(find "$(module_jar repl)" "$ROOT/repl/target/lib" "$home/release" -newer "$shell" -print -quit 2>/dev/null)" ]
}

# cds_flags: the shell's flags for its archive and its workers' (nothing when the archives are not fresh).
# Logging of the cds tags is off, so an archive the JVM cannot use is passed over in silence.
cds_flags() {
  cds_fresh || return 0
  echo "-Xlog:cds=off,cds+dynamic=off -XX:SharedArchiveFile=$(cds_archive shell) -Dparshell.worker.cds=$(cds_archive worker)"
}

# make_cds_archives: the training run, archives written under temporary names, checked, then renamed
# (a JVM given half an archive crashes). One at a time; a launch that finds it under way goes on without.
make_cds_archives() {
  local shell worker tmp status=0
  command -v flock >/dev/null || return 1
  mkdir -p "$CDS_DIR"
  exec 8>"$CDS_DIR/.lock"
  flock -n 8 || { exec 8>&-; return 0; }
  rm -rf "$CDS_DIR"/training.* # what a training run ended midway left
  if ! cds_fresh; then
    shell="$(cds_archive shell)"
    worker="$(cds_archive worker)"
    tmp="$CDS_DIR/training.$$"
    rm -rf "$tmp" && mkdir -p "$tmp/home"
    printf '%s\n' 'int squared(int x) { return x * x; }' \
      'System.out.println(pmap(x -> squared(x), List.of(1, 2, 3)));' \
      'record Item(int id, String name) { }' \
      'System.out.println(pmap(i -> new Item(i, "n" + i), rangeClosed(1, 3)));' '/exit' > "$tmp/training.jsh"
    local java_command="$(printf '%q ' "$JAVA" @"$ROOT/scripts/jvm.options" $(jvm_flags) -Xlog:cds=off,cds+dynamic=off \
      -XX:ArchiveClassesAtExit="$tmp/shell.jsa" -Dparshell.worker.cds-dump="$tmp/worker.jsa" \
      -cp "$(class_path repl)" org.parshell.repl.ParshellMain --workers 1)"
    if command -v script >/dev/null; then
      (cd "$tmp" && HOME="$tmp/home" script -qfec "stty cols 120 rows 40; exec $java_command" /dev/null < training.jsh) >/dev/null 2>&1 || status=$?
    else
      (cd "$tmp" && HOME="$tmp/home" eval "$java_command" < training.jsh) >/dev/null 2>&1 || status=$?
    fi
    if [ "$status" = 0 ] && cds_usable "$tmp/shell.jsa" && cds_usable "$tmp/worker.jsa"; then
      mv -f "$tmp/worker.jsa" "$worker" && mv -f "$tmp/shell.jsa" "$shell" && rm -f "$(cds_failed)"*
    else
      echo "the training run ended with status $status, or a JVM could not map what it wrote" > "$(cds_failed)"
      status=1
    fi
    rm -rf "$tmp"
  fi
  exec 8>&-
  return "$status"
}

# cds_usable ARCHIVE: whether a JVM on the shell's class path maps ARCHIVE (it must, with -Xshare:on).
cds_usable() {
  [ -s "$1" ] && (cd "$(dirname "$1")" && "$JAVA" -Xshare:on -Xlog:cds=off,cds+dynamic=off -XX:-CreateCoredumpOnCrash \
    -XX:SharedArchiveFile="$1" -cp "$(class_path repl)" -version) >/dev/null 2>&1
}

# cds_failed: the mark a failed training run leaves; while it is newer than the jars, none is tried again.
cds_failed() {
  echo "$CDS_DIR/failed-$JDK_MAJOR"
}

# cds_in_background: makes the archives behind this session when they are not fresh (this session runs
# without them). After a failed training run, says so once on standard error and tries no more until the
# jars change.
cds_in_background() {
  local failed
  [ "${PARSHELL_NO_BUILD:-}" = 1 ] && return
  cds_fresh && return
  failed="$(cds_failed)"
  for mark in "$failed" "$failed.noted"; do
    if [ -f "$mark" ] && [ -z "$(find "$(module_jar repl)" "$ROOT/repl/target/lib" -newer "$mark" -print -quit 2>/dev/null)" ]; then
      if [ "$mark" = "$failed" ] && mv -f "$failed" "$failed.noted"; then
        echo "parshell: no class-data archives ($(cat "$failed.noted")); starting without them" >&2
      fi
      return 0
    fi
  done
  # started twice removed, so that it is no descendant of the shell's JVM (one that ends its descendants spares it)
  ( (trap '' INT HUP; make_cds_archives) </dev/null >/dev/null 2>&1 & )
}
