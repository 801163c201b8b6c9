package org.excamera.codec.vpx;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two quick vpxenc streams against vpxdec; {@link VpxencIT} sweeps the settings. */
class VpxencTest {
  @TempDir Path dir;

  @Test
  void excameraSettingsMatchVpxdec() throws Exception {
    VpxStreams.check(
        VpxStreams.s(
            "foreman-cq32",
            VpxStreams.FOREMAN,
            20,
            "",
            "--good",
            "--cpu-used=4",
            "--passes=2",
            "--end-usage=cq",
            "--cq-level=32",
            "--auto-alt-ref=1",
            "--lag-in-frames=16"),
        dir);
  }

  @Test
  void oddSizeMatchesVpxdec() throws Exception {
    VpxStreams.check(
        VpxStreams.s("water-odd", VpxStreams.WATER, 6, "357:203", "--rt", "--cpu-used=8"), dir);
  }
}
