#!/usr/bin/env bash
# Starts a real Apache Karaf 4.4 (from Maven Central), adds camel-tamtam's features repository (which brings in
# camel-karaf 4.14.5's), installs the camel-tamtam feature, deploys a Blueprint route that sends two company IDs to
# a TamTam simulator, and checks the result in Karaf's log.
#
#   bash camel-tamtam-karaf/src/test/karaf/karaf-it.sh        (from the repository root; Java 17 + Maven)
#
# Exit 0: the route ran in Karaf. Exit 2: BLOCKED, an artifact Karaf needs could not be downloaded (printed); the
# script then checks, as a fallback, that the camel-tamtam bundle alone resolves and starts in that Karaf (see
# bundle_resolution_check). Exit 1: any other failure.
# Not part of the default build: it downloads ~40 MB (Karaf) and takes about a minute.
# Everything it starts (Karaf, the simulator) is stopped on exit; its files are under camel-tamtam-karaf/target/karaf-it.
set -uo pipefail

KARAF_VERSION="${KARAF_VERSION:-4.4.10}"
ROOT="$(cd "$(dirname "$0")/../../../.." && pwd)"
MODULE="$ROOT/camel-tamtam-karaf"
WORK="$MODULE/target/karaf-it"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

log() { printf '[karaf-it] %s\n' "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

SIM_PID=""
KARAF_HOME=""
cleanup() {
  if [ -n "$KARAF_HOME" ] && [ -x "$KARAF_HOME/bin/stop" ]; then
    "$KARAF_HOME/bin/stop" >/dev/null 2>&1 || true
    # bin/stop returns at once: wait (up to 30 s) until this instance's JVM has exited
    for _ in $(seq 1 30); do pgrep -f "karaf.base=$KARAF_HOME" >/dev/null || break; sleep 1; done
  fi
  if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# 1. the component, the simulator and the features repository in the local Maven repository (Karaf reads it there)
log "installing camel-tamtam $VERSION, the simulator and the features repository into the local Maven repository"
(cd "$ROOT" && mvn -B -q install -DskipTests -pl tamtam-simulator,camel-tamtam,camel-tamtam-karaf) || { log "FAILED: mvn install"; exit 1; }
LOCAL_REPO="$(cd "$ROOT" && mvn -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null)"
[ -d "$LOCAL_REPO" ] || LOCAL_REPO="$HOME/.m2/repository"

# 2. Apache Karaf from Maven Central
rm -rf "$WORK" && mkdir -p "$WORK"
log "downloading org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz"
(cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz" \
   -DoutputDirectory="$WORK") || { log "BLOCKED: org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz cannot be downloaded"; exit 2; }
tar xzf "$WORK/apache-karaf-$KARAF_VERSION.tar.gz" -C "$WORK"
KARAF_HOME="$WORK/apache-karaf-$KARAF_VERSION"

# Karaf resolves mvn: URLs from the local Maven repository first, then from the remote repositories its own
# etc/org.ops4j.pax.url.mvn.cfg lists (Maven Central among them)
python3 - "$KARAF_HOME/etc/org.ops4j.pax.url.mvn.cfg" "$LOCAL_REPO" <<'PY'
import sys
path, local = sys.argv[1], sys.argv[2]
with open(path, 'a') as cfg:
    cfg.write('\norg.ops4j.pax.url.mvn.localRepository=' + local + '\n')
PY
# a shell user for bin/client, and free ports (SSH, JMX) so that it runs beside anything else
sed -i 's/^#karaf = karaf,_g_:admingroup/karaf = karaf,_g_:admingroup/; s/^#_g_\\:admingroup/_g_\\:admingroup/' "$KARAF_HOME/etc/users.properties"
SSH_PORT="$(free_port)"
sed -i "s/^sshPort *= *.*/sshPort = $SSH_PORT/" "$KARAF_HOME/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *= *.*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort *= *.*/rmiServerPort = $(free_port)/" \
  "$KARAF_HOME/etc/org.apache.karaf.management.cfg"

# 3. the simulator
SIM_JAR="$ROOT/tamtam-simulator/target/tamtam-simulator-$VERSION-standalone.jar"
SIM_PORT="$(free_port)"
java -jar "$SIM_JAR" --port "$SIM_PORT" > "$WORK/simulator.out" 2>&1 &
SIM_PID=$!
BASE_URL="http://127.0.0.1:$SIM_PORT/api"
for _ in $(seq 1 50); do grep -q "listening" "$WORK/simulator.out" 2>/dev/null && break; sleep 0.2; done
grep -q "listening" "$WORK/simulator.out" || { log "FAILED: simulator did not start"; cat "$WORK/simulator.out"; exit 1; }
log "simulator at $BASE_URL"

# 4. Karaf
log "starting Karaf $KARAF_VERSION"
"$KARAF_HOME/bin/start"
# bin/client closes the session when its standard input ends: keep one open while it runs
kc() { timeout 600 "$KARAF_HOME/bin/client" -p "$SSH_PORT" -u karaf -p karaf -r 30 -d 2 "$@" < <(sleep 600) 2>&1 | grep -v 'JAVA_HOME'; }
kc "version" | grep -q "$KARAF_VERSION" || { log "FAILED: Karaf shell not reachable"; tail -20 "$KARAF_HOME/data/log/karaf.log"; exit 1; }
log "Karaf $KARAF_VERSION is up"

# Fallback when camel-karaf's bundles cannot be downloaded: does the camel-tamtam bundle itself resolve and start in
# this Karaf, against Jackson 2.19.4 (camel-karaf 4.14.5's, plain OSGi bundles from Maven Central) and the Camel 4.14
# API packages? Camel 4.x jars carry no OSGi headers, so these are wrapped here the way camel-karaf's camel-api,
# camel-util and camel-support bundles export them (org.apache.camel*;version=<camel version>). No route runs in this
# mode: that needs camel-karaf's camel-core feature.
bundle_resolution_check() {
  log "fallback: camel-tamtam bundle on Jackson 2.19.4 + wrapped Camel 4.14.1 API jars (no route)"
  local u id
  for u in mvn:com.fasterxml.jackson.core/jackson-annotations/2.19.4 mvn:com.fasterxml.jackson.core/jackson-core/2.19.4 \
           mvn:com.fasterxml.jackson.core/jackson-databind/2.19.4 \
           mvn:com.fasterxml.jackson.dataformat/jackson-dataformat-csv/2.19.4; do
    kc "bundle:install -s $u" >/dev/null
  done
  for a in camel-util camel-api camel-support camel-util-json camel-management-api; do
    kc "bundle:install -s 'wrap:mvn:org.apache.camel/$a/4.14.1\$Bundle-SymbolicName=org.apache.camel.$a&Bundle-Version=4.14.1&Export-Package=*;version=\"4.14.1\"'" >/dev/null
  done
  id="$(kc "bundle:install -s mvn:io.github.cameltamtam/camel-tamtam/$VERSION" | sed -n 's/.*Bundle ID: *\([0-9]*\).*/\1/p')"
  kc "bundle:list -s" | grep -E 'jackson|org.apache.camel|cameltamtam' | tee "$WORK/fallback-bundles.out"
  kc "package:imports -b $id" | tee "$WORK/fallback-imports.out"
  if grep -E "^ *$id *\| Active .*io.github.cameltamtam.camel-tamtam" "$WORK/fallback-bundles.out" >/dev/null; then
    log "fallback OK: io.github.cameltamtam.camel-tamtam is Active in Karaf $KARAF_VERSION, every import wired (above)"
  else
    log "fallback FAILED: the camel-tamtam bundle did not start"; kc "bundle:diag $id"
  fi
}

# 5. the feature
REPO_URL="mvn:io.github.cameltamtam/camel-tamtam-karaf/$VERSION/xml/features"
kc "feature:repo-add $REPO_URL" | tee "$WORK/repo-add.out"
kc "feature:repo-list" | tee "$WORK/repo-list.out" | grep -E 'camel-tamtam|camel-4' || true
log "feature:install aries-blueprint camel-blueprint camel-tamtam"
kc "feature:install aries-blueprint camel-blueprint camel-tamtam" | tee "$WORK/feature-install.out"
if grep -q "Error" "$WORK/feature-install.out"; then
  missing="$(sed 's/\x1b\[[0-9;]*m//g' "$WORK/feature-install.out" | grep -oE 'Error downloading mvn:[^ ]+' | sed 's/Error downloading //' | sort -u)"
  if [ -n "$missing" ]; then
    log "BLOCKED at feature:install: the Maven repository refuses these artifacts:"
    printf '  %s\n' $missing
    bundle_resolution_check
    exit 2
  fi
  log "FAILED: feature:install"; exit 1
fi
kc "bundle:list -s" | grep -E 'camel-tamtam|Camel TamTam' || true

# 6. a route
cat > "$KARAF_HOME/deploy/tamtam-route.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<blueprint xmlns="http://www.osgi.org/xmlns/blueprint/v1.0.0">
  <camelContext xmlns="http://camel.apache.org/schema/blueprint" id="tamtam-karaf-it">
    <route id="tamtam-karaf-it">
      <from uri="timer:tamtam?repeatCount=1&amp;delay=1000"/>
      <setBody><constant>1035,1441</constant></setBody>
      <to uri="tamtam:keyAccounts?apiKey=RAW(demo-key-0000)&amp;baseUrl=$BASE_URL&amp;userEmail=demo@example.com"/>
      <log message="TAMTAM-KARAF-RESULT \${body}"/>
    </route>
  </camelContext>
</blueprint>
XML
for _ in $(seq 1 60); do grep -q "TAMTAM-KARAF-RESULT" "$KARAF_HOME/data/log/karaf.log" && break; sleep 1; done
if grep "TAMTAM-KARAF-RESULT" "$KARAF_HOME/data/log/karaf.log" | grep -q "1035"; then
  grep "TAMTAM-KARAF-RESULT" "$KARAF_HOME/data/log/karaf.log" | tail -1
  log "OK: the tamtam:keyAccounts route ran in Karaf $KARAF_VERSION"
  exit 0
fi
log "FAILED: no route result in karaf.log"
grep -iE "tamtam|ERROR" "$KARAF_HOME/data/log/karaf.log" | tail -20
exit 1
