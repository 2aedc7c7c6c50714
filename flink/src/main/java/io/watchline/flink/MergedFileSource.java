package io.watchline.flink;

import io.watchline.feed.FeedReader;
import io.watchline.feed.Reject;
import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Bounded canonical observation files, merged by time exactly as {@code fuse} merges them ({@link
 * TimeMerge} with its reorder window), as one split read by one reader. One ordered stream is what
 * makes the event-time watermark exact for files: several files read by parallel readers one
 * after another would put a whole file behind the watermark. Parsing is a sixth of fusion's cost
 * (benchmarks/README.md), so one reader keeps many fusion slots busy; a partitioned Kafka topic
 * is the way to parallel input.
 *
 * <p>Every rejected record (bad line, or too late for the merge) comes out in order as a {@link
 * Sourced} with its reason. After a restore the split skips what it had emitted.
 */
final class MergedFileSource implements Source<Sourced, MergedFileSource.Split, Collection<MergedFileSource.Split>> {
  private static final long serialVersionUID = 1L;
  private final List<String> files;
  private final long reorderWindowMs;

  MergedFileSource(List<String> files, long reorderWindowMs) {
    this.files = List.copyOf(files);
    this.reorderWindowMs = reorderWindowMs;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Sourced, Split> createReader(SourceReaderContext ctx) {
    return new IteratorSourceReader<>(ctx);
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> createEnumerator(SplitEnumeratorContext<Split> ctx) {
    return new IteratorSourceEnumerator<>(ctx, List.of(new Split(files, reorderWindowMs, 0)));
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> restoreEnumerator(SplitEnumeratorContext<Split> ctx, Collection<Split> state) {
    return new IteratorSourceEnumerator<>(ctx, state);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<Split>> getEnumeratorCheckpointSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Collection<Split> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(splits.size());
        for (Split s : splits) {
          SplitSerializer.write(s, out);
        }
        out.flush();
        return bytes.toByteArray();
      }

      @Override
      public Collection<Split> deserialize(int version, byte[] b) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
        int n = in.readInt();
        List<Split> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          splits.add(SplitSerializer.read(in));
        }
        return splits;
      }
    };
  }

  /** The merged files; {@code skip} items were emitted before the last checkpoint. */
  record Split(List<String> files, long reorderWindowMs, long skip) implements IteratorSourceSplit<Sourced, Merged> {
    @Override
    public String splitId() {
      return "merged";
    }

    @Override
    public Merged getIterator() {
      return new Merged(files, reorderWindowMs, skip);
    }

    @Override
    public IteratorSourceSplit<Sourced, Merged> getUpdatedSplitForIterator(Merged it) {
      return new Split(files, reorderWindowMs, it.emitted);
    }
  }

  private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Split s) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      write(s, out);
      out.flush();
      return bytes.toByteArray();
    }

    @Override
    public Split deserialize(int version, byte[] b) throws IOException {
      return read(new DataInputStream(new ByteArrayInputStream(b)));
    }

    static void write(Split s, DataOutputStream out) throws IOException {
      out.writeInt(s.files().size());
      for (String f : s.files()) {
        out.writeUTF(f);
      }
      out.writeLong(s.reorderWindowMs());
      out.writeLong(s.skip());
    }

    static Split read(DataInputStream in) throws IOException {
      int n = in.readInt();
      List<String> files = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        files.add(in.readUTF());
      }
      return new Split(files, in.readLong(), in.readLong());
    }
  }

  /** The time merge of the files as an iterator; rejects come out before the next observation. */
  static final class Merged implements Iterator<Sourced> {
    private final List<String> files;
    private final long windowMs;
    private final long skip;
    private final ArrayDeque<Reject> rejects = new ArrayDeque<>();
    private TimeMerge merge;
    private Sourced next;
    private Observation held;
    private boolean done;
    long emitted;

    Merged(List<String> files, long windowMs, long skip) {
      this.files = files;
      this.windowMs = windowMs;
      this.skip = skip;
    }

    @Override
    public boolean hasNext() {
      try {
        if (merge == null && !done) {
          open();
        }
        return advance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Sourced next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Sourced s = next;
      next = null;
      emitted++;
      return s;
    }

    private void open() throws IOException {
      List<FeedReader> readers = new ArrayList<>();
      for (String f : files) {
        readers.add(new NdjsonObservationReader(Files.newInputStream(Path.of(f)), f, rejects::add));
      }
      merge = new TimeMerge(readers, rejects::add, windowMs, FusionPipeline.MAX_BUFFERED);
      while (emitted < skip && advance()) {
        next = null;
        emitted++;
      }
    }

    private boolean advance() throws IOException {
      if (next != null) {
        return true;
      }
      // rejects found while reading up to an observation come out before it
      if (!rejects.isEmpty()) {
        next = new Sourced(emitted, null, rejects.poll());
        return true;
      }
      if (held != null) {
        next = new Sourced(emitted, held, null);
        held = null;
        return true;
      }
      if (done) {
        return false;
      }
      Observation o = merge.next();
      if (o == null) {
        done = true;
        merge.close();
      }
      held = o;
      return advance();
    }
  }
}
