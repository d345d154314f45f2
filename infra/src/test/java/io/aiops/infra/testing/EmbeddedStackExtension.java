package io.aiops.infra.testing;

import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.stack.LocalStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one LocalStack per test class, in a fresh temp dir, closed after all; resolves
 * LocalStack parameters (constructor, @BeforeAll, test methods).
 *
 * <p>Use it with {@code @ExtendWith(EmbeddedStackExtension.class)}; {@code @Nested} classes share
 * the stack of their outer class.
 */
public final class EmbeddedStackExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedStackExtension.class);
  private static final String KEY = "stack";

  @Override
  public void beforeAll(ExtensionContext context) {
    stackFor(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Only the context that started the stack holds it in its own store; nested ones find none.
    RunningStack running = context.getStore(NAMESPACE).remove(KEY, RunningStack.class);
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stackFor(context);
  }

  /**
   * The stack of this class or an enclosing one; started here when there is none yet, which happens
   * for constructor parameters of a per-class test instance (created before beforeAll).
   */
  private static LocalStack stackFor(ExtensionContext context) {
    RunningStack running = context.getStore(NAMESPACE).get(KEY, RunningStack.class);
    if (running != null) {
      return running.stack();
    }
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    RunningStack started = RunningStack.start();
    classContext.getStore(NAMESPACE).put(KEY, started);
    return started.stack();
  }

  /** A stack and the directory it owns; JUnit closes it too if afterAll never runs. */
  private record RunningStack(LocalStack stack, Path dataDir)
      implements ExtensionContext.Store.CloseableResource {

    static RunningStack start() {
      Path dataDir;
      try {
        dataDir = Files.createTempDirectory("aiops-stack-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the local stack", e);
      }
      try {
        return new RunningStack(
            LocalStack.start(LocalStackSettings.ephemeralPorts(dataDir)), dataDir);
      } catch (RuntimeException e) {
        deleteRecursively(dataDir);
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        stack.close();
      } finally {
        deleteRecursively(dataDir);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path visited, IOException e)
                throws IOException {
              Files.delete(visited);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
