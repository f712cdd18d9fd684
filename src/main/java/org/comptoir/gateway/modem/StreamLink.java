package org.comptoir.gateway.modem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A {@link SerialLink} over any stream pair: piped streams in unit tests, files on a pty. */
public final class StreamLink implements SerialLink {

    private final String name;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean open = true;

    public StreamLink(String name, InputStream in, OutputStream out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort: the link is gone either way
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // same
        }
    }
}
