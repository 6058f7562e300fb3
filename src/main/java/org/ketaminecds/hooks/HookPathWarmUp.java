package org.ketaminecds.hooks;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the released scenarios through the hook path (request bytes to answer bytes), and with them
 * one chart that holds all their resources at once, on one background thread for {@code
 * cds.hooks.warm-up} once the service is ready.
 *
 * <p>Why: the JIT compiles the hook path only once it has run often, and on 2 cores it needed
 * minutes under load to settle; a chart larger than the traffic so far made it compile again (the
 * first 30 s of heavy-chart calls after a minute of small ones once ran at 9 to 10 ms against 6
 * settled, the compiler taking 12 of the first 15 s of CPU). The warm-up does not hold readiness
 * back (start to ready has its own budget of 5 s): calls that arrive meanwhile are answered, and
 * share the cores with it.
 *
 * <p>Nothing of the warm-up is a hook call: no audit row, log line per call, timer or snooze.
 */
@Component
class HookPathWarmUp implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(HookPathWarmUp.class);

  private final CdsServiceCatalog catalog;
  private final HookRequestReader reader;
  private final HookCallHandler handler;
  private final ActiveRuleSet rules;
  private final Duration budget;
  private final Clock clock;
  private final JsonMapper json;
  private final ObjectWriter responses;
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private volatile boolean stopped;

  HookPathWarmUp(
      CdsServiceCatalog catalog,
      HookRequestReader reader,
      HookCallHandler handler,
      ActiveRuleSet rules,
      HooksProperties properties,
      Clock clock,
      JsonMapper json) {
    this.catalog = catalog;
    this.reader = reader;
    this.handler = handler;
    this.rules = rules;
    this.budget = properties.warmUp();
    this.clock = clock;
    this.json = json;
    this.responses = json.writerFor(HookResponse.class);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startWarmUp() {
    if (budget.isZero()) {
      done.complete(null);
      return;
    }
    Thread thread = new Thread(this::warmUp, "hook-path-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private void warmUp() {
    long started = System.nanoTime();
    try {
      Result result = run(budget);
      log.info(
          "Warmed up the hook path with {} calls of {} scenarios and their merged charts in {} ms"
              + " ({} refused)",
          result.calls(),
          result.requests(),
          (System.nanoTime() - started) / 1_000_000,
          result.failures());
      done.complete(result);
    } catch (RuntimeException e) {
      // The warm-up only saves time: without it the first calls compile the path instead.
      log.warn("Hook path warm-up stopped: {}", e.toString());
      done.completeExceptionally(e);
    }
  }

  /** Stops the warm-up between two calls when the service shuts down. */
  @Override
  public void destroy() {
    stopped = true;
  }

  /** The start-up's warm-up: its result once done, null when it is off. */
  CompletableFuture<Result> done() {
    return done;
  }

  /** Sends the requests round after round until the budget is spent; at least one round. */
  Result run(Duration budget) {
    List<Rehearsal> rehearsals = rehearsals(rules.current());
    if (rehearsals.isEmpty()) {
      // A rule set without scenarios: nothing to send, and no loop to spin until the deadline.
      return new Result(0, 0, 0);
    }
    long deadline = System.nanoTime() + budget.toNanos();
    int calls = 0;
    int failures = 0;
    do {
      for (Rehearsal rehearsal : rehearsals) {
        if (stopped) {
          break;
        }
        try {
          HookCall call = reader.read(rehearsal.service(), rehearsal.body());
          responses.writeValueAsBytes(handler.rehearse(call, rehearsal.today()));
        } catch (RuntimeException e) {
          // A scenario the path refuses is the scenario tests' concern; the warm-up goes on.
          failures++;
          log.debug("Warm-up call refused: {}", e.getMessage());
        }
        calls++;
      }
    } while (System.nanoTime() < deadline && !stopped);
    return new Result(rehearsals.size(), calls, failures);
  }

  private List<Rehearsal> rehearsals(RuleSet ruleSet) {
    var scenarios = new ArrayList<JsonNode>();
    var rehearsals = new ArrayList<Rehearsal>();
    for (String text : ruleSet.scenarios().values()) {
      JsonNode scenario;
      LocalDate asOf;
      try {
        scenario = json.readTree(text);
        asOf = LocalDate.parse(scenario.path("asOf").asString(LocalDate.now(clock).toString()));
      } catch (RuntimeException unreadable) {
        // The start-up's check has passed every released scenario; this one is left out anyway.
        continue;
      }
      CdsService service = catalog.forHook(scenario.path("hook").asString("")).orElse(null);
      if (service == null || !scenario.path("resources").isArray()) {
        continue;
      }
      scenarios.add(scenario);
      rehearsals.add(
          new Rehearsal(service, json.writeValueAsBytes(ScenarioRequests.of(scenario)), asOf));
    }
    for (CdsService service : catalog.all()) {
      JsonNode orders =
          scenarios.stream()
              .filter(scenario -> scenario.path("hook").asString("").equals(service.hook()))
              .map(scenario -> scenario.get("draftOrders"))
              .filter(draftOrders -> draftOrders != null && draftOrders.isArray())
              .findFirst()
              .orElse(null);
      if (!scenarios.isEmpty() && (orders != null || !service.orderHook())) {
        rehearsals.add(
            new Rehearsal(
                service,
                json.writeValueAsBytes(ScenarioRequests.merged(scenarios, service.hook(), orders)),
                LocalDate.now(clock)));
      }
    }
    return rehearsals;
  }

  private record Rehearsal(CdsService service, byte[] body, LocalDate today) {}

  /**
   * @param requests the distinct requests: one per scenario and one merged chart per service
   * @param calls how many were sent, all rounds together
   * @param failures how many of those the path refused
   */
  record Result(int requests, int calls, int failures) {}
}
