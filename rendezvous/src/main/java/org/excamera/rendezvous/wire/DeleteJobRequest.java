package org.excamera.rendezvous.wire;

/** DELETE_JOB body: token, job. */
public record DeleteJobRequest(String token, String job) {
  public byte[] encode() {
    return new BodyWriter().string(token).string(job).toBytes();
  }

  public static DeleteJobRequest decode(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.DELETE_JOB, body);
    String token = r.string(Protocol.MAX_TOKEN_CHARS, "token");
    String job = Keys.job(r);
    r.end();
    return new DeleteJobRequest(token, job);
  }
}
