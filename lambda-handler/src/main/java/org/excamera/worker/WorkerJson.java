package org.excamera.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The one JSON mapper of the worker wire format, used by the invokers (client side) and by the
 * Lambda handler (server side), so both agree on every field. Unknown fields are rejected: a newer
 * client talking to an older worker fails loudly rather than silently dropping a setting.
 */
public final class WorkerJson {
  /** The largest request or response we read; Lambda's own limit is 6 MB, ours are ~1 KB. */
  public static final int MAX_DOCUMENT_BYTES = 1 << 20;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_BYTES).build());
  }

  private WorkerJson() {}

  /** Reads and validates a request; any problem is an {@link InvalidRequestException}. */
  public static WorkerRequest readRequest(InputStream in) throws IOException {
    return read(in.readNBytes(MAX_DOCUMENT_BYTES + 1), WorkerRequest.class, "request");
  }

  public static WorkerRequest readRequest(byte[] json) {
    return read(json, WorkerRequest.class, "request");
  }

  /** Reads a response; a malformed one is an {@link InvalidRequestException} too. */
  public static WorkerResponse readResponse(byte[] json) {
    return read(json, WorkerResponse.class, "response");
  }

  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError("worker records always serialize: " + value, e);
    }
  }

  public static void write(WorkerResponse response, OutputStream out) throws IOException {
    out.write(toBytes(response));
    out.flush();
  }

  private static <T> T read(byte[] json, Class<T> type, String what) {
    if (json.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidRequestException(
          "%s larger than %d bytes".formatted(what, MAX_DOCUMENT_BYTES));
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new InvalidRequestException(what + " is JSON null");
      }
      return value;
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String detail =
          root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new InvalidRequestException("invalid " + what + ": " + detail, e);
    } catch (IOException e) {
      throw new InvalidRequestException("malformed " + what + " JSON: " + e.getMessage(), e);
    }
  }
}
