package org.excamera.activities.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.worker.BlobRef;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.storage.FileBlobStore;
import org.excamera.worker.testing.FakeIvf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvfAssemblerTest {
  @TempDir Path dir;
  private final FileBlobStore blobs = new FileBlobStore();

  private IvfAssembler.ChunkSource chunks(List<BlobRef> refs, int chunkFrames, int lastFrames) {
    return new IvfAssembler.ChunkSource() {
      @Override
      public int chunks() {
        return refs.size();
      }

      @Override
      public BlobRef finalOutput(int chunk) {
        return refs.get(chunk);
      }

      @Override
      public int frames(int chunk) {
        return chunk == refs.size() - 1 ? lastFrames : chunkFrames;
      }

      @Override
      public int firstFrame(int chunk) {
        return chunk * chunkFrames;
      }
    };
  }

  @Test
  void concatenatesRecordsInOrderWithShiftedTimestampsAndTheTotalFrameCount() throws Exception {
    List<BlobRef> refs = new ArrayList<>();
    List<byte[]> chunkBytes =
        List.of(FakeIvf.chunk(3, true, 0), FakeIvf.chunk(3, false, 1), FakeIvf.chunk(2, true, 2));
    for (int c = 0; c < chunkBytes.size(); c++) {
      BlobRef ref = BlobRef.of(dir.resolve("c" + c + ".ivf"));
      blobs.write(ref, chunkBytes.get(c));
      refs.add(ref);
    }
    Path out = dir.resolve("out.ivf");
    IvfAssembler.Assembled a = IvfAssembler.assemble(blobs, chunks(refs, 3, 2), out);
    assertEquals(8, a.frames());
    assertEquals(2, a.keyFrames());
    try (IvfReader r = IvfReader.open(out)) {
      assertEquals(8, r.header().frameCount());
      List<Long> pts = new ArrayList<>();
      List<Integer> markers = new ArrayList<>();
      for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
        pts.add(f.get().pts());
        markers.add((int) f.get().data()[1]);
        if (pts.size() == 4) {
          assertArrayEquals(new byte[] {FakeIvf.tag(false, true), 1, 0}, f.get().data());
        }
      }
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), pts);
      assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2), markers);
    }
  }

  @Test
  void aChunkWithTheWrongFrameCountIsRejected() throws Exception {
    BlobRef ref = BlobRef.of(dir.resolve("c.ivf"));
    blobs.write(ref, FakeIvf.chunk(2, true, 0));
    OutputMismatchException e =
        assertThrows(
            OutputMismatchException.class,
            () -> IvfAssembler.assemble(blobs, chunks(List.of(ref), 3, 3), dir.resolve("o.ivf")));
    assertTrue(String.valueOf(e.getMessage()).contains("has 2 frames, planned 3"));
  }
}
