package dev.recommender.core.sample;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.io.AtomicFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic synthetic event log with the shape of the proof of concept's
 * {@code content_engagement.csv} (see {@link CsvSchema#seed()}): by default 7,252 users, 583
 * items and 484,077 {@code viewed}/{@code engaged} events over 55 days from 2021-12-20, about 40%
 * engaged, heavy-tailed user activity (5 to about 850 events) and item popularity (about 120 to
 * 4,000 events), about 2.4 events per distinct (user, item) pair, 10-hex-character ids.
 *
 * <p>Generative process (all draws from one {@link SplittableRandom} seeded by {@link Config#seed()};
 * {@link StrictMath} keeps the output identical on every JVM):
 * <ol>
 *   <li>Hidden preferences: user factors {@code p_u} and item factors {@code q_i} in dimension
 *       {@value #FACTORS} with independent N(0, 0.6^2) components, so the affinity
 *       {@code s_ui = p_u · q_i} has a standard deviation of about 1; an item quality
 *       {@code b_i ~ N(0, 0.35^2)}, a user propensity to engage {@code a_u ~ N(0, 0.35^2)}, and an
 *       item popularity {@code pi_i = exp(0.55 z_i)} with {@code z_i ~ N(0, 1)}.</li>
 *   <li>Activity: user {@code u} gets {@code n_u = 5 + } a share of the remaining events
 *       proportional to {@code exp(0.88 z_u)} (log-normal, heavy tailed), rounded so that the
 *       total is exactly {@link Config#events()}.</li>
 *   <li>Exposure: the user is shown {@code d_u = round(}{@value #NEW_ITEM_SHARE}{@code · n_u)}
 *       distinct items (at least 1, at most all), drawn without replacement with probability
 *       proportional to {@code pi_i · exp(1.2 s_ui)} (popularity times affinity); each gets one
 *       event, and the other {@code n_u - d_u} events repeat one of them, chosen with probability
 *       proportional to {@code exp(0.5 s_ui)} (liked items are shown again more often). This gives
 *       about 2.45 events per distinct pair, as in the seed log.</li>
 *   <li>Time: user {@code u} is active over a random window inside the period (start uniform in
 *       the first 80%, length between 30% and 100% of the rest); each event's time is uniform in
 *       the window, to the millisecond.</li>
 *   <li>Engagement: each event is {@code engaged} with probability
 *       {@code sigmoid(c + a_u + b_i + 0.7 s_ui)}, else {@code viewed}; the offset {@code c} is
 *       set by bisection so that about {@value #ENGAGED_SHARE} of the events are engaged.</li>
 * </ol>
 * Both which items a user sees and how likely they engage depend on the hidden affinity, so a
 * personalised model has structure to recover that item popularity and user/item biases miss: on
 * the default log with 20% of the pairs held out, plain item-to-item cosine similarity finds about
 * twice as many held-out items in its top 10 as popularity does (precision 0.075 against 0.034).
 * Per-pair engagement rates stay noisy (2.45 events per pair), as in the seed.
 *
 * <p>Complexity: O(users × items × factors) for the exposure weights plus
 * O(events × log items) for sampling, and an O(events log events) sort by time; the default size
 * takes about a second. Memory: about 25 bytes per event.
 *
 * <p>Thread safety: immutable; {@link #generate()} and {@link #writeCsv(Path)} may run concurrently.
 */
public final class SampleEvents {
    /** Dimension of the hidden user and item factors. */
    public static final int FACTORS = 8;
    /** Distinct items shown to a user, as a share of the user's events (the other events repeat them). */
    public static final double NEW_ITEM_SHARE = 0.408;
    /** Target share of engaged events. */
    public static final double ENGAGED_SHARE = 0.4;
    /**
     * Version of the generative process: raised whenever the same {@link Config} starts producing
     * different events. Put it in the names of cached sample files, since {@link #ensureSample(Path)}
     * reuses an existing file without looking inside.
     */
    public static final int GENERATOR_VERSION = 1;
    /** Header written by {@link #writeCsv(Path)}, the columns of {@link CsvSchema#seed()}. */
    public static final String HEADER = "user_id,content_id,event_timestamp,event_type";

    private static final Logger LOG = LoggerFactory.getLogger(SampleEvents.class);
    private static final double FACTOR_SD = 0.6;
    private static final double QUALITY_SD = 0.35;
    private static final double PROPENSITY_SD = 0.35;
    private static final double POPULARITY_SIGMA = 0.55;
    private static final double ACTIVITY_SIGMA = 0.88;
    private static final double EXPOSURE_AFFINITY = 1.2;
    private static final double ENGAGE_AFFINITY = 0.7;
    private static final double REPEAT_AFFINITY = 0.5;
    private static final int MIN_EVENTS_PER_USER = 5;

    private final Config config;

    private SampleEvents(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * A generator for a configuration.
     *
     * @param config sizes, period and seed
     * @return the generator
     */
    public static SampleEvents of(Config config) {
        return new SampleEvents(config);
    }

    /** A generator for {@link Config#defaults()}: the seed log's shape, seed 42. */
    public static SampleEvents defaults() {
        return new SampleEvents(Config.defaults());
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    /**
     * Generates the log: events in time order, event types {@code viewed} (index 0) and
     * {@code engaged} (index 1), values {@code NaN}.
     *
     * @return the events
     */
    public EventLog generate() {
        Generated generated = run();
        EventLog.Builder builder = EventLog.builder().declareEventType("viewed").declareEventType("engaged");
        for (int k = 0; k < generated.size(); k++) {
            builder.add(generated.userIds()[generated.users()[k]], generated.itemIds()[generated.items()[k]],
                    generated.times()[k], generated.engaged()[k] ? "engaged" : "viewed", Float.NaN);
        }
        return builder.build();
    }

    /**
     * Writes the log as CSV in the seed's format ({@value #HEADER}; LF line ends; times as Unix
     * seconds with three decimals, e.g. {@code 1640995200.123}), readable with
     * {@link CsvSchema#seed()}. The file is written through {@link AtomicFiles} (temporary file
     * moved into place, normal permissions), so readers never see half a file. The same configuration gives the same bytes.
     *
     * @param file the target; parent directories are created
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Generated generated = run();
        Path absolute = file.toAbsolutePath();
        // generated ids are plain ASCII letters and digits, so the fast writer below never needs quoting
        AtomicFiles.write(absolute, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            write(generated, writer);
            writer.flush();
        });
        LOG.info("wrote {} sample events of {} users and {} items to {}", generated.size(), config.users(),
                config.items(), absolute);
    }

    /**
     * Returns {@code file} if it exists, otherwise first writes the default sample
     * ({@link Config#defaults()}) there. For command-line tools that fall back to the sample when
     * given no input. An existing file is returned as is, whatever it holds (it may come from another
     * {@link #GENERATOR_VERSION}).
     *
     * @param file where the sample lives
     * @return {@code file}
     * @throws IOException if the sample cannot be written
     */
    public static Path ensureSample(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isRegularFile(file)) {
            return file;
        }
        defaults().writeCsv(file);
        return file;
    }

    private static void write(Generated generated, Writer writer) throws IOException {
        char[] line = new char[80];
        writer.write(HEADER);
        writer.write('\n');
        char[][] userIds = new char[generated.userIds().length][];
        for (int u = 0; u < userIds.length; u++) {
            userIds[u] = generated.userIds()[u].toCharArray();
        }
        char[][] itemIds = new char[generated.itemIds().length][];
        for (int i = 0; i < itemIds.length; i++) {
            itemIds[i] = generated.itemIds()[i].toCharArray();
        }
        char[] viewed = "viewed\n".toCharArray();
        char[] engaged = "engaged\n".toCharArray();
        char[] digits = new char[20];
        for (int k = 0; k < generated.size(); k++) {
            int length = 0;
            char[] user = userIds[generated.users()[k]];
            System.arraycopy(user, 0, line, length, user.length);
            length += user.length;
            line[length++] = ',';
            char[] item = itemIds[generated.items()[k]];
            System.arraycopy(item, 0, line, length, item.length);
            length += item.length;
            line[length++] = ',';
            long millis = generated.times()[k];
            long seconds = Math.floorDiv(millis, 1000L);
            int fraction = (int) Math.floorMod(millis, 1000L);
            if (seconds < 0) {
                line[length++] = '-';
                seconds = -seconds;
            }
            int count = 0;
            do {
                digits[count++] = (char) ('0' + seconds % 10);
                seconds /= 10;
            } while (seconds > 0);
            while (count > 0) {
                line[length++] = digits[--count];
            }
            line[length++] = '.';
            line[length++] = (char) ('0' + fraction / 100);
            line[length++] = (char) ('0' + fraction / 10 % 10);
            line[length++] = (char) ('0' + fraction % 10);
            line[length++] = ',';
            char[] type = generated.engaged()[k] ? engaged : viewed;
            System.arraycopy(type, 0, line, length, type.length);
            length += type.length;
            writer.write(line, 0, length);
        }
    }

    /** The generated events as parallel arrays, sorted by time. */
    private record Generated(String[] userIds, String[] itemIds, int[] users, int[] items, long[] times,
                             boolean[] engaged) {
        int size() {
            return users.length;
        }
    }

    private Generated run() {
        SplittableRandom random = new SplittableRandom(config.seed());
        int userCount = config.users();
        int itemCount = config.items();
        int eventCount = config.events();
        String[] userIds = hexIds(random.split(), userCount, Set.of());
        String[] itemIds = hexIds(random.split(), itemCount, Set.of(userIds));

        SplittableRandom hidden = random.split();
        float[] userFactors = gaussians(hidden, userCount * FACTORS, FACTOR_SD);
        float[] itemFactors = gaussians(hidden, itemCount * FACTORS, FACTOR_SD);
        float[] quality = gaussians(hidden, itemCount, QUALITY_SD);
        float[] propensity = gaussians(hidden, userCount, PROPENSITY_SD);
        double[] popularity = new double[itemCount];
        for (int i = 0; i < itemCount; i++) {
            popularity[i] = StrictMath.exp(POPULARITY_SIGMA * hidden.nextGaussian());
        }

        int[] activity = activity(random.split(), userCount, eventCount);

        long start = config.start().toEpochMilli();
        long period = config.days() * 86_400_000L;
        SplittableRandom sampling = random.split();
        int[] users = new int[eventCount];
        int[] items = new int[eventCount];
        long[] times = new long[eventCount];
        double[] affinity = new double[eventCount];
        double[] weights = new double[itemCount];
        double[] cumulative = new double[itemCount];
        boolean[] shown = new boolean[itemCount];
        int[] shownItems = new int[itemCount];
        double[] repeatCumulative = new double[itemCount];
        int event = 0;
        for (int u = 0; u < userCount; u++) {
            int n = activity[u];
            double total = 0;
            for (int i = 0; i < itemCount; i++) {
                weights[i] = popularity[i] * StrictMath.exp(EXPOSURE_AFFINITY * dot(userFactors, u, itemFactors, i));
                total += weights[i];
                cumulative[i] = total;
            }
            // activity window and sorted event times
            double windowStart = sampling.nextDouble(0, 0.8);
            double windowLength = (1 - windowStart) * sampling.nextDouble(0.3, 1.0);
            // distinct items first (without replacement, popularity x affinity), one event each
            int distinct = Math.min(itemCount, Math.max(1, (int) Math.round(n * NEW_ITEM_SHARE)));
            double repeatTotal = 0;
            for (int d = 0; d < distinct; d++) {
                int item = newItem(sampling, weights, cumulative, shown);
                shown[item] = true;
                shownItems[d] = item;
                repeatTotal += StrictMath.exp(REPEAT_AFFINITY * dot(userFactors, u, itemFactors, item));
                repeatCumulative[d] = repeatTotal;
            }
            // the remaining events repeat those items, favouring the ones the user likes
            for (int k = 0; k < n; k++) {
                int item;
                if (k < distinct) {
                    item = shownItems[k];
                } else {
                    double target = sampling.nextDouble() * repeatTotal;
                    int low = 0;
                    int high = distinct - 1;
                    while (low < high) {
                        int middle = (low + high) >>> 1;
                        if (repeatCumulative[middle] > target) {
                            high = middle;
                        } else {
                            low = middle + 1;
                        }
                    }
                    item = shownItems[low];
                }
                users[event] = u;
                items[event] = item;
                affinity[event] = propensity[u] + quality[item] + ENGAGE_AFFINITY * dot(userFactors, u, itemFactors, item);
                event++;
            }
            // event times: uniform over the user's active window, in random order
            for (int k = event - n; k < event; k++) {
                times[k] = start + (long) ((windowStart + windowLength * sampling.nextDouble()) * period);
            }
            for (int d = 0; d < distinct; d++) {
                shown[shownItems[d]] = false;
            }
        }

        double offset = engagementOffset(affinity);
        boolean[] engaged = new boolean[eventCount];
        SplittableRandom engagement = random.split();
        for (int k = 0; k < eventCount; k++) {
            engaged[k] = engagement.nextDouble() < sigmoid(offset + affinity[k]);
        }

        // order by time (ties by generation order): sort (time - start, event) packed in a long
        long[] order = new long[eventCount];
        for (int k = 0; k < eventCount; k++) {
            order[k] = ((times[k] - start) << 28) | k;
        }
        Arrays.sort(order);
        int[] sortedUsers = new int[eventCount];
        int[] sortedItems = new int[eventCount];
        long[] sortedTimes = new long[eventCount];
        boolean[] sortedEngaged = new boolean[eventCount];
        for (int k = 0; k < eventCount; k++) {
            int source = (int) (order[k] & ((1 << 28) - 1));
            sortedUsers[k] = users[source];
            sortedItems[k] = items[source];
            sortedTimes[k] = times[source];
            sortedEngaged[k] = engaged[source];
        }
        return new Generated(userIds, itemIds, sortedUsers, sortedItems, sortedTimes, sortedEngaged);
    }

    /**
     * Draws an item not yet shown, proportional to its weight: rejection against the cumulative
     * weights; after a run of misses the cumulative weights are rebuilt without the shown items.
     * Returns the new total through {@code cumulative}'s last element.
     */
    private static int newItem(SplittableRandom random, double[] weights, double[] cumulative, boolean[] shown) {
        int last = cumulative.length - 1;
        for (int attempt = 0; ; attempt++) {
            if (attempt == 8) {
                double total = 0;
                for (int i = 0; i <= last; i++) {
                    total += shown[i] ? 0 : weights[i];
                    cumulative[i] = total;
                }
            }
            double target = random.nextDouble() * cumulative[last];
            int low = 0;
            int high = last;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (cumulative[middle] > target) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            if (!shown[low]) {
                return low;
            }
        }
    }

    /** Events per user: at least 5 each, the rest shared in proportion to log-normal weights, summing exactly. */
    private static int[] activity(SplittableRandom random, int userCount, int eventCount) {
        double[] weights = new double[userCount];
        double total = 0;
        for (int u = 0; u < userCount; u++) {
            weights[u] = StrictMath.exp(ACTIVITY_SIGMA * random.nextGaussian());
            total += weights[u];
        }
        long rest = (long) eventCount - (long) MIN_EVENTS_PER_USER * userCount;
        int[] activity = new int[userCount];
        double cumulative = 0;
        long assigned = 0;
        for (int u = 0; u < userCount; u++) {
            cumulative += weights[u];
            long upTo = u == userCount - 1 ? rest : Math.round(cumulative / total * rest);
            activity[u] = MIN_EVENTS_PER_USER + (int) (upTo - assigned);
            assigned = upTo;
        }
        return activity;
    }

    /** The offset c with mean sigmoid(c + affinity) = ENGAGED_SHARE over (a sample of) the events. */
    private static double engagementOffset(double[] affinity) {
        int step = Math.max(1, affinity.length / 20_000);
        double low = -20;
        double high = 20;
        for (int iteration = 0; iteration < 30; iteration++) {
            double middle = (low + high) / 2;
            double sum = 0;
            int count = 0;
            for (int k = 0; k < affinity.length; k += step) {
                sum += sigmoid(middle + affinity[k]);
                count++;
            }
            if (sum / count < ENGAGED_SHARE) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    private static double dot(float[] userFactors, int user, float[] itemFactors, int item) {
        double sum = 0;
        int u = user * FACTORS;
        int i = item * FACTORS;
        for (int f = 0; f < FACTORS; f++) {
            sum += userFactors[u + f] * itemFactors[i + f];
        }
        return sum;
    }

    private static float[] gaussians(SplittableRandom random, int count, double sd) {
        float[] values = new float[count];
        for (int k = 0; k < count; k++) {
            values[k] = (float) (sd * random.nextGaussian());
        }
        return values;
    }

    /** Distinct random 10-hex-character ids (40 random bits), avoiding {@code taken}. */
    private static String[] hexIds(SplittableRandom random, int count, Set<String> taken) {
        String[] ids = new String[count];
        Set<String> seen = new HashSet<>(taken);
        for (int k = 0; k < count; k++) {
            String id;
            do {
                id = String.format("%010x", random.nextLong() & 0xFF_FFFF_FFFFL);
            } while (!seen.add(id));
            ids[k] = id;
        }
        return ids;
    }

    /**
     * What to generate.
     *
     * @param users  number of users, at least 1
     * @param items  number of items, at least 1
     * @param events number of events, at least 5 per user
     * @param days   length of the period in days, at least 1
     * @param seed   seed of every random draw
     * @param start  start of the period
     */
    public record Config(int users, int items, int events, int days, long seed, Instant start) {
        /** Start of the seed log's period, 2021-12-20T00:00:00Z. */
        public static final Instant SEED_START = Instant.parse("2021-12-20T00:00:00Z");

        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the argument and its value if a size is out of range
         */
        public Config {
            Objects.requireNonNull(start, "start");
            if (users < 1) {
                throw new IllegalArgumentException("users must be at least 1, got " + users);
            }
            if (items < 1) {
                throw new IllegalArgumentException("items must be at least 1, got " + items);
            }
            if (events < (long) MIN_EVENTS_PER_USER * users || events > (1 << 28) - 1) {
                throw new IllegalArgumentException("events must be between 5 per user (" + (long) MIN_EVENTS_PER_USER * users
                        + ") and " + ((1 << 28) - 1) + ", got " + events);
            }
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("days must be between 1 and 365, got " + days);
            }
        }

        /** The seed log's shape: 7,252 users, 583 items, 484,077 events, 55 days from 2021-12-20, seed 42. */
        public static Config defaults() {
            return new Config(7_252, 583, 484_077, 55, 42L, SEED_START);
        }

        /** A small log for tests and demos: 400 users, 120 items, 20,000 events, 30 days, seed 42. */
        public static Config small() {
            return new Config(400, 120, 20_000, 30, 42L, SEED_START);
        }

        /**
         * This configuration with another seed.
         *
         * @param newSeed the seed
         * @return the configuration
         */
        public Config withSeed(long newSeed) {
            return new Config(users, items, events, days, newSeed, start);
        }

        /**
         * This configuration with other sizes.
         *
         * @param newUsers  number of users
         * @param newItems  number of items
         * @param newEvents number of events
         * @return the configuration
         * @throws IllegalArgumentException if a size is out of range
         */
        public Config withSize(int newUsers, int newItems, int newEvents) {
            return new Config(newUsers, newItems, newEvents, days, seed, start);
        }
    }
}
