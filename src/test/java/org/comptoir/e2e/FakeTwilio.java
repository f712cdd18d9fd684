package org.comptoir.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Twilio account on loopback (mockwebserver3), answering as the Messages API does (REFERENCE.md §5.1): a POST to
 * {@code Messages.json} creates a Message resource ({@code sid}, {@code status} queued, {@code num_segments}); its
 * status is read back with {@code GET Messages/{sid}.json} and moves when the test says the network delivered it;
 * replies to the shop's number are listed by {@code GET Messages.json?To=} (direction inbound) and deleted with
 * {@code DELETE Messages/{sid}.json}. A send's answer can be held until the test releases it.
 */
final class FakeTwilio implements AutoCloseable {

    static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    static final String TOKEN = "s3cr3t-auth-token-0123456789ab";
    static final String NUMBER = "+33757000001";

    /** A message the account holds, sent or received. */
    static final class Message {
        final String sid;
        final String direction;
        final String from;
        final String to;
        final String body;
        final Instant at;
        volatile String status;
        /** Twilio's error_code once the network refused it (0: none); its error_message stays null, as Twilio often leaves it */
        volatile int errorCode;

        Message(String sid, String direction, String from, String to, String body, Instant at, String status) {
            this.sid = sid;
            this.direction = direction;
            this.from = from;
            this.to = to;
            this.body = body;
            this.at = at;
            this.status = status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final List<Message> sent = new CopyOnWriteArrayList<>();
    private volatile int holdSend = -1;
    /** Sends wait at the server until this many are in flight at once (null: answered at once). */
    private volatile CountDownLatch gather;
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    FakeTwilio() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.add(request);
                return answer(request);
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    /** Points the shop's gateway at this account: Twilio over loopback, its credentials, a pace tests need not wait on. */
    void configure(Shop shop) {
        shop.settings.set("gateway", "http");
        shop.settings.set("http.provider", "twilio");
        shop.settings.set("http.baseUrl", base());
        shop.settings.set("http.twilio.accountSid", ACCOUNT);
        shop.settings.set("http.twilio.authToken", TOKEN);
        shop.settings.set("http.twilio.from", NUMBER);
        shop.settings.set("http.rate", "50");
    }

    String base() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** The {@code n}th send (1-based) is answered only after {@link #release()}. */
    void holdSend(int n) {
        holdSend = n;
    }

    /** Waits until the held send reached the server. */
    boolean awaitHeld() throws InterruptedException {
        return held.await(90, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    /**
     * Each send is answered only once {@code n} sends are at the server together (or after 20 s, so a sender that
     * sends one at a time is slow and shows it in {@link #mostInFlight} rather than hanging).
     */
    void gatherSends(int n) {
        gather = new CountDownLatch(n);
    }

    /** Someone texts the shop's Twilio number. */
    synchronized void reply(String from, String body, Instant at) {
        String sid = "SM" + String.format("%032x", counter.incrementAndGet() + 0x1000);
        messages.put(sid, new Message(sid, "inbound", from, NUMBER, body, at, "received"));
    }

    /** The network reported on the message sent to {@code to}: {@code delivered}, {@code undelivered}... */
    synchronized void status(String to, String status) {
        sent.stream().filter(m -> m.to.equals(to)).forEach(m -> m.status = status);
    }

    /** The network refused the message sent to {@code to}, with Twilio's error code ({@code undelivered}, 30003...). */
    synchronized void status(String to, String status, int errorCode) {
        sent.stream().filter(m -> m.to.equals(to)).forEach(m -> {
            m.status = status;
            m.errorCode = errorCode;
        });
    }

    /** The received messages still in the account's log. */
    synchronized List<Message> inboundLeft() {
        return messages.values().stream().filter(m -> m.direction.equals("inbound")).toList();
    }

    long requestsFor(String method, String pathPart) {
        return requests.stream().filter(r -> r.getMethod().equals(method)
                && r.getUrl().toString().contains(pathPart)).count();
    }

    private MockResponse answer(RecordedRequest r) throws InterruptedException {
        String prefix = "/2010-04-01/Accounts/" + ACCOUNT;
        String path = r.getUrl().encodedPath();
        String auth = java.util.Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!("Basic " + auth).equals(r.getHeaders().get("Authorization"))) {
            return json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        }
        if (r.getMethod().equals("POST") && path.equals(prefix + "/Messages.json")) {
            Map<String, String> form = form(r.getBody() == null ? "" : r.getBody().utf8());
            Message m;
            synchronized (this) {
                String sid = "SM" + String.format("%032x", counter.incrementAndGet());
                m = new Message(sid, "outbound-api", form.get("From"), form.get("To"), form.get("Body"), Instant.now(), "queued");
                messages.put(sid, m);
                sent.add(m);
            }
            CountDownLatch together = gather;
            if (together != null) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                together.countDown();
                together.await(20, TimeUnit.SECONDS);
                inFlight.decrementAndGet();
            }
            if (sent.size() == holdSend) {
                held.countDown();
                release.await(90, TimeUnit.SECONDS);
            }
            return json(201, resource(m).put("num_segments", "1").toString());
        }
        if (r.getMethod().equals("GET") && path.equals(prefix + "/Messages.json")) {
            ArrayNode list = JSON.createArrayNode();
            synchronized (this) {
                messages.values().stream().filter(m -> m.to.equals(r.getUrl().queryParameter("To")))
                        .forEach(m -> list.add(resource(m)));
            }
            ObjectNode page = JSON.createObjectNode();
            page.set("messages", list);
            return json(200, page.toString());
        }
        if (path.startsWith(prefix + "/Messages/") && path.endsWith(".json")) {
            String sid = path.substring((prefix + "/Messages/").length(), path.length() - ".json".length());
            synchronized (this) {
                Message m = messages.get(sid);
                if (m == null) {
                    return json(404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
                }
                if (r.getMethod().equals("DELETE")) {
                    messages.remove(sid);
                    return new MockResponse.Builder().code(204).build();
                }
                return json(200, resource(m).toString());
            }
        }
        if (path.equals(prefix + "/Balance.json")) {
            return json(200, "{\"balance\":\"12.50\",\"currency\":\"EUR\",\"account_sid\":\"" + ACCOUNT + "\"}");
        }
        return json(404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
    }

    private static ObjectNode resource(Message m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sid", m.sid);
        n.put("account_sid", ACCOUNT);
        n.put("direction", m.direction);
        n.put("from", m.from);
        n.put("to", m.to);
        n.put("body", m.body);
        n.put("status", m.status);
        if (m.errorCode != 0) {
            n.put("error_code", m.errorCode);
            n.putNull("error_message");
        }
        n.put("date_sent", DateTimeFormatter.RFC_1123_DATE_TIME.format(m.at.atOffset(ZoneOffset.UTC)));
        return n;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build();
    }

    @Override
    public void close() {
        release.countDown();
        server.close();
    }
}
