package dev.recommender.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the model when {@code model.bin} is replaced in its directory (as {@code ModelStore.save} does:
 * a temporary file renamed over the old one). Events are collected until the directory has been quiet for
 * {@value #QUIET_MILLIS} ms, then one reload runs; a file that does not load is logged and counted as a
 * failed reload, and the previous model keeps serving. One daemon thread; {@link #close()} stops it.
 */
final class ModelFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFileWatcher.class);
    static final long QUIET_MILLIS = 200;

    private final WatchService watcher;
    private final Thread thread;

    ModelFileWatcher(Path modelFile, Runnable reload) throws IOException {
        Path directory = modelFile.getParent();
        Path name = modelFile.getFileName();
        this.watcher = FileSystems.getDefault().newWatchService();
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(() -> loop(name, reload), "recommender-model-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Path name, Runnable reload) {
        try {
            while (true) {
                boolean changed = drain(watcher.take(), name);
                // wait for the writer to finish: reload once the directory is quiet
                for (WatchKey next = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); next != null;
                     next = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    changed |= drain(next, name);
                }
                if (changed) {
                    reload.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("model file watcher stopped");
        } catch (RuntimeException e) {
            LOG.error("model file watcher failed; automatic reloads are off from now on", e);
        }
    }

    private static boolean drain(WatchKey key, Path name) {
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            changed |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
        }
        key.reset();
        return changed;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
