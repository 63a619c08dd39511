package io.podkit.model.arbitrary;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Constraint;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.EnvValue;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.Image;
import io.podkit.model.ImageKind;
import io.podkit.model.IpcMode;
import io.podkit.model.KillSelection;
import io.podkit.model.Lifecycle;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;

/**
 * jqwik generators for every type of the pod model ({@code io.podkit.model}).
 *
 * <p>Conventions, shared by all generators:
 *
 * <ul>
 *   <li>one public static method per model type, named after the type in the plural ({@link #pods()},
 *       {@link #containers()}, ...); sealed unions get one method per variant as well as one for the
 *       union, which picks any variant;
 *   <li>every {@link Optional} member is absent about half of the time and present otherwise (see
 *       {@link #optionals(Arbitrary)});
 *   <li>collections hold 0..3 items ({@link #smallLists(Arbitrary)}, {@link #smallMaps(Arbitrary)}); a pod
 *       has 1..3 containers; maps are {@link LinkedHashMap}-ordered with unique, arbitrary keys;
 *   <li>values are anything JSON can represent: finite doubles (including {@code -0.0}, subnormals
 *       and extremes), any {@code int}/{@code long}, strings that are mostly short and realistic but
 *       sometimes contain unicode, quotes, backslashes and control characters;
 *   <li>nothing is ever {@code null}; no semantic validation is respected (names, ids, ports, sizes may
 *       be anything), since these generators target the JSON codec, not {@code pod-validation}.
 * </ul>
 *
 * <p>Reusable from other modules' tests; everything here is stateless.
 */
public final class PodArbitraries {

  /** Largest number of items in a generated list or map. */
  public static final int MAX_COLLECTION_SIZE = 3;

  /** Largest number of containers in a generated pod (at least one is always generated). */
  public static final int MAX_CONTAINERS = 3;

  private PodArbitraries() {}

  // ---------------------------------------------------------------------------------------------
  // Scalars
  // ---------------------------------------------------------------------------------------------

  /** Realistic sample strings: ids, images, commands, paths, keys, ... */
  private static final List<String> REALISTIC_SAMPLES = List.of(
      "", "/web", "/prod/db", "web", "sidecar", "nginx", "nginx:1.25", "registry.example.com/app:v2",
      "sleep 1000", "/bin/app", "--flag", "http", "https", "tcp", "udp", "api", "/health", "/ping",
      "dcos", "slave_public", "*", "hostname", "rack_id", "us-east-1a", "root", "nobody", "DB_PASSWORD",
      "PATH", "data", "/var/lib/data", "tmp", "secret/db", "/etc/ssl", "https://example.com/a.tgz",
      "path", "LIKE", "/mnt/ssd.*", "fast-ssd", "8080", "true", "null", "0");

  /**
   * Building blocks of "tricky" strings: JSON escapes, control characters, non-ASCII text in the
   * BMP and beyond it (as valid surrogate pairs), separators, JSON-looking text. Never a lone
   * surrogate: such a string has no UTF-8 encoding and so no faithful JSON byte form.
   */
  private static final List<String> TRICKY_TOKENS = List.of(
      "\"", "\\", "/", "\\\"", "\\u0000", "\b", "\f", "\n", "\r", "\t", "\r\n",
      cp(0x00), cp(0x01), cp(0x1f), cp(0x7f), cp(0x80), cp(0x9f), cp(0xa0),
      "\u00e9", "\u00df", "e\u0301", "\u4e2d\u6587", "\u65e5\u672c\u8a9e", "\u03a9", "\u0416",
      "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
      cp(0x2028), cp(0x2029), cp(0x200b), cp(0xfeff), cp(0xfffd), cp(0xe000),
      cp(0x1f600), cp(0x1d11e), cp(0x10ffff), cp(0x1f469) + cp(0x200d) + cp(0x1f4bb),
      "a", "Z", " ", "  ", "x y", "{}", "[]", "{\"a\":1}", ":", ",", "null", "true", "-0", "1e999",
      "</script>", "${HOME}", "%s", "~", "~1", "'");

  /**
   * Any string: mostly short realistic ones (including the empty string), some built from tricky
   * pieces ({@link #trickyStrings()}) and some of arbitrary BMP characters.
   */
  public static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(REALISTIC_SAMPLES)),
        Tuple.of(4, simpleStrings()),
        Tuple.of(2, trickyStrings()),
        Tuple.of(1, bmpStrings()));
  }

  /** Short strings of lower-case letters, digits and {@code -_./:}. */
  public static Arbitrary<String> simpleStrings() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("-_./:")
        .ofMinLength(0)
        .ofMaxLength(12);
  }

  /** Strings of 1..6 pieces with escapes, control characters, unicode (also non-BMP), quotes... */
  public static Arbitrary<String> trickyStrings() {
    return Arbitraries.of(TRICKY_TOKENS).list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
  }

  /** Short strings of any BMP characters that are not surrogates (so always valid UTF-16 text). */
  public static Arbitrary<String> bmpStrings() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\ud7ff')
        .withCharRange('\ue000', '\ufffd')
        .ofMinLength(0)
        .ofMaxLength(8);
  }

  /** Both booleans. */
  public static Arbitrary<Boolean> booleans() {
    return Arbitraries.of(true, false);
  }

  /** Any {@code int}, with jqwik's edge cases (0, ±1, MIN_VALUE, MAX_VALUE). */
  public static Arbitrary<Integer> ints() {
    return Arbitraries.integers();
  }

  /** Any {@code long}, with jqwik's edge cases (0, ±1, MIN_VALUE, MAX_VALUE). */
  public static Arbitrary<Long> longs() {
    return Arbitraries.longs();
  }

  /** Notable finite doubles: signed zeros, fractions, decimal literals, integral values, extremes. */
  private static final List<Double> DOUBLE_SAMPLES = List.of(
      0.0, -0.0, 1.0, -1.0, 0.25, 0.5, 0.1, 0.001, 1.15, 0.1 + 0.2, 2.0, 32.0, 128.0, 300.0, 3600.0,
      1e-7, 1e7, 1e21, 1e22, -1e21, 1e-300, 1e300, Math.PI,
      9007199254740992.0, 9007199254740994.0, 9.223372036854775807E18, -9.223372036854775808E18, 1.8446744073709552E19,
      2147483647.0, -2147483648.0, 2147483648.0,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE);

  /**
   * Any finite double: signed zeros (often, since {@code -0.0} must keep its sign), notable samples,
   * integral values such as {@code 1.0}, exact binary fractions such as {@code 0.25}, short decimals
   * such as {@code 0.1}, and doubles from random bit patterns (all magnitudes, subnormals). Never NaN
   * nor infinite.
   */
  public static Arbitrary<Double> doubles() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(0.0, -0.0)),
        Tuple.of(3, Arbitraries.of(DOUBLE_SAMPLES)),
        Tuple.of(2, Arbitraries.integers().between(-100_000, 100_000).map(i -> (double) i)),
        Tuple.of(1, Arbitraries.longs().map(l -> (double) l)),
        Tuple.of(2, Arbitraries.integers().between(-40_000, 40_000).map(i -> i / 4.0)),
        Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1_000_000), BigDecimal.valueOf(1_000_000))
            .ofScale(3).map(BigDecimal::doubleValue)),
        Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)));
  }

  /** Common real-world UTC offsets, plus the extremes {@code ±18:00}. */
  private static final List<ZoneOffset> OFFSET_SAMPLES = List.of(
      ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-8),
      ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutes(-9, -30),
      ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12), ZoneOffset.MAX, ZoneOffset.MIN);

  /** Offsets in whole minutes from {@code -18:00} to {@code +18:00} (RFC 3339 has no offset seconds). */
  public static Arbitrary<ZoneOffset> zoneOffsets() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(OFFSET_SAMPLES)),
        Tuple.of(1, Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> ZoneOffset.ofTotalSeconds(m * 60))));
  }

  /**
   * Pod versions: date-times with local dates in 1970..2100, any time of day, nanos that are zero,
   * whole millis, whole micros or anything, and various offsets.
   */
  public static Arbitrary<OffsetDateTime> versions() {
    Arbitrary<LocalDate> dates = Arbitraries.longs()
        .between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .withDistribution(RandomDistribution.uniform())
        .map(LocalDate::ofEpochDay);
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
        Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)));
    Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(0, 59)));
    Arbitrary<LocalTime> times = Combinators.combine(
            Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59), seconds, nanos)
        .as(LocalTime::of);
    return Combinators.combine(dates, times, zoneOffsets())
        .as((d, t, o) -> OffsetDateTime.of(LocalDateTime.of(d, t), o));
  }

  // ---------------------------------------------------------------------------------------------
  // Combinators for optionals and collections
  // ---------------------------------------------------------------------------------------------

  /** Absent or present, about half the time each; shrinks towards absent. */
  public static <T> Arbitrary<Optional<T>> optionals(Arbitrary<T> values) {
    return values.optional(0.5);
  }

  /** Lists of 0..{@value #MAX_COLLECTION_SIZE} values (duplicates allowed). */
  public static <T> ListArbitrary<T> smallLists(Arbitrary<T> values) {
    return values.list().ofMinSize(0).ofMaxSize(MAX_COLLECTION_SIZE);
  }

  /**
   * {@link LinkedHashMap}s of 0..{@value #MAX_COLLECTION_SIZE} entries with unique keys from
   * {@link #strings()}, in generation order.
   */
  public static <V> Arbitrary<Map<String, V>> smallMaps(Arbitrary<V> values) {
    return Combinators.combine(strings(), values)
        .as((k, v) -> (Map.Entry<String, V>) new AbstractMap.SimpleImmutableEntry<>(k, v))
        .list()
        .uniqueElements(Map.Entry::getKey)
        .ofMinSize(0)
        .ofMaxSize(MAX_COLLECTION_SIZE)
        .map(PodArbitraries::toLinkedHashMap);
  }

  private static <V> Map<String, V> toLinkedHashMap(List<Map.Entry<String, V>> entries) {
    Map<String, V> map = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : entries) {
      map.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Label maps: string keys to string values. */
  public static Arbitrary<Map<String, String>> labels() {
    return smallMaps(strings());
  }

  // ---------------------------------------------------------------------------------------------
  // Enums
  // ---------------------------------------------------------------------------------------------

  /** Every {@link ImageKind}. */
  public static Arbitrary<ImageKind> imageKinds() {
    return Arbitraries.of(ImageKind.class);
  }

  /** Every {@link HttpScheme}. */
  public static Arbitrary<HttpScheme> httpSchemes() {
    return Arbitraries.of(HttpScheme.class);
  }

  /** Every {@link IpcMode}. */
  public static Arbitrary<IpcMode> ipcModes() {
    return Arbitraries.of(IpcMode.class);
  }

  /** Every {@link KillSelection}. */
  public static Arbitrary<KillSelection> killSelections() {
    return Arbitraries.of(KillSelection.class);
  }

  /** Every {@link NetworkMode}. */
  public static Arbitrary<NetworkMode> networkModes() {
    return Arbitraries.of(NetworkMode.class);
  }

  /** Every {@link PersistentVolumeType}. */
  public static Arbitrary<PersistentVolumeType> persistentVolumeTypes() {
    return Arbitraries.of(PersistentVolumeType.class);
  }

  /** Every {@link ConstraintOperator}. */
  public static Arbitrary<ConstraintOperator> constraintOperators() {
    return Arbitraries.of(ConstraintOperator.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Commands, environment, secrets
  // ---------------------------------------------------------------------------------------------

  /** {@link Command.Shell} with any string. */
  public static Arbitrary<Command.Shell> shellCommands() {
    return strings().map(Command.Shell::new);
  }

  /** {@link Command.Argv} with 0..3 arguments (an empty argv is representable in the model). */
  public static Arbitrary<Command.Argv> argvCommands() {
    return smallLists(strings()).map(Command.Argv::new);
  }

  /** Any {@link Command}: shell or argv. */
  public static Arbitrary<Command> commands() {
    return Arbitraries.oneOf(shellCommands(), argvCommands());
  }

  /** {@link Exec}: any command, {@code overrideEntrypoint} absent/true/false. */
  public static Arbitrary<Exec> execs() {
    return Combinators.combine(commands(), optionals(booleans())).as(Exec::new);
  }

  /** {@link EnvValue.Literal} with any string. */
  public static Arbitrary<EnvValue.Literal> literalEnvValues() {
    return strings().map(EnvValue.Literal::new);
  }

  /** {@link EnvValue.SecretRef} naming any string. */
  public static Arbitrary<EnvValue.SecretRef> secretRefEnvValues() {
    return strings().map(EnvValue.SecretRef::new);
  }

  /** Any {@link EnvValue}: literal or secret reference. */
  public static Arbitrary<EnvValue> envValues() {
    return Arbitraries.oneOf(literalEnvValues(), secretRefEnvValues());
  }

  /** Environment maps: arbitrary names to {@link #envValues()}. */
  public static Arbitrary<Map<String, EnvValue>> environments() {
    return smallMaps(envValues());
  }

  /** {@link Secret} with any source. */
  public static Arbitrary<Secret> secrets() {
    return strings().map(Secret::new);
  }

  /** Pod secret maps: arbitrary names to {@link #secrets()}. */
  public static Arbitrary<Map<String, Secret>> secretMaps() {
    return smallMaps(secrets());
  }

  // ---------------------------------------------------------------------------------------------
  // Resources
  // ---------------------------------------------------------------------------------------------

  /** {@link Resources}: each of cpus, mem, disk, gpus absent or any value. */
  public static Arbitrary<Resources> resources() {
    return Combinators.combine(optionals(doubles()), optionals(doubles()), optionals(doubles()), optionals(ints()))
        .as(Resources::new);
  }

  /** {@link ResourceLimit.Limited} with any finite double. */
  public static Arbitrary<ResourceLimit.Limited> limitedResourceLimits() {
    return doubles().map(ResourceLimit.Limited::new);
  }

  /** {@link ResourceLimit.Unlimited} ({@code "unlimited"}). */
  public static Arbitrary<ResourceLimit.Unlimited> unlimitedResourceLimits() {
    return Arbitraries.just(ResourceLimit.unlimited());
  }

  /** Any {@link ResourceLimit}: a number or {@code "unlimited"}. */
  public static Arbitrary<ResourceLimit> resourceLimits() {
    return Arbitraries.oneOf(limitedResourceLimits(), unlimitedResourceLimits());
  }

  /** {@link ResourceLimits} (a container's {@code resourceLimits} object): cpus and mem each optional. */
  public static Arbitrary<ResourceLimits> containerResourceLimits() {
    return Combinators.combine(optionals(resourceLimits()), optionals(resourceLimits())).as(ResourceLimits::new);
  }

  /** {@link ExecutorResources}: each of cpus, mem, disk absent or any value. */
  public static Arbitrary<ExecutorResources> executorResources() {
    return Combinators.combine(optionals(doubles()), optionals(doubles()), optionals(doubles()))
        .as(ExecutorResources::new);
  }

  // ---------------------------------------------------------------------------------------------
  // Container parts
  // ---------------------------------------------------------------------------------------------

  /** {@link Endpoint}: ports absent or any int; 0..3 protocols, labels and network names. */
  public static Arbitrary<Endpoint> endpoints() {
    return Combinators.combine(
            strings(), optionals(ints()), optionals(ints()), smallLists(strings()), labels(), smallLists(strings()))
        .as(Endpoint::new);
  }

  /** {@link LinuxInfo.Seccomp}: profile name and unconfined each optional (both at once too). */
  public static Arbitrary<LinuxInfo.Seccomp> seccomps() {
    return Combinators.combine(optionals(strings()), optionals(booleans())).as(LinuxInfo.Seccomp::new);
  }

  /** {@link LinuxInfo.IpcInfo}: any mode, shm size absent or any int. */
  public static Arbitrary<LinuxInfo.IpcInfo> ipcInfos() {
    return Combinators.combine(ipcModes(), optionals(ints())).as(LinuxInfo.IpcInfo::new);
  }

  /** {@link LinuxInfo}: seccomp and ipcInfo each optional. */
  public static Arbitrary<LinuxInfo> linuxInfos() {
    return Combinators.combine(optionals(seccomps()), optionals(ipcInfos())).as(LinuxInfo::new);
  }

  /** {@link Image.PullConfig} naming any secret. */
  public static Arbitrary<Image.PullConfig> pullConfigs() {
    return strings().map(Image.PullConfig::new);
  }

  /** {@link Image}: any kind and id, optional pull config and forcePull, 0..3 labels. */
  public static Arbitrary<Image> images() {
    return Combinators.combine(imageKinds(), strings(), optionals(pullConfigs()), optionals(booleans()), labels())
        .as(Image::new);
  }

  /** {@link CheckKind.Http}: any endpoint, optional path and scheme. */
  public static Arbitrary<CheckKind.Http> httpCheckKinds() {
    return Combinators.combine(strings(), optionals(strings()), optionals(httpSchemes())).as(CheckKind.Http::new);
  }

  /** {@link CheckKind.Tcp} on any endpoint. */
  public static Arbitrary<CheckKind.Tcp> tcpCheckKinds() {
    return strings().map(CheckKind.Tcp::new);
  }

  /** {@link CheckKind.Exec} with any command. */
  public static Arbitrary<CheckKind.Exec> execCheckKinds() {
    return commands().map(CheckKind.Exec::new);
  }

  /** Any {@link CheckKind}: http, tcp or exec. */
  public static Arbitrary<CheckKind> checkKinds() {
    return Arbitraries.oneOf(httpCheckKinds(), tcpCheckKinds(), execCheckKinds());
  }

  /** {@link HealthCheck}: any kind, every timing absent or any int. */
  public static Arbitrary<HealthCheck> healthChecks() {
    return Combinators.combine(
            checkKinds(), optionals(ints()), optionals(ints()), optionals(ints()), optionals(ints()), optionals(ints()))
        .as(HealthCheck::new);
  }

  /** {@link Check}: any kind, every timing absent or any int. */
  public static Arbitrary<Check> checks() {
    return Combinators.combine(checkKinds(), optionals(ints()), optionals(ints()), optionals(ints())).as(Check::new);
  }

  /** {@link VolumeMount}: any name and path, readOnly absent/true/false. */
  public static Arbitrary<VolumeMount> volumeMounts() {
    return Combinators.combine(strings(), strings(), optionals(booleans())).as(VolumeMount::new);
  }

  /** {@link Artifact}: any URI, every flag and destPath optional. */
  public static Arbitrary<Artifact> artifacts() {
    return Combinators.combine(
            strings(), optionals(booleans()), optionals(booleans()), optionals(booleans()), optionals(strings()))
        .as(Artifact::new);
  }

  /** {@link Lifecycle}: kill grace period absent or any double. */
  public static Arbitrary<Lifecycle> lifecycles() {
    return optionals(doubles()).map(Lifecycle::new);
  }

  /** {@link Container}: every member generated independently (optional ones absent or present). */
  public static Arbitrary<Container> containers() {
    var first = Combinators.combine(
            strings(),
            optionals(execs()),
            resources(),
            optionals(containerResourceLimits()),
            smallLists(endpoints()),
            optionals(linuxInfos()),
            optionals(images()),
            environments())
        .as(Tuple::of);
    var second = Combinators.combine(
            optionals(strings()),
            optionals(healthChecks()),
            optionals(checks()),
            smallLists(volumeMounts()),
            smallLists(artifacts()),
            labels(),
            optionals(lifecycles()),
            optionals(booleans()))
        .as(Tuple::of);
    return Combinators.combine(first, second).as((a, b) -> new Container(
        a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
        b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7(), b.get8()));
  }

  // ---------------------------------------------------------------------------------------------
  // Pod-level parts
  // ---------------------------------------------------------------------------------------------

  /**
   * Disk-path constraints of a persistent volume: 0..3 string lists (duplicates allowed) of 0..3
   * items each, sometimes of the practical form {@code ["path", "LIKE", regex]}.
   */
  public static Arbitrary<List<List<String>>> persistentVolumeConstraints() {
    Arbitrary<List<String>> inner = Arbitraries.frequencyOf(
        Tuple.of(1, Combinators.combine(Arbitraries.just("path"), Arbitraries.just("LIKE"), strings())
            .as((a, b, c) -> List.of(a, b, c))),
        Tuple.of(2, smallLists(strings())));
    return smallLists(inner);
  }

  /** {@link PersistentVolumeInfo}: optional type, maxSize and profile; any size; 0..3 constraints. */
  public static Arbitrary<PersistentVolumeInfo> persistentVolumeInfos() {
    return Combinators.combine(
            optionals(persistentVolumeTypes()),
            longs(),
            optionals(longs()),
            optionals(strings()),
            persistentVolumeConstraints())
        .as(PersistentVolumeInfo::new);
  }

  /** {@link Volume.Ephemeral} with any name. */
  public static Arbitrary<Volume.Ephemeral> ephemeralVolumes() {
    return strings().map(Volume.Ephemeral::new);
  }

  /** {@link Volume.Host} with any name and host path. */
  public static Arbitrary<Volume.Host> hostVolumes() {
    return Combinators.combine(strings(), strings()).as(Volume.Host::new);
  }

  /** {@link Volume.SecretVolume} with any name and secret name. */
  public static Arbitrary<Volume.SecretVolume> secretVolumes() {
    return Combinators.combine(strings(), strings()).as(Volume.SecretVolume::new);
  }

  /** {@link Volume.Persistent} with any name and {@link #persistentVolumeInfos()}. */
  public static Arbitrary<Volume.Persistent> persistentVolumes() {
    return Combinators.combine(strings(), persistentVolumeInfos()).as(Volume.Persistent::new);
  }

  /** Any {@link Volume}: ephemeral, host, secret or persistent. */
  public static Arbitrary<Volume> volumes() {
    return Arbitraries.oneOf(ephemeralVolumes(), hostVolumes(), secretVolumes(), persistentVolumes());
  }

  /** {@link Network}: name and mode each optional, 0..3 labels (any combination, valid or not). */
  public static Arbitrary<Network> networks() {
    return Combinators.combine(optionals(strings()), optionals(networkModes()), labels()).as(Network::new);
  }

  /** {@link ScalingPolicy.Fixed}: instances absent or any int. */
  public static Arbitrary<ScalingPolicy.Fixed> fixedScalingPolicies() {
    return optionals(ints()).map(ScalingPolicy.Fixed::new);
  }

  /** Any {@link ScalingPolicy} (only {@code fixed} exists). */
  public static Arbitrary<ScalingPolicy> scalingPolicies() {
    return Arbitraries.oneOf(fixedScalingPolicies());
  }

  /** {@link SchedulingPolicy.Backoff}: each member absent or any double. */
  public static Arbitrary<SchedulingPolicy.Backoff> backoffs() {
    return Combinators.combine(optionals(doubles()), optionals(doubles()), optionals(doubles()))
        .as(SchedulingPolicy.Backoff::new);
  }

  /** {@link SchedulingPolicy.UpgradeStrategy}: each capacity absent or any double. */
  public static Arbitrary<SchedulingPolicy.UpgradeStrategy> upgradeStrategies() {
    return Combinators.combine(optionals(doubles()), optionals(doubles()))
        .as(SchedulingPolicy.UpgradeStrategy::new);
  }

  /** {@link Constraint}: any field, any operator, value optional. */
  public static Arbitrary<Constraint> constraints() {
    return Combinators.combine(strings(), constraintOperators(), optionals(strings())).as(Constraint::new);
  }

  /** {@link SchedulingPolicy.Placement}: 0..3 constraints (duplicates allowed) and 0..3 accepted roles. */
  public static Arbitrary<SchedulingPolicy.Placement> placements() {
    return Combinators.combine(smallLists(constraints()), smallLists(strings()))
        .as(SchedulingPolicy.Placement::new);
  }

  /** {@link UnreachableStrategy.Disabled} ({@code "disabled"}). */
  public static Arbitrary<UnreachableStrategy.Disabled> disabledUnreachableStrategies() {
    return Arbitraries.just(UnreachableStrategy.disabled());
  }

  /** {@link UnreachableStrategy.Enabled}: both durations absent or any long. */
  public static Arbitrary<UnreachableStrategy.Enabled> enabledUnreachableStrategies() {
    return Combinators.combine(optionals(longs()), optionals(longs())).as(UnreachableStrategy.Enabled::new);
  }

  /** Any {@link UnreachableStrategy}: disabled or enabled. */
  public static Arbitrary<UnreachableStrategy> unreachableStrategies() {
    return Arbitraries.oneOf(disabledUnreachableStrategies(), enabledUnreachableStrategies());
  }

  /** {@link SchedulingPolicy}: every member optional. */
  public static Arbitrary<SchedulingPolicy> schedulingPolicies() {
    return Combinators.combine(
            optionals(backoffs()),
            optionals(upgradeStrategies()),
            optionals(placements()),
            optionals(killSelections()),
            optionals(unreachableStrategies()))
        .as(SchedulingPolicy::new);
  }

  /** {@link Pod}: any id, 1..{@value #MAX_CONTAINERS} containers, every other member generated independently. */
  public static Arbitrary<Pod> pods() {
    var first = Combinators.combine(
            strings(),
            labels(),
            optionals(versions()),
            optionals(strings()),
            environments(),
            containers().list().ofMinSize(1).ofMaxSize(MAX_CONTAINERS),
            secretMaps(),
            smallLists(volumes()))
        .as(Tuple::of);
    var second = Combinators.combine(
            smallLists(networks()),
            optionals(scalingPolicies()),
            optionals(schedulingPolicies()),
            optionals(executorResources()),
            optionals(strings()),
            optionals(linuxInfos()),
            optionals(booleans()))
        .as(Tuple::of);
    return Combinators.combine(first, second).as((a, b) -> new Pod(
        a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
        b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7()));
  }

  // ---------------------------------------------------------------------------------------------

  private static String cp(int... codePoints) {
    return new String(codePoints, 0, codePoints.length);
  }
}
