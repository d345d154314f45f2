package io.aiops.cli.render;

/**
 * What the output goes to: a person at a terminal gets colour and progress, a pipe or a file gets
 * neither. Java tells a terminal apart only when standard input and output both are one (it has no
 * isatty for one stream), which is exactly the interactive case; NO_COLOR and TERM=dumb turn colour
 * off there too.
 */
public record Terminal(boolean interactive, boolean colour) {
  public static final Terminal NONE = new Terminal(false, false);

  private static final String RESET = "\u001b[0m";

  public static Terminal detect() {
    boolean tty = System.console() != null;
    boolean colour =
        tty && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    return new Terminal(tty, colour);
  }

  public String bold(String text) {
    return paint("\u001b[1m", text);
  }

  /** For what needs attention: a finding, a process that grew. */
  public String warn(String text) {
    return paint("\u001b[33m", text);
  }

  /** For what fails a check: beyond a threshold. */
  public String alarm(String text) {
    return paint("\u001b[1;31m", text);
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
