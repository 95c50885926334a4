package dev.orgplatform.deploy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;

/**
 * A small authoritative DNS server for tests, over UDP on the test stack's DNS port: it answers TXT questions from
 * the records a test puts, NXDOMAIN for any other name. user-service of the test stack verifies domains against it.
 */
public final class TestDns implements AutoCloseable {

    private static final int TXT = 16;
    private static TestDns running;

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Thread loop;

    private TestDns(int port) throws SocketException {
        socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
        loop = new Thread(this::serve, "test-dns");
        loop.setDaemon(true);
        loop.start();
    }

    /** The one server of this JVM on the test stack's DNS port, started on first use. */
    public static synchronized TestDns start() {
        if (running == null) {
            try {
                running = new TestDns(StackConfig.of(StackProfile.TEST).dnsPort());
            } catch (SocketException e) {
                throw new UncheckedIOException("the test DNS port is taken", e);
            }
        }
        return running;
    }

    public void putTxt(String name, String... texts) {
        txt.put(name.toLowerCase(Locale.ROOT), List.of(texts));
    }

    public void remove(String name) {
        txt.remove(name.toLowerCase(Locale.ROOT));
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                byte[] answer = answer(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The response to one query: its header and question echoed, then the TXT answers (or NXDOMAIN). */
    private byte[] answer(byte[] q) {
        if (q.length < 12) {
            return null;
        }
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (pos < q.length && q[pos] != 0) {
            int len = q[pos] & 0xff;
            if (pos + 1 + len > q.length) {
                return null;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(q, pos + 1, len, StandardCharsets.US_ASCII));
            pos += 1 + len;
        }
        int questionEnd = pos + 5;
        if (questionEnd > q.length) {
            return null;
        }
        int type = ((q[pos + 1] & 0xff) << 8) | (q[pos + 2] & 0xff);
        List<String> texts = txt.get(name.toString().toLowerCase(Locale.ROOT));
        List<String> answers = type == TXT && texts != null ? texts : List.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x84 | (q[2] & 0x01)); // a response, authoritative, recursion desired as asked
        out.write(texts == null ? 3 : 0); // NXDOMAIN for a name it does not know
        out.write(0);
        out.write(1); // one question
        out.write(0);
        out.write(answers.size());
        out.write(new byte[4], 0, 4); // no authority, no additional records
        out.write(q, 12, questionEnd - 12);
        for (String text : answers) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            out.write(new byte[] {(byte) 0xc0, 12, 0, TXT, 0, 1, 0, 0, 0, 30}, 0, 10); // the question's name, TXT, IN, TTL 30 s
            out.write((t.length + 1) >> 8);
            out.write((t.length + 1) & 0xff);
            out.write(t.length);
            out.write(t, 0, t.length);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
    }
}
