package io.aiops.collector.agent;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one run of the aiops-collector command line printed, and its exit status. */
record CommandRun(int exitCode, String stdout, String stderr) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CollectorMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
