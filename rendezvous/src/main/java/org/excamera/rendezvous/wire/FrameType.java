package org.excamera.rendezvous.wire;

import org.jspecify.annotations.Nullable;

/**
 * Frame types with their wire codes and body limits. C→S: client to server; S→C: server to client.
 */
public enum FrameType {
  /** C→S: token, job, key, raw length. Answered by READY or ERROR. */
  PUBLISH(1, Protocol.MAX_CONTROL_BODY),
  /** S→C: the server accepted a PUBLISH; the client streams DATA frames then PUBLISH_END. */
  READY(2, 0),
  /** Both ways: one chunk of a state (encoding u8, raw length u32, running CRC32C u32, bytes). */
  DATA(3, Protocol.MAX_DATA_BODY),
  /** C→S: the CRC32C of the raw bytes just sent. Answered by PUBLISHED or ERROR. */
  PUBLISH_END(4, 4),
  /** S→C: outcome u8, CRC32C of the stored state; the state is durable. */
  PUBLISHED(5, 5),
  /** C→S: token, job, key, timeout ms u64, heartbeat ms u32. */
  FETCH(6, Protocol.MAX_CONTROL_BODY),
  /** S→C: still waiting (a heartbeat while a fetch waits or a publish stalls). */
  WAITING(7, 0),
  /** S→C: a state follows: raw length u64, then DATA frames, then STATE_END or ABORTED. */
  STATE_BEGIN(8, 8),
  /** S→C: the CRC32C of the state just streamed; the fetch is done. */
  STATE_END(9, 4),
  /** S→C: the publish being relayed failed; discard what came since STATE_BEGIN and wait on. */
  ABORTED(10, Protocol.MAX_CONTROL_BODY),
  /** C→S: token, job. Answered by DELETED. */
  DELETE_JOB(11, Protocol.MAX_CONTROL_BODY),
  /** S→C: u8 1 if the job existed. */
  DELETED(12, 1),
  /** S→C: error code u16, message. */
  ERROR(13, Protocol.MAX_CONTROL_BODY);

  private static final @Nullable FrameType[] BY_CODE = new FrameType[16];

  static {
    for (FrameType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final int maxBody;

  FrameType(int code, int maxBody) {
    this.code = code;
    this.maxBody = maxBody;
  }

  public int code() {
    return code;
  }

  /** The largest body this type may carry; longer frames are refused before any allocation. */
  public int maxBody() {
    return maxBody;
  }

  /** The type with wire code {@code code}, or null if there is none. */
  public static @Nullable FrameType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
