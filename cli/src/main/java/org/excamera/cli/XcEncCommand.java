package org.excamera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.excamera.codec.CodecException;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.encode.ChunkReencoder;
import org.excamera.codec.io.ContainerFormatException;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code excamera xc-enc}: ExCamera's chunk re-encoder (design §2): replaces PRED's leading key
 * frame by encode-given-state against S and rebases its interframes onto the state each leaves.
 */
@Command(
    name = "xc-enc",
    mixinStandardHelpOptions = true,
    header =
        "Re-encode a vpxenc chunk onto a decoder state (ExCamera's xc-enc: key frame replacement and rebase).",
    description = {
      "Re-encodes a chunk onto a decoder state (ExCamera's xc-enc). PRED is decoded from S0 to get",
      "each frame's modes and motion vectors; a leading key frame is replaced by an interframe",
      "coded against S (encode-given-state), every interframe is rebased onto the current state,",
      "and the last frame refreshes all three references. Writes the frames and the final state.",
      "Position 1 of a batch: --pred vpxenc.ivf --state <predecessor's vpxenc state>.",
      "Position >= 2: --pred <pass-1 output> --pred-state <predecessor's vpxenc state>",
      "--state <predecessor's final state>."
    })
final class XcEncCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--raw",
      required = true,
      paramLabel = "CHUNK.y4m",
      description = "the chunk's source frames (the targets)")
  Path raw;

  @Option(
      names = "--pred",
      required = true,
      paramLabel = "PRED.ivf",
      description = "the prediction stream: its modes and motion vectors are kept")
  Path pred;

  @Option(
      names = "--state",
      required = true,
      paramLabel = "S",
      description = "the state the output continues from")
  Path state;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.ivf",
      description = "the re-encoded frames")
  Path output;

  @Option(
      names = "--state-out",
      required = true,
      paramLabel = "S2",
      description = "write the state after the last output frame")
  Path stateOut;

  @Option(
      names = "--pred-state",
      paramLabel = "S0",
      description = "the state PRED was encoded against (default: the initial state)")
  @Nullable Path predState;

  @Option(
      names = "--kf-weight",
      paramLabel = "W",
      defaultValue = "0.75",
      description =
          "y_ac_qi of a replaced key frame = round(W*q_key + (1-W)*q_next) (default: ${DEFAULT-VALUE})")
  double kfWeight;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(kfWeight >= 0 && kfWeight <= 1)) {
      err.println("xc-enc: --kf-weight must be in 0..1, got " + kfWeight);
      return 2;
    }
    try {
      List<RawFrame> frames = readRaw(raw);
      List<IvfFrame> predFrames = IvfReader.readAll(pred);
      IvfHeader header;
      try (IvfReader r = IvfReader.open(pred)) {
        header = r.header();
      }
      List<CompressedFrame> compressed = new ArrayList<>();
      for (IvfFrame f : predFrames) {
        compressed.add(CompressedFrame.of(f.data()));
      }
      DecoderState s = DecoderState.deserialize(Files.readAllBytes(state));
      DecoderState s0 =
          predState == null
              ? DecoderState.initial()
              : DecoderState.deserialize(Files.readAllBytes(predState));
      ChunkReencoder.Output result = ChunkReencoder.run(s, s0, compressed, frames, kfWeight);
      try (IvfWriter w = IvfWriter.create(output, header.withFrameCount(result.frames().size()))) {
        for (int i = 0; i < result.frames().size(); i++) {
          w.write(predFrames.get(i).pts(), result.frames().get(i).toByteArray());
        }
      }
      Files.write(stateOut, result.finalState().serialize());
      long bytes = 0;
      for (CompressedFrame f : result.frames()) {
        bytes += f.length();
      }
      out.printf(
          "xc-enc: %d frames, %d bytes, final state %s%n",
          result.frames().size(), bytes, result.finalState().digest());
      out.flush();
      return 0;
    } catch (CodecException | ContainerFormatException | IllegalArgumentException e) {
      err.printf("xc-enc: %s%n", e.getMessage());
      return 1;
    } catch (IOException e) {
      err.printf("xc-enc: %s%n", e);
      return 1;
    }
  }

  private static List<RawFrame> readRaw(Path file) throws IOException {
    List<RawFrame> frames = new ArrayList<>();
    try (Y4mReader in = Y4mReader.open(file)) {
      for (Optional<RawFrame> f = in.next(); f.isPresent(); f = in.next()) {
        frames.add(f.get());
      }
    }
    return frames;
  }
}
