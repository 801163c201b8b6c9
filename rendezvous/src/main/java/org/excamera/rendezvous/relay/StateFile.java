package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.StateKey;

/**
 * Layout of a stored state file: the DATA frames exactly as they go on the wire, each with its
 * running CRC32C (so serving is a file-to-socket copy, and a reader checks what came off the disk),
 * then a trailer: the kind's UTF-8 bytes, then 40 fixed bytes: magic {@code EXST} u32, version u16
 * (2), batch u32, chunk u32, kind length u16, raw length u64, data length u64, CRC32C u32 of the
 * raw bytes, CRC32C u32 of the trailer before it. A file without a valid trailer is not a state (it
 * is moved aside at startup, as are files of version 1, whose frames version 2 readers cannot
 * check); files only get their final name after an fsync.
 */
final class StateFile {
  static final int MAGIC = 0x45585354;
  static final int VERSION = 2;
  static final int FIXED_TAIL = 4 + 2 + 4 + 4 + 2 + 8 + 8 + 4 + 4;
  static final String SUFFIX = ".state";
  static final String PART_SUFFIX = ".part";

  private StateFile() {}

  /** What a trailer says. */
  record Trailer(StateKey key, long rawLength, long dataLength, Crc32c crc) {}

  static byte[] trailer(StateKey key, long rawLength, long dataLength, Crc32c stateCrc) {
    byte[] kind = key.kind().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(kind.length + FIXED_TAIL);
    b.put(kind)
        .putInt(MAGIC)
        .putShort((short) VERSION)
        .putInt(key.batch())
        .putInt(key.chunk())
        .putShort((short) kind.length)
        .putLong(rawLength)
        .putLong(dataLength)
        .putInt(stateCrc.value());
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** Reads and checks the trailer of {@code file}. */
  static Trailer readTrailer(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < FIXED_TAIL) {
        throw new IOException(file + ": too short for a state file (" + size + " bytes)");
      }
      ByteBuffer tail = ByteBuffer.allocate(FIXED_TAIL);
      readFully(ch, tail, size - FIXED_TAIL);
      tail.flip();
      if (tail.getInt() != MAGIC) {
        throw new IOException(file + ": no state trailer");
      }
      int version = tail.getShort();
      if (version != VERSION) {
        throw new IOException(file + ": state file of version " + version + ", not " + VERSION);
      }
      int batch = tail.getInt();
      int chunk = tail.getInt();
      int kindLength = tail.getShort() & 0xFFFF;
      long rawLength = tail.getLong();
      long dataLength = tail.getLong();
      Crc32c stateCrc = new Crc32c(tail.getInt());
      int crcStored = tail.getInt();
      if (kindLength > 64 || dataLength + kindLength + FIXED_TAIL != size || rawLength < 0) {
        throw new IOException(file + ": inconsistent state trailer");
      }
      ByteBuffer whole = ByteBuffer.allocate(kindLength + FIXED_TAIL - 4);
      readFully(ch, whole, dataLength);
      CRC32C crc = new CRC32C();
      crc.update(whole.array(), 0, whole.capacity());
      if ((int) crc.getValue() != crcStored) {
        throw new IOException(file + ": state trailer checksum mismatch");
      }
      String kind = new String(whole.array(), 0, kindLength, StandardCharsets.UTF_8);
      StateKey key;
      try {
        key = new StateKey(batch, chunk, kind);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": bad key in trailer: " + e.getMessage(), e);
      }
      return new Trailer(key, rawLength, dataLength, stateCrc);
    }
  }

  static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + pos);
      }
      pos += n;
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer src, long position) throws IOException {
    long pos = position;
    while (src.hasRemaining()) {
      pos += ch.write(src, pos);
    }
  }

  /** Fsyncs a directory so that a create or rename inside it survives a crash. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
