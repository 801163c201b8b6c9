package org.excamera.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code excamera} command: wiring only, each subcommand in its own class. */
@Command(
    name = "excamera",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "ExCamera: low-latency VP8 encoding with many tiny workers (Fouladi et al., NSDI '17).",
    subcommands = {
      CommandLine.HelpCommand.class,
      EncodeCommand.class,
      WorkerCommand.class,
      DemoCommand.class,
      DecodeCommand.class,
      InspectCommand.class,
      RendezvousCommand.class,
      XcEncCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
