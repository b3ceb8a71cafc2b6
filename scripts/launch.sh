# Shared by scripts/parshell and scripts/parshell-worker: find the project, build it on first use.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# build_if_missing MODULE: package the project unless MODULE's jar and libraries are already there.
build_if_missing() {
  local module="$1"
  if ! ls "$ROOT/$module"/target/parshell-*.jar >/dev/null 2>&1 || [ ! -d "$ROOT/$module/target/lib" ]; then
    echo "parshell: building the project (first use)..." >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package) >&2 || { echo "parshell: build failed" >&2; exit 1; }
  fi
}

# class_path MODULE: the module's jar and its runtime libraries.
class_path() {
  local module="$1"
  local jar
  jar="$(ls "$ROOT/$module"/target/parshell-*.jar | grep -v -- '-tests.jar' | head -n 1)"
  echo "$jar:$ROOT/$module/target/lib/*"
}
