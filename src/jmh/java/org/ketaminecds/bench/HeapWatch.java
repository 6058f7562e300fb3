package org.ketaminecds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap while under load: the most in use at once (sampled every 10 ms; the heap is capped at
 * 512 MB for the service and the load generator together), and the most that survived a collection
 * in the old generation (the live data).
 */
final class HeapWatch implements AutoCloseable {

  private final AtomicLong peakUsed = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    resetPoolPeaks();
    sampler =
        new Thread(
            () -> {
              while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakUsed.accumulateAndGet(used, Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  long peakUsedMegabytes() {
    return peakUsed.get() / (1024 * 1024);
  }

  /** The largest old generation left after a collection, in MB. */
  long liveAfterCollectionMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterCollection = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP
          && pool.getName().contains("Old")
          && afterCollection != null) {
        bytes = Math.max(bytes, afterCollection.getUsed());
      }
    }
    return bytes / (1024 * 1024);
  }

  static long maxMegabytes() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }

  private static void resetPoolPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
