package io.stsvend.bench;

import org.HdrHistogram.Histogram;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A fixed-rate (open-loop) HTTP/1.1 load generator that accounts for coordinated omission: request i is due at
 * {@code start + i / rate} whether or not earlier ones were answered, and its latency is measured from that due time,
 * not from when a connection was free to send it. When every connection is busy, due requests wait in a backlog and
 * that wait counts, so a stalled server shows up as the queueing delay it would cause clients arriving at that rate.
 * Bearer tokens from a file rotate over the requests; only requests due after the warm-up are recorded.
 *
 * <p>It runs on the same two cores as the service it measures (bench/run.sh, "half the capacity"), so it has to be
 * cheap: one thread and one {@link Selector} over {@code CONNECTIONS} keep-alive, non-blocking sockets, at most one
 * request outstanding on each (no pipelining), requests encoded once per token, buffers reused per connection, and
 * between requests it sleeps instead of spinning. A response that arrives while it sleeps is seen when it wakes, at
 * most {@value #MAX_NAP_MICROS} µs (or one request interval, if shorter) later plus the kernel's timer slack, and a
 * request is sent that late after its due time at most: both count in its latency, so at a few thousand requests a
 * second the latencies it reports are a couple of hundred µs high. Sleeping less would cost more CPU: at 5,000 req/s
 * its CPU goes mostly to the kernel (a sleep and a wake-up per request or so, the loopback writes and reads). The
 * previous generator, a Vert.x client fed one request at a time from a pacing thread, took 64-80% of a core at ~6,800
 * req/s, and the p99 it reported was partly its own.
 *
 * <p>Requests due before the end that still wait for a connection then are sent after it, and all of them are
 * waited for at most {@link #DRAIN}: the backlog of a server that fell behind counts, as a client's would.
 *
 * <p>Usage: {@code FixedRateLoad URL TOKENS_FILE RATE SECONDS CONNECTIONS [WARMUP_SECONDS]} (warm-up 2 s if not
 * given; blank lines in the file are skipped). Prints one line {@code RESULT rate=.. sent=.. ok=.. errors=..
 * unfinished=.. p50_us=.. p90_us=.. p99_us=.. p999_us=.. max_us=..}: {@code sent} is how many recorded requests were
 * answered or failed, {@code ok} those answered 200, {@code errors} the rest (another status, a reset or a closed
 * connection, a response it could not parse), {@code unfinished=true} if some due request was still unsent or
 * unanswered 60 s after the end. Exits 1 if no request succeeded.
 */
public final class FixedRateLoad {

    /** How long after the last request is due it waits for the backlog and the outstanding answers. */
    static final Duration DRAIN = Duration.ofSeconds(60);
    private static final long MAX_NAP_MICROS = 200;
    private static final long MAX_NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(MAX_NAP_MICROS);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /** The longest blocking select, so the deadline is checked now and then while waiting for answers. */
    private static final long MAX_SELECT_MILLIS = 100;
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private FixedRateLoad() {
    }

    /** What a run measured; {@link #line()} is the one line bench/run.sh and bench/report.sh parse. */
    record Result(double rate, long sent, long ok, long errors, boolean unfinished, long p50Us, long p90Us,
            long p99Us, long p999Us, long maxUs) {

        static Result of(double rate, long ok, long errors, boolean unfinished, Histogram latencies) {
            return new Result(rate, latencies.getTotalCount(), ok, errors, unfinished,
                    latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(90),
                    latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9),
                    latencies.getMaxValue());
        }

        String line() {
            return String.format(Locale.ROOT, "RESULT rate=%.0f sent=%d ok=%d errors=%d unfinished=%s p50_us=%d"
                    + " p90_us=%d p99_us=%d p999_us=%d max_us=%d", rate, sent, ok, errors, unfinished, p50Us, p90Us,
                    p99Us, p999Us, maxUs);
        }
    }

    public static void main(String[] args) throws IOException {
        URI url = URI.create(args[0]);
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(t -> !t.isBlank()).toList();
        double rate = Double.parseDouble(args[2]);
        long seconds = Long.parseLong(args[3]);
        int connections = Integer.parseInt(args[4]);
        long warmupSeconds = args.length > 5 ? Long.parseLong(args[5]) : 2;
        Result result = run(url, tokens, rate, Duration.ofSeconds(seconds), connections,
                Duration.ofSeconds(warmupSeconds));
        // The one line bench/run.sh parses; stdout on purpose (a command-line tool, not the service).
        System.out.println(result.line());
        System.exit(result.ok() > 0 ? 0 : 1);
    }

    /**
     * Sends GET {@code url} at {@code rate} per second for {@code warmup + duration} over {@code connections}
     * connections, the Authorization header rotating over {@code tokens}, and waits for the answers (at most
     * {@link #DRAIN}). Only requests due after the warm-up are recorded.
     */
    static Result run(URI url, List<String> tokens, double rate, Duration duration, int connections,
            Duration warmup) throws IOException {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs: " + url);
        }
        if (tokens.isEmpty() || connections < 1 || !(rate > 0) || rate > 1e9) {
            throw new IllegalArgumentException("needs tokens, a connection and a rate in (0, 1e9] per second");
        }
        try (Load load = new Load(url, tokens, rate, connections)) {
            return load.run(duration.toNanos(), warmup.toNanos());
        }
    }

    /** One run's state; single-threaded, every method runs on the caller's thread. */
    private static final class Load implements Closeable {

        private final double rate;
        private final long interval;
        private final InetSocketAddress address;
        /** Every token's request, back to back; request t is {@code [offsets[t], offsets[t + 1])}. */
        private final ByteBuffer requests;
        private final int[] offsets;
        private final Selector selector;
        private final Connection[] connections;
        /** Connected and idle. */
        private final Connection[] idle;
        private int idleCount;
        /** No socket: opened again when a request needs it (a server that refuses is not retried in a loop). */
        private final Connection[] down;
        private int downCount;
        private int connecting;
        private int outstanding;
        private final Histogram latencies = new Histogram(3);
        private long ok;
        private long errors;
        private long start;
        private long measureFrom;
        private final Consumer<SelectionKey> onReady = this::onReady;

        Load(URI url, List<String> tokens, double rate, int connectionCount) throws IOException {
            this.rate = rate;
            this.interval = (long) (1e9 / rate);
            int port = url.getPort() < 0 ? 80 : url.getPort();
            String host = url.getHost();
            this.address = new InetSocketAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                    port);
            String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                target += "?" + url.getRawQuery();
            }
            byte[] head = ("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer ")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[][] encoded = new byte[tokens.size()][];
            long bytes = 0;
            for (int t = 0; t < encoded.length; t++) {
                encoded[t] = tokens.get(t).getBytes(StandardCharsets.US_ASCII);
                bytes += head.length + encoded[t].length + tail.length;
            }
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tokens too large to encode at once: " + bytes + " bytes");
            }
            this.requests = ByteBuffer.allocateDirect((int) bytes);
            this.offsets = new int[encoded.length + 1];
            for (int t = 0; t < encoded.length; t++) {
                offsets[t] = requests.position();
                requests.put(head).put(encoded[t]).put(tail);
            }
            offsets[encoded.length] = requests.position();
            this.selector = Selector.open();
            this.connections = new Connection[connectionCount];
            this.idle = new Connection[connectionCount];
            this.down = new Connection[connectionCount];
            for (int c = 0; c < connectionCount; c++) {
                connections[c] = new Connection(requests.duplicate());
            }
        }

        Result run(long durationNanos, long warmupNanos) throws IOException {
            for (Connection c : connections) {
                if (!open(c)) {
                    down[downCount++] = c;
                }
            }
            long connectDeadline = System.nanoTime() + CONNECT_WAIT.toNanos();
            while (connecting > 0 && System.nanoTime() - connectDeadline < 0) {
                selector.select(onReady, MAX_SELECT_MILLIS);
            }
            start = System.nanoTime();
            measureFrom = start + warmupNanos;
            long end = measureFrom + durationNanos;
            long total = (end - start) / interval;
            long deadline = end + DRAIN.toNanos();
            long next = 0;
            boolean finished = false;
            boolean polled = false;
            // Each turn: take in what arrived (one epoll_wait, skipped right after a blocking select), send what is
            // due on the free connections, then sleep until the next request is due or an answer may be in.
            while (true) {
                if (!polled) {
                    selector.selectNow(onReady);
                }
                polled = false;
                long now = System.nanoTime();
                while (next < total && start + next * interval - now <= 0) {
                    Connection c = takeFree();
                    if (c == null) {
                        break;
                    }
                    send(c, next++);
                }
                if (next == total && outstanding == 0) {
                    finished = true;
                    break;
                }
                if (now - deadline >= 0) {
                    break;
                }
                // The next due request if a connection can take it, else (a backlog, or all sent) only answers.
                boolean canSend = next < total && (idleCount > 0 || downCount > 0);
                long wait = canSend ? start + next * interval - System.nanoTime() : Long.MAX_VALUE;
                if (wait <= 0) {
                    continue;
                }
                if (wait - MAX_NAP_NANOS >= MILLI) {
                    // Long enough for select's millisecond timeout, which also wakes at once on an answer.
                    selector.select(onReady, Math.min((wait - MAX_NAP_NANOS) / MILLI, MAX_SELECT_MILLIS));
                    polled = true;
                } else {
                    // Shorter than select can time: nap, and look at the sockets again after at most MAX_NAP.
                    LockSupport.parkNanos(outstanding + connecting > 0 ? Math.min(wait, MAX_NAP_NANOS) : wait);
                }
            }
            return Result.of(rate, ok, errors, !finished, latencies);
        }

        /** An idle connection, else one without a socket (opened by {@link #send}), else none. */
        private Connection takeFree() {
            if (idleCount > 0) {
                return idle[--idleCount];
            }
            return downCount > 0 ? down[--downCount] : null;
        }

        private void send(Connection c, long i) {
            int t = (int) (i % (offsets.length - 1));
            c.request.clear().position(offsets[t]).limit(offsets[t + 1]);
            c.due = start + i * interval;
            c.busy = true;
            outstanding++;
            if (c.channel == null && !open(c)) {
                fail(c);
                return;
            }
            if (c.connected) {
                write(c);
            }
        }

        /** Starts connecting {@code c} (it may connect at once); false if even that failed. */
        private boolean open(Connection c) {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = channel.connect(address);
                c.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
                c.channel = channel;
                c.connected = connected;
                if (connected) {
                    if (!c.busy) {
                        idle[idleCount++] = c;
                    }
                } else {
                    connecting++;
                }
                return true;
            } catch (IOException e) {
                closeQuietly(channel);
                return false;
            }
        }

        private void write(Connection c) {
            try {
                c.channel.write(c.request);
            } catch (IOException e) {
                fail(c);
                return;
            }
            if (c.request.hasRemaining()) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void onReady(SelectionKey key) {
            Connection c = (Connection) key.attachment();
            if (!key.isValid() || key != c.key) {
                return;
            }
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                connected(c);
            } else {
                if ((ready & SelectionKey.OP_WRITE) != 0) {
                    write(c);
                    if (c.key == key && !c.request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if ((ready & SelectionKey.OP_READ) != 0 && c.key == key) {
                    read(c);
                }
            }
        }

        private void connected(Connection c) {
            try {
                if (!c.channel.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                fail(c);
                return;
            }
            connecting--;
            c.connected = true;
            c.key.interestOps(SelectionKey.OP_READ);
            if (c.busy) {
                write(c);
            } else {
                idle[idleCount++] = c;
            }
        }

        private void read(Connection c) {
            ByteBuffer in = c.in;
            int n;
            try {
                n = c.channel.read(in);
            } catch (IOException e) {
                fail(c);
                return;
            }
            if (n == 0) {
                return;
            }
            if (n < 0) {
                if (c.busy && c.response.endOfStream(in.position()) == Response.DONE) {
                    complete(c, c.response.status == 200);
                    reopen(c);
                } else {
                    fail(c);
                }
                return;
            }
            if (!c.busy) {
                fail(c); // bytes no request asked for (a 408 before an idle close, say): start afresh
                return;
            }
            int state = c.response.parse(in.array(), in.position());
            if (state == Response.MORE) {
                if (!in.hasRemaining()) {
                    if (in.capacity() >= MAX_RESPONSE_BYTES) {
                        fail(c);
                        return;
                    }
                    c.in = ByteBuffer.allocate(Math.min(MAX_RESPONSE_BYTES, in.capacity() * 2)).put(in.flip());
                }
                return;
            }
            if (state == Response.BAD) {
                fail(c);
                return;
            }
            complete(c, c.response.status == 200);
            // Bytes past the answer, or a request not fully written, leave the connection in no state to reuse.
            if (c.response.close || c.response.end != in.position() || c.request.hasRemaining()) {
                reopen(c);
            } else {
                in.clear();
                c.response.reset();
                idle[idleCount++] = c;
            }
        }

        private void complete(Connection c, boolean success) {
            long now = System.nanoTime();
            if (c.due - measureFrom >= 0) {
                latencies.recordValue(Math.max(1, (now - c.due) / 1000));
                if (success) {
                    ok++;
                } else {
                    errors++;
                }
            }
            c.busy = false;
            outstanding--;
        }

        /** The connection broke (or was never made): its request, if any, is an error; reopened on demand. */
        private void fail(Connection c) {
            if (c.busy) {
                complete(c, false);
            }
            forget(c);
            down[downCount++] = c;
        }

        /** The server closed cleanly after an answer, or asked to: connect again now, not when a request waits. */
        private void reopen(Connection c) {
            forget(c);
            if (!open(c)) {
                down[downCount++] = c;
            }
        }

        /** Closes {@code c}'s socket and takes it out of the idle list and the connecting count. */
        private void forget(Connection c) {
            for (int j = 0; j < idleCount; j++) {
                if (idle[j] == c) {
                    idle[j] = idle[--idleCount];
                    break;
                }
            }
            if (c.channel != null && !c.connected) {
                connecting--;
            }
            closeQuietly(c.channel);
            c.channel = null;
            c.key = null;
            c.connected = false;
            c.in.clear();
            c.response.reset();
        }

        @Override
        public void close() throws IOException {
            for (Connection c : connections) {
                closeQuietly(c.channel);
            }
            selector.close();
        }

        private static void closeQuietly(SocketChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway; nothing to report
                }
            }
        }
    }

    /** A connection's socket and buffers, and the request it holds (at most one). */
    private static final class Connection {
        /** A view of the encoded requests, positioned on this connection's current one. */
        final ByteBuffer request;
        ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_BYTES);
        final Response response = new Response();
        SocketChannel channel;
        SelectionKey key;
        boolean connected;
        boolean busy;
        long due;

        Connection(ByteBuffer request) {
            this.request = request;
        }
    }

    /**
     * An HTTP/1.x response parsed as its bytes arrive, from the start of a buffer that holds nothing else: status
     * code, headers up to the blank line, then a body of {@code Content-Length} bytes, chunked (sizes in hex, chunk
     * extensions ignored, trailers up to the blank line after the 0 chunk), none (1xx, 204, 304) or up to the end of
     * the stream. {@link #parse} is called with the whole buffer each time more arrived and picks up where it
     * stopped.
     */
    static final class Response {
        static final int MORE = 0;
        static final int DONE = 1;
        static final int BAD = -1;

        int status;
        /** The server closes after this answer (Connection: close, HTTP/1.0 without keep-alive, body until close). */
        boolean close;
        /** Where the answer ends in the buffer, once {@link #DONE}. */
        int end;
        private int headerEnd;
        private int scanned;
        private long contentLength;
        private boolean chunked;
        private boolean untilClose;
        private boolean trailers;
        /** The next chunk-size line, or trailer line. */
        private int chunkAt;

        Response() {
            reset();
        }

        void reset() {
            status = 0;
            close = false;
            end = -1;
            headerEnd = -1;
            scanned = 0;
            contentLength = -1;
            chunked = false;
            untilClose = false;
            trailers = false;
            chunkAt = 0;
        }

        /** {@link #DONE}, {@link #MORE} or {@link #BAD}, given the buffer's first {@code limit} bytes. */
        int parse(byte[] b, int limit) {
            if (headerEnd < 0) {
                int blank = indexOf(b, Math.max(0, scanned - 3), limit, true);
                if (blank < 0) {
                    scanned = limit;
                    return MORE;
                }
                headerEnd = blank + 4;
                if (!head(b)) {
                    return BAD;
                }
            }
            if (chunked) {
                return chunks(b, limit);
            }
            if (untilClose) {
                return MORE;
            }
            if (limit - headerEnd >= contentLength) {
                end = headerEnd + (int) contentLength;
                return DONE;
            }
            return MORE;
        }

        /** The stream ended after {@code limit} bytes: {@link #DONE} if the body was to run up to there. */
        int endOfStream(int limit) {
            if (headerEnd >= 0 && untilClose) {
                end = limit;
                return DONE;
            }
            return BAD;
        }

        private boolean head(byte[] b) {
            if (headerEnd < 16 || !startsWith(b, 0, "HTTP/1.") || b[8] != ' ') {
                return false;
            }
            boolean keepAlive = b[7] != '0';
            status = 0;
            for (int i = 9; i < 12; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
                status = status * 10 + b[i] - '0';
            }
            int line = indexOf(b, 0, headerEnd, false) + 2;
            while (line < headerEnd - 2) {
                int eol = indexOf(b, line, headerEnd, false);
                int colon = line;
                while (colon < eol && b[colon] != ':') {
                    colon++;
                }
                int from = colon + 1;
                int to = eol;
                while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                    from++;
                }
                while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                    to--;
                }
                if (colon == eol) {
                    return false;
                } else if (nameIs(b, line, colon, "content-length")) {
                    contentLength = 0;
                    for (int i = from; i < to; i++) {
                        if (b[i] < '0' || b[i] > '9' || contentLength > MAX_RESPONSE_BYTES) {
                            return false;
                        }
                        contentLength = contentLength * 10 + b[i] - '0';
                    }
                    if (from == to || contentLength > MAX_RESPONSE_BYTES) {
                        return false;
                    }
                } else if (nameIs(b, line, colon, "transfer-encoding")) {
                    chunked = contains(b, from, to, "chunked");
                } else if (nameIs(b, line, colon, "connection")) {
                    close |= contains(b, from, to, "close");
                    keepAlive |= contains(b, from, to, "keep-alive");
                }
                line = eol + 2;
            }
            close |= !keepAlive;
            if (status / 100 == 1 || status == 204 || status == 304) {
                chunked = false;
                contentLength = 0;
            } else if (chunked) {
                chunkAt = headerEnd;
            } else if (contentLength < 0) {
                untilClose = true;
                close = true;
            }
            return true;
        }

        private int chunks(byte[] b, int limit) {
            while (true) {
                int eol = indexOf(b, chunkAt, limit, false);
                if (eol < 0) {
                    return MORE;
                }
                if (trailers) {
                    if (eol == chunkAt) {
                        end = eol + 2;
                        return DONE;
                    }
                    chunkAt = eol + 2;
                    continue;
                }
                long size = 0;
                int i = chunkAt;
                for (; i < eol && hex(b[i]) >= 0; i++) {
                    size = size * 16 + hex(b[i]);
                    if (size > MAX_RESPONSE_BYTES) {
                        return BAD;
                    }
                }
                if (i == chunkAt || (i < eol && b[i] != ';' && b[i] != ' ' && b[i] != '\t')) {
                    return BAD;
                }
                if (size == 0) {
                    trailers = true;
                    chunkAt = eol + 2;
                    continue;
                }
                long next = eol + 2 + size + 2;
                if (next > limit) {
                    return MORE; // this size line is read again when the rest of the chunk is in
                }
                if (b[(int) next - 2] != '\r' || b[(int) next - 1] != '\n') {
                    return BAD;
                }
                chunkAt = (int) next;
            }
        }

        /** The first CRLF (or CRLFCRLF) in {@code [from, limit)}, or -1. */
        private static int indexOf(byte[] b, int from, int limit, boolean blankLine) {
            int last = limit - (blankLine ? 4 : 2);
            for (int i = from; i <= last; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n' && (!blankLine || (b[i + 2] == '\r' && b[i + 3] == '\n'))) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean startsWith(byte[] b, int from, String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                if (b[from + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean nameIs(byte[] b, int from, int to, String lowerCase) {
            if (to - from != lowerCase.length()) {
                return false;
            }
            for (int i = 0; i < lowerCase.length(); i++) {
                if (lower(b[from + i]) != lowerCase.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean contains(byte[] b, int from, int to, String lowerCase) {
            for (int i = from; i + lowerCase.length() <= to; i++) {
                if (nameIs(b, i, i + lowerCase.length(), lowerCase)) {
                    return true;
                }
            }
            return false;
        }

        private static int lower(byte c) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }

        private static int hex(byte c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            int l = lower(c);
            return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
        }
    }
}
