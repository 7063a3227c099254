# Newsflow: one image, three services (`ingest`, `enrich`, `sink`) or all of them (`up`).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY schemas schemas
COPY ingest ingest
COPY enrich enrich
COPY sink sink
COPY launcher launcher
COPY benchmarks benchmarks
COPY testdata testdata
RUN mvn -B -q -DskipTests -pl launcher -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /var/lib/newsflow newsflow \
    && mkdir -p /var/lib/newsflow /data/drop /data/events && chown -R newsflow /var/lib/newsflow /data
WORKDIR /var/lib/newsflow
COPY --from=build /src/launcher/target/newsflow.jar /app/newsflow.jar
COPY --from=build /src/launcher/target/lib /app/lib
USER newsflow
ENV NEWSFLOW_WORK_DIR=/var/lib/newsflow \
    NEWSFLOW_DROP_DIR=/data/drop \
    NEWSFLOW_SINK_JSONL_DIR=/data/events \
    NEWSFLOW_HTTP_PORT=8080 \
    NEWSFLOW_LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=4 \
    CMD curl -fsS http://localhost:8080/health || exit 1
# exec form: the JVM is PID 1's child-free process and gets SIGTERM for a graceful shutdown.
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
CMD ["up"]
