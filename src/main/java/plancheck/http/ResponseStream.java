package plancheck.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * An output stream into a chunked HTTP answer, for a file written off the event loop: bytes go out in chunks of
 * {@value #CHUNK} bytes on the response's own context, and the writer waits while {@value #IN_FLIGHT} chunks are
 * not yet on the socket, so a slow client holds back the writer instead of filling the memory.
 */
final class ResponseStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;
    private static final int IN_FLIGHT = 8;

    private final HttpServerResponse response;
    private final Context context;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private volatile Throwable failed;

    ResponseStream(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            send();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                send();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered and ends the answer once every chunk is written. */
    @Override
    public void close() throws IOException {
        send();
        await(IN_FLIGHT);
        context.runOnContext(v -> response.end());
    }

    private void send() throws IOException {
        if (used == 0) {
            return;
        }
        await(1);
        Buffer buffer = Buffer.buffer(used).appendBytes(chunk, 0, used);
        chunk = new byte[CHUNK];
        used = 0;
        context.runOnContext(v -> response.write(buffer).onComplete(ar -> {
            if (ar.failed()) {
                failed = ar.cause();
            }
            permits.release();
        }));
    }

    private void await(int n) throws IOException {
        try {
            permits.acquire(n);
            if (n > 1) {
                permits.release(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
        if (failed != null) {
            throw new IOException("the client went away", failed);
        }
    }
}
