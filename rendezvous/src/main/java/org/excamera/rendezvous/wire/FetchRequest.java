package org.excamera.rendezvous.wire;

import org.excamera.rendezvous.StateKey;

/**
 * FETCH body: token, job, key, timeout in ms (u64; how long to wait for a publish), heartbeat
 * interval in ms (u32; how often the server sends WAITING while it waits).
 */
public record FetchRequest(
    String token, String job, StateKey key, long timeoutMillis, int heartbeatMillis) {
  public byte[] encode() {
    BodyWriter w = new BodyWriter().string(token).string(job);
    return Keys.write(w, key).u64(timeoutMillis).u32(heartbeatMillis).toBytes();
  }

  public static FetchRequest decode(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.FETCH, body);
    String token = r.string(Protocol.MAX_TOKEN_CHARS, "token");
    String job = Keys.job(r);
    StateKey key = Keys.read(r);
    long timeout = r.u64("timeout");
    long heartbeat = r.u32("heartbeat");
    r.end();
    if (timeout < 0) {
      throw r.malformed("negative timeout");
    }
    if (heartbeat < 1 || heartbeat > 600_000) {
      throw r.malformed("heartbeat %d ms outside 1..600000".formatted(heartbeat));
    }
    return new FetchRequest(token, job, key, timeout, (int) heartbeat);
  }
}
