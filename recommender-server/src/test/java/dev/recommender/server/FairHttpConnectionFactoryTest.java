package dev.recommender.server;

import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The turn rule of {@link FairHttpConnectionFactory}, on Jetty's in-memory end point with a hand-driven
 * clock: reads within a turn reach the socket, a read after the turn's budget reports no bytes and leaves
 * them in the socket, and asking for fill interest starts a new turn that gets them all. That the server's
 * answers are unchanged with it is what every other test of this module checks (keep-alive, slow clients,
 * reloads under load); the latency it buys under load is in docs/benchmarks.md.
 */
class FairHttpConnectionFactoryTest {
    private static final String REQUEST = "GET /health HTTP/1.1\r\n\r\n";

    @Test
    void aTurnReadsUntilItsBudgetThenWaitsForTheNextTurn() throws IOException {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        AtomicLong clock = new AtomicLong(1_000);
        FairHttpConnectionFactory.TurnEndPoint turns =
                new FairHttpConnectionFactory.TurnEndPoint(socket, 100, clock::get);
        ByteBuffer buffer = BufferUtil.allocate(1024);

        socket.addInput(REQUEST);
        assertEquals(REQUEST.length(), turns.fill(buffer), "the first read starts the turn");
        BufferUtil.clear(buffer);
        clock.addAndGet(100);
        socket.addInput(REQUEST);
        assertEquals(REQUEST.length(), turns.fill(buffer), "100 ns into a 100 ns turn still reads");
        BufferUtil.clear(buffer);

        clock.addAndGet(1);
        socket.addInput(REQUEST);
        assertEquals(0, turns.fill(buffer), "past the budget a read reports no bytes");
        assertEquals(0, turns.fill(buffer), "and keeps doing so for the rest of the turn");
        assertEquals(0, buffer.remaining());

        turns.fillInterested(Callback.NOOP);
        clock.addAndGet(1_000_000);
        assertEquals(REQUEST.length(), turns.fill(buffer), "the next turn reads the bytes that waited");
        assertEquals(REQUEST, BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
    }

    @Test
    void everyOtherCallReachesTheSocket() throws IOException {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        FairHttpConnectionFactory.TurnEndPoint turns =
                new FairHttpConnectionFactory.TurnEndPoint(socket, 100, System::nanoTime);
        assertTrue(turns.flush(BufferUtil.toBuffer("HTTP/1.1 200 OK\r\n\r\n")));
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", socket.takeOutputString());
        turns.setIdleTimeout(1234);
        assertEquals(1234, socket.getIdleTimeout());
        assertEquals(1234, turns.getIdleTimeout());
        assertTrue(turns.isOpen());
        turns.close();
        assertFalse(socket.isOpen(), "close reaches the socket");
    }
}
