package io.podkit.translator.v1;

import org.apache.mesos.Protos;

/** Realistic v0 Mesos messages built by hand, as a pod translation produces them. */
final class MesosMessages {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("fw-0001").build();
  static final Protos.SlaveID AGENT = Protos.SlaveID.newBuilder().setValue("agent-S1").build();
  static final String INSTANCE = "product_frontend.instance-9e5cc8c0-3d2e-11ef-9a4b-0242ac120002";

  private MesosMessages() {}

  static Protos.Resource.AllocationInfo allocation() {
    return Protos.Resource.AllocationInfo.newBuilder().setRole("frontend").build();
  }

  static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder()
        .setName(name)
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .setAllocationInfo(allocation())
        .build();
  }

  static Protos.Resource ports(long begin, long end) {
    return Protos.Resource.newBuilder()
        .setName("ports")
        .setType(Protos.Value.Type.RANGES)
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(begin).setEnd(end)))
        .setAllocationInfo(allocation())
        .build();
  }

  static Protos.ExecutorInfo executor() {
    return Protos.ExecutorInfo.newBuilder()
        .setType(Protos.ExecutorInfo.Type.DEFAULT)
        .setExecutorId(Protos.ExecutorID.newBuilder()
            .setValue("instance-product_frontend.9e5cc8c0-3d2e-11ef-9a4b-0242ac120002"))
        .setFrameworkId(FRAMEWORK)
        .addResources(scalar("cpus", 0.1))
        .addResources(scalar("mem", 32))
        .addResources(scalar("disk", 10))
        .addResources(ports(31000, 31001))
        .setContainer(Protos.ContainerInfo.newBuilder()
            .setType(Protos.ContainerInfo.Type.MESOS)
            .addVolumes(Protos.Volume.newBuilder()
                .setContainerPath("shared")
                .setMode(Protos.Volume.Mode.RW)
                .setSource(Protos.Volume.Source.newBuilder()
                    .setType(Protos.Volume.Source.Type.SANDBOX_PATH)
                    .setSandboxPath(Protos.Volume.Source.SandboxPath.newBuilder()
                        .setType(Protos.Volume.Source.SandboxPath.Type.SELF)
                        .setPath("shared"))))
            .addNetworkInfos(Protos.NetworkInfo.newBuilder()
                .setName("dcos")
                .addPortMappings(Protos.NetworkInfo.PortMapping.newBuilder()
                    .setHostPort(31000).setContainerPort(8080).setProtocol("tcp"))))
        .setLabels(Protos.Labels.newBuilder()
            .addLabels(Protos.Label.newBuilder().setKey("owner").setValue("team-web")))
        .build();
  }

  static Protos.TaskInfo task(String container, int port, boolean unlimitedCpu) {
    Protos.TaskInfo.Builder task = Protos.TaskInfo.newBuilder()
        .setName(container)
        .setTaskId(Protos.TaskID.newBuilder().setValue(INSTANCE + "." + container + ".1"))
        .setSlaveId(AGENT)
        .addResources(scalar("cpus", 0.5))
        .addResources(scalar("mem", 256))
        .setCommand(Protos.CommandInfo.newBuilder()
            .setShell(true)
            .setValue("exec ./serve --port $ENDPOINT_HTTP")
            .setEnvironment(Protos.Environment.newBuilder()
                .addVariables(Protos.Environment.Variable.newBuilder()
                    .setName("MARATHON_APP_ID").setValue("/product/frontend"))
                .addVariables(Protos.Environment.Variable.newBuilder()
                    .setName("ENDPOINT_HTTP").setValue(Integer.toString(port)))
                .addVariables(Protos.Environment.Variable.newBuilder()
                    .setName("DB_PASSWORD")
                    .setType(Protos.Environment.Variable.Type.SECRET)
                    .setSecret(Protos.Secret.newBuilder()
                        .setType(Protos.Secret.Type.REFERENCE)
                        .setReference(Protos.Secret.Reference.newBuilder().setName("/db/password")))))
            .addUris(Protos.CommandInfo.URI.newBuilder()
                .setValue("https://example.com/app.tgz").setExtract(true).setCache(false)))
        .setContainer(Protos.ContainerInfo.newBuilder()
            .setType(Protos.ContainerInfo.Type.MESOS)
            .setMesos(Protos.ContainerInfo.MesosInfo.newBuilder()
                .setImage(Protos.Image.newBuilder()
                    .setType(Protos.Image.Type.DOCKER)
                    .setDocker(Protos.Image.Docker.newBuilder().setName("nginx:1.27"))))
            .addVolumes(Protos.Volume.newBuilder()
                .setContainerPath("/var/shared")
                .setMode(Protos.Volume.Mode.RW)
                .setSource(Protos.Volume.Source.newBuilder()
                    .setType(Protos.Volume.Source.Type.SANDBOX_PATH)
                    .setSandboxPath(Protos.Volume.Source.SandboxPath.newBuilder()
                        .setType(Protos.Volume.Source.SandboxPath.Type.PARENT)
                        .setPath("shared"))))
            .setLinuxInfo(Protos.LinuxInfo.newBuilder().setShareCgroups(false)))
        .setHealthCheck(Protos.HealthCheck.newBuilder()
            .setType(Protos.HealthCheck.Type.HTTP)
            .setHttp(Protos.HealthCheck.HTTPCheckInfo.newBuilder()
                .setScheme("http").setPort(port).setPath("/health"))
            .setDelaySeconds(15)
            .setIntervalSeconds(10)
            .setTimeoutSeconds(20)
            .setConsecutiveFailures(3)
            .setGracePeriodSeconds(300))
        .setKillPolicy(Protos.KillPolicy.newBuilder()
            .setGracePeriod(Protos.DurationInfo.newBuilder().setNanoseconds(3_000_000_000L)))
        .setDiscovery(Protos.DiscoveryInfo.newBuilder()
            .setVisibility(Protos.DiscoveryInfo.Visibility.FRAMEWORK)
            .setName(container)
            .setPorts(Protos.Ports.newBuilder()
                .addPorts(Protos.Port.newBuilder().setNumber(port).setName("http").setProtocol("tcp"))))
        .setLabels(Protos.Labels.newBuilder()
            .addLabels(Protos.Label.newBuilder().setKey("tier").setValue("web")));
    // Inserted "mem" first on purpose: JSON output must sort map keys regardless.
    task.putLimits("mem", Protos.Value.Scalar.newBuilder().setValue(512).build());
    task.putLimits("cpus", Protos.Value.Scalar.newBuilder()
        .setValue(unlimitedCpu ? Double.POSITIVE_INFINITY : 2.0).build());
    return task.build();
  }

  static Protos.TaskGroupInfo taskGroup() {
    return Protos.TaskGroupInfo.newBuilder()
        .addTasks(task("web", 31000, true))
        .addTasks(task("sidecar", 31001, false))
        .build();
  }

  /** A LAUNCH_GROUP with a DEFAULT executor, two tasks, health checks, limits (+Infinity) and volumes. */
  static Protos.Offer.Operation launchGroup() {
    return Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Protos.Offer.Operation.LaunchGroup.newBuilder()
            .setExecutor(executor())
            .setTaskGroup(taskGroup()))
        .build();
  }

  static Protos.Offer offer() {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-42"))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(AGENT)
        .setHostname("agent-1.example.com")
        .setAllocationInfo(allocation())
        .addResources(scalar("cpus", 4))
        .addResources(scalar("mem", 8192))
        .addResources(Protos.Resource.newBuilder(scalar("disk", 20_000))
            .setDisk(Protos.Resource.DiskInfo.newBuilder()
                .setSource(Protos.Resource.DiskInfo.Source.newBuilder()
                    .setType(Protos.Resource.DiskInfo.Source.Type.MOUNT)
                    .setMount(Protos.Resource.DiskInfo.Source.Mount.newBuilder().setRoot("/mnt/disk1")))))
        .addResources(ports(31000, 32000))
        .addAttributes(Protos.Attribute.newBuilder()
            .setName("rack").setType(Protos.Value.Type.TEXT)
            .setText(Protos.Value.Text.newBuilder().setValue("r1")))
        .addExecutorIds(Protos.ExecutorID.newBuilder().setValue("instance-other.1"))
        .build();
  }
}
