package org.comptoir.gateway.modem.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way in-memory byte pipe for tests. Unlike {@code PipedInputStream} it does not care which thread
 * writes (the AT channel writes from several). Closing either end ends the pipe: reads return -1 once
 * drained, writes throw.
 */
public final class MemoryPipe {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition data = lock.newCondition();
    private byte[] buf = new byte[4096];
    private int head;
    private int tail;
    private boolean closed;

    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                while (head == tail && !closed) {
                    data.awaitUninterruptibly();
                }
                if (head == tail) {
                    return -1;
                }
                int n = Math.min(len, tail - head);
                System.arraycopy(buf, head, b, off, n);
                head += n;
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                if (closed) {
                    throw new IOException("pipe closed");
                }
                if (tail + len > buf.length) {
                    byte[] bigger = new byte[Math.max(buf.length * 2, tail - head + len)];
                    System.arraycopy(buf, head, bigger, 0, tail - head);
                    tail -= head;
                    head = 0;
                    buf = bigger;
                }
                System.arraycopy(b, off, buf, tail, len);
                tail += len;
                data.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            data.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
