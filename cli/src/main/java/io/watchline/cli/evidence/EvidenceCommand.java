package io.watchline.cli.evidence;

import io.watchline.cli.ExitCode;
import io.watchline.cli.UserException;
import io.watchline.cli.Verbosity;
import io.watchline.evidence.EvidencePack;
import io.watchline.evidence.FileHash;
import io.watchline.evidence.ManifestCheck;
import io.watchline.evidence.NightChain;
import io.watchline.evidence.PackVerifier;
import io.watchline.evidence.Signatures;
import io.watchline.evidence.TimeStamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchline evidence}: the chain from raw records to incidents, for investigators (docs/evidence.md). */
@Command(
    name = "evidence",
    header = "Evidence packages, signatures, time-stamps and chain checks.",
    mixinStandardHelpOptions = true,
    description = {
      "Every fuse, nightly and coverage run writes manifest.json: its inputs and outputs by SHA-256,",
      "the software version and every setting. These subcommands sign and time-stamp manifests,",
      "check the nightly archive's hash chain, pack one incident with the raw records it came from,",
      "and verify such a package, down to re-running fusion on it. See docs/evidence.md.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline evidence keygen -o keys/watchline.pem",
      "  watchline nightly -c nightly.yaml --sign keys/watchline.pem",
      "  watchline evidence verify-chain /srv/watchline/nights",
      "  watchline evidence pack INC-20261128-0003 --run /srv/watchline/nights/2026-11-28 -o case-117/",
      "  watchline evidence verify case-117/ --originals /srv/feeds/2026-11-28"
    },
    subcommands = {
      EvidenceCommand.Keygen.class,
      EvidenceCommand.Tsq.class,
      EvidenceCommand.Pack.class,
      EvidenceCommand.Verify.class,
      EvidenceCommand.VerifyChain.class
    })
public final class EvidenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  @Command(name = "keygen", header = "Make an Ed25519 key pair for signing manifests.", mixinStandardHelpOptions = true,
      description = {"Writes the private key (PKCS#8 PEM, readable only by you) to FILE and the public key to FILE.pub.",
          "Keep the private key on the machine that runs nightly; hand the public key to whoever verifies.", ""})
  static final class Keygen implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Private key file; the public key goes to FILE.pub.")
    Path out;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      Path pub = out.resolveSibling(out.getFileName() + ".pub");
      for (Path p : List.of(out, pub)) {
        if (Files.exists(p)) throw new UserException(p + " exists; a key is never overwritten");
      }
      if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
      Signatures.generate(out, pub);
      log.info("private key " + out + ", public key " + pub);
      return ExitCode.OK;
    }
  }

  @Command(name = "tsq", header = "Write an RFC 3161 time-stamp request for a manifest.", mixinStandardHelpOptions = true,
      description = {"The request carries the manifest's SHA-256 and a nonce, and asks for the TSA's certificate.",
          "Send it to any RFC 3161 time-stamp authority and keep the answer as MANIFEST.tsr, e.g.",
          "  curl -sS -H 'Content-Type: application/timestamp-query' --data-binary @manifest.json.tsq \\",
          "       https://tsa.example/ -o manifest.json.tsr",
          "watchline itself never opens a network connection.", ""})
  static final class Tsq implements Callable<Integer> {
    @Parameters(paramLabel = "MANIFEST", description = "The manifest.json to stamp.")
    Path manifest;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Request file (default MANIFEST.tsq).")
    Path out;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(manifest)) throw new UserException("no such manifest: " + manifest);
      byte[] data = Files.readAllBytes(manifest);
      Path target = out != null ? out : manifest.resolveSibling(manifest.getFileName() + ".tsq");
      Files.write(target, TimeStamps.request(data));
      log.info("time-stamp request for sha256 " + FileHash.sha256(data) + " -> " + target);
      return ExitCode.OK;
    }
  }

  @Command(name = "pack", header = "Pack one incident with the raw records it came from.", mixinStandardHelpOptions = true,
      description = {"Builds a self-contained folder (and FOLDER.zip beside it): the exact bytes of every record the",
          "incident used, cut from the original files at their offsets, with hashes and positions; the border,",
          "sectors and sites used; the incident line; the run manifest (and its .sig/.tsq/.tsr); a track map",
          "and summary.html. The originals are found by SHA-256 at the paths the manifest recorded, beside",
          "the run, or in --originals folders.", ""})
  static final class Pack implements Callable<Integer> {
    @Parameters(paramLabel = "INC-ID", description = "The incident id, e.g. INC-20261128-0003.")
    String id;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run's folder (with manifest.json), or the manifest itself.")
    Path run;

    @Option(names = "--originals", paramLabel = "DIR", description = "Where the original feed files are now (repeatable).")
    List<Path> originals = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "New package folder (must not exist or be empty).")
    Path out;

    @Mixin Verbosity log;

    @Override
    public Integer call() {
      if (!Files.exists(run)) throw new UserException("no such run folder or manifest: " + run);
      try {
        EvidencePack.Result r = EvidencePack.pack(id, run, originals, out);
        log.info("packed " + id + ": " + r.records() + " records from " + r.sources() + " file(s), " + r.observations()
            + " observations -> " + r.dir() + " and " + r.zip());
        return ExitCode.OK;
      } catch (java.nio.file.NoSuchFileException e) {
        throw new UserException("evidence pack: a file the run's manifest names is missing: " + e.getFile()
            + " (moved? give its folder with --originals)", ExitCode.FAILURE);
      } catch (IOException e) {
        throw new UserException("evidence pack: " + e.getMessage(), ExitCode.FAILURE);
      }
    }
  }

  @Command(name = "verify", header = "Verify an evidence package or a run manifest.", mixinStandardHelpOptions = true,
      description = {"PATH is a package folder (package.json) or a run manifest (or its folder).",
          "A package: every file's hash, every excerpt's hash, the ties to the run manifest, and fusion re-run",
          "on the packaged records must give the same incident (kind, sector, side; times within 1 s;",
          "position within 10 m). --originals: the excerpts must be byte-identical to the originals there.",
          "A manifest: its outputs beside it, --key: its signature, MANIFEST.tsr (or --tsr): its time-stamp.",
          "Exit 0 when everything holds, 1 when anything fails (each failure names the file and offset).", ""})
  static final class Verify implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Package folder, manifest.json, or a run folder.")
    Path path;

    @Option(names = "--originals", paramLabel = "DIR", description = "Folder with the original files (repeatable).")
    List<Path> originals = new ArrayList<>();

    @Option(names = "--key", paramLabel = "PUBLIC", description = "Ed25519 public key (PEM) to check the manifest's .sig with.")
    Path key;

    @Option(names = "--tsr", paramLabel = "FILE", description = "RFC 3161 time-stamp response (default MANIFEST.tsr when present).")
    Path tsr;

    @Option(names = "--tsa-cert", paramLabel = "PEM", description = "The TSA's certificate, when its response does not carry it.")
    Path tsaCert;

    @Option(names = "--no-reproduce", description = "Skip re-running fusion on a package.")
    boolean noReproduce;

    @Spec CommandSpec spec;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      if (!Files.exists(path)) throw new UserException("no such package or manifest: " + path);
      var publicKey = key == null ? null : readKey();
      X509CertificateHolder cert = tsaCert == null ? null : readCert();
      List<PackVerifier.Report> reports = new ArrayList<>();
      if (Files.isRegularFile(path.resolve(EvidencePack.PACKAGE_JSON))) {
        reports.add(PackVerifier.verify(path, originals, !noReproduce));
        Path m = path.resolve("run").resolve(NightChain.MANIFEST);
        if (Files.isRegularFile(m) && (publicKey != null || tsr != null || Files.exists(m.resolveSibling("manifest.json.tsr")))) {
          reports.add(ManifestCheck.verify(m, publicKey, tsr, cert, List.of()));
        }
      } else {
        Path m = Files.isDirectory(path) ? path.resolve(NightChain.MANIFEST) : path;
        if (!Files.isRegularFile(m)) throw new UserException(path + " holds neither package.json nor manifest.json");
        try {
          reports.add(ManifestCheck.verify(m, publicKey, tsr, cert, originals));
        } catch (IOException e) {
          throw new UserException(e.getMessage(), ExitCode.FAILURE);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      int failures = 0;
      for (PackVerifier.Report r : reports) {
        for (String f : r.failures()) out.println("FAIL " + f);
        for (String n : r.notes()) out.println("ok   " + n);
        failures += r.failures().size();
      }
      out.println(failures == 0 ? "VERIFIED " + path : failures + " check(s) FAILED for " + path);
      out.flush();
      return failures == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }

    private java.security.PublicKey readKey() {
      try {
        return Signatures.readPublic(key);
      } catch (IOException e) {
        throw new UserException("--key: " + e.getMessage());
      }
    }

    private X509CertificateHolder readCert() {
      try (var r = new org.bouncycastle.openssl.PEMParser(Files.newBufferedReader(tsaCert))) {
        Object o = r.readObject();
        if (o instanceof X509CertificateHolder h) return h;
        throw new UserException("--tsa-cert: " + tsaCert + " holds no PEM certificate");
      } catch (IOException e) {
        throw new UserException("--tsa-cert: " + e.getMessage());
      }
    }
  }

  @Command(name = "verify-chain", header = "Check the nightly archive's hash chain.", mixinStandardHelpOptions = true,
      description = {"Walks ROOT/yyyy-MM-dd/ in date order: each night's manifest must name the previous night's",
          "manifest by its current SHA-256, and every file a manifest lists must still have its hash.",
          "Names the first broken link; exit 1 when the chain is broken.", ""})
  static final class VerifyChain implements Callable<Integer> {
    @Parameters(paramLabel = "ROOT", description = "The nightly output_root.")
    Path root;

    @Spec CommandSpec spec;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(root)) throw new UserException("no such folder: " + root);
      List<NightChain.Problem> problems = NightChain.verify(root);
      PrintWriter out = spec.commandLine().getOut();
      int nights = NightChain.nights(root).size();
      if (problems.isEmpty()) {
        out.println("VERIFIED chain of " + nights + " night(s) in " + root + ", last manifest sha256 "
            + FileHash.of(NightChain.nights(root).lastEntry().getValue().resolve(NightChain.MANIFEST)).sha256());
        out.flush();
        return ExitCode.OK;
      }
      out.println("BROKEN chain in " + root + "; first broken link: " + problems.get(0));
      for (NightChain.Problem p : problems) out.println("FAIL " + p);
      out.flush();
      return ExitCode.FAILURE;
    }
  }
}
