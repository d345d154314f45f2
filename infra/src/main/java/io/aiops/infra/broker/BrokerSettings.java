package io.aiops.infra.broker;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a broker that is also the only controller and the only replica. */
final class BrokerSettings {
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerSettings() {}

  static Properties singleNode(
      Path logDir, String host, int brokerPort, int controllerPort, int nodeId) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(nodeId));
    props.put("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
    props.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + host
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + host
            + ":"
            + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("log.dirs", logDir.toString());

    // One replica of everything: internal topics default to 3 and would never be created.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    // Internal topics default to 50 partitions; creating that many logs costs seconds on 2 cores.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.num.partitions", "5");

    // Topics come from TopicLayout; a typo in a topic name must fail, not create a topic.
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "3");
    // Nobody else will join: rebalance at once instead of waiting 3 s for more members.
    props.put("group.initial.rebalance.delay.ms", "0");
    // The default 128 MiB dedupe buffer is allocated at start; 8 MiB is plenty for `_schemas`.
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    // Compaction and retention act on closed segments only; at the 1 GiB default nothing on a
    // laptop-sized log is ever closed, and a data directory reused across runs grows with every
    // superseded changelog state and expired sample. This is also the default of topics that
    // were created before it was set.
    props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
    // A simulated fleet runs its clock ahead of the wall clock; Kafka 4 rejects records more than
    // an hour in the future by default, which would refuse every simulated sample after the first.
    props.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
    return props;
  }
}
