package dev.drillbit.discord;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * JDA's HTTP client's last step before the socket: a request on a route under Discord's global limit goes
 * when its {@link WireWindow} admits it, waiting on the sending thread until then (a few milliseconds, when
 * requests bunched on their way; see {@link WireWindow}). An interaction's own requests (its callback, and
 * follow-ups and edits through its token, which Discord exempts from the global limit) go at once.
 *
 * <p>Threading: thread-safe; runs on JDA's requester threads and holds one of them while it waits.
 */
final class WirePace implements Interceptor {
    private final WireWindow window;

    WirePace(WireWindow window) {
        this.window = window;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!exempt(chain.request().url().encodedPath())) {
            for (long wait = window.admit(); wait > 0; wait = window.admit()) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped while waiting for Discord's global limit");
                }
            }
        }
        return chain.proceed(chain.request());
    }

    /** {@code /interactions/{id}/{token}/callback} and {@code /webhooks/{application}/{token}/…}. */
    static boolean exempt(String path) {
        return path.contains("/interactions/") || path.contains("/webhooks/");
    }
}
