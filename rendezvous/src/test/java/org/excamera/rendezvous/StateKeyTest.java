package org.excamera.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StateKeyTest {
  @Test
  void textFormRoundTrips() {
    StateKey k = new StateKey(3, 17, "final");
    assertEquals("3/17/final", k.toString());
    assertEquals(k, StateKey.parse("3/17/final"));
    assertEquals("b3.c17.final", k.fileStem());
  }

  @Test
  void badKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new StateKey(-1, 0, "final"));
    assertThrows(IllegalArgumentException.class, () -> new StateKey(0, 0, "Final"));
    assertThrows(IllegalArgumentException.class, () -> new StateKey(0, 0, "../x"));
    assertThrows(IllegalArgumentException.class, () -> new StateKey(0, 0, ""));
    assertThrows(IllegalArgumentException.class, () -> StateKey.parse("1/2"));
    assertThrows(IllegalArgumentException.class, () -> StateKey.parse("a/2/final"));
  }

  @Test
  void keysOrderByBatchChunkKind() {
    assertEquals(-1, Integer.signum(new StateKey(0, 9, "z").compareTo(new StateKey(1, 0, "a"))));
    assertEquals(-1, Integer.signum(new StateKey(1, 0, "z").compareTo(new StateKey(1, 1, "a"))));
    assertEquals(-1, Integer.signum(new StateKey(1, 1, "a").compareTo(new StateKey(1, 1, "b"))));
  }
}
