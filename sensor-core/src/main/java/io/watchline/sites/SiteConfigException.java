package io.watchline.sites;

/** A sites file that cannot be used; the message says which site and field, for the user. */
public class SiteConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SiteConfigException(String message) {
    super(message);
  }
}
