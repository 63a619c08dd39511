package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The task id of each container, keyed by container name in pod container order (translation-rules
 * A.4). DESIGN G19/G20: relaunch ids are paired with containers by name, never by position, and a
 * missing or extra name is an error rather than a silently missing task.
 */
final class TaskIds {
  private TaskIds() {}

  /** A.4: a new instance's ids, {@code <instance>.<container>.1}. */
  static Map<String, String> forNewInstance(Pod pod, InstanceId instanceId) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Container c : pod.containers()) {
      ids.put(c.name(), instanceId.taskId(c.name()));
    }
    return ids;
  }

  /**
   * G19/G20: {@code taskIdsByContainer} must name exactly the pod's containers, each with a task id
   * of this instance and that container. Container names are unique, so the ids are too (Mesos C1:
   * a repeated id in a group can abort the master).
   */
  static Map<String, String> forRelaunch(Pod pod, InstanceId instanceId, Map<String, String> taskIdsByContainer) {
    Set<String> containerNames = new TreeSet<>();
    pod.containers().forEach(c -> containerNames.add(c.name()));
    Set<String> missing = new TreeSet<>(containerNames);
    missing.removeAll(taskIdsByContainer.keySet());
    Set<String> extra = new TreeSet<>(taskIdsByContainer.keySet());
    extra.removeAll(containerNames);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new PodTranslationException("task ids must be given for exactly the containers " + containerNames
          + " of pod " + pod.id() + "; missing " + missing + ", unknown " + extra);
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (Container c : pod.containers()) {
      String taskId = taskIdsByContainer.get(c.name());
      if (taskId == null) {
        throw new PodTranslationException("no task id for container '" + c.name() + "'");
      }
      Optional<InstanceId.TaskRef> ref = InstanceId.parseTaskId(taskId);
      if (ref.isEmpty() || !ref.get().containerName().equals(c.name())
          || !ref.get().instanceIdString().equals(instanceId.idString())) {
        throw new PodTranslationException("task id '" + taskId + "' given for container '" + c.name()
            + "' is not a task id of container '" + c.name() + "' in instance " + instanceId.idString());
      }
      ids.put(c.name(), taskId);
    }
    return ids;
  }
}
