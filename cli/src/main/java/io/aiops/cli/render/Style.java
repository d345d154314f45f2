package io.aiops.cli.render;

/**
 * Colour for reports a person reads on a terminal, and none anywhere else: not in pipes, files or
 * tests, nor with NO_COLOR set (no-color.org) or TERM=dumb.
 */
public final class Style {
  public static final Style PLAIN = new Style(false);

  private static final String RESET = "\u001B[0m";

  private final boolean colour;

  private Style(boolean colour) {
    this.colour = colour;
  }

  /** Colour when stdout is a terminal that wants it. */
  public static Style forStdout() {
    boolean wanted = System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    return new Style(wanted && Terminal.isTerminal(Terminal.STDOUT));
  }

  public String bold(String text) {
    return paint("1", text);
  }

  /** Critical findings. */
  public String red(String text) {
    return paint("1;31", text);
  }

  /** Warnings. */
  public String yellow(String text) {
    return paint("33", text);
  }

  /** All well. */
  public String green(String text) {
    return paint("32", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001B[" + code + "m" + text + RESET : text;
  }
}
