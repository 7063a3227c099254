package io.newsflow.sink;

import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's database writers, each with its own connection, thread and hand-over slot. Writer i writes, in order,
 * the batches of the partitions p with p mod writers = i, each batch in a transaction of its own with those
 * partitions' offsets. A writer takes its next batch as soon as it has committed the one before; the reader waits
 * only when the writer it hands a batch to already has one waiting (backpressure). An idle writer checks its
 * connection now and then, so that health tells the truth and a connection dropped meanwhile is replaced before
 * the next batch needs it.
 */
final class DatabaseWriters implements AutoCloseable {

    /** What the writers do, supplied by the sink (retries, health, dead letters live there). */
    interface Tasks {
        /** Writes one batch, retrying until it is committed or the sink stops. */
        void write(ChangeBatch batch, PostgresEventStore store, String what);

        /** Checks the connection of a writer that had nothing to write for a while. */
        void ping(PostgresEventStore store, String what);

        boolean sinkRunning();

        /** A writer stopped on anything but a stop: the sink must stop, the writer's partitions would stay unwritten. */
        void failed(Throwable failure);
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseWriters.class);
    private static final long WAIT_MS = 100;
    /** Less than the sink's own stop timeout, so a stop ends within it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final List<PostgresEventStore> stores = new ArrayList<>();
    private final List<BlockingQueue<ChangeBatch>> waiting = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Tasks tasks;
    private final Duration idlePing;
    private volatile boolean open = true;

    DatabaseWriters(int count, Supplier<PostgresEventStore> newStore, Duration idlePing, Tasks tasks) {
        this.tasks = tasks;
        this.idlePing = idlePing;
        for (int i = 0; i < count; i++) {
            stores.add(newStore.get());
            waiting.add(new ArrayBlockingQueue<>(1));
        }
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> run(index), "newsflow-sink-writer-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Hands a batch to writer i, waiting while it still has one waiting; false once the sink stops. */
    boolean submit(int index, ChangeBatch batch) throws InterruptedException {
        while (running()) {
            if (waiting.get(index).offer(batch, WAIT_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private void run(int index) {
        String name = stores.size() == 1 ? "" : " (writer " + (index + 1) + ")";
        PostgresEventStore store = stores.get(index);
        long lastContact = System.nanoTime();
        try {
            while (running()) {
                ChangeBatch batch = waiting.get(index).poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    tasks.write(batch, store, "write to PostgreSQL" + name);
                    lastContact = System.nanoTime();
                } else if (System.nanoTime() - lastContact > idlePing.toNanos()) {
                    tasks.ping(store, "reach PostgreSQL" + name);
                    lastContact = System.nanoTime();
                }
            }
        } catch (InterruptedException | RuntimeException | Error e) {
            if (running()) {
                tasks.failed(e);
            }
        }
    }

    private boolean running() {
        return open && tasks.sinkRunning();
    }

    /**
     * Lets each writer end its write under way (it retries only while the sink runs), then closes the connections
     * of the writers that ended; one still writing keeps its connection (its thread is a daemon, its transaction
     * rolls back when the process ends).
     */
    @Override
    public void close() {
        open = false;
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} is still writing after {}; leaving it", thread.getName(), STOP_TIMEOUT);
            } else {
                stores.get(i).close();
            }
        }
    }
}
