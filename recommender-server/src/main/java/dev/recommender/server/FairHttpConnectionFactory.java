package dev.recommender.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * HTTP/1.1 connections that take turns on their selector thread.
 *
 * <p>After answering a request, Jetty's {@code HttpConnection.onFillable} reads the same connection again
 * (it supports pipelining), and a client whose next request has already arrived is served before every
 * other connection of that selector. With answers computed on the selector (the server's default) and a
 * model that needs 100 µs or more per request, a few fast clients then kept others waiting for hundreds of
 * milliseconds (docs/benchmarks.md, "Serving on the selector threads"). Here a connection that has held its
 * selector for longer than {@link #TURN_NANOS} in one turn reads nothing more in that turn: its reads report
 * no bytes, so Jetty registers interest and returns to the selector, which serves the other ready
 * connections before this one again. The bytes stay in the socket; nothing is lost or reordered. A turn
 * always reads at least once, so every connection makes progress; reads outside a turn (a body's
 * continuation delivered through {@code demand}) are never held back.
 */
final class FairHttpConnectionFactory extends HttpConnectionFactory {
    /** Longest a connection keeps its selector thread in one turn before yielding: 100 µs. */
    static final long TURN_NANOS = 100_000;

    FairHttpConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        TakingTurns[] owner = new TakingTurns[1];
        TurnEndPoint turns = new TurnEndPoint(endPoint, () -> owner[0] != null && owner[0].turnIsOver());
        TakingTurns connection = new TakingTurns(getHttpConfiguration(), connector, turns);
        owner[0] = connection;
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /** An HTTP/1.1 connection that records when and on which thread its current turn began. */
    static final class TakingTurns extends HttpConnection {
        private volatile Thread turnThread;
        private long turnStart;

        TakingTurns(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        public void onFillable() {
            turnStart = System.nanoTime();
            turnThread = Thread.currentThread();
            try {
                super.onFillable();
            } finally {
                turnThread = null;
            }
        }

        /** Whether the calling thread is inside this connection's turn and the turn has run out. */
        boolean turnIsOver() {
            return turnThread == Thread.currentThread() && System.nanoTime() - turnStart > TURN_NANOS;
        }
    }

    /** The socket's end point; only {@link #fill} differs, reporting no bytes once the turn is over. */
    static final class TurnEndPoint implements EndPoint {
        private final EndPoint socket;
        private final BooleanSupplier turnIsOver;

        /**
         * @param socket     the end point every call goes to
         * @param turnIsOver whether the calling thread's turn has run out (then {@link #fill} reads nothing)
         */
        TurnEndPoint(EndPoint socket, BooleanSupplier turnIsOver) {
            this.socket = socket;
            this.turnIsOver = turnIsOver;
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            if (turnIsOver.getAsBoolean()) {
                return 0;
            }
            return socket.fill(buffer);
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
        public void fillInterested(Callback callback) {
            socket.fillInterested(callback);
        }

        @Override
        public boolean tryFillInterested(Callback callback) {
            return socket.tryFillInterested(callback);
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
