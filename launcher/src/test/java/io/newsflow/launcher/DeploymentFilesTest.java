package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.config.FeedsFile;
import io.newsflow.launcher.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * What can be checked of the deployment files (Docker, the example feeds file) without a Docker engine: the compose file's services,
 * health checks and start order, and that every variable it and the Dockerfile set is one that
 * Newsflow reads, and every command it runs exists.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> NEWSFLOW_SERVICES = Set.of("ingest", "enrich", "sink");
    private static final Set<String> KNOWN_SETTINGS = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void composeRunsTheWholeSystem() throws Exception {
        assertThat(services()).containsKeys("kafka", "registry", "postgres", "ingest", "enrich", "sink");
        assertThat(services().get("kafka").get("image").toString()).startsWith("apache/kafka:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void infrastructureHasHealthChecksAndServicesWaitForThem() throws Exception {
        for (String infra : List.of("kafka", "registry", "postgres")) {
            assertThat(services().get(infra)).as(infra).containsKey("healthcheck");
        }
        Map<String, Map<String, Object>> services = services();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object dependsOn = service.getValue().get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            ((Map<String, Map<String, Object>>) dependsOn).forEach((dependency, condition) -> {
                assertThat(services).as(service.getKey() + " depends on a defined service").containsKey(dependency);
                assertThat(condition.get("condition")).as(service.getKey() + " waits for " + dependency + " to be healthy")
                        .isEqualTo("service_healthy");
            });
        }
        assertThat(services.get("sink").get("depends_on").toString()).contains("postgres");
    }

    @Test
    void theImageChecksItsOwnHealth() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("HEALTHCHECK").contains("/health/ready");
        Matcher env = Pattern.compile("\\b(NEWSFLOW_[A-Z_]+)=").matcher(dockerfile);
        while (env.find()) {
            assertThat(KNOWN_SETTINGS).as("Dockerfile sets " + env.group(1)).contains(env.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void newsflowServicesRunRealCommandsWithKnownSettings() throws Exception {
        CommandLine cli = new CommandLine(new Newsflow());
        for (String name : NEWSFLOW_SERVICES) {
            Map<String, Object> service = services().get(name);
            List<String> command = (List<String>) service.get("command");
            assertThat(cli.getSubcommands()).as(name + " runs a newsflow command").containsKey(command.get(0));
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env).containsKey("KAFKA_BOOTSTRAP_SERVERS");
            for (String variable : env.keySet()) {
                // NAME_FILE reads a secret setting NAME from a file (compose secrets).
                String setting = !KNOWN_SETTINGS.contains(variable) && variable.endsWith("_FILE") ? variable.substring(0, variable.length() - "_FILE".length()) : variable;
                assertThat(KNOWN_SETTINGS).as(name + " sets " + variable).contains(setting);
            }
        }
        assertThat((Map<String, Object>) services().get("sink").get("environment")).containsKey("NEWSFLOW_SINK_JDBC_URL");
    }

    @Test
    void theImageBuildCopiesEveryModuleOfTheBuild() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        int modules = 0;
        while (module.find()) {
            modules++;
            assertThat(dockerfile).as("Dockerfile copies module " + module.group(1)).contains("COPY " + module.group(1) + " ");
        }
        assertThat(modules).isGreaterThanOrEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheServicesAsOpsNeedThem() throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (String name : NEWSFLOW_SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("healthcheck").toString()).as(name + " health check").contains("/health/ready");
            assertThat(seconds(service.get("stop_grace_period").toString())).as(name + " stop_grace_period above the 10 s shutdown bound")
                    .isGreaterThan(10);
            assertThat(service.get("mem_limit")).as(name + " memory limit").isNotNull();
            assertThat((List<String>) service.get("ports")).as(name + " publishes health and metrics").hasSize(1)
                    .allSatisfy(port -> assertThat(port).endsWith(":8080"));
            Map<String, Object> logging = (Map<String, Object>) service.get("logging");
            assertThat((Map<String, Object>) logging.get("options")).as(name + " rotates its logs").containsKeys("max-size", "max-file");
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                boolean readOnlyFile = volume.toString().endsWith(":ro");
                assertThat(readOnlyFile || !source.startsWith(".")).as(name + " writes to named volumes, not host folders: " + volume).isTrue();
            }
        }
        assertThat((Map<String, Object>) services.get("ingest").get("environment")).containsKey("NEWSFLOW_FEEDS_FILE");
        assertThat(services.get("ingest").get("volumes").toString()).contains("/etc/newsflow/feeds.yaml:ro");
        assertThat(services.get("enrich").get("volumes").toString()).contains("enrich-state:/var/lib/newsflow/streams");
        assertThat(services.get("kafka").get("ports").toString()).contains(":9094:9094");
        assertThat(services.get("kafka").get("environment").toString()).contains("EXTERNAL://");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeKeepsPasswordsOutOfTheFile() throws Exception {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Map<String, Object> env = (Map<String, Object>) service.getValue().getOrDefault("environment", Map.of());
            env.forEach((variable, value) -> {
                if (variable.contains("PASSWORD")) {
                    assertThat(variable).as(service.getKey() + " reads " + variable + " from a file").endsWith("_FILE");
                    assertThat(value.toString()).startsWith("/run/secrets/");
                }
            });
        }
    }

    @Test
    void theImageIsBuiltFromBaseImagesGivenAsArgumentsWithACachedDependencyLayer() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG BUILD_IMAGE=maven:", "ARG RUNTIME_IMAGE=eclipse-temurin:", "FROM ${BUILD_IMAGE}",
                "FROM ${RUNTIME_IMAGE}", "AS service", "AS all-in-one");
        assertThat(dockerfile.indexOf("COPY --from=poms")).as("poms before sources")
                .isPositive().isLessThan(dockerfile.indexOf("COPY --from=sources"));
        // vfs storage (CI) copies the whole file system per layer: the build image takes its inputs in two COPYs
        String buildStages = dockerfile.substring(dockerfile.indexOf("FROM ${BUILD_IMAGE}"), dockerfile.indexOf("FROM ${RUNTIME_IMAGE}"));
        assertThat(buildStages.lines().filter(line -> line.startsWith("COPY"))).hasSize(2);
        // The last stage is what `docker build` makes without --target: the service image.
        assertThat(dockerfile.lastIndexOf("FROM ")).isEqualTo(dockerfile.indexOf("FROM runtime AS service"));
        assertThat(dockerfile.substring(dockerfile.indexOf("FROM runtime AS service"))).doesNotContain("lib-all-in-one");
        assertThat(Files.readString(ROOT.resolve("docker/entrypoint.sh"))).contains("exec java ${NEWSFLOW_JAVA_OPTS:-}");
    }

    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertThat(m.matches()).as("duration in seconds: " + duration).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theConfigurationGuideDocumentsEverySetting() throws Exception {
        String guide = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (Setting setting : Setting.values()) {
            assertThat(guide).as("docs/configuration.md's table").contains("| `" + setting.name() + "` |");
        }
    }

    @Test
    void theExampleFeedsFileIsValid() throws Exception {
        FeedsConfig config = new FeedsFile(variable -> "secret-of-" + variable).load(ROOT.resolve("feeds.example.yaml"));
        assertThat(config.problems()).isEmpty();
        assertThat(config.feeds()).hasSize(2);
    }
}
