package io.aiops.cli.evaluate;

import picocli.CommandLine.Command;

/** {@code aiops evaluate}: the detectors judged on generated labeled traces. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Judge the detectors on generated labeled traces, next to the standard rule.",
    subcommands = {EvaluateMemoryLeakCommand.class})
public final class EvaluateCommand {}
