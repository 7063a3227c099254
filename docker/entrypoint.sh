#!/bin/sh
# Entry point of the Newsflow images. `exec`: the JVM replaces this shell as PID 1 and receives docker stop's
# SIGTERM itself (a graceful shutdown). NEWSFLOW_JAVA_OPTS goes on the command line, unquoted so that it splits
# into options, and not through JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS: the JVM announces those on stderr
# ("Picked up ..."), a line that is not JSON.
set -eu
# lib-all-in-one/ exists in the all-in-one image only (embedded broker, TopologyTestDriver); a class path
# wildcard over a missing folder adds nothing.
# glibc's malloc arenas, as in ./newsflow: 2 rather than up to 8 per core kept RSS 250-420 MB lower in the bench.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java ${NEWSFLOW_JAVA_OPTS:-} -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow \
  -cp "/app/newsflow.jar:/app/lib/*:/app/lib-all-in-one/*" io.newsflow.launcher.Newsflow "$@"
