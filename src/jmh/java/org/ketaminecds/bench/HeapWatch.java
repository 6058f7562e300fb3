package org.ketaminecds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap the JVM held at once while under load, from the memory pools' peak usage (the JVM
 * tracks it on every collection, so no sample is missed).
 */
final class HeapWatch {

  private HeapWatch() {}

  static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks, in MB: an upper bound of the heap used at any one time. */
  static long peakMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  static long maxMegabytes() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }
}
