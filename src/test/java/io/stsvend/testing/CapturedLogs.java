package io.stsvend.testing;

import org.jboss.logmanager.LogContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log record of the running application (message, parameters and stack trace, formatted) while
 * installed on the root logger, so tests can assert what never appears in logs.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = LogContext.getLogContext().getLogger("");

    public static CapturedLogs install() {
        CapturedLogs logs = new CapturedLogs();
        logs.setLevel(Level.ALL);
        logs.root.addHandler(logs);
        return logs;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLoggerName()).append(' ').append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(' ').append(p);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    /** Every captured record, formatted. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines that contain {@code value}. */
    public List<String> linesContaining(String value) {
        return lines.stream().filter(l -> l.contains(value)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
