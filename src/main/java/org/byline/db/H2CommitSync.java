package org.byline.db;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until every commit made so far on an embedded H2 database is written to its file, then syncs it.
 *
 * <p>H2 stores commits in chunks: each store raises the MVStore's version and writes a chunk of that
 * version holding every change made before it. {@code CHECKPOINT SYNC} asks for a store and an fsync,
 * but a store already begun by H2's background writer (which hands its chunk to H2's serialization and
 * save threads and returns) makes it skip its own, and the fsync does not wait for that chunk: a kill
 * just then lost an acknowledged write. So this reads the version once the caller's commit has returned
 * and waits for the chunk that covers it: {@link FileStore#lastChunkVersion()} moves only after a chunk
 * has been written to the file.
 *
 * <p>Then the file's header must lead to that chunk. After a crash H2 starts from the chunk the header
 * names and follows each chunk's guess of where the next one will go. When a chunk lands elsewhere (in
 * space freed by old chunks) H2 rewrites the header, but from its field of the newest chunk, which it
 * sets only after that write: the header names the chunk before, whose guess is wrong, and the restart
 * lost the newest commits (H2 2.5.252, RandomAccessStore.writeChunk; seen as acknowledged statements
 * missing after SIGKILL in bench/load.sh, and in H2CommitSyncTest). So once the chunk is written,
 * a header that does not name the newest chunk is written again, under H2's own chunk-saving lock.
 */
final class H2CommitSync {
    private static final Logger LOG = LoggerFactory.getLogger(H2CommitSync.class);
    private static final long PAUSE_NANOS = 200_000;
    /**
     * H2 writes a chunk in milliseconds; a wait this long means its writer is stuck or gone. Checked
     * between stores: a store that itself waits on H2 (its store lock, held through a compaction) can
     * take longer than this before the check.
     */
    private static final long GIVE_UP_NANOS = 10_000_000_000L;

    private static final Method WRITE_STORE_HEADER;
    private static final Field SAVE_CHUNK_LOCK;
    private static final Field LAST_CHUNK;

    static {
        Method writeHeader = null;
        Field lock = null;
        Field last = null;
        try {
            writeHeader = RandomAccessStore.class.getDeclaredMethod("writeStoreHeader");
            writeHeader.setAccessible(true);
            lock = FileStore.class.getDeclaredField("saveChunkLock");
            lock.setAccessible(true);
            last = FileStore.class.getDeclaredField("lastChunk");
            last.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // H2CommitSyncTest fails on this; a jar built anyway says so once in its log
            LOG.warn("cannot reach H2's store header ({}): after a crash, the newest commits may be lost", e.toString());
            writeHeader = null;
            lock = null;
            last = null;
        }
        WRITE_STORE_HEADER = writeHeader;
        SAVE_CHUNK_LOCK = lock;
        LAST_CHUNK = last;
    }

    private H2CommitSync() {
    }

    static boolean headerRewriteAvailable() {
        return WRITE_STORE_HEADER != null;
    }

    /**
     * Returns false when the connection is not H2's embedded one (a process that reached the file
     * through another's AUTO_SERVER): the caller then falls back to SQL.
     */
    static boolean writeAndSync(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return false;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        // every change committed so far belongs to this version or an older one
        long committed = store.getCurrentVersion();
        long start = System.nanoTime();
        while (!covered(store, file, committed)) {
            if (store.isClosed()) {
                throw new SQLException("the database closed before its latest commits were written");
            }
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                throw new SQLException("H2 did not write its latest commits to the file within 10 s");
            }
            store.commit(); // stores now, unless another thread is storing (then its chunk is awaited)
            if (!covered(store, file, committed)) {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
        headerToNewestChunk(file);
        file.sync();
        return true;
    }

    private static void headerToNewestChunk(FileStore<?> file) throws SQLException {
        if (WRITE_STORE_HEADER == null || !(file instanceof RandomAccessStore)) {
            return;
        }
        try {
            ReentrantLock saving = (ReentrantLock) SAVE_CHUNK_LOCK.get(file);
            saving.lock();
            try {
                Map<String, Object> header = file.getStoreHeader();
                // a header naming another chunk, or this chunk before compaction moved it
                if (DataUtils.readHexLong(header, "version", 0) != file.lastChunkVersion()
                        || DataUtils.readHexLong(header, "block", 0) != lastChunkBlock(file)) {
                    WRITE_STORE_HEADER.invoke(file);
                }
            } finally {
                saving.unlock();
            }
        } catch (ReflectiveOperationException e) {
            throw new SQLException("could not write H2's store header", e);
        }
    }

    private static long lastChunkBlock(FileStore<?> file) throws IllegalAccessException {
        Chunk<?> last = (Chunk<?>) LAST_CHUNK.get(file);
        return last == null ? 0 : last.block;
    }

    private static boolean covered(MVStore store, FileStore<?> file, long committed) {
        long written = file.lastChunkVersion();
        // a chunk newer than the version holds all of its changes; or nothing is left to store and the
        // last store begun (the current version) has been written
        return written > committed || (!store.hasUnsavedChanges() && written >= store.getCurrentVersion());
    }
}
