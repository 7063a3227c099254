package io.newsflow.enrich.grouping.state;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/** A topology holding the grouping stores (heap kind) and nothing else, for tests to reach them directly. */
final class GroupingStoresDriver {

    private GroupingStoresDriver() {
    }

    static TopologyTestDriver start() {
        StreamsBuilder builder = new StreamsBuilder();
        GroupingStores.builders(GroupingStores.Kind.IN_MEMORY).forEach(builder::addStateStore);
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    @Override
                    public void process(Record<String, String> record) {
                    }
                }, GroupingStores.names());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "grouping-stores-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), props);
    }

    /** The grouping stores of the driver, as a task that starts now sees them. */
    static GroupingStores stores(TopologyTestDriver driver) {
        return new GroupingStores(driver.getKeyValueStore(GroupingStores.EVENTS),
                driver.getKeyValueStore(GroupingStores.DOCUMENT_FREQUENCY),
                driver.getKeyValueStore(GroupingStores.ARTICLES));
    }
}
