package io.newsflow.launcher.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the process uses: CPU time (all threads: the stages and the broker in process), heap in use
 * (sampled, so its peak is seen between collections), and resident memory from the kernel, also
 * per phase of the run (the whole run's peak alone does not say which stage holds the memory).
 */
final class ResourceProbe implements AutoCloseable {

    private static final long SAMPLE_MS = 100;

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeapBytes;
    private final Map<String, Long> peakRssKbByPhase = new LinkedHashMap<>();
    private volatile String phase = "start";

    ResourceProbe() {
        sampler = new Thread(this::sample, "bench-resource-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getUsage().getUsed()).sum();
            peakHeapBytes = Math.max(peakHeapBytes, heap);
            long rss = statusKb("VmRSS:");
            synchronized (peakRssKbByPhase) {
                peakRssKbByPhase.merge(phase, rss, Math::max);
            }
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU time of the whole process so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples from now on count for this phase. */
    void phase(String name) {
        phase = name;
    }

    /** The highest resident memory sampled in each phase, in the order the phases ran. */
    Map<String, Long> peakRssMbByPhase() {
        Map<String, Long> mb = new LinkedHashMap<>();
        synchronized (peakRssKbByPhase) {
            peakRssKbByPhase.forEach((name, kb) -> mb.put(name, kb >> 10));
        }
        return mb;
    }

    long peakHeapMb() {
        return peakHeapBytes >> 20;
    }

    /** The kernel's high-water mark of resident memory (VmHWM), or the highest sample when it is not there. */
    long peakRssMb() {
        long sampled;
        synchronized (peakRssKbByPhase) {
            sampled = peakRssKbByPhase.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        return Math.max(statusKb("VmHWM:"), sampled) >> 10;
    }

    static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure rather than a failed run
        }
        return 0;
    }

    static long directoryBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
