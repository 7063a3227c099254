# Newsflow images, from one build:
#   service (the default target)  ingest, enrich, sink (and `up` against KAFKA_BOOTSTRAP_SERVERS): no embedded
#                                 broker, no test library on the class path;
#   all-in-one (--target all-in-one)  adds the embedded broker and the eval module for `up` without Kafka,
#                                 `demo` and `eval`.
# FROM lines are build arguments so that other base images can stand in for the official ones, e.g. where no
# registry is reachable (.ci/docker-smoke builds on newsflow-local/build:17 and newsflow-local/jre:17).
ARG BUILD_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependency cache: the poms alone, packaged with no sources, download every dependency and plugin of the
# build into a layer that is reused until a pom changes (a source edit rebuilds in seconds, offline).
COPY pom.xml ./
COPY schemas/pom.xml schemas/
COPY text/pom.xml text/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY sink/pom.xml sink/
COPY eval/pom.xml eval/
COPY launcher/pom.xml launcher/
COPY examples/pom.xml examples/
COPY benchmarks/pom.xml benchmarks/
# The Avro schemas too: the Avro plugin needs the files its pom imports (they change seldom).
COPY schemas/src/main/avro schemas/src/main/avro
RUN mvn -B -q -DskipTests -pl launcher -am package && rm -rf */target
COPY schemas schemas
COPY text text
COPY embedded-kafka embedded-kafka
COPY ingest ingest
COPY enrich enrich
COPY sink sink
COPY eval eval
COPY launcher launcher
COPY examples examples
COPY benchmarks benchmarks
COPY testdata testdata
COPY docker/entrypoint.sh docker/entrypoint.sh
# /out holds each image's /app, so that each takes it in one layer (every layer is a full copy on some storage
# drivers, e.g. vfs in CI): lib/ the services' jars, lib-all-in-one/ the embedded broker and the evaluation.
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
