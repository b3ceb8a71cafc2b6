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

# What a build was made from is kept beside each module's jar: the fingerprint of the sources (below) and the
# tree of the commit checked out then.
built_from() {
  echo "$ROOT/$1/target/.parshell-built-from"
}

# sources_fingerprint: one SHA-256 over the path and content of every POM and every file under a src/main folder
# (what `mvn package` makes the jars from), so that what changed is told by content, not by file times.
sources_fingerprint() {
  local sum=sha256sum
  command -v sha256sum >/dev/null || sum=cksum
  (cd "$ROOT" && find . \( -name target -o -name .git \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 $sum | $sum | cut -d' ' -f1)
}

# checkout_tree: the tree of the commit checked out (nothing outside a git checkout).
checkout_tree() {
  git -C "$ROOT" rev-parse -q --verify 'HEAD^{tree}' 2>/dev/null || true
}

# stale_reason MODULE: why MODULE's jar must be built again (nothing when it is up to date): it is missing, or
# the sources differ from those it was built from. When no source file is newer than the record and the same
# commit tree is checked out, nothing is read; otherwise (an edit, a touch, a pull, a commit) the sources'
# content decides, and when it is the same the record is renewed: a commit or a pull that changed no source
# rebuilds nothing, so the class-data archives made from the jars stay.
stale_reason() {
  local record fingerprint tree built built_tree mark
  if [ -z "$(module_jar "$1")" ] || [ ! -d "$ROOT/$1/target/lib" ]; then
    echo "first use"
    return
  fi
  record="$(built_from "$1")"
  if [ ! -f "$record" ]; then
    echo "no record of the sources it was built from"
    return
  fi
  read -r built built_tree < "$record" || true
  tree="$(checkout_tree)"
  if [ "$tree" = "${built_tree:-}" ] && [ -z "$(find "$ROOT" \( -name target -o -name .git \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$record" -print -quit 2>/dev/null)" ]; then
    return
  fi
  mark="$record.$$"
  : > "$mark"
  fingerprint="$(sources_fingerprint)"
  if [ "$fingerprint" = "$built" ]; then
    record_built "$mark" "$fingerprint" "$tree" "$1"
    return
  fi
  rm -f "$mark"
  echo "the sources changed since the last build"
}

# record_built MARK FINGERPRINT TREE MODULE...: what the modules' jars were built from, FINGERPRINT having been
# taken just after MARK was made: each record gets MARK's time (then MARK goes), so that a source changed while
# the fingerprint was taken, or while the build ran, is newer than the record and looked at again.
record_built() {
  local mark="$1" fingerprint="$2" tree="$3" module record
  shift 3
  for module in "$@"; do
    record="$(built_from "$module")"
    [ -d "$(dirname "$record")" ] || continue
    echo "$fingerprint $tree" > "$record.$$.new" && touch -r "$mark" "$record.$$.new" && mv -f "$record.$$.new" "$record"
  done
  rm -f "$mark"
}

# build_started: run by the Maven build itself (the root POM, before any module compiles): what the jars are about
# to be built from, kept in target/ with the time it was read. build_recorded (repl's package phase, after its jar)
# then records it as a launcher build does, if the jars of protocol, worker and repl were all made since (a build
# of some modules only records nothing), so that the next launch after a plain `mvn package` or `mvn verify`
# does not build again.
build_started() {
  mkdir -p "$ROOT/target"
  echo "$(sources_fingerprint) $(checkout_tree)" > "$(build_started_file)"
}

build_recorded() {
  local started fingerprint tree module jar
  started="$(build_started_file)"
  [ -f "$started" ] || return 0
  read -r fingerprint tree < "$started" || true
  for module in protocol worker repl; do
    jar="$(module_jar "$module")"
    if [ -z "$jar" ] || [ -z "$(find "$jar" -newer "$started" -print 2>/dev/null)" ]; then
      return 0
    fi
  done
  record_built "$started" "$fingerprint" "${tree:-}" protocol worker repl
}

build_started_file() {
  echo "$ROOT/target/.parshell-build-started"
}

# build_if_stale MODULE: package the project (saying why on standard error) when MODULE's jar is stale.
# PARSHELL_NO_BUILD=1 runs what is there. Launches at the same time build once, one after the other.
build_if_stale() {
  local module="$1" reason fingerprint tree mark
  [ "${PARSHELL_NO_BUILD:-}" = 1 ] && return
  reason="$(stale_reason "$module")"
  [ -z "$reason" ] && return
  mkdir -p "$ROOT/$module/target"
  exec 9>"$ROOT/$module/target/.parshell-build.lock"
  command -v flock >/dev/null && flock 9
  reason="$(stale_reason "$module")"
  if [ -n "$reason" ]; then
    echo "parshell: building the project ($reason)..." >&2
    # what the build reads, taken before it: a file edited while it runs makes the next launch look again
    mark="$(built_from "$module").$$"
    : > "$mark"
    fingerprint="$(sources_fingerprint)"
    tree="$(checkout_tree)"
    # its input is not the build's: a plugin that runs a program (exec-maven-plugin) passes it on, and the snippets piped
    # to the shell were gone before it started
    (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) </dev/null >&2 || { rm -f "$mark"; echo "parshell: build failed" >&2; exit 1; }
    record_built "$mark" "$fingerprint" "$tree" protocol worker repl
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

# worker_cds_flags: a worker daemon's flags for the local workers' archive (nothing when the archives are not
# fresh). The daemon must run on the shell's class path, which the archive was made with.
worker_cds_flags() {
  cds_fresh || return 0
  echo "-Xlog:cds=off,cds+dynamic=off -XX:SharedArchiveFile=$(cds_archive worker)"
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
