package io.newsflow.sink;

import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's database writers, each with its own connection, thread and hand-over slot. Writer i writes, in order,
 * the batches of the partitions p with p mod writers = i, each batch in a transaction of its own with those
 * partitions' offsets. A writer takes its next batch as soon as it has committed the one before, whatever the others
 * do; the reader waits only when the writer it hands a batch to already has one waiting (backpressure).
 */
final class DatabaseWriters implements AutoCloseable {

    /** Writes one batch, retrying until it is committed or the sink stops. */
    @FunctionalInterface
    interface BatchWriter {
        void write(ChangeBatch batch, PostgresEventStore store, String what);
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseWriters.class);
    private static final long WAIT_MS = 100;

    private final List<PostgresEventStore> stores = new ArrayList<>();
    private final List<BlockingQueue<ChangeBatch>> waiting = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final BatchWriter writer;
    private final Consumer<Throwable> onFailure;
    private final BooleanSupplier sinkRunning;
    private volatile boolean open = true;

    /**
     * @param sinkRunning false once the sink stops: writers then end after their write under way, and nobody waits
     *                    to hand them a batch
     * @param onFailure   told when a writer stops on anything but a stop: the sink must stop, as a writer that is
     *                    gone would leave its partitions unwritten
     */
    DatabaseWriters(int count, Supplier<PostgresEventStore> newStore, BatchWriter writer, BooleanSupplier sinkRunning,
                    Consumer<Throwable> onFailure) {
        this.writer = writer;
        this.sinkRunning = sinkRunning;
        this.onFailure = onFailure;
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

    int count() {
        return stores.size();
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
        String what = count() == 1 ? "write to PostgreSQL" : "write to PostgreSQL (writer " + (index + 1) + ")";
        try {
            while (running()) {
                ChangeBatch batch = waiting.get(index).poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    writer.write(batch, stores.get(index), what);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (running()) {
                onFailure.accept(e);
            }
        }
    }

    private boolean running() {
        return open && sinkRunning.getAsBoolean();
    }

    /** Lets each writer end its write under way (it retries only while the sink runs), then closes the connections. */
    @Override
    public void close() {
        open = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                log.warn("{} still writing after 30 s; its transaction will roll back", thread.getName());
            }
        }
        stores.forEach(PostgresEventStore::close);
    }
}
