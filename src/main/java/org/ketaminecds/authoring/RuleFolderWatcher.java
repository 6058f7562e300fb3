package org.ketaminecds.authoring;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder and the value-set folder (there is no KieScanner for Drools 10.2: {@code
 * kie-ci} is missing) and asks the publisher to check them once changes have settled, on one
 * background thread, so that hook calls never wait for a compilation.
 *
 * <p>It cannot die silently: whatever a reload throws (an {@link Error} included, such as the
 * {@code NoClassDefFoundError} of a jar rebuilt under the running service) is caught, reported as
 * the failed attempt at {@code /admin/rules}, and the watcher goes on; should the watching itself
 * end, its state says so there and the {@code rules} health indicator turns DOWN.
 */
@Component
class RuleFolderWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

  private final RulesProperties properties;
  private final RuleSetPublisher publisher;
  private final Clock clock;
  private volatile WatchService watchService;
  private volatile Thread thread;
  private volatile WatcherStatus status = WatcherStatus.off("not started");

  RuleFolderWatcher(RulesProperties properties, RuleSetPublisher publisher, Clock clock) {
    this.properties = properties;
    this.publisher = publisher;
    this.clock = clock;
  }

  WatcherStatus status() {
    return status;
  }

  @Override
  public void start() {
    Path folder = properties.dir();
    if (!properties.watch()) {
      status = WatcherStatus.off("cds.rules.watch is false: changes need a restart");
      return;
    }
    if (!Files.isDirectory(folder)) {
      status = WatcherStatus.off("no rules folder at " + folder.toAbsolutePath().normalize());
      return;
    }
    try {
      watchService = FileSystems.getDefault().newWatchService();
      registerTree(folder);
      if (Files.isDirectory(properties.valueSets())) {
        registerTree(properties.valueSets());
      }
    } catch (IOException e) {
      log.warn("Cannot watch the rules folder {}: changes need a restart", folder, e);
      status = WatcherStatus.dead(clock.instant(), "cannot watch the folder: " + e);
      return;
    }
    status = WatcherStatus.watching();
    thread = new Thread(this::watch, "rules-folder-watcher");
    thread.setDaemon(true);
    thread.start();
    Thread warmUp = new Thread(this::warmUpCompiler, "rules-compiler-warm-up");
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
    log.info("Watching the rules folder {} for changes", folder.toAbsolutePath().normalize());
  }

  private void watch() {
    long settleMillis = Math.max(1, properties.settle().toMillis());
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watchService.take();
        boolean changed = drain(key);
        // Let a burst of saves settle: wait until nothing changes for the settle time.
        WatchKey next;
        while ((next = watchService.poll(settleMillis, TimeUnit.MILLISECONDS)) != null) {
          changed |= drain(next);
        }
        if (changed) {
          status = status.sawChange(clock.instant());
          reloadCatchingEverything();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
      status = WatcherStatus.off("stopped");
    } catch (Throwable e) {
      // Not even the watching may end unseen: /admin/rules and the health indicator say so.
      status = status.died(clock.instant(), describe(e));
      log.error("The rules folder watcher stopped; changes need a restart", e);
    }
  }

  /** One reload; what it throws is reported as a failed attempt, and the watching goes on. */
  void reloadCatchingEverything() {
    try {
      publisher.reload();
    } catch (Throwable e) {
      log.error("Reloading the rules folder failed; the live rules stay", e);
      publisher.failed(describe(e));
      if (e instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
        throw fatal;
      }
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * The first DRL compilation in a JVM is slow (the compiler's classes load and start cold): do it
   * now, on a thread of its own, so that the first DRL change an author saves is checked as fast as
   * later ones. Not on the watcher's thread: a change saved meanwhile is checked at once.
   */
  private void warmUpCompiler() {
    long started = System.nanoTime();
    try {
      RuleCompiler.warmUp(RuleSourceReader.fromFolder(properties.dir()));
      log.info("Rule compiler warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException | LinkageError e) {
      log.debug("Warming up the rule compiler failed; the first reload will be slower", e);
    }
  }

  private boolean drain(WatchKey key) {
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      changed = true;
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && key.watchable() instanceof Path parent
          && event.context() instanceof Path child
          && Files.isDirectory(parent.resolve(child))) {
        try {
          registerTree(parent.resolve(child));
        } catch (IOException e) {
          log.warn("Cannot watch the new folder {}", parent.resolve(child), e);
        }
      }
    }
    key.reset();
    return changed;
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> folders = Files.walk(root)) {
      for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
        folder.register(
            watchService,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
    try {
      if (watchService != null) {
        watchService.close();
      }
    } catch (IOException e) {
      log.debug("Closing the watch service", e);
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
