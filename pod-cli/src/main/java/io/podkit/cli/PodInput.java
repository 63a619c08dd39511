package io.podkit.cli;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Pod;
import io.podkit.model.json.ReadResult;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A pod file read and validated, with every problem as a {@link Diagnostic} placed in the file. All
 * commands go through here, so a file gets the same verdict and the same messages whichever command
 * reads it; only where the messages go (stdout for {@code validate}, whose report is its output;
 * stderr elsewhere) differs.
 */
final class PodInput {
  private PodInput() {}

  /** The outcome of reading and validating one file. */
  record Checked(Path file, ReadResult read, Optional<ValidationReport> report, List<Diagnostic> errors,
      List<Diagnostic> warnings) {
    Checked {
      errors = ImmutableList.copyOf(errors);
      warnings = ImmutableList.copyOf(warnings);
    }

    boolean valid() {
      return report.map(ValidationReport::isValid).orElse(false);
    }

    /**
     * The valid pod. Prints the warnings, and for an invalid pod the errors, on {@code err}
     * compiler style.
     *
     * @throws CommandException with exit code 1 if the pod is not valid
     */
    ValidPod requireValid(PrintWriter err) {
      warnings.forEach(w -> err.println(w.format(file)));
      errors.forEach(e -> err.println(e.format(file)));
      if (!valid()) {
        throw CommandException.silent(PodCtl.EXIT_INVALID);
      }
      return report.orElseThrow().orElseThrow();
    }
  }

  /**
   * Reads {@code file} and validates the pod with {@code options}' settings, after {@code adjust}
   * (options that override a pod field, such as {@code --accepted-roles}).
   *
   * @throws CommandException with exit code 2 if the file cannot be read at all
   */
  static Checked check(Path file, PodOptions options, UnaryOperator<Pod> adjust) {
    ReadResult read;
    try {
      read = options.reader().read(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    List<Diagnostic> errors = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    read.warnings().forEach(w -> warnings.add(Diagnostic.of(w, true)));
    read.errors().forEach(e -> errors.add(Diagnostic.of(e, false)));
    Optional<ValidationReport> report = Optional.empty();
    if (read.ok()) {
      ValidationReport r = new PodValidator(options.validationConfig()).validate(adjust.apply(read.orElseThrow()));
      r.violations().forEach(v -> errors.add(Diagnostic.of(v, read.sourceMap())));
      report = Optional.of(r);
    }
    return new Checked(file, read, report, errors, warnings);
  }

  /** The exit-2 error for a file (pod or offer) that cannot be read, naming it. */
  static CommandException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new CommandException(PodCtl.EXIT_USAGE, file + ": no such file");
    }
    String why;
    if (Files.isDirectory(file)) {
      why = "is a directory";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else {
      why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return new CommandException(PodCtl.EXIT_USAGE, file + ": cannot read: " + why);
  }
}
