package io.watchline.feed;

import javax.xml.stream.XMLInputFactory;

/** StAX factories with DTDs and external entities switched off (XXE, billion laughs). */
public final class SafeXml {
  private SafeXml() {}

  public static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }
}
