package org.excamera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.excamera.codec.CodecException;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.header.ReferenceUpdates;
import org.excamera.codec.io.ContainerFormatException;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.PredictionMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code excamera inspect}: one line of header facts per frame of an IVF file. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    header =
        "Print one line of header facts per IVF record (frame type, sizes, quantizers, flags).",
    description = {
      "Prints one line per IVF record: index (1-based), key/inter, shown/hidden, bytes,",
      "quantizer indices (y_ac_qi and the five deltas), loop filter (type:level/sharpness),",
      "reference refresh flags (L last, G golden, A altref), buffer copies to golden/altref",
      "(0 none, 1 last, 2 the other), and counts of intra, inter and SPLITMV macroblocks."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.ivf", description = "the IVF file to inspect")
  Path input;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long record = 0;
    try (IvfReader reader = IvfReader.open(input)) {
      DecoderState state = DecoderState.initial();
      for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
        record++;
        CompressedFrame frame = CompressedFrame.of(f.get().data());
        ParsedFrame parsed;
        DecodeResult r;
        try {
          parsed = Vp8Decoder.parse(state, frame);
          r = Vp8Decoder.reconstruct(state, parsed);
        } catch (CodecException e) {
          err.printf("inspect: %s record %d: %s%n", input, record, e.getMessage());
          return 1;
        }
        out.println(line(record, frame.length(), parsed));
        state = r.next();
      }
      out.flush();
      return 0;
    } catch (ContainerFormatException e) {
      err.printf("inspect: %s: %s%n", input, e.getMessage());
      return 1;
    } catch (IOException e) {
      err.printf("inspect: %s: %s%n", input, e);
      return 1;
    }
  }

  static String line(long record, int bytes, ParsedFrame parsed) {
    FrameHeader h = parsed.header();
    QuantIndices q = h.quantIndices();
    ReferenceUpdates u = h.referenceUpdates();
    MacroblockModes m = parsed.modes();
    int intra = 0;
    int inter = 0;
    int split = 0;
    for (int i = 0; i < m.count(); i++) {
      int y = m.yMode(i);
      if (!PredictionMode.isInter(y)) {
        intra++;
      } else {
        inter++;
        if (y == PredictionMode.SPLITMV) {
          split++;
        }
      }
    }
    String refresh =
        (u.refreshLast() ? "L" : "")
            + (u.refreshGoldenFrame() ? "G" : "")
            + (u.refreshAlternateFrame() ? "A" : "");
    return "%d %s %s bytes=%d q=%d/%d/%d/%d/%d/%d lf=%s:%d/%d refresh=%s copy=%d/%d intra=%d inter=%d split=%d"
        .formatted(
            record,
            h.keyFrame() ? "key" : "inter",
            h.tag().showFrame() ? "shown" : "hidden",
            bytes,
            q.yAcQi(),
            q.yDcDelta().value(),
            q.y2DcDelta().value(),
            q.y2AcDelta().value(),
            q.uvDcDelta().value(),
            q.uvAcDelta().value(),
            h.loopFilter().simple() ? "simple" : "normal",
            h.loopFilter().loopFilterLevel(),
            h.loopFilter().sharpnessLevel(),
            refresh.isEmpty() ? "-" : refresh,
            u.copyBufferToGolden(),
            u.copyBufferToAlternate(),
            intra,
            inter,
            split);
  }
}
