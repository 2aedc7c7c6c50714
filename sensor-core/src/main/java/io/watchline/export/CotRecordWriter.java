package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Cursor-on-Target 2.0 events, one {@code <event>} per line, as TAK servers exchange them: a
 * stream of events, not one XML document.
 *
 * <p>Type mapping (see docs/cli.md): a crossing whose score reaches {@code hostileScore} is {@code
 * a-h-G} (hostile ground), a welfare case {@code a-n-G} (neutral ground), every other incident {@code a-u-G} (unknown ground); patrol fixes and
 * patrols' fused tracks are {@code a-f-G} (friendly ground), radar and thermal detections and other
 * fused tracks {@code a-u-G} at their last position. Incidents use their
 * id as uid, {@code time} = end (last seen), {@code start} = start, {@code stale} = end + {@code
 * staleAfter}: the event describes what was seen, it is not a live feed. Times are never taken
 * from the clock, so the same input gives the same bytes. Observations without a position cannot
 * be placed and are counted as not representable.
 *
 * <p>Live ({@link #live()}, for {@code export --send}): every event is flushed as soon as it is
 * written, the callsign names the kind and sector ({@code crossing S-09 #0001}), and the evidence is
 * not inlined (an incident's list reaches tens of KB; an event must fit one UDP datagram): the
 * event carries its count and the incident id to pack it by ({@code evidence_ref}).
 */
public final class CotRecordWriter implements RecordWriter {
  /** CoT's "unknown" for height and error ellipses. */
  private static final String UNKNOWN = "9999999.0";

  private final Writer out;
  private final XMLStreamWriter x;
  private final double hostileScore;
  private final Duration staleAfter;
  private long notRepresentable;
  private boolean live;

  public CotRecordWriter(OutputStream stream, double hostileScore, Duration staleAfter) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    this.hostileScore = hostileScore;
    this.staleAfter = staleAfter;
    try {
      this.x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Switches to live events: flushed one by one, callsign of kind and sector, evidence by reference. */
  public CotRecordWriter live() {
    this.live = true;
    return this;
  }

  /** The CoT type of an incident, by the documented mapping. */
  public static String type(Incident i, double hostileScore) {
    if (i.kind() == IncidentKind.WELFARE) {
      return "a-n-G"; // people in danger are neutral ground: someone to help, never a hostile mark
    }
    return i.kind() == IncidentKind.CROSSING && !Double.isNaN(i.score()) && i.score() >= hostileScore
        ? "a-h-G"
        : "a-u-G";
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    try {
      if (r instanceof CanonicalRecord.Inc i) {
        incident(i.incident());
      } else if (r instanceof CanonicalRecord.Trk t) {
        fusedTrack(t.track());
      } else if (r instanceof CanonicalRecord.Obs o) {
        if (!o.observation().hasPosition()) {
          notRepresentable++;
          return;
        }
        observation(o.observation());
      }
      x.flush();
      out.write('\n');
      if (live) {
        out.flush();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void incident(Incident i) throws XMLStreamException {
    event(i.id(), type(i, hostileScore), "m-f", i.start(), i.end());
    point(i.lat(), i.lon());
    x.writeStartElement("detail");
    x.writeEmptyElement("contact");
    x.writeAttribute("callsign", live ? callsign(i) : i.id());
    x.writeStartElement("remarks");
    x.writeCharacters(ExportFields.summary(i));
    x.writeEndElement();
    x.writeEmptyElement("watchline");
    x.writeAttribute("record", "incident");
    x.writeAttribute("kind", i.kind().wireName());
    if (!Double.isNaN(i.score())) x.writeAttribute("score", Double.toString(i.score()));
    if (i.sector() != null) x.writeAttribute("sector", i.sector());
    if (i.side() != null) x.writeAttribute("side", i.side());
    if (live) {
      x.writeAttribute("evidence_count", Integer.toString(i.evidence().size()));
      x.writeAttribute("evidence_ref", i.id());
    } else {
      x.writeAttribute("evidence", ExportFields.evidence(i.evidence()));
    }
    x.writeEndElement();
    x.writeEndElement();
  }

  /** What a patrol sees on the map: kind, sector and the incident's number, e.g. {@code crossing S-09 #0001}. */
  static String callsign(Incident i) {
    String id = i.id();
    int dash = id.lastIndexOf('-');
    return i.kind().wireName() + (i.sector() != null ? " " + i.sector() : "") + " #" + (dash >= 0 ? id.substring(dash + 1) : id);
  }

  /** A fused track as its last known position: a-f-G for a patrol's own track, else a-u-G. */
  private void fusedTrack(TrackRecord t) throws XMLStreamException {
    var last = t.points().get(t.points().size() - 1);
    String uid = t.patrol() ? t.text("patrol_unit") : "watchline-track-" + t.id();
    event(uid, t.patrol() ? "a-f-G" : "a-u-G", t.patrol() ? "m-g" : "m-f", t.start(), t.end());
    point(last.lat(), last.lon());
    x.writeStartElement("detail");
    x.writeEmptyElement("contact");
    x.writeAttribute("callsign", t.text("label") != null ? t.text("label") : uid);
    x.writeEmptyElement("watchline");
    x.writeAttribute("record", "track");
    x.writeAttribute("track", t.id());
    for (var e : t.properties().entrySet()) {
      x.writeAttribute(e.getKey(), String.valueOf(e.getValue()));
    }
    x.writeEndElement();
    x.writeEndElement();
  }

  private void observation(Observation o) throws XMLStreamException {
    boolean patrol = o.kind() == Kind.PATROL;
    event(ExportFields.label(o), patrol ? "a-f-G" : "a-u-G", patrol ? "m-g" : "m-f", o.t(), o.t());
    point(o.lat(), o.lon());
    x.writeStartElement("detail");
    x.writeEmptyElement("contact");
    x.writeAttribute("callsign", ExportFields.label(o));
    if (!Double.isNaN(o.speedMps()) && !Double.isNaN(o.courseDeg())) {
      x.writeEmptyElement("track");
      x.writeAttribute("course", Double.toString(o.courseDeg()));
      x.writeAttribute("speed", Double.toString(o.speedMps()));
    }
    x.writeEmptyElement("watchline");
    x.writeAttribute("record", "observation");
    x.writeAttribute("kind", o.kind().wireName());
    if (o.sensor() != null) x.writeAttribute("sensor", o.sensor());
    if (o.cls() != null) x.writeAttribute("cls", o.cls());
    if (!Double.isNaN(o.conf())) x.writeAttribute("conf", Double.toString(o.conf()));
    if (o.src() != null) x.writeAttribute("src", ExportFields.source(o.src()));
    x.writeEndElement();
    x.writeEndElement();
  }

  private void event(String uid, String type, String how, Instant start, Instant time)
      throws XMLStreamException {
    x.writeStartElement("event");
    x.writeAttribute("version", "2.0");
    x.writeAttribute("uid", uid);
    x.writeAttribute("type", type);
    x.writeAttribute("how", how);
    x.writeAttribute("time", IsoTime.format(time));
    x.writeAttribute("start", IsoTime.format(start));
    x.writeAttribute("stale", IsoTime.format(time.plus(staleAfter)));
  }

  private void point(double lat, double lon) throws XMLStreamException {
    x.writeEmptyElement("point");
    x.writeAttribute("lat", Double.toString(lat));
    x.writeAttribute("lon", Double.toString(lon));
    x.writeAttribute("hae", UNKNOWN);
    x.writeAttribute("ce", UNKNOWN);
    x.writeAttribute("le", UNKNOWN);
  }

  @Override
  public long notRepresentable() {
    return notRepresentable;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
