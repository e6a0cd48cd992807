package dev.recommender.server;

import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The turn rule of {@link FairHttpConnectionFactory}: once a turn is over, reads report no bytes and leave
 * them in the socket for the next turn; every other call reaches the socket. (That the server's answers
 * are unchanged with it is what every other test of this module checks; the latency it buys under load is
 * in docs/benchmarks.md.)
 */
class FairHttpConnectionFactoryTest {
    @Test
    void aReadAfterTheTurnReportsNoBytesAndTheNextTurnGetsThemAll() throws IOException {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        socket.addInput("GET /health HTTP/1.1\r\n\r\n");
        AtomicBoolean over = new AtomicBoolean(true);
        FairHttpConnectionFactory.TurnEndPoint turns = new FairHttpConnectionFactory.TurnEndPoint(socket, over::get);

        ByteBuffer buffer = BufferUtil.allocate(1024);
        assertEquals(0, turns.fill(buffer), "a turn that is over reads nothing");
        assertEquals(0, buffer.remaining());

        over.set(false);
        assertEquals(24, turns.fill(buffer), "the next turn reads every byte that waited");
        assertEquals("GET /health HTTP/1.1\r\n\r\n", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
    }

    @Test
    void everyOtherCallReachesTheSocket() throws IOException {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        FairHttpConnectionFactory.TurnEndPoint turns = new FairHttpConnectionFactory.TurnEndPoint(socket, () -> true);
        assertTrue(turns.flush(BufferUtil.toBuffer("HTTP/1.1 200 OK\r\n\r\n")));
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", socket.takeOutputString());
        assertEquals(socket.getIdleTimeout(), turns.getIdleTimeout());
        turns.setIdleTimeout(1234);
        assertEquals(1234, socket.getIdleTimeout());
        assertTrue(turns.isOpen());
        turns.close();
        assertFalse(socket.isOpen(), "close reaches the socket");
    }
}
