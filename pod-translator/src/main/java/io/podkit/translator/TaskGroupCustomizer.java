package io.podkit.translator;

import io.podkit.model.Pod;
import org.apache.mesos.Protos;

/**
 * A hook run after a pod is translated, like Marathon's {@code RunSpecTaskProcessor}: it may change
 * the executor and the task group before they are built. The pre-flight check runs on the result,
 * so a customizer cannot make podkit send something Mesos rejects.
 */
@FunctionalInterface
public interface TaskGroupCustomizer {
  void customize(Pod pod, Protos.ExecutorInfo.Builder executor, Protos.TaskGroupInfo.Builder taskGroup);
}
