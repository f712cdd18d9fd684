package org.comptoir.export;

/**
 * How a long export or import reports how far it is and learns that the person cancelled it. Called from the
 * worker thread that runs the job; implementations must be thread-safe (the UI's hands updates to the FX thread).
 */
public interface Progress {

    /** Reports nothing and is never cancelled (the command line, tests). */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units (rows); {@code total} is 0 while unknown. */
    void update(long done, long total);

    /** Whether the person asked to stop: the job then stops at the next row and leaves nothing half-written. */
    boolean cancelled();
}
