package org.excamera.rendezvous.wire;

import org.excamera.rendezvous.StateKey;

/**
 * PUBLISH body: token (u16-prefixed UTF-8), job, key (batch u32, chunk u32, kind), raw length u64.
 */
public record PublishRequest(String token, String job, StateKey key, long rawLength) {
  public byte[] encode() {
    BodyWriter w = new BodyWriter().string(token).string(job);
    return Keys.write(w, key).u64(rawLength).toBytes();
  }

  public static PublishRequest decode(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.PUBLISH, body);
    String token = r.string(Protocol.MAX_TOKEN_CHARS, "token");
    String job = Keys.job(r);
    StateKey key = Keys.read(r);
    long rawLength = r.u64("raw length");
    r.end();
    if (rawLength < 0) {
      throw r.malformed("negative raw length");
    }
    return new PublishRequest(token, job, key, rawLength);
  }

  /** Job and key formatted for messages. */
  public String describe() {
    return "job %s key %s".formatted(job, key);
  }
}
