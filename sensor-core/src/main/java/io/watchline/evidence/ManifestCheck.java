package io.watchline.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Checks one run manifest: its signature with a public key, a time-stamp response over it, the
 * outputs beside it, and (with originals) the inputs it lists. Results go to a {@link PackVerifier.Report}.
 */
public final class ManifestCheck {
  private ManifestCheck() {}

  /**
   * @param key public key to check {@code <manifest>.sig} with, or null
   * @param tsr time-stamp response, or null for {@code <manifest>.tsr} when present
   * @param tsaCert the TSA's certificate when the token does not carry it, or null
   */
  public static PackVerifier.Report verify(Path manifestFile, PublicKey key, Path tsr, X509CertificateHolder tsaCert,
      List<Path> originalsDirs) throws IOException {
    List<String> failures = new java.util.ArrayList<>();
    List<String> notes = new java.util.ArrayList<>();
    Path sig = Signatures.signatureFile(manifestFile);
    if (key != null) {
      if (!Files.isRegularFile(sig)) {
        failures.add(sig + ": missing; the manifest is not signed");
      } else if (Signatures.verify(manifestFile, sig, key)) {
        notes.add("signature " + sig.getFileName() + " verifies with the given Ed25519 public key");
      } else {
        failures.add(sig + ": does not verify with the given public key: the manifest was altered, or signed with another key");
      }
    } else if (Files.isRegularFile(sig)) {
      notes.add(sig.getFileName() + " present; give --key PUBLIC.pem to check it");
    }
    Path stamp = tsr != null ? tsr : manifestFile.resolveSibling(manifestFile.getFileName() + ".tsr");
    if (Files.isRegularFile(stamp)) {
      Path tsq = manifestFile.resolveSibling(manifestFile.getFileName() + ".tsq");
      try {
        TimeStamps.Stamp s = TimeStamps.check(Files.readAllBytes(stamp), Files.readAllBytes(manifestFile),
            Files.isRegularFile(tsq) ? Files.readAllBytes(tsq) : null, tsaCert);
        notes.add("time-stamp " + stamp.getFileName() + ": the manifest existed at " + s.time() + " (TSA " + s.signerSubject()
            + ", certificate sha256 " + s.signerSha256() + ", serial " + s.serial() + "); check that this certificate is your TSA's");
      } catch (IOException e) {
        failures.add(stamp + ": " + e.getMessage());
      }
    } else if (tsr != null) {
      failures.add(tsr + ": missing");
    }
    RunManifest m;
    try {
      m = RunManifest.read(manifestFile);
    } catch (IOException e) {
      failures.add(e.getMessage());
      return new PackVerifier.Report(failures, notes);
    }
    Path dir = manifestFile.toAbsolutePath().getParent();
    for (RunManifest.Entry out : m.outputs()) {
      Path f = dir.resolve(out.path());
      if (!Files.isRegularFile(f)) {
        notes.add(out.path() + ": not here, not checked");
        continue;
      }
      FileHash h = FileHash.of(f);
      if (!h.sha256().equals(out.sha256())) {
        failures.add(f + ": sha256 " + h.sha256() + ", the manifest lists " + out.sha256() + ": the output was altered");
      }
    }
    if (!originalsDirs.isEmpty()) {
      for (RunManifest.Entry in : m.inputs()) {
        if ("-".equals(in.path())) continue;
        Path found = Originals.inFolders(originalsDirs, in.path());
        if (found == null) {
          notes.add(in.path() + " (" + in.role() + "): not in " + originalsDirs + ", not checked");
          continue;
        }
        FileHash h = FileHash.of(found);
        if (!h.sha256().equals(in.sha256())) {
          failures.add(found + ": sha256 " + h.sha256() + ", the run read " + in.sha256() + " (" + in.role() + " " + in.path()
              + "): the input was altered since the run");
        }
      }
    }
    return new PackVerifier.Report(failures, notes);
  }
}
