package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.comptoir.MutableClock;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OVHcloud's job takes {@code receivers[]} and answers per receiver: sends of the same text made while the one
 * in-flight slot is taken leave as one job, and each caller gets its own receiver's result. Real HTTP on loopback;
 * the first job is held at the server so the others queue behind it, and the test knows they queued from the
 * gateway's own count (no timing guess).
 */
class OvhBatchTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final String TEXT = "Promo -20% samedi ! STOP au 36180";

    MockWebServer server;
    /** Answers for the jobs, in order; the first job waits for {@link #releaseFirst}. */
    final BlockingQueue<MockResponse> answers = new LinkedBlockingQueue<>();
    final List<RecordedRequest> jobs = new CopyOnWriteArrayList<>();
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final Semaphore jobArrived = new Semaphore(0);
    MutableClock clock;
    RecordingDelay delay;
    HttpGateway gateway;
    ExecutorService senders;
    final Semaphore queued = new Semaphore(0);
    /** OVHcloud's sms.Outgoing record per id, as {@code GET /outgoing/{id}} answers it. */
    final Map<String, String> outgoing = new java.util.concurrent.ConcurrentHashMap<>();
    volatile boolean echoJobs;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/auth/time")) {
                    return new MockResponse.Builder().code(200).body(Long.toString(T0.getEpochSecond())).build();
                }
                if ("GET".equals(request.getMethod())) {
                    String id = path.substring(path.lastIndexOf('/') + 1);
                    return json(path.contains("/outgoing/") ? outgoing.getOrDefault(id, "{}") : "[]");
                }
                jobs.add(request);
                jobArrived.release();
                if (jobs.size() == 1) {
                    releaseFirst.await(10, TimeUnit.SECONDS);
                }
                if (echoJobs) { // each receiver accepted, its id its number's last four digits
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\+336(\\d{8})")
                            .matcher(ScriptedServer.body(request));
                    List<String> ids = new java.util.ArrayList<>();
                    List<String> valid = new java.util.ArrayList<>();
                    while (m.find()) {
                        ids.add(m.group(1).substring(4));
                        valid.add("\"" + m.group() + "\"");
                    }
                    return json("{\"ids\":[" + String.join(",", ids) + "],\"validReceivers\":["
                            + String.join(",", valid) + "]}");
                }
                MockResponse next = answers.poll(10, TimeUnit.SECONDS);
                return next != null ? next : new MockResponse.Builder().code(599).body("no answer scripted").build();
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        clock = new MutableClock(T0);
        delay = new RecordingDelay(clock);
        senders = Executors.newFixedThreadPool(5, r -> new Thread(r, "test-sender"));
    }

    private void gateway(Duration requestTimeout) {
        String base = server.url("/").toString();
        HttpConfig config = HttpConfig.of("ovh", base.substring(0, base.length() - 1), Map.of(
                HttpConfig.OVH_APPLICATION_KEY, OvhGatewayTest.AK, HttpConfig.OVH_APPLICATION_SECRET, OvhGatewayTest.AS,
                HttpConfig.OVH_CONSUMER_KEY, OvhGatewayTest.CK, HttpConfig.OVH_SERVICE_NAME, OvhGatewayTest.SERVICE),
                0, 1).withTimeouts(Duration.ofSeconds(5), requestTimeout);
        gateway = new HttpGateway(config, clock, delay);
        gateway.onBatchWaiting(n -> queued.release());
    }

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        senders.shutdownNow();
        if (gateway != null) {
            gateway.close();
        }
        server.close();
    }

    static OutgoingSms sms(String id, String to) {
        return new OutgoingSms(id, to, TEXT, false, null, "LEAFLEURS");
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private Future<SendResult> sendQueued(OutgoingSms sms) throws InterruptedException {
        Future<SendResult> f = senders.submit(() -> gateway.send(sms));
        assertThat(queued.tryAcquire(10, TimeUnit.SECONDS)).as("queued " + sms.id()).isTrue();
        return f;
    }

    /** Holds the first job at the server, then queues {@code ids} behind it, in order. */
    private List<Future<SendResult>> queueBehindAHeldJob(String... recipients) throws Exception {
        Future<SendResult> first = sendQueued(sms("outbox-0", "+33611111110"));
        assertThat(jobArrived.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        List<Future<SendResult>> all = new java.util.ArrayList<>(List.of(first));
        for (int i = 0; i < recipients.length; i++) {
            all.add(sendQueued(sms("outbox-" + (i + 1), recipients[i])));
        }
        return all;
    }

    @Test
    void sendsQueuedBehindABusySlotLeaveAsOneJobAndEachGetsItsReceiversResult() throws Exception {
        gateway(Duration.ofSeconds(10));
        answers.add(json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1000],"
                + "\"validReceivers\":[\"+33611111110\"]}"));
        answers.add(json("{\"totalCreditsRemoved\":2,\"invalidReceivers\":[\"+33611111112\"],\"ids\":[1001,1003],"
                + "\"validReceivers\":[\"+33611111111\",\"+33611111113\"]}"));
        answers.add(json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1004],"
                + "\"validReceivers\":[\"+33611111114\"]}"));

        List<Future<SendResult>> results = queueBehindAHeldJob("+33611111111", "+33611111112", "+33611111113");
        releaseFirst.countDown();

        assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(new SendResult.Sent(List.of("1000"), 1));
        assertThat(results.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(new SendResult.Sent(List.of("1001"), 1));
        SendResult invalid = results.get(2).get(10, TimeUnit.SECONDS);
        assertThat(invalid).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) invalid).retryable()).isFalse();
        assertThat(((SendResult.Failed) invalid).error().code()).isEqualTo("OVH invalidReceivers");
        assertThat(((SendResult.Failed) invalid).error().message().args()).contains("+33611111112");
        assertThat(results.get(3).get(10, TimeUnit.SECONDS)).isEqualTo(new SendResult.Sent(List.of("1003"), 1));

        // the job to three receivers, byte for byte, signed like any other request
        assertThat(jobs).hasSize(2);
        RecordedRequest batch = jobs.get(1);
        String body = "{\"charset\":\"UTF-8\",\"coding\":\"7bit\",\"message\":\"" + TEXT + "\",\"noStopClause\":true,"
                + "\"priority\":\"high\",\"receivers\":[\"+33611111111\",\"+33611111112\",\"+33611111113\"],"
                + "\"sender\":\"LEAFLEURS\",\"tag\":\"" + OvhProvider.tag("batch outbox-1 outbox-2 outbox-3") + "\"}";
        assertThat(batch.getMethod()).isEqualTo("POST");
        assertThat(batch.getTarget()).isEqualTo("/sms/" + OvhGatewayTest.SERVICE + "/jobs");
        assertThat(ScriptedServer.body(batch)).isEqualTo(body);
        String url = server.url("/").toString();
        assertThat(batch.getHeaders().get("X-Ovh-Signature")).isEqualTo(OvhGatewayTest.sha1Signature("POST",
                url.substring(0, url.length() - 1) + "/sms/" + OvhGatewayTest.SERVICE + "/jobs", body,
                Long.parseLong(batch.getHeaders().get("X-Ovh-Timestamp"))));

        // the pace counts recipients: after a job to three, the next request waits three intervals (10/s → 300 ms)
        assertThat(gateway.send(sms("outbox-4", "+33611111114"))).isEqualTo(new SendResult.Sent(List.of("1004"), 1));
        assertThat(delay.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(300));
    }

    @Test
    void aJobWhoseAnswerNeverCameLeavesEveryReceiverUnknownAndIsNotSentAgain() throws Exception {
        gateway(Duration.ofMillis(700));
        answers.add(json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1000],"
                + "\"validReceivers\":[\"+33611111110\"]}"));
        answers.add(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        List<Future<SendResult>> results = queueBehindAHeldJob("+33611111111", "+33611111112");
        releaseFirst.countDown();

        assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        for (Future<SendResult> f : results.subList(1, 3)) {
            SendResult r = f.get(10, TimeUnit.SECONDS);
            assertThat(r).isInstanceOf(SendResult.Unknown.class);
            assertThat(((SendResult.Unknown) r).why()).contains("may have been accepted");
        }
        assertThat(jobs).hasSize(2);
        assertThat(ScriptedServer.body(jobs.get(1))).contains("\"receivers\":[\"+33611111111\",\"+33611111112\"]");
    }

    @Test
    void anAnswerThatDoesNotPairIdsWithReceiversIsUnknownForTheUnpaired() throws Exception {
        gateway(Duration.ofSeconds(10));
        answers.add(json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1000],"
                + "\"validReceivers\":[\"+33611111110\"]}"));
        // two valid receivers but one id: which one is whose cannot be told; the invalid one is still refused
        answers.add(json("{\"totalCreditsRemoved\":2,\"invalidReceivers\":[\"0033611111113\"],\"ids\":[1001],"
                + "\"validReceivers\":[\"+33611111111\",\"+33611111112\"]}"));

        List<Future<SendResult>> results = queueBehindAHeldJob("+33611111111", "+33611111112", "+33611111113");
        releaseFirst.countDown();

        results.get(0).get(10, TimeUnit.SECONDS);
        assertThat(results.get(1).get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Unknown.class);
        assertThat(results.get(2).get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Unknown.class);
        assertThat(results.get(3).get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void differentTextsNeverShareAJob() throws Exception {
        gateway(Duration.ofSeconds(10));
        answers.add(json("{\"ids\":[1000],\"validReceivers\":[\"+33611111110\"]}"));
        answers.add(json("{\"ids\":[1001],\"validReceivers\":[\"+33611111111\"]}"));
        answers.add(json("{\"ids\":[1002],\"validReceivers\":[\"+33611111112\"]}"));

        Future<SendResult> first = sendQueued(sms("outbox-0", "+33611111110"));
        assertThat(jobArrived.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        Future<SendResult> lea = sendQueued(new OutgoingSms("outbox-1", "+33611111111", "Bonjour Léa STOP au 36180",
                false, null, "LEAFLEURS"));
        Future<SendResult> marc = sendQueued(new OutgoingSms("outbox-2", "+33611111112", "Bonjour Marc STOP au 36180",
                false, null, "LEAFLEURS"));
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        assertThat(lea.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        assertThat(marc.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        assertThat(jobs).hasSize(3).allSatisfy(j -> assertThat(ScriptedServer.body(j)).containsPattern(
                "\"receivers\":\\[\"\\+3361111111[0-2]\"\\]"));
    }

    /**
     * OVHcloud does not document that {@code ids} follow {@code validReceivers}. Here they come reversed: the status
     * poll reads each record's {@code receiver}, applies no outcome to the wrong customer, and the next messages of
     * that text leave one per job, so no later reference can be paired wrongly.
     */
    @Test
    void aStatusNamingAnotherReceiverIsNotAppliedAndBatchingStops() throws Exception {
        gateway(Duration.ofSeconds(10));
        RecordingListener listener = new RecordingListener();
        gateway.setListener(listener);
        answers.add(json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1000],"
                + "\"validReceivers\":[\"+33611111110\"]}"));
        // read in order, 1002 would be +33611111111's and 1001 +33611111112's: OVHcloud's records say the reverse
        answers.add(json("{\"totalCreditsRemoved\":2,\"invalidReceivers\":[],\"ids\":[1002,1001],"
                + "\"validReceivers\":[\"+33611111111\",\"+33611111112\"]}"));
        outgoing.put("1000", "{\"id\":1000,\"receiver\":\"33611111110\",\"deliveryReceipt\":1}");
        outgoing.put("1001", "{\"id\":1001,\"receiver\":\"+33611111111\",\"deliveryReceipt\":2}");
        outgoing.put("1002", "{\"id\":1002,\"receiver\":\"0033611111112\",\"deliveryReceipt\":1}");

        List<Future<SendResult>> results = queueBehindAHeldJob("+33611111111", "+33611111112");
        releaseFirst.countDown();
        for (Future<SendResult> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        }
        assertThat(jobs).hasSize(2);

        gateway.collectPending();

        // the single job's status is applied; the two whose records name the other receiver are not
        assertThat(listener.reports).extracting(r -> r.partReference() + " " + r.recipient() + " " + r.outcome())
                .containsExactly("1000 +33611111110 DELIVERED");

        // from now on one receiver per job, even while the slot is busy
        echoJobs = true;
        List<Future<SendResult>> later = List.of(
                senders.submit(() -> gateway.send(sms("outbox-3", "+33611111113"))),
                senders.submit(() -> gateway.send(sms("outbox-4", "+33611111114"))),
                senders.submit(() -> gateway.send(sms("outbox-5", "+33611111115"))));
        for (Future<SendResult> f : later) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        }
        assertThat(jobs.subList(2, jobs.size())).hasSize(3).allSatisfy(j -> assertThat(ScriptedServer.body(j))
                .containsPattern("\"receivers\":\\[\"\\+3361111111[3-5]\"\\]"));
    }
}
