package io.aiops.cli.health;

import static io.aiops.cli.render.LabelledLines.line;
import static io.aiops.cli.render.LabelledLines.list;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.Terminal;
import io.aiops.detection.host.HealthFactor;
import io.aiops.detection.host.HealthFactorKind;
import io.aiops.detection.host.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory health report a person reads: each signal's state (the default), or the 0–100 score
 * with the factors that cost points, worst first (--score); both say what to do.
 */
final class MemoryHealthText {
  private MemoryHealthText() {}

  static String report(MemoryHealth health, boolean scoreView, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    String risk = risk(health.score().risk(), terminal);
    String over =
        health.sampled().intervalSeconds().isPresent()
            ? String.format(
                Locale.ROOT,
                " (rates over %.1f s)",
                health.sampled().intervalSeconds().getAsDouble())
            : "";
    if (scoreView) {
      out.append(
          String.format(
              Locale.ROOT,
              "Memory health score of %s: %s, %s%s%n",
              health.sampled().subject(),
              terminal.bold(health.score().score() + "/100"),
              risk,
              over));
    } else {
      out.append(
          String.format(
              Locale.ROOT, "Memory health of %s: %s%s%n", health.sampled().subject(), risk, over));
    }
    line(out, "memory", memory(health));
    String kills = oomKills(health, terminal);
    if (kills != null) {
      line(out, "oom kills", kills);
    }
    if (scoreView) {
      costs(out, health.score().factors(), terminal);
    } else {
      signals(out, health.everyFactor(), terminal);
    }
    List<String> notes = new ArrayList<>();
    if (health.sampled().ratesNote() != null) {
      notes.add(health.sampled().ratesNote());
    }
    notes.addAll(health.notes());
    if (!scoreView) {
      notes.add("--score gives the 0-100 score and the factors ranked by the points they cost");
    }
    list(out, "notes", notes);
    return out.toString();
  }

  private static String memory(MemoryHealth h) {
    String swap =
        h.swapTotalBytes() == 0
            ? "no swap"
            : "swap "
                + ByteSize.format(h.swapUsedBytes())
                + " of "
                + ByteSize.format(h.swapTotalBytes())
                + " used";
    return ByteSize.format(h.memTotalBytes())
        + " total, "
        + ByteSize.format(h.memUsedBytes())
        + " used, "
        + ByteSize.format(h.memAvailableBytes())
        + " available, "
        + ByteSize.format(h.memFreeBytes())
        + " free; "
        + swap;
  }

  /**
   * The kernel's OOM kills, which the score does not weigh (a cgroup's limit is hit on healthy
   * hosts too) but a person looking at memory wants first; null when the kernel does not count
   * them.
   */
  private static String oomKills(MemoryHealth h, Terminal terminal) {
    Long sinceBoot = h.oomKillsSinceBoot();
    if (sinceBoot == null) {
      return null;
    }
    Long inInterval = h.oomKillsInInterval();
    String boot = String.format(Locale.ROOT, "%,d since boot", sinceBoot);
    if (inInterval != null && inInterval > 0) {
      return terminal.alarm(String.format(Locale.ROOT, "%,d during the interval", inInterval))
          + ", "
          + boot
          + ": aiops analyze oom --last says which process, which limit and why";
    }
    return sinceBoot == 0
        ? "none since boot"
        : boot
            + (inInterval == null ? "" : ", none during the interval")
            + ": aiops analyze oom lists them";
  }

  /** Every signal with its own state, then what to do about those that are not ok. */
  private static void signals(StringBuilder out, List<HealthFactor> factors, Terminal terminal) {
    List<String> advice = new ArrayList<>();
    for (HealthFactor f : factors) {
      String state = String.format(Locale.ROOT, "%-8s", lower(f.risk().name()));
      line(out, name(f.kind()), paint(state, f.risk(), terminal) + " " + f.observation());
      if (f.risk() != RiskLevel.OK) {
        advice.add(name(f.kind()) + ": " + f.advice());
      }
    }
    if (advice.isEmpty()) {
      advice.add("nothing: every signal is healthy");
    }
    list(out, "what to do", advice);
  }

  /** The factors that cost points, worst first, each with its advice under it. */
  private static void costs(StringBuilder out, List<HealthFactor> factors, Terminal terminal) {
    if (factors.isEmpty()) {
      line(out, "costs points", "nothing: every signal is healthy");
      return;
    }
    for (int i = 0; i < factors.size(); i++) {
      HealthFactor f = factors.get(i);
      String points = String.format(Locale.ROOT, "-%.0f", f.penaltyPoints());
      line(
          out,
          i == 0 ? "costs points" : "",
          String.format(
              Locale.ROOT,
              "%d. %s %s: %s",
              i + 1,
              terminal.bold(name(f.kind())),
              paint(points, f.risk(), terminal),
              f.observation()));
      line(out, "", "   what to do: " + f.advice());
    }
  }

  private static String paint(String text, RiskLevel risk, Terminal terminal) {
    return switch (risk) {
      case OK -> terminal.ok(text);
      case WATCH -> text;
      case WARNING -> terminal.warn(text);
      case CRITICAL -> terminal.alarm(text);
    };
  }

  private static String risk(RiskLevel risk, Terminal terminal) {
    return paint(risk.name(), risk, terminal);
  }

  private static String name(HealthFactorKind kind) {
    return lower(kind.name()).replace('_', ' ');
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
