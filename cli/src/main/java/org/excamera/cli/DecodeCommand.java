package org.excamera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.excamera.codec.CodecException;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.ContainerFormatException;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mWriter;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.picture.Picture;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code excamera decode}: decodes an IVF file with the pure-Java VP8 decoder. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    header = "Decode a VP8 IVF file to Y4M, per-frame md5 lines or a saved decoder state.",
    description = {
      "Decodes a VP8 IVF file. With --md5 prints one line per shown frame, exactly as",
      "`vpxdec --i420 --md5 -o STEM-%wx%h-%4.i420` does (STEM = the input file name without",
      ".ivf; hidden frames leave a gap in the numbering)."
    })
final class DecodeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.ivf", description = "the IVF file to decode")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT.y4m",
      description = "write the shown frames as Y4M")
  @Nullable Path output;

  @Option(names = "--md5", description = "print the md5 line of every shown frame")
  boolean md5;

  @Option(
      names = "--frames",
      paramLabel = "K",
      description = "decode only the first K records of the file")
  @Nullable Long frames;

  @Option(
      names = "--state-out",
      paramLabel = "S",
      description = "write the decoder state after the last decoded frame")
  @Nullable Path stateOut;

  @Option(
      names = "--from-state",
      paramLabel = "S",
      description = "start from a saved state (the first frame may then be an interframe)")
  @Nullable Path fromState;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (frames != null && frames < 0) {
      err.println("decode: --frames must be at least 0, got " + frames);
      return 2;
    }
    String stem = input.getFileName().toString().replaceFirst("\\.ivf$", "");
    long record = 0;
    try (IvfReader reader = IvfReader.open(input)) {
      DecoderState state =
          fromState == null
              ? DecoderState.initial()
              : DecoderState.deserialize(Files.readAllBytes(fromState));
      IvfHeader ivf = reader.header();
      Y4mWriter y4m = null;
      try {
        for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
          if (frames != null && record >= frames) {
            break;
          }
          record++;
          DecodeResult r;
          try {
            r = Vp8Decoder.decode(state, CompressedFrame.of(f.get().data()));
          } catch (CodecException e) {
            err.printf("decode: %s record %d: %s%n", input, record, e.getMessage());
            return 1;
          }
          state = r.next();
          if (!r.shown()) {
            continue;
          }
          Picture p = r.picture();
          if (md5) {
            out.println(I420Digest.conformanceLine(stem, p, record));
          }
          if (output != null) {
            if (y4m == null) {
              y4m = Y4mWriter.create(output, y4mHeader(ivf, p));
            } else if (y4m.header().width() != p.width() || y4m.header().height() != p.height()) {
              err.printf(
                  "decode: record %d changes the size to %dx%d; a Y4M file has one size%n",
                  record, p.width(), p.height());
              return 1;
            }
            y4m.write(RawFrame.fromI420(p.width(), p.height(), p.toI420()));
          }
        }
      } finally {
        if (y4m != null) {
          y4m.close();
        }
      }
      out.flush();
      if (stateOut != null) {
        Files.write(stateOut, state.serialize());
      }
      return 0;
    } catch (CodecException | ContainerFormatException e) {
      err.printf("decode: %s: %s%n", input, e.getMessage());
      return 1;
    } catch (IOException e) {
      err.printf("decode: %s: %s%n", input, e);
      return 1;
    }
  }

  private static Y4mHeader y4mHeader(IvfHeader ivf, Picture p) {
    long rate = ivf.rate();
    long scale = ivf.scale();
    if (rate <= 0 || scale <= 0 || rate > Integer.MAX_VALUE || scale > Integer.MAX_VALUE) {
      rate = 30;
      scale = 1;
    }
    return Y4mHeader.i420(p.width(), p.height(), (int) rate, (int) scale);
  }
}
