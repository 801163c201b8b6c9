package org.excamera.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "excamera " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version")
    };
  }
}
