package org.comptoir.consent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.comptoir.dispatch.ReplySender;

/**
 * A test double for the sending engine's {@link ReplySender} port: keeps what was queued, in order, and honours
 * the contract's dedup key (a key used once queues nothing the second time).
 */
final class RecordingReplySender implements ReplySender {

    record Queued(String to, String text, String purpose, String dedupKey) {
    }

    private final List<Queued> queued = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized boolean queue(String recipientE164, String text, String purpose, String dedupKey) {
        if (!keys.add(dedupKey)) {
            return false;
        }
        queued.add(new Queued(recipientE164, text, purpose, dedupKey));
        return true;
    }

    synchronized List<Queued> all() {
        return List.copyOf(queued);
    }

    synchronized List<Queued> withPurpose(String purpose) {
        return queued.stream().filter(q -> q.purpose().equals(purpose)).toList();
    }
}
