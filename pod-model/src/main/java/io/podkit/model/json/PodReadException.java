package io.podkit.model.json;

import com.google.common.collect.ImmutableList;
import io.podkit.model.PodModelException;
import java.util.List;
import java.util.stream.Collectors;

/** A document could not be read as a pod; {@link #problems()} lists every error with its location. */
public final class PodReadException extends PodModelException {
  private static final long serialVersionUID = 1L;

  private final transient List<ReadProblem> problems;

  public PodReadException(List<ReadProblem> problems) {
    super(summary(problems));
    this.problems = ImmutableList.copyOf(problems);
  }

  public List<ReadProblem> problems() {
    return problems;
  }

  private static String summary(List<ReadProblem> problems) {
    return problems.size() + (problems.size() == 1 ? " error" : " errors") + " reading pod:\n"
        + problems.stream().map(ReadProblem::toString).collect(Collectors.joining("\n"));
  }
}
