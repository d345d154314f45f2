package io.aiops.cli.inspect;

/** Who the inspected process is: pid, start time (pid reuse tells apart), name, owner. */
record InspectedProcess(
    int pid, long startTimeTicks, String comm, String cmdline, String owner, long statusRssBytes) {}
