package io.aiops.cli.detect;

/** Where a judged series came from, which decides how a reader gets more of it. */
enum HistorySource {
  /** Exported CSV files. */
  EXPORT("export at least 24 h of samples"),
  /** A live process sampled by this command. */
  LIVE_WATCH("watch at least 24 h (--history 24h)"),
  /** A live process's trend points read from the query store. */
  QUERY_STORE("ask for at least 24 h of history (--history 24h)");

  private final String howToGetMore;

  HistorySource(String howToGetMore) {
    this.howToGetMore = howToGetMore;
  }

  /** The next step of a verdict that had too little history. */
  String moreHistoryAdvice() {
    return howToGetMore + ": less cannot tell a leak from the daily load swing";
  }
}
