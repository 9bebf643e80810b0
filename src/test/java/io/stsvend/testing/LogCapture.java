package io.stsvend.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.stsvend.audit.AuditTrail;

import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log record of the running application (a java.util.logging handler on the root logger) with its
 * category and fully formatted text, stack traces included, plus each raw parameter, so tests can assert both what
 * is logged and what never appears in logs (a parameter the format does not use still counts). Close it to remove
 * the handler.
 *
 * <p>Audit lines are written by the audit trail's own thread a little after their request; reading the captured
 * records first writes the lines queued so far ({@link AuditTrail#flush()}), so a request's line is there as soon as
 * its response is.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /**
     * One captured record.
     *
     * @param parameters the record's parameters as strings, whether or not its format uses them
     * @param thread     the name of the thread that wrote the record
     */
    public record Line(String category, Level level, String text, List<String> parameters, String thread) {

        /** Whether the text, the category or any parameter contains {@code value}. */
        public boolean contains(String value) {
            return text.contains(value) || category.contains(value)
                    || parameters.stream().anyMatch(p -> p.contains(value));
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        flushAuditTrail();
        return List.copyOf(lines);
    }

    /** Texts of the records of one category. */
    public List<String> texts(String category) {
        flushAuditTrail();
        return lines.stream().filter(l -> category.equals(l.category())).map(Line::text).toList();
    }

    /** The captured records that contain {@code value} anywhere ({@link Line#contains}). */
    public List<Line> linesContaining(String value) {
        flushAuditTrail();
        return lines.stream().filter(l -> l.contains(value)).toList();
    }

    private static void flushAuditTrail() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            try (InstanceHandle<AuditTrail> trail = container.instance(AuditTrail.class)) {
                if (trail.isAvailable()) {
                    trail.get().flush();
                }
            }
        }
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringBuilder text = new StringBuilder(String.valueOf(message));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
        lines.add(new Line(String.valueOf(record.getLoggerName()), record.getLevel(), text.toString(),
                Arrays.stream(parameters).map(String::valueOf).toList(), Thread.currentThread().getName()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
