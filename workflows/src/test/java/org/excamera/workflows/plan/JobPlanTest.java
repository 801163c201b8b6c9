package org.excamera.workflows.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobPlanTest {
  @Test
  void headlineSettingOnTheForemanClip() {
    JobPlan plan = JobPlan.of(96, 6, 16);
    assertEquals(16, plan.chunks());
    assertEquals(1, plan.batches().size());
    assertEquals(1, plan.expectedKeyFrames());
    BatchPlan b = plan.batches().get(0);
    assertEquals(15, b.at(15).position());
    assertFalse(b.at(15).hasSuccessor());
    assertTrue(b.at(14).hasSuccessor());
  }

  @Test
  void shortLastChunkAndShortLastBatch() {
    JobPlan plan = JobPlan.of(100, 6, 4); // 17 chunks, the last of 4 frames; batches 4,4,4,4,1
    assertEquals(17, plan.chunks());
    assertEquals(5, plan.batches().size());
    ChunkPlan last = plan.batches().get(4).at(0);
    assertEquals(16, last.index());
    assertEquals(96, last.firstFrame());
    assertEquals(4, last.frames());
    assertEquals(0, last.position());
    assertFalse(last.hasSuccessor());
    assertEquals(1, plan.batches().get(4).size());
    int frames = 0;
    for (BatchPlan b : plan.batches()) {
      for (ChunkPlan c : b.chunks()) {
        assertEquals(c.index() % 4, c.position());
        assertEquals(b.index(), c.batch());
        frames += c.frames();
      }
    }
    assertEquals(100, frames);
  }

  @Test
  void naivePlanHasAKeyFramePerChunk() {
    JobPlan plan = JobPlan.of(48, 6, 1);
    assertEquals(8, plan.expectedKeyFrames());
    assertTrue(plan.batches().stream().allMatch(b -> b.size() == 1));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> JobPlan.of(0, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> JobPlan.of(10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> JobPlan.of(10, 6, 0));
  }
}
