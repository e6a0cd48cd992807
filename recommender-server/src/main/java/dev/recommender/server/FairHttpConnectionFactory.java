package dev.recommender.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * HTTP/1.1 connections that take turns on their selector thread.
 *
 * <p>After answering a request, Jetty's {@code HttpConnection.onFillable} reads the same connection again
 * (it supports pipelining), and a client whose next request has already arrived is served before every
 * other connection of that selector. With answers computed on the selector (the server's default) and a
 * model that needs 100 µs or more per request, a few fast clients then kept others waiting for hundreds of
 * milliseconds (docs/benchmarks.md, "Serving on the selector threads"). Here a connection that has read
 * for longer than {@link #TURN_NANOS} since it last waited for bytes reads nothing more in that turn: its
 * reads report no bytes, so Jetty registers read interest and returns to the selector, which serves the
 * other ready connections before this one again. The bytes stay in the socket; nothing is lost or
 * reordered. A turn always reads at least once, so every connection makes progress. Only Jetty's public
 * API is used: the factory hands the connection a wrapped end point.
 */
final class FairHttpConnectionFactory extends HttpConnectionFactory {
    /** Longest a connection keeps its selector thread in one turn before yielding: 100 µs. */
    static final long TURN_NANOS = 100_000;

    FairHttpConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return super.newConnection(connector, new TurnEndPoint(endPoint, TURN_NANOS, System::nanoTime));
    }

    /**
     * The socket's end point, counting turns: a turn starts with the first read after the connection asked
     * to be told of new bytes ({@link #fillInterested}), and once it has lasted {@code turnNanos}, reads
     * report no bytes until the connection asks again. Every other call goes to the socket unchanged.
     */
    static final class TurnEndPoint implements EndPoint {
        private static final long NO_TURN = Long.MIN_VALUE;
        private final EndPoint socket;
        private final long turnNanos;
        private final LongSupplier clock;
        private volatile long turnStart = NO_TURN;

        /**
         * @param socket    the end point every call goes to
         * @param turnNanos how long one turn may read
         * @param clock     nanosecond clock
         */
        TurnEndPoint(EndPoint socket, long turnNanos, LongSupplier clock) {
            this.socket = socket;
            this.turnNanos = turnNanos;
            this.clock = clock;
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            long now = clock.getAsLong();
            long start = turnStart;
            if (start == NO_TURN) {
                turnStart = now;
            } else if (now - start > turnNanos) {
                return 0;
            }
            return socket.fill(buffer);
        }

        @Override
        public void fillInterested(Callback callback) {
            turnStart = NO_TURN;
            socket.fillInterested(callback);
        }

        @Override
        public boolean tryFillInterested(Callback callback) {
            turnStart = NO_TURN;
            return socket.tryFillInterested(callback);
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return socket.getRemoteAddress();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return socket.getRemoteSocketAddress();
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public long getCreatedTimeStamp() {
            return socket.getCreatedTimeStamp();
        }

        @Override
        public void shutdownOutput() {
            socket.shutdownOutput();
        }

        @Override
        public boolean isOutputShutdown() {
            return socket.isOutputShutdown();
        }

        @Override
        public boolean isInputShutdown() {
            return socket.isInputShutdown();
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public void close(Throwable cause) {
            socket.close(cause);
        }

        @Override
        public SocketAddress receive(ByteBuffer buffer) throws IOException {
            return socket.receive(buffer);
        }

        @Override
        public boolean flush(ByteBuffer... buffers) throws IOException {
            return socket.flush(buffers);
        }

        @Override
        public boolean send(SocketAddress address, ByteBuffer... buffers) throws IOException {
            return socket.send(address, buffers);
        }

        @Override
        public Object getTransport() {
            return socket.getTransport();
        }

        @Override
        public long getIdleTimeout() {
            return socket.getIdleTimeout();
        }

        @Override
        public void setIdleTimeout(long idleTimeout) {
            socket.setIdleTimeout(idleTimeout);
        }

        @Override
        public boolean isFillInterested() {
            return socket.isFillInterested();
        }

        @Override
        public void write(Callback callback, ByteBuffer... buffers) {
            socket.write(callback, buffers);
        }

        @Override
        public void write(Callback callback, SocketAddress address, ByteBuffer... buffers) {
            socket.write(callback, address, buffers);
        }

        @Override
        public Connection getConnection() {
            return socket.getConnection();
        }

        @Override
        public void setConnection(Connection connection) {
            socket.setConnection(connection);
        }

        @Override
        public void onOpen() {
            socket.onOpen();
        }

        @Override
        public void onClose(Throwable cause) {
            socket.onClose(cause);
        }

        @Override
        public void upgrade(Connection newConnection) {
            socket.upgrade(newConnection);
        }

        @Override
        public SslSessionData getSslSessionData() {
            return socket.getSslSessionData();
        }

        @Override
        public boolean isSecure() {
            return socket.isSecure();
        }

        @Override
        public String toString() {
            return "TurnEndPoint[" + socket + "]";
        }
    }
}
