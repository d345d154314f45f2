package io.aiops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What a command printed: stdout and stderr of one test, captured around it. Register with
 * {@code @ExtendWith(CapturedConsole.class)} and take a {@code CapturedConsole} parameter.
 */
public final class CapturedConsole
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CapturedConsole.class);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  public String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    CapturedConsole console = new CapturedConsole();
    console.originalOut = System.out;
    console.originalErr = System.err;
    System.setOut(new PrintStream(console.out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(console.err, true, StandardCharsets.UTF_8));
    context.getStore(NAMESPACE).put(CapturedConsole.class, console);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    CapturedConsole console =
        context.getStore(NAMESPACE).remove(CapturedConsole.class, CapturedConsole.class);
    System.setOut(console.originalOut);
    System.setErr(console.originalErr);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CapturedConsole.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(CapturedConsole.class, CapturedConsole.class);
  }
}
