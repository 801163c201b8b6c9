package org.excamera.activities.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.excamera.activities.VideoInfo;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mReader;
import org.excamera.worker.BlobRef;
import org.excamera.worker.storage.FileBlobStore;
import org.excamera.worker.testing.SyntheticY4m;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSplitterTest {
  @TempDir Path dir;

  @Test
  void splitsIntoChunksOfNFramesWithTheSourceHeader() throws Exception {
    Path source = SyntheticY4m.write(dir.resolve("src.y4m"), 48, 32, 14);
    JobLayout layout = new JobLayout(BlobRef.of(dir.resolve("work/jobs/j")).uri());
    FileBlobStore blobs = new FileBlobStore();
    VideoInfo info = SourceSplitter.split(blobs, BlobRef.of(source), 6, layout, dir.resolve("s"));
    assertEquals(14, info.frames());
    assertEquals(48, info.width());
    assertEquals(30, info.rateNumerator());
    int frame = 0;
    for (int c = 0; c < 3; c++) {
      try (Y4mReader r = Y4mReader.open(layout.raw(c).toPath())) {
        assertEquals(48, r.header().width());
        int inChunk = 0;
        for (Optional<RawFrame> f = r.next(); f.isPresent(); f = r.next()) {
          assertEquals(SyntheticY4m.frame(48, 32, frame), f.get(), "frame " + frame);
          frame++;
          inChunk++;
        }
        assertEquals(c < 2 ? 6 : 2, inChunk);
      }
    }
    assertEquals(14, frame);
  }
}
