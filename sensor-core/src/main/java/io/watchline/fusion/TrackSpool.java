package io.watchline.fusion;

import io.watchline.incident.TrackPoint;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A closed track in a region's temporary file, exactly (doubles bit for bit) as the engine gave it. */
final class TrackSpool {
  private TrackSpool() {}

  static void write(TrackSummary t, DataOutputStream out) throws IOException {
    out.writeLong(t.id());
    out.writeUTF(t.label());
    text(t.patrolUnit(), out);
    out.writeDouble(t.patrolDistanceM());
    out.writeDouble(t.patrolShare());
    text(t.cls(), out);
    out.writeInt(t.radarHits());
    out.writeInt(t.thermalHits());
    out.writeDouble(t.speedMps());
    out.writeInt(t.evidence());
    out.writeInt(t.points().size());
    for (TrackPoint p : t.points()) {
      out.writeDouble(p.lon());
      out.writeDouble(p.lat());
      out.writeLong(p.t().getEpochSecond());
      out.writeInt(p.t().getNano());
    }
  }

  static TrackSummary read(DataInputStream in) throws IOException {
    long id = in.readLong();
    String label = in.readUTF();
    String unit = text(in);
    double distance = in.readDouble(), share = in.readDouble();
    String cls = text(in);
    int radar = in.readInt(), thermal = in.readInt();
    double speed = in.readDouble();
    int evidence = in.readInt();
    int n = in.readInt();
    List<TrackPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lon = in.readDouble(), lat = in.readDouble();
      points.add(new TrackPoint(lon, lat, Instant.ofEpochSecond(in.readLong(), in.readInt())));
    }
    return new TrackSummary(id, label, unit, distance, share, cls, radar, thermal, speed, points, evidence);
  }

  private static void text(String s, DataOutputStream out) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) out.writeUTF(s);
  }

  private static String text(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
