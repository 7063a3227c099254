# Newsflow images, from one build:
#   service (the default target)  ingest, enrich, sink (and `up` against KAFKA_BOOTSTRAP_SERVERS): no embedded
#                                 broker, no test library on the class path;
#   all-in-one (--target all-in-one)  adds the embedded broker and the eval module for `up` without Kafka,
#                                 `demo` and `eval`.
# FROM lines are build arguments so that other base images can stand in for the official ones, e.g. where no
# registry is reachable (.ci/docker-smoke builds on newsflow-local/build:17 and newsflow-local/jre:17).
ARG BUILD_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# The build's inputs are gathered in stages on an empty image and enter the build image in one layer each: under
# the vfs storage driver (CI) every layer is a full copy of the image below it, so a COPY per module into the
# build image took some 20 GB of disk per build; on an empty image a layer holds its own files only.
# Dependency cache (stage deps): the poms alone (and the Avro schemas that a pom imports), packaged with no
# sources, download every dependency and plugin of the build into a layer that is reused until one of them
# changes (a source edit rebuilds in seconds, offline).
FROM scratch AS poms
COPY pom.xml /src/
COPY schemas/pom.xml /src/schemas/
COPY text/pom.xml /src/text/
COPY embedded-kafka/pom.xml /src/embedded-kafka/
COPY ingest/pom.xml /src/ingest/
COPY enrich/pom.xml /src/enrich/
COPY sink/pom.xml /src/sink/
COPY eval/pom.xml /src/eval/
COPY launcher/pom.xml /src/launcher/
COPY examples/pom.xml /src/examples/
COPY benchmarks/pom.xml /src/benchmarks/
COPY schemas/src/main/avro /src/schemas/src/main/avro

FROM scratch AS sources
COPY schemas /src/schemas
COPY text /src/text
COPY embedded-kafka /src/embedded-kafka
COPY ingest /src/ingest
COPY enrich /src/enrich
COPY sink /src/sink
COPY eval /src/eval
COPY launcher /src/launcher
COPY examples /src/examples
COPY benchmarks /src/benchmarks
COPY testdata /src/testdata
COPY docker/entrypoint.sh /src/docker/entrypoint.sh

FROM ${BUILD_IMAGE} AS deps
WORKDIR /src
COPY --from=poms /src ./
RUN mvn -B -q -DskipTests -pl launcher -am package && rm -rf */target

FROM deps AS build
COPY --from=sources /src ./
RUN mvn -B -q -o -DskipTests -pl launcher -am package \
    && mkdir -p /out/service/bin /out/all-in-one \
    && cp -r launcher/target/lib launcher/target/newsflow.jar /out/service/ \
    && cp docker/entrypoint.sh /out/service/bin/newsflow \
    && cp -r launcher/target/lib-all-in-one /out/all-in-one/

FROM ${RUNTIME_IMAGE} AS runtime
# uid/gid 10001: bind-mounted host folders must be writable by it (chown 10001:10001); named volumes take
# the owner of the folder they are mounted on, which the image creates below.
RUN (command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*)) \
    && groupadd --system --gid 10001 newsflow \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/newsflow --no-create-home newsflow \
    && mkdir -p /var/lib/newsflow/streams /data/drop /data/events /etc/newsflow \
    && chown -R 10001:10001 /var/lib/newsflow /data
WORKDIR /var/lib/newsflow
COPY --from=build /out/service /app
USER 10001:10001
# NEWSFLOW_JAVA_OPTS: the heap is a share of the container's memory limit, the rest is for RocksDB (enrich),
# metaspace, threads and buffers (docs/operations.md "Docker"); an OutOfMemoryError ends the process so that Docker
# restarts it rather than leaving it half alive.
# LANG: the JVM writes stdout in the locale's charset; without a UTF-8 locale, the demo's "CN×12" prints "CN?12".
ENV LANG=C.UTF-8 \
    NEWSFLOW_WORK_DIR=/var/lib/newsflow \
    NEWSFLOW_STATE_DIR=/var/lib/newsflow/streams \
    NEWSFLOW_DROP_DIR=/data/drop \
    NEWSFLOW_SINK_JSONL_DIR=/data/events \
    NEWSFLOW_HTTP_BIND=0.0.0.0 \
    NEWSFLOW_HTTP_PORT=8080 \
    NEWSFLOW_LOG_FORMAT=json \
    NEWSFLOW_JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Ready, not merely alive: Kafka reachable and the stage's own checks passing.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=4 \
    CMD curl -fsS "http://127.0.0.1:${NEWSFLOW_HTTP_PORT:-8080}/health/ready" > /dev/null || exit 1
ENTRYPOINT ["/app/bin/newsflow"]

FROM runtime AS all-in-one
COPY --from=build /out/all-in-one/lib-all-in-one /app/lib-all-in-one
CMD ["up"]

FROM runtime AS service
CMD ["--help"]
