package org.excamera.codec.bool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoolCoderTest {
  @Test
  void randomBoolsRoundTrip() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      int n = 1 + rnd.nextInt(5000);
      boolean[] bits = new boolean[n];
      int[] probs = new int[n];
      BoolEncoder enc = new BoolEncoder(16);
      for (int i = 0; i < n; i++) {
        probs[i] = 1 + rnd.nextInt(255);
        // skew the bits towards the probability so long runs and carries both occur
        bits[i] = rnd.nextInt(256) >= probs[i];
        enc.writeBool(bits[i], probs[i]);
      }
      byte[] data = enc.finish();
      BoolDecoder dec = new BoolDecoder(data, 0, data.length);
      for (int i = 0; i < n; i++) {
        assertEquals(bits[i], dec.readBool(probs[i]), "seed " + seed + " bool " + i);
      }
      assertFalse(dec.overran(), "seed " + seed);
    }
  }

  @Test
  void literalsRoundTrip() {
    BoolEncoder enc = new BoolEncoder();
    for (int v = 0; v < 256; v++) {
      enc.writeLiteral(v, 8);
      enc.writeLiteral(v & 0x7f, 7);
    }
    byte[] data = enc.finish();
    BoolDecoder dec = new BoolDecoder(data, 0, data.length);
    for (int v = 0; v < 256; v++) {
      assertEquals(v, dec.readLiteral(8));
      assertEquals(v & 0x7f, dec.readLiteral(7));
    }
  }

  @Test
  void everyLeafOfATreeRoundTrips() {
    Tree tree = new Tree(-0, 2, -1, 4, -2, 6, -3, -4);
    int[] probs = {200, 100, 50, 150};
    BoolEncoder enc = new BoolEncoder();
    for (int v = 0; v <= 4; v++) {
      tree.write(enc, v, probs, 0);
    }
    tree.writeFrom(enc, 4, 3, probs, 0);
    byte[] data = enc.finish();
    BoolDecoder dec = new BoolDecoder(data, 0, data.length);
    for (int v = 0; v <= 4; v++) {
      assertEquals(v, tree.read(dec, probs, 0));
    }
    assertEquals(3, tree.readFrom(dec, 4, probs, 0));
  }

  @Test
  void readsZerosPastTheEndAndReportsALongOverrun() {
    byte[] data = {(byte) 0xff};
    BoolDecoder dec = new BoolDecoder(data, 0, 1);
    assertTrue(dec.readBool(128));
    for (int i = 0; i < 200; i++) {
      dec.readBool(128);
    }
    assertTrue(dec.overran());
  }
}
