package io.watchline.live;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.RejectSink;
import io.watchline.feed.asterix.AsterixReader;
import io.watchline.feed.asterix.Framing;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live ingest: UDP listeners (one ASTERIX capture over all of them), TCP listeners (each
 * connection one feed) and followed files, each source read by its own thread with the same
 * readers as recorded files, their observations written in arrival order by the caller's thread
 * and flushed after every batch. Runs until {@link #stop()} (a signal), or until no observation
 * arrived for the idle time given; then every source is closed, what was already received is
 * read to its end and written, and each source's counts are kept for the summary.
 */
public final class LiveIngest implements AutoCloseable {
  /** Where observations go: written one by one, flushed after each batch. */
  public interface Output {
    void write(Observation o) throws IOException;

    void flush() throws IOException;
  }

  /** One source's counts when it ended, or why it could not be read. */
  public record SourceResult(String name, ReadStats stats, IOException failure) {}

  private static final int QUEUE = 65_536;
  private static final int BATCH = 4096;

  private final FeedOptions options;
  private final SiteRegistry sites;
  private final RejectSink rejects;
  private final FeedFormat format;
  private final BlockingQueue<Observation> queue = new ArrayBlockingQueue<>(QUEUE);
  private final List<SourceResult> results = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> readers = Collections.synchronizedList(new ArrayList<>());
  private final List<AutoCloseable> closers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private UdpCapture udp;
  private final List<ServerSocket> servers = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean stopped;
  private long written;

  /**
   * @param rejects receives rejected records from several threads at once (it is called under a lock)
   * @param format the format of TCP and followed feeds, or AUTO to detect each from its first lines
   */
  public LiveIngest(FeedOptions options, SiteRegistry sites, RejectSink rejects, FeedFormat format) {
    this.options = options;
    this.sites = sites;
    Object lock = new Object();
    this.rejects = r -> {
      synchronized (lock) {
        rejects.reject(r);
      }
    };
    this.format = format;
    // Load the XML parser now: otherwise a camera's first frames wait for its classes to load, and
    // arrive later than --max-delay allows behind the radar that is already flowing.
    javax.xml.stream.XMLInputFactory.newInstance();
  }

  /** Listens on these UDP addresses: ASTERIX, one block per datagram, A/B copies de-duplicated. */
  public void listenUdp(List<Endpoint> endpoints) throws IOException {
    udp = new UdpCapture(endpoints);
    closers.add(udp);
    FeedReader r = new AsterixReader(udp.stream(), udp.name(), Framing.PCAP, options, sites, rejects);
    udp.start();
    startReader(udp.name(), r);
  }

  /** Accepts TCP connections on this address; each one is a feed (format from its first lines). */
  public void listenTcp(Endpoint e) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    try {
      server.bind(new InetSocketAddress(e.host(), e.port()));
    } catch (IOException x) {
      server.close();
      throw new IOException("cannot listen on " + e + ": " + x.getMessage(), x);
    }
    servers.add(server);
    closers.add(server);
    Thread t = new Thread(() -> accept(server, e), "accept-" + e.port());
    t.setDaemon(true);
    t.start();
  }

  private void accept(ServerSocket server, Endpoint e) {
    while (!stopped) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException closed) {
        return;
      }
      connections.incrementAndGet();
      String name = "tcp://" + s.getInetAddress().getHostAddress() + ":" + s.getPort();
      closers.add(() -> {
        if (!s.isClosed()) s.shutdownInput(); // the reader sees the end of what arrived
      });
      startSource(name, () -> s.getInputStream(), s);
    }
  }

  /** Reads a file as it grows, surviving rotation ({@link FollowInputStream}). */
  public void follow(Path file) {
    FollowInputStream in = new FollowInputStream(file, 100);
    closers.add(in::stop);
    startSource(file.toString(), () -> in, in);
  }

  private interface StreamSource {
    InputStream open() throws IOException;
  }

  private void startSource(String name, StreamSource source, AutoCloseable resource) {
    startThread(name, () -> {
      try (AutoCloseable r = resource) {
        FeedReader reader = LiveFeeds.open(source.open(), name, format, options, sites, rejects);
        if (reader != null) {
          pump(name, reader);
        }
      } catch (IOException x) {
        results.add(new SourceResult(name, null, x));
      } catch (Exception x) {
        results.add(new SourceResult(name, null, new IOException(x.getMessage(), x)));
      }
    });
  }

  private void startReader(String name, FeedReader reader) {
    startThread(name, () -> {
      try (reader) {
        pump(name, reader);
      } catch (IOException x) {
        results.add(new SourceResult(name, reader.stats(), x));
      }
    });
  }

  /** One reading thread per source; {@link #run} waits for them all after a stop. */
  private void startThread(String name, Runnable body) {
    running.incrementAndGet();
    Thread t = new Thread(() -> {
      try {
        body.run();
      } finally {
        running.decrementAndGet();
      }
    }, "read-" + name);
    t.setDaemon(true);
    readers.add(t);
    t.start();
  }

  private void pump(String name, FeedReader reader) throws IOException {
    try {
      for (Observation o; (o = reader.next()) != null; ) {
        queue.put(o); // a full queue holds the reader back; the socket buffers, nothing is dropped here
      }
      results.add(new SourceResult(name, reader.stats(), null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } catch (IOException e) {
      if (stopped) { // a connection closed under the reader by the stop: what it gave is kept
        results.add(new SourceResult(name, reader.stats(), null));
      } else {
        throw e;
      }
    }
  }

  /** Asks {@link #run} to close the sources and finish (from a signal handler or another thread). */
  public void stop() {
    stopped = true;
  }

  /**
   * Writes observations as they arrive until stopped or, once records came, idle for {@code idleMs} (0: never), then
   * closes the sources and writes what they still held.
   */
  public void run(Output out, long idleMs) throws IOException {
    List<Observation> batch = new ArrayList<>(BATCH);
    long lastData = 0; // the idle clock starts with the first record: a sender may start late
    try {
      while (!stopped) {
        Observation o = queue.poll(200, TimeUnit.MILLISECONDS);
        if (o == null) {
          if (idleMs > 0 && lastData != 0 && System.nanoTime() - lastData > idleMs * 1_000_000L) {
            break;
          }
          continue;
        }
        lastData = System.nanoTime();
        batch.add(o);
        queue.drainTo(batch, BATCH - 1);
        writeBatch(out, batch);
      }
      shutDown();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((running.get() > 0 || !queue.isEmpty()) && System.nanoTime() < until) {
        Observation o = queue.poll(50, TimeUnit.MILLISECONDS);
        if (o != null) {
          batch.add(o);
          queue.drainTo(batch, BATCH - 1);
          writeBatch(out, batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } finally {
      stopped = true;
      shutDown();
    }
  }

  private void writeBatch(Output out, List<Observation> batch) throws IOException {
    for (Observation o : batch) {
      out.write(o);
    }
    written += batch.size();
    batch.clear();
    out.flush();
  }

  private void shutDown() {
    stopped = true;
    List<AutoCloseable> all;
    synchronized (closers) {
      all = new ArrayList<>(closers);
    }
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing is best effort: the source ends either way
      }
    }
  }

  /** Closes every listener and source (done by {@link #run}; for a run that never started). */
  @Override
  public void close() {
    shutDown();
  }

  /** Each source's counts (after {@link #run}). */
  public List<SourceResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  public long written() {
    return written;
  }

  /** The UDP capture (datagrams received and dropped), or null without UDP listeners. */
  public UdpCapture udp() {
    return udp;
  }

  public int connections() {
    return connections.get();
  }
}
