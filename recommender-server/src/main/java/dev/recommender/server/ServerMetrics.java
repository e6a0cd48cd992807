package dev.recommender.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters in a Micrometer {@link PrometheusMeterRegistry}, scraped by {@code GET /metrics}:
 * <ul>
 *   <li>{@code recommender_http_requests_seconds} (histogram) by {@code endpoint} and {@code status};</li>
 *   <li>{@code recommender_recommendations_total} and {@code recommender_recommendation_fallbacks_total}:
 *       the fallback share is their ratio;</li>
 *   <li>{@code recommender_reloads_total} by {@code result} ({@code success} or {@code failure});</li>
 *   <li>{@code recommender_model_info} (1, tagged with {@code model} and {@code version}),
 *       {@code recommender_model_generation} and {@code recommender_model_items}.</li>
 * </ul>
 * Timers are cached in an array by (endpoint, status), so recording costs an array read and a histogram update.
 * Thread-safe.
 */
final class ServerMetrics {
    /** Endpoint tag of requests to unknown paths. */
    static final String OTHER = "other";
    /** Content type of the Prometheus text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Timers by {@code endpoint index * 600 + status}, created on first use. */
    private final AtomicReferenceArray<Timer> timers;
    private final List<String> endpoints;
    private final Counter recommendations;
    private final Counter fallbacks;
    private final Counter clientErrors;
    private final Counter serverErrors;
    private final Counter reloads;
    private final Counter failedReloads;
    private final MultiGauge modelInfo;
    private final java.util.function.Supplier<ModelSnapshot> current;
    private ModelSnapshot shown;

    /**
     * @param current   the served model, read for the gauges
     * @param endpoints the {@code endpoint} tag values, indexed as {@link #recordRequest} is called
     */
    ServerMetrics(java.util.function.Supplier<ModelSnapshot> current, List<String> endpoints) {
        this.current = current;
        this.endpoints = List.copyOf(endpoints);
        this.timers = new AtomicReferenceArray<>(this.endpoints.size() * 600);
        recommendations = Counter.builder("recommender.recommendations")
                .description("answered recommendation requests").register(registry);
        fallbacks = Counter.builder("recommender.recommendation.fallbacks")
                .description("recommendation requests answered by the popularity fallback (unknown user)")
                .register(registry);
        clientErrors = Counter.builder("recommender.http.errors").tag("class", "client")
                .description("requests answered with an error status").register(registry);
        serverErrors = Counter.builder("recommender.http.errors").tag("class", "server")
                .description("requests answered with an error status").register(registry);
        reloads = Counter.builder("recommender.reloads").tag("result", "success")
                .description("model reloads").register(registry);
        failedReloads = Counter.builder("recommender.reloads").tag("result", "failure")
                .description("model reloads").register(registry);
        modelInfo = MultiGauge.builder("recommender.model.info")
                .description("the served model: always 1, tagged with its name and version").register(registry);
        Gauge.builder("recommender.model.generation", this, m -> m.current.get().generation())
                .description("1 for the first load, +1 per successful reload").register(registry);
        Gauge.builder("recommender.model.items", this, m -> m.current.get().model().items().size())
                .description("items in the served model's catalog").register(registry);
    }

    /** The registry, for hosts that add their own meters or publish elsewhere. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Points the info gauge at the current model (reloads may also come from {@link ModelHolder#reload()}). */
    private synchronized void refreshModelInfo() {
        ModelSnapshot snapshot = current.get();
        if (snapshot == shown) {
            return;
        }
        shown = snapshot;
        modelInfo.register(List.of(MultiGauge.Row.of(Tags.of("model", snapshot.model().name(),
                "version", snapshot.version()), 1)), true);
    }

    void recordRequest(int endpoint, int status, long nanos) {
        int slot = endpoint * 600 + Math.min(599, Math.max(0, status));
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder("recommender.http.requests")
                    .description("HTTP requests by endpoint and status")
                    .tags("endpoint", endpoints.get(endpoint), "status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
            // registering twice returns the same timer: a race here is harmless
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
    }

    void recordRecommendation(boolean fallback) {
        recommendations.increment();
        if (fallback) {
            fallbacks.increment();
        }
    }

    void recordReload(boolean success) {
        (success ? reloads : failedReloads).increment();
    }

    /** Counters since start, for {@code /health}. */
    ApiJson.Counts counts() {
        return new ApiJson.Counts((long) recommendations.count(), (long) fallbacks.count(),
                (long) clientErrors.count(), (long) serverErrors.count());
    }

    String scrape() {
        refreshModelInfo();
        return registry.scrape();
    }
}
