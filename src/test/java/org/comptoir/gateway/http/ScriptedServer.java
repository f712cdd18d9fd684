package org.comptoir.gateway.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real HTTP server on loopback (mockwebserver3) that answers queued responses in order, except for paths given a
 * standing answer (OVH's {@code /auth/time}), which are neither queued nor counted in {@link #seen}.
 */
final class ScriptedServer implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private final BlockingQueue<MockResponse> queue = new LinkedBlockingQueue<>();
    private final Map<String, MockResponse> standing = new ConcurrentHashMap<>();

    ScriptedServer() throws IOException {
        this(0);
    }

    /** On {@code port} (0: any free one). */
    ScriptedServer(int port) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                for (Map.Entry<String, MockResponse> e : standing.entrySet()) {
                    if (path.endsWith(e.getKey())) {
                        return e.getValue();
                    }
                }
                seen.add(request);
                MockResponse next = queue.poll();
                return next != null ? next : new MockResponse.Builder().code(599).body("no answer scripted").build();
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), port);
    }

    /** The base URL, without a trailing slash. */
    String base() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    ScriptedServer enqueue(int code, String body) {
        queue.add(new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build());
        return this;
    }

    ScriptedServer enqueue(MockResponse response) {
        queue.add(response);
        return this;
    }

    ScriptedServer always(String pathSuffix, int code, String body) {
        standing.put(pathSuffix, new MockResponse.Builder().code(code).body(body).build());
        return this;
    }

    RecordedRequest request(int i) {
        return seen.get(i);
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
