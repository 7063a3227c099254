package io.newsflow.enrich;

import io.newsflow.enrich.grouping.state.GroupingStores;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The grouping stores as heap stores (what offline evaluation uses) behind a wrapper that counts
 * every write (put, delete) to any of them and, when armed, fails the n-th one: a test double of a
 * store, to fail a placement at each of its writes in turn. The write that fails is not made.
 */
final class FaultyStores {

    /** The failure the wrapper throws. */
    static final class InjectedStoreFailure extends RuntimeException {
        InjectedStoreFailure(String message) {
            super(message);
        }
    }

    private long writes;
    private long failAt = -1;

    /** Builders of the three grouping stores, all counted by this one counter. */
    List<StoreBuilder<KeyValueStore<String, byte[]>>> builders() {
        List<StoreBuilder<KeyValueStore<String, byte[]>>> builders = new ArrayList<>();
        for (String name : GroupingStores.names()) {
            builders.add(Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), Serdes.ByteArray())
                    .withCachingDisabled().withLoggingDisabled());
        }
        return builders;
    }

    /** Writes counted so far. */
    long writes() {
        return writes;
    }

    /** Fails the n-th write from now (1 = the next one), once. */
    void failAtWrite(long n) {
        failAt = writes + n;
    }

    private void write(String store, Bytes key) {
        writes++;
        if (writes == failAt) {
            failAt = -1;
            throw new InjectedStoreFailure("write " + writes + " (" + store + ", key " + new String(key.get(),
                    java.nio.charset.StandardCharsets.UTF_8) + ") failed on purpose");
        }
    }

    private KeyValueBytesStoreSupplier supplier(String name) {
        KeyValueBytesStoreSupplier inner = Stores.inMemoryKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new Counted(inner.get());
            }

            @Override
            public String metricsScope() {
                return inner.metricsScope();
            }
        };
    }

    /** Delegates to the heap store; counts (and may fail) each write. */
    private final class Counted implements KeyValueStore<Bytes, byte[]> {

        private final KeyValueStore<Bytes, byte[]> store;

        Counted(KeyValueStore<Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            write(store.name(), key);
            store.put(key, value);
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            write(store.name(), key);
            return store.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            entries.forEach(e -> put(e.key, e.value));
        }

        @Override
        public byte[] delete(Bytes key) {
            write(store.name(), key);
            return store.delete(key);
        }

        @Override
        public byte[] get(Bytes key) {
            return store.get(key);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return store.all();
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }

        @Override
        public String name() {
            return store.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            store.init(context, root);
        }

        @Override
        public void flush() {
            store.flush();
        }

        @Override
        public void close() {
            store.close();
        }

        @Override
        public boolean persistent() {
            return store.persistent();
        }

        @Override
        public boolean isOpen() {
            return store.isOpen();
        }

        @Override
        public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
            return store.query(query, bound, config);
        }

        @Override
        public Position getPosition() {
            return store.getPosition();
        }
    }
}
