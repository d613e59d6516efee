package dev.drillbit.discord;

import dev.drillbit.cluster.LoginSlots;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's session controller, with Discord's login limit kept across processes: before a shard logs in
 * (IDENTIFY), it reserves its bucket ({@code shard_id % max_concurrency}, the concurrency JDA read from
 * {@code GET /gateway/bot}) in {@link LoginSlots}, which several processes sharing one database share, and
 * waits for the slot when another process logged in on that bucket less than {@link #SPACING} ago. Within
 * the process JDA's own per-bucket workers still space this process's shards. When the store cannot be asked
 * the shard logs in anyway (a login refused by Discord is retried by JDA; a shard held back is not).
 *
 * <p>With a gateway override (the local stand-in) the gateway URL is fixed, also for reconnects, which would
 * otherwise go to discord.gg. Thread-safe like its parent.
 */
final class CoordinatedSessionController extends ConcurrentSessionController {
    /** Discord's five seconds between logins of a bucket, and a quarter second for the way there. */
    static final Duration SPACING = Duration.ofSeconds(IDENTIFY_DELAY).plusMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatedSessionController.class);

    private final Optional<String> gatewayUrl;
    private final LoginSlots slots;
    private final Clock clock;
    private final Map<SessionConnectNode, Gated> gated = new ConcurrentHashMap<>();
    private volatile int concurrency = 1;

    CoordinatedSessionController(Optional<String> gatewayUrl, LoginSlots slots, Clock clock) {
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void setConcurrency(int level) {
        super.setConcurrency(level);
        concurrency = Math.max(1, level);
    }

    @Override
    public String getGateway() {
        return gatewayUrl.orElseGet(super::getGateway);
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        Gated wrapper = gated.computeIfAbsent(node, Gated::new);
        super.appendSession(wrapper);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        Gated wrapper = gated.remove(node);
        super.removeSession(wrapper != null ? wrapper : node);
    }

    /** Waits for the bucket's slot of {@code shard}, then returns. */
    void awaitSlot(int shard) throws InterruptedException {
        int bucket = shard % concurrency;
        while (true) {
            Duration wait;
            try {
                wait = slots.reserve(bucket, clock.instant(), SPACING);
            } catch (UncheckedIOException e) {
                LOG.warn(
                        "shard {}: the login slot could not be reserved ({}); logging in anyway",
                        shard,
                        e.getMessage());
                return;
            }
            if (wait.isZero()) {
                return;
            }
            LOG.info(
                    "shard {}: another login on bucket {} was less than {} ago; waiting {} ms",
                    shard,
                    bucket,
                    SPACING,
                    wait.toMillis());
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    /** A connect node that takes its bucket's login slot before it connects. */
    private final class Gated implements SessionConnectNode {
        private final SessionConnectNode node;

        Gated(SessionConnectNode node) {
            this.node = node;
        }

        @Override
        public boolean isReconnect() {
            return node.isReconnect();
        }

        @Override
        public JDA getJDA() {
            return node.getJDA();
        }

        @Override
        public JDA.ShardInfo getShardInfo() {
            return node.getShardInfo();
        }

        @Override
        public void run(boolean isLast) throws InterruptedException {
            awaitSlot(node.getShardInfo().getShardId());
            gated.remove(node, this);
            node.run(isLast);
        }
    }
}
