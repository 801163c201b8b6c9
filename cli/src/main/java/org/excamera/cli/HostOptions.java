package org.excamera.cli;

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
}
