package io.podkit.translator;

import io.podkit.model.Pod;
import org.apache.mesos.Protos;

/**
 * A hook run after a pod is translated, like Marathon's {@code RunSpecTaskProcessor}: it may change
 * the executor and the task group before they are built. The pre-flight check runs on the result,
 * so a customizer cannot make podkit send something Mesos rejects.
 *
 * <p>A translator runs its customizers on every thread that translates, so they must be
 * thread-safe; they change only the builders they are given, which belong to one translation.
 */
@FunctionalInterface
public interface TaskGroupCustomizer {
  void customize(Pod pod, Protos.ExecutorInfo.Builder executor, Protos.TaskGroupInfo.Builder taskGroup);
}
