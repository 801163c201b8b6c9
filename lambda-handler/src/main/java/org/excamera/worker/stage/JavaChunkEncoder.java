package org.excamera.worker.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.encode.ChunkEncoder.Output;
import org.excamera.codec.encode.ChunkEncoder.Settings;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mReader;
import org.excamera.worker.port.ChunkEncoder;

/**
 * Stage 1 with this project's Java VP8 encoder ({@code org.excamera.codec.encode.ChunkEncoder},
 * issue 4): a key frame and one interframe per further raw frame, at quantizers derived from
 * vpxenc's {@code --cq-level}. Used with {@code --encoder java}, and where vpxenc is not installed.
 * Deterministic. The IVF carries the source's frame rate, timestamps 0, 1, 2, …
 */
public final class JavaChunkEncoder implements ChunkEncoder {
  @Override
  public String name() {
    return "java-encoder";
  }

  @Override
  public byte[] encode(Path rawY4m, int cqLevel, Path workDir) throws IOException {
    List<RawFrame> raw = new ArrayList<>();
    Y4mHeader header;
    try (Y4mReader in = Y4mReader.open(rawY4m)) {
      header = in.header();
      for (Optional<RawFrame> f = in.next(); f.isPresent(); f = in.next()) {
        raw.add(f.get());
      }
    }
    Output out = org.excamera.codec.encode.ChunkEncoder.encode(raw, Settings.ofQuality(cqLevel));
    long rate = header.frameRateNumerator() > 0 ? header.frameRateNumerator() : 30;
    long scale = header.frameRateDenominator() > 0 ? header.frameRateDenominator() : 1;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IvfWriter w =
        IvfWriter.to(
            bytes,
            IvfHeader.vp8(header.width(), header.height(), rate, scale, out.frames().size()))) {
      long pts = 0;
      for (CompressedFrame f : out.frames()) {
        w.write(pts++, f.toByteArray());
      }
    }
    return bytes.toByteArray();
  }
}
