package dev.recommender.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Decides whether a request may use an admin endpoint. In this order:
 * <ol>
 *   <li>admin endpoints switched off (no token configured): 403 {@code admin_disabled};</li>
 *   <li>a browser request from another site: an {@code Origin} header that is not this server's own
 *       origin ({@code http://} plus the {@code Host} header), or {@code Sec-Fetch-Site} other than
 *       {@code same-origin} or {@code none}: 403 {@code cross_origin}. A web page the operator happens to
 *       open can therefore not trigger reloads, even though browsers send such POSTs without a preflight;</li>
 *   <li>more than {@link ServerConfig#adminRequestsPerMinute()} admin requests in the last minute
 *       (a token bucket, counted before the token is checked, so guessing is slow too): 429
 *       {@code rate_limited} with {@code Retry-After};</li>
 *   <li>no {@code Authorization: Bearer} header, or the wrong token: 401 {@code unauthorized}
 *       (the same answer for both, compared in constant time).</li>
 * </ol>
 * Thread-safe.
 */
final class AdminGuard {
    private final AdminToken token;
    private final TokenBucket bucket;

    AdminGuard(ServerConfig config, LongSupplier nanoClock) {
        this.token = config.adminToken();
        this.bucket = new TokenBucket(config.adminRequestsPerMinute(), 60_000_000_000L, nanoClock);
    }

    /**
     * Lets the request through or throws the refusal.
     *
     * @throws ApiException 403, 429 or 401 as described above
     */
    void check(Request request) {
        if (token == null) {
            throw new ApiException(403, "admin_disabled", "admin endpoints are disabled on this server "
                    + "(start it with an admin token to enable them)");
        }
        HttpFields headers = request.getHeaders();
        if (isCrossOrigin(headers.get(HttpHeader.ORIGIN), headers.get("Sec-Fetch-Site"),
                headers.get(HttpHeader.HOST), request.getHttpURI().getScheme())) {
            throw new ApiException(403, "cross_origin", "admin endpoints refuse requests from other web sites");
        }
        if (!bucket.tryTake()) {
            throw new ApiException(429, "rate_limited", "too many admin requests; try again in a minute");
        }
        if (!token.matches(headers.get(HttpHeader.AUTHORIZATION))) {
            throw new ApiException(401, "unauthorized", "admin endpoints need the header "
                    + "'Authorization: Bearer <admin token>'");
        }
    }

    static boolean isCrossOrigin(String origin, String fetchSite, String host, String scheme) {
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
        }
        if (origin == null) {
            return false;
        }
        String own = (scheme == null ? "http" : scheme) + "://" + host;
        return host == null || !origin.trim().equalsIgnoreCase(own);
    }

    /** A token bucket: {@code capacity} takes, refilled evenly over {@code periodNanos}. Thread-safe. */
    static final class TokenBucket {
        private final int capacity;
        private final double nanosPerToken;
        private final LongSupplier clock;
        private double tokens;
        private long last;

        TokenBucket(int capacity, long periodNanos, LongSupplier clock) {
            this.capacity = capacity;
            this.nanosPerToken = (double) periodNanos / capacity;
            this.clock = clock;
            this.tokens = capacity;
            this.last = clock.getAsLong();
        }

        synchronized boolean tryTake() {
            long now = clock.getAsLong();
            tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
