package org.excamera.worker.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.excamera.worker.port.ChunkEncoder;

/** A stage-1 encoder that returns fixed bytes and counts its calls. */
public final class ScriptedEncoder implements ChunkEncoder {
  private final byte[] ivf;
  private final AtomicInteger calls = new AtomicInteger();

  public ScriptedEncoder(byte[] ivf) {
    this.ivf = ivf.clone();
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public byte[] encode(Path rawY4m, int cqLevel, Path workDir) throws IOException {
    calls.incrementAndGet();
    return ivf.clone();
  }

  public int calls() {
    return calls.get();
  }
}
