package org.comptoir.dispatch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sending engine's run as the other senders of the store see it ({@code sending_instance}, V18): an id that each
 * claim records ({@code outbox.claimed_by}), a lease renewed every {@link #RENEW_EVERY} on a thread of its own
 * ({@code sending-lease-…}; the engine thread may be inside a two-minute modem send), and a lock file in the till's
 * data folder ({@code sending/<id>.lock}) held for as long as the process lives (the operating system frees it when
 * the process dies, a {@code kill -9} or a power cut included).
 *
 * <p>{@link #recover} turns into UNKNOWN the SENDING rows of instances that are gone, and only those: no
 * {@code sending_instance} row, a lease past, or (this data folder's own previous run, restarted at once) a lock file
 * here that nobody holds. Rows claimed before V18 (no holder recorded) count as gone, as every SENDING row did before.
 * A live sender's row in hand is left alone, whichever sender starts first. An instance whose lease lapsed while it
 * was in fact alive (a laptop asleep) finds its row UNKNOWN; {@link Outbox#markSent} still records it SENT when its
 * send succeeded, and nothing is sent twice.
 *
 * <p>Thread-safe. {@link #open} and {@link #close} are called by the engine thread; {@link #recover} from any thread.
 * Every method blocks on the database.
 */
final class SenderLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SenderLease.class);
    /** How long an instance counts as alive after its last renewal. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** A quarter of the lease: three renewals may be missed (a busy machine) before others give up on it. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    /** The instances running in this JVM: alive whatever their lease says (their lock files are this JVM's too). */
    private static final Set<String> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final String id = UUID.randomUUID().toString();
    private final Database database;
    private final Clock clock;
    private final String threadName;
    private final Path lockDir;
    private FileChannel lockChannel;
    private ScheduledExecutorService renewer;

    SenderLease(Database database, Clock clock, String threadName) {
        this(database, clock, threadName, database.dataDir().resolve("sending"));
    }

    /** @param lockDir where the lock files are: the till's data folder's {@code sending} (tests: another PC's) */
    SenderLease(Database database, Clock clock, String threadName, Path lockDir) {
        this.database = database;
        this.clock = clock;
        this.threadName = threadName;
        this.lockDir = lockDir;
    }

    String id() {
        return id;
    }

    /**
     * Takes the lock file, records the instance with its lease and starts renewing it; {@code onTakenOver} hears how
     * many rows of gone instances a renewal turned UNKNOWN (on the renewal thread). Blocks on the database.
     */
    synchronized void open(IntConsumer onTakenOver) {
        if (renewer != null) {
            return;
        }
        lockOwnFile();
        RUNNING_HERE.add(id);
        Instant now = clock.instant();
        database.withConnection(c -> Jdbc.update(c, "INSERT INTO sending_instance (id, data_dir, started_at, lease_until)"
                + " VALUES (?, ?, ?, ?)", id, Outbox.truncate(database.dataDir().toString(), 1000), now, now.plus(LEASE)));
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true); // stopped by close(); must not keep a finished CLI alive
            return t;
        });
        renewer.scheduleWithFixedDelay(() -> {
            try {
                renew();
                int taken = recover();
                if (taken > 0) {
                    onTakenOver.accept(taken);
                }
            } catch (RuntimeException e) {
                LOG.warn("sending lease {} not renewed: {}", id, e.toString());
            }
        }, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lockOwnFile() {
        try {
            Files.createDirectories(lockDir);
            FileChannel channel = FileChannel.open(lockDir.resolve(id + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close(); // a fresh random name: no one else can hold it
            } else {
                lockChannel = channel;
            }
        } catch (IOException e) {
            // a read-only folder: the others wait for the lease to lapse instead of seeing the free lock at once
            LOG.warn("no lock file for sending instance {} in {}: {}", id, lockDir, e.toString());
        }
    }

    /** Pushes the lease forward; records the instance again if another sender had given up on it meanwhile. */
    void renew() {
        Instant now = clock.instant();
        database.withConnection(c -> {
            if (Jdbc.update(c, "UPDATE sending_instance SET lease_until = ? WHERE id = ?", now.plus(LEASE), id) == 0) {
                Jdbc.update(c, "INSERT INTO sending_instance (id, data_dir, started_at, lease_until) VALUES (?, ?, ?, ?)",
                        id, Outbox.truncate(database.dataDir().toString(), 1000), now, now.plus(LEASE));
            }
            return null;
        });
    }

    /**
     * Turns into UNKNOWN the SENDING rows held by instances that are gone (never this one's), audited, and forgets
     * those instances. Returns how many rows. Any thread; blocks on the database.
     */
    int recover() {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            record Held(Long campaign, String holder) {
            }
            List<Held> held = Jdbc.query(c, Outbox.SENDING_HOLDERS, rs -> {
                long campaign = rs.getLong(1);
                return new Held(rs.wasNull() ? null : campaign, rs.getString(2));
            });
            int n = 0;
            Set<String> gone = new java.util.LinkedHashSet<>();
            Set<String> alive = new java.util.HashSet<>();
            for (Held h : held) {
                String holder = h.holder();
                if (id.equals(holder) || alive.contains(holder)) {
                    continue;
                }
                if (holder != null && !gone.contains(holder) && !isGone(c, holder, now)) {
                    alive.add(holder);
                    continue;
                }
                if (holder != null) {
                    gone.add(holder);
                }
                // per campaign, so the update walks the claim index (campaign, state) and never the whole outbox
                n += Jdbc.update(c, "UPDATE outbox SET state = 'UNKNOWN', reason = 'INTERRUPTED', updated_at = ? WHERE "
                        + (h.campaign() == null ? "campaign_id IS NULL" : "campaign_id = " + h.campaign())
                        + " AND state = 'SENDING' AND " + (holder == null ? "claimed_by IS NULL" : "claimed_by = ?"),
                        holder == null ? new Object[] {now} : new Object[] {now, holder});
            }
            for (String holder : gone) {
                Jdbc.update(c, "DELETE FROM sending_instance WHERE id = ?", holder);
            }
            if (n > 0) {
                Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'engine', 'OUTBOX_UNKNOWN', ?)",
                        now, n + " message(s) interrupted while sending are UNKNOWN (sender gone: " + gone + ")");
            }
            // instances that ended without a row in hand and without closing (a kill between two sends)
            Jdbc.update(c, "DELETE FROM sending_instance WHERE lease_until < ? AND id <> ?", now, id);
            if (!gone.isEmpty()) {
                LOG.info("{} row(s) of gone sender(s) {} are UNKNOWN", n, gone);
            }
            return n;
        });
    }

    /** No record, a lease past, or this folder's previous run; never an instance running in this JVM. */
    private boolean isGone(java.sql.Connection c, String holder, Instant now) throws java.sql.SQLException {
        if (RUNNING_HERE.contains(holder)) {
            return false;
        }
        Instant lease = Jdbc.queryOne(c, "SELECT lease_until FROM sending_instance WHERE id = ?",
                rs -> Jdbc.instant(rs, "lease_until"), holder).orElse(null);
        return lease == null || lease.isBefore(now) || goneFromThisFolder(holder);
    }

    /**
     * Whether {@code holder} ran from this data folder and its process is gone: its lock file is here and free. An
     * instance of this JVM is never gone (locking its file again here would throw, and closing that second channel
     * would release the first one's lock on some systems).
     */
    private boolean goneFromThisFolder(String holder) {
        Path file = lockDir.resolve(holder + ".lock");
        if (!Files.exists(file)) {
            return false; // another PC's or another folder's: its lease says
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // held: that process still runs
            }
            lock.release();
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
        deleteQuietly(file);
        return true;
    }

    /** The instance ends: renewals stop, its record and its lock file go. Called once its engine thread is done. */
    @Override
    public synchronized void close() {
        stopRenewing();
        try {
            database.withConnection(c -> Jdbc.update(c, "DELETE FROM sending_instance WHERE id = ?", id));
        } catch (RuntimeException e) {
            LOG.warn("sending instance {} not removed (its lease will lapse): {}", id, e.toString());
        }
        releaseLock(true);
        RUNNING_HERE.remove(id);
    }

    /**
     * What a killed process leaves (tests): renewals stop and the lock is freed, but the record and the rows in hand
     * stay as they were.
     */
    synchronized void halt() {
        stopRenewing();
        releaseLock(false);
        RUNNING_HERE.remove(id);
    }

    private void stopRenewing() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
    }

    private void releaseLock(boolean delete) {
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                LOG.debug("lock file of {}: {}", id, e.toString());
            }
            lockChannel = null;
            if (delete) {
                deleteQuietly(lockDir.resolve(id + ".lock"));
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("{} not deleted: {}", file, e.toString());
        }
    }
}
