# Sourced by the sample applications' launchers (demo/scripts/run-demo.sh,
# rest-server/scripts/run-server.sh); not run on its own.
#
# app_java TARGET   prints the java to run a packaged application with: $JAVA if set, else the
#                   JDK the build compiled and tested it with, which the package phase recorded
#                   in TARGET/toolchain-java.txt (the default java on the machine may be too old).
# app_jar TARGET NAME MODULE   prints TARGET/NAME.jar, or fails saying how to build MODULE.
app_java() {
  if [[ -n "${JAVA:-}" ]]; then
    echo "$JAVA"
    return
  fi
  local home
  home="$(sed -n 's/^ *java\.home = //p' "$1/toolchain-java.txt" 2>/dev/null | head -n 1)"
  if [[ -z "$home" || ! -x "$home/bin/java" ]]; then
    echo "no JDK recorded in $1/toolchain-java.txt; package the application again or set JAVA" >&2
    return 1
  fi
  echo "$home/bin/java"
}

app_jar() {
  if [[ ! -f "$1/$2.jar" || ! -d "$1/lib" ]]; then
    echo "$1/$2.jar is not built; from the repository root:" \
      "./mvnw -B -q -pl $3 -am package -DskipTests" >&2
    return 1
  fi
  echo "$1/$2.jar"
}
