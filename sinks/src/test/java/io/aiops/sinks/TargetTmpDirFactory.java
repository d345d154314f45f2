package io.aiops.sinks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Creates {@code @TempDir} directories under java.io.tmpdir, creating that first: the build points
 * it at target/tmp so test files stay in the module, but nothing else makes the directory.
 */
public final class TargetTmpDirFactory implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws Exception {
    Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    return Files.createTempDirectory(tmp, "junit-");
  }
}
