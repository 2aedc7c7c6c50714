package io.watchline.fusion.incident;

import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Keeps the bulky part of candidates, their track points and evidence, in a temporary file until
 * their incident is written, and hands out lists that read it back when first used.
 *
 * <p>Why: incidents come out sorted by start, so one track that lives all night (a patrol car, a
 * fixed echo) holds back every incident that started after it. What waits in memory meanwhile is a
 * few hundred bytes per candidate; the points and source offsets, often megabytes, wait on disk.
 * The file is deleted when closed.
 */
public final class Spill implements Closeable {
  private final FileChannel channel;
  private long end;
  private final List<String> files = new ArrayList<>();
  private final Map<String, Integer> fileIds = new HashMap<>();
  private String lastFile;
  private int lastFileId;

  private Spill(FileChannel channel) {
    this.channel = channel;
  }

  /** A spill in a new temporary file (deleted on close). */
  public static Spill temporary() throws IOException {
    Path file = Files.createTempFile("watchline-fuse-", ".spill");
    file.toFile().deleteOnExit(); // also when a failing run never closes it
    try {
      return new Spill(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE));
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static final int POINT_BYTES = 8 + 8 + 8 + 4;
  private static final int SOURCE_BYTES = 4 + 8 + 8;

  /** Writes the points out; the returned list reads them back. */
  public List<TrackPoint> points(List<TrackPoint> points) {
    ByteBuffer b = ByteBuffer.allocate(points.size() * POINT_BYTES);
    for (TrackPoint p : points) {
      b.putDouble(p.lon()).putDouble(p.lat()).putLong(p.t().getEpochSecond()).putInt(p.t().getNano());
    }
    long at = write(b);
    int n = points.size(); // the lambda must not hold on to the list itself
    return new Spilled<>(n, () -> {
      ByteBuffer r = read(at, n * POINT_BYTES);
      TrackPoint[] out = new TrackPoint[n];
      for (int i = 0; i < out.length; i++) {
        out[i] = new TrackPoint(r.getDouble(), r.getDouble(), Instant.ofEpochSecond(r.getLong(), r.getInt()));
      }
      return out;
    });
  }

  /** Writes the sources out; the returned list reads them back. */
  public List<Source> sources(List<Source> sources) {
    ByteBuffer b = ByteBuffer.allocate(sources.size() * SOURCE_BYTES);
    for (Source s : sources) {
      b.putInt(fileId(s.file())).putLong(s.offset()).putLong(s.line());
    }
    long at = write(b);
    int n = sources.size();
    return new Spilled<>(n, () -> {
      ByteBuffer r = read(at, n * SOURCE_BYTES);
      Source[] out = new Source[n];
      for (int i = 0; i < n; i++) {
        int f = r.getInt();
        out[i] = new Source(f < 0 ? null : files.get(f), r.getLong(), r.getLong());
      }
      return out;
    });
  }

  /**
   * The distinct elements of the lists, in first-seen order, computed when first used (so that
   * spilled lists stay on disk until then).
   */
  public static <T> List<T> union(List<List<T>> parts) {
    List<List<T>> copy = List.copyOf(parts);
    return new Spilled<>(-1, () -> {
      LinkedHashSet<T> all = new LinkedHashSet<>();
      for (List<T> p : copy) {
        all.addAll(p);
      }
      @SuppressWarnings("unchecked")
      T[] out = (T[]) all.toArray();
      return out;
    });
  }

  private int fileId(String file) {
    if (file == null) {
      return -1;
    }
    if (file == lastFile) {
      return lastFileId; // sources of one candidate mostly share their file
    }
    Integer id = fileIds.get(file);
    if (id == null) {
      id = files.size();
      files.add(file);
      fileIds.put(file, id);
    }
    lastFile = file;
    lastFileId = id;
    return id;
  }

  private long write(ByteBuffer b) {
    b.flip();
    long at = end;
    try {
      while (b.hasRemaining()) {
        end += channel.write(b, end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the temporary incident evidence file: " + e.getMessage(), e);
    }
    return at;
  }

  private ByteBuffer read(long at, int length) {
    ByteBuffer b = ByteBuffer.allocate(length);
    try {
      while (b.hasRemaining()) {
        if (channel.read(b, at + b.position()) < 0) {
          throw new IOException("temporary incident evidence file ends early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the temporary incident evidence file: " + e.getMessage(), e);
    }
    return b.flip();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** A read-only list whose elements are loaded on first use and kept while the list lives. */
  private static final class Spilled<T> extends AbstractList<T> {
    interface Loader<T> {
      T[] load();
    }

    private final int knownSize;
    private Loader<T> loader;
    private T[] items;

    Spilled(int knownSize, Loader<T> loader) {
      this.knownSize = knownSize;
      this.loader = loader;
    }

    private T[] items() {
      if (items == null) {
        items = loader.load();
        loader = null;
      }
      return items;
    }

    @Override
    public T get(int index) {
      return items()[index];
    }

    @Override
    public int size() {
      return knownSize >= 0 && items == null ? knownSize : items().length;
    }
  }
}
