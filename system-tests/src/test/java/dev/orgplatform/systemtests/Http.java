package dev.orgplatform.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP for tight polling and load from many threads (RestAssured is too slow for that). Never throws: an
 * exchange that got no answer (refused, reset, timed out) is status -1 with the exception's text as body.
 */
final class Http {

    /** One exchange: its answer and when it was sent and answered ({@link System#nanoTime()}). */
    record Answer(String method, String url, int status, String contentType, String retryAfter, String body, long sentNanos,
            long answeredNanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean answered() {
            return status > 0;
        }

        /**
         * A 503 problem document that tells the client when to come back and names the part that is unavailable, or
         * a 409 saying the change lost a race with another: what an outage may look like.
         */
        boolean retryableProblem() {
            boolean problem = contentType != null && contentType.startsWith("application/problem+json") && body != null;
            return problem && (status == 503 && retryAfter != null && body.contains("\"unavailable\":\"") || lostRace());
        }

        /** A 409 problem saying another change to the same data committed first, so this one changed nothing. */
        boolean lostRace() {
            return status == 409 && contentType != null && contentType.startsWith("application/problem+json") && body != null
                    && body.contains("\"title\":\"Concurrent change\"");
        }

        @Override
        public String toString() {
            String text = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + url + " -> " + status + " [" + contentType + ", Retry-After " + retryAfter + "] " + text;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static Map<String, String> apiKey(String secret) {
        return Map.of("X-API-Key", secret);
    }

    static Answer get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    static Answer post(String url, Map<String, String> headers, String json) {
        return send("POST", url, headers, json);
    }

    static Answer delete(String url, Map<String, String> headers) {
        return send("DELETE", url, headers, null);
    }

    static Answer send(String method, String url, Map<String, String> headers, String json) {
        return send(method, url, headers, json, true);
    }

    /** {@code jsonType}: a body goes out as application/json unless {@code headers} name its type; false sends none. */
    static Answer send(String method, String url, Map<String, String> headers, String json, boolean jsonType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        if (json != null && jsonType && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            b.header("Content-Type", "application/json");
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, url, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.body(), sent, System.nanoTime());
        } catch (IOException e) {
            return new Answer(method, url, -1, null, null, e.toString(), sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(method, url, -1, null, null, "interrupted", sent, System.nanoTime());
        }
    }

    /**
     * A request announcing a JSON body of {@code contentLength} bytes and sending none of it: what a server that refuses
     * by the announced length answers (a client uploading the whole body may see the connection close first).
     */
    static Answer announceBody(String method, String url, Map<String, String> headers, long contentLength) {
        URI uri = URI.create(url);
        long sent = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(head(method, uri, "Content-Length: " + contentLength, headers));
            socket.getOutputStream().flush();
            return readAnswer(socket, method, url, sent);
        } catch (IOException | RuntimeException e) {
            return new Answer(method, url, -1, null, null, e.toString(), sent, System.nanoTime());
        }
    }

    /**
     * A JSON body sent chunked, without announcing its length: what a server that counts the body as it reads it
     * answers (it may close the connection before the whole body is out; the answer is read all the same).
     */
    static Answer sendChunked(String method, String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        long sent = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head(method, uri, "Transfer-Encoding: chunked", headers));
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                for (int at = 0; at < bytes.length; at += 65_536) {
                    int n = Math.min(65_536, bytes.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(bytes, at, n);
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered before reading it all
            }
            return readAnswer(socket, method, url, sent);
        } catch (IOException | RuntimeException e) {
            return new Answer(method, url, -1, null, null, e.toString(), sent, System.nanoTime());
        }
    }

    /** A request's line and headers for a JSON body framed by {@code framing}, as bytes on the wire. */
    private static byte[] head(String method, URI uri, String framing, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nContent-Type: application/json\r\n" + framing + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Answer readAnswer(java.net.Socket socket, String method, String url, long sent) throws IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        String[] statusLine = in.readLine().split(" ", 3);
        String contentType = null;
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            String[] header = line.split(":", 2);
            if (header[0].equalsIgnoreCase("Content-Type")) {
                contentType = header[1].trim();
            } else if (header[0].equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header[1].trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new Answer(method, url, Integer.parseInt(statusLine[1]), contentType, null, new String(body, 0, read), sent,
                System.nanoTime());
    }
}
