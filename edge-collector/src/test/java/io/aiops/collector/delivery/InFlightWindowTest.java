package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.delivery.InFlightWindow.Settled;
import io.aiops.collector.delivery.InFlightWindow.Slot;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

  @Test
  void advancesOnlyOverTheSettledPrefixWhateverOrderAcknowledgementsArriveIn() {
    InFlightWindow window = new InFlightWindow(10, 1_000);
    Slot first = window.add(5, 10);
    Slot second = window.add(6, 10);
    Slot third = window.add(7, 10);

    third.deliver();
    second.deliver();
    assertTrue(window.takeSettledPrefix().isEmpty(), "record 5 is still unacknowledged");

    first.deliver();
    Settled settled = window.takeSettledPrefix();
    assertEquals(3, settled.delivered());
    assertEquals(8, settled.nextSequence());
    assertTrue(window.isEmpty());
  }

  @Test
  void countsRejectedRecordsAsSettledButNotDelivered() {
    InFlightWindow window = new InFlightWindow(10, 1_000);
    window.add(1, 10).reject(new IllegalArgumentException("too large"));
    window.add(2, 10).deliver();

    Settled settled = window.takeSettledPrefix();

    assertEquals(1, settled.delivered());
    assertEquals(1, settled.rejected());
    assertEquals(3, settled.nextSequence());
  }

  @Test
  void reportsAFailureAnywhereInTheWindow() {
    InFlightWindow window = new InFlightWindow(10, 1_000);
    window.add(1, 10);
    Slot failed = window.add(2, 10);
    Exception error = new IllegalStateException("fenced");
    failed.fail(error);

    assertSame(error, window.failure());
    window.clear();
    assertNull(window.failure());
  }

  @Test
  void isFullAtItsRecordOrByteBound() {
    InFlightWindow byCount = new InFlightWindow(2, 1_000);
    byCount.add(1, 1);
    byCount.add(2, 1);
    assertFalse(byCount.hasRoom());

    InFlightWindow byBytes = new InFlightWindow(100, 50);
    byBytes.add(1, 60);
    assertFalse(byBytes.hasRoom());
    byBytes.add(2, 0).deliver();
    byBytes.removeNewest(byBytes.add(3, 5));
    assertEquals(-10, byBytes.roomBytes());
  }
}
