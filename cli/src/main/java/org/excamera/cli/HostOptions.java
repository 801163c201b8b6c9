package org.excamera.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options of whoever hosts the workflows and activities: workers, storage, Lambda. */
final class HostOptions {
  @Option(
      names = "--workers",
      paramLabel = "K",
      description = "Chunk stages computing at once, in-process (default: number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--work",
      paramLabel = "DIR|s3://BUCKET/PREFIX",
      description =
          "Where jobs keep intermediate objects (default: a temporary directory, deleted at exit).")
  @Nullable String work;

  @Option(
      names = "--lambda-function",
      paramLabel = "NAME",
      description = "Run chunk stages in this AWS Lambda function instead of in-process.")
  @Nullable String lambdaFunction;

  @Option(
      names = "--lambda-qualifier",
      paramLabel = "ALIAS",
      description = "Version or alias of the Lambda function.")
  @Nullable String lambdaQualifier;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region for S3 and Lambda.")
  @Nullable String region;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "An S3-compatible endpoint (path-style), e.g. for a local test server.")
  @Nullable String s3Endpoint;

  @Option(
      names = "--rendezvous",
      paramLabel = "embedded|HOST:PORT",
      description =
          "Exchange states between chunks through a rendezvous: an embedded one on loopback, or"
              + " a server (with --rendezvous-secret-file). Default: in memory, one process;"
              + " encode uses an embedded one when x > 1.")
  @Nullable String rendezvous;

  @Option(
      names = "--rendezvous-secret-file",
      paramLabel = "FILE",
      description = "The rendezvous server's secret, to issue job tokens.")
  @Nullable Path rendezvousSecretFile;

  @Option(
      names = "--rendezvous-insecure-loopback",
      description = "The rendezvous server speaks plaintext on loopback.")
  boolean rendezvousInsecureLoopback;

  @Option(
      names = "--rendezvous-ca",
      paramLabel = "PEM",
      description = "CA certificates to trust for the rendezvous's TLS (default: the JDK's).")
  @Nullable Path rendezvousCa;
}
