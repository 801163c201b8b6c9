package org.excamera.workflows;

/**
 * Chunks of one batch per stage: stage 1 done ({@code encoded}), pass 1 done ({@code stitched}),
 * chain links done ({@code rebased}), and chunks whose final output exists ({@code done}).
 */
public record BatchProgress(int chunks, int encoded, int stitched, int rebased, int done) {
  public static final BatchProgress NONE = new BatchProgress(0, 0, 0, 0, 0);

  public BatchProgress plus(BatchProgress o) {
    return new BatchProgress(
        chunks + o.chunks,
        encoded + o.encoded,
        stitched + o.stitched,
        rebased + o.rebased,
        done + o.done);
  }
}
