package dev.drillbit.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.drillbit.discord.ShardManagerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures log events of one logger hierarchy at or above a level, e.g. every WARN and ERROR of
 * {@code net.dv8tion}: JDA only logs a dispatch it could not parse, so a test must look here to notice.
 * Thread-safe; detach with {@link #close()}.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger;
    private final Level threshold;
    /** Null to capture every bot's events; else only events of JDA threads connected to this gateway. */
    private final String gateway;

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private LogCapture(String loggerName, Level threshold, String gateway) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.logger = context.getLogger(loggerName);
        this.threshold = threshold;
        this.gateway = gateway;
        setContext(context);
        setName("capture-" + loggerName);
        start();
        logger.addAppender(this);
    }

    public static LogCapture attach(String loggerName, Level threshold) {
        return new LogCapture(loggerName, threshold, null);
    }

    /**
     * Like {@link #attach(String, Level)}, but leaves out events logged on the threads of a bot connected to
     * another gateway: the logger is process-wide, and a bot of an earlier test may still be finishing.
     * Events from threads that carry no gateway are kept.
     */
    public static LogCapture attach(String loggerName, Level threshold, String gateway) {
        return new LogCapture(loggerName, threshold, gateway);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String from = event.getMDCPropertyMap().get(ShardManagerFactory.GATEWAY_MDC_KEY);
        if (gateway != null && from != null && !from.equals(gateway)) {
            return;
        }
        if (event.getLevel().isGreaterOrEqual(threshold)) {
            events.add(event);
        }
    }

    /** Captured events as "LEVEL logger: message" lines, for assertions with readable failures. */
    public List<String> lines() {
        return events.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " (" + e.getThrowableProxy().getClassName() + ": "
                                        + e.getThrowableProxy().getMessage() + ")"))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
