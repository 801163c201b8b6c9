package org.excamera.bench;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option every benchmark command has. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "print this help and exit")
  boolean help;
}
