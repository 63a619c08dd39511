package io.podkit.translator.v1;

import com.google.common.collect.ImmutableList;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.mesos.Protos;

/**
 * JSON renderings of Mesos messages, in the form the Mesos HTTP API reads (DESIGN §4,
 * mesos-rules.md §3b "JSON from Java").
 *
 * <p>Printing uses the <em>proto</em> field names ({@code executor_id}, {@code task_group}), never
 * protobuf's default lowerCamelCase JSON names: Mesos' JSON reader only knows the proto names and
 * silently drops {@code executorId}-style fields (R2), so a camelCase body would lose data without
 * an error. Other choices, all from protobuf's canonical JSON mapping, which Mesos accepts:
 * {@code int64} values are strings ({@code "nanoseconds": "3000000000"}), infinite doubles are
 * {@code "Infinity"} (a {@code limits} entry of {@code +Infinity} means "no limit"), enums are names,
 * bytes are base64, and fields left unset are left out. Output is deterministic: fields come in
 * field-number order and map keys (such as {@code TaskInfo.limits}) are sorted, so the same message
 * always prints the same text.
 *
 * <p>Parsing accepts both the proto names and the lowerCamelCase JSON names, rejects fields the
 * message does not have (a typo would otherwise be dropped), and reports every failure as a
 * {@link MesosJsonException} with a one-line message (at most a few hundred characters, since
 * parsers quote the offending JSON). Input nested deeper than {@value #MAX_DEPTH} levels is refused
 * before any JSON library sees it: they recurse once per level and would overflow the stack.
 *
 * <p>Stateless: every method is static and thread-safe.
 */
public final class MesosJson {
  /** Which Mesos protos, and so which field names, a rendering uses. */
  public enum FieldNames {
    /** {@code org.apache.mesos.Protos}: {@code slave_id}, as the v0 driver and its tools write. */
    V0,
    /** {@code org.apache.mesos.v1.Protos}: {@code agent_id}, what {@code /api/v1/scheduler} reads. */
    V1
  }

  private static final JsonFormat.Printer PRETTY =
      JsonFormat.printer().preservingProtoFieldNames().sortingMapKeys();
  private static final JsonFormat.Printer COMPACT = PRETTY.omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private static final FieldDescriptor V0_ACCEPT_OPERATIONS =
      org.apache.mesos.scheduler.Protos.Call.Accept.getDescriptor()
          .findFieldByNumber(org.apache.mesos.scheduler.Protos.Call.Accept.OPERATIONS_FIELD_NUMBER);
  private static final FieldDescriptor V1_ACCEPT_OPERATIONS =
      org.apache.mesos.v1.scheduler.Protos.Call.Accept.getDescriptor()
          .findFieldByNumber(org.apache.mesos.v1.scheduler.Protos.Call.Accept.OPERATIONS_FIELD_NUMBER);
  /** Prints {@code "operations": []} for an empty list instead of leaving the field out. */
  private static final JsonFormat.Printer OPERATIONS =
      PRETTY.includingDefaultValueFields(Set.of(V0_ACCEPT_OPERATIONS, V1_ACCEPT_OPERATIONS));

  /** Exception class names that Gson and protobuf put in front of their messages. */
  private static final Pattern EXCEPTION_PREFIX =
      Pattern.compile("^(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");
  /** Gson's pointer to its troubleshooting guide, on a line of its own. */
  private static final Pattern TROUBLESHOOTING = Pattern.compile("\\s*See https?://\\S+$");
  private static final Pattern V0_NAMES = Pattern.compile("\"(?:slave_id|slaveId)\"\\s*:");
  /**
   * Deepest object/array nesting read. Mesos messages nest about 15 levels; the JSON libraries
   * recurse per level, so hostile input is refused before it reaches them.
   */
  static final int MAX_DEPTH = 100;
  /** Longest parser message kept: parsers quote the offending JSON, which may be huge. */
  private static final int MAX_DETAIL = 300;

  private MesosJson() {}

  // ---------------------------------------------------------------- printing

  /**
   * {@code message} as indented JSON with proto field names. Works for v0 and v1 messages alike;
   * a v0 message prints v0 names ({@code slave_id}), so convert with {@link V1Conversion} first for
   * the v1 HTTP API.
   */
  public static String print(MessageOrBuilder message) {
    return print(PRETTY, message);
  }

  /** As {@link #print}, on one line without insignificant whitespace (for HTTP bodies and logs). */
  public static String printCompact(MessageOrBuilder message) {
    return print(COMPACT, message);
  }

  /**
   * The operations of one {@code ACCEPT} call as {@code {"operations": [ ... ]}} with v1 names
   * ({@code agent_id}): the {@code accept} part of a {@code /api/v1/scheduler} call body, which is
   * what the JSON is for. An empty list prints as {@code "operations": []}.
   */
  public static String printOperations(List<Protos.Offer.Operation> operations) {
    return printOperations(operations, FieldNames.V1);
  }

  /** As {@link #printOperations(List)}, with the field names of {@code names}. */
  public static String printOperations(List<Protos.Offer.Operation> operations, FieldNames names) {
    Objects.requireNonNull(names, "names");
    // Call.Accept is {offer_ids, operations, filters}: with only operations set it prints as
    // exactly {"operations": [...]}, through the same printer as everything else.
    return switch (names) {
      case V0 -> print(OPERATIONS, org.apache.mesos.scheduler.Protos.Call.Accept.newBuilder()
          .addAllOperations(operations));
      case V1 -> print(OPERATIONS, org.apache.mesos.v1.scheduler.Protos.Call.Accept.newBuilder()
          .addAllOperations(operations.stream().map(V1Conversion::toV1).toList()));
    };
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    Objects.requireNonNull(message, "message");
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only an Any with an unregistered type can fail to print; Mesos protos have none.
      throw new MesosJsonException("cannot print " + message.getDescriptorForType().getFullName()
          + " as JSON: " + readable(e), e);
    }
  }

  // ---------------------------------------------------------------- parsing

  /**
   * Merges {@code json} into {@code builder} and returns the builder. Accepts proto and JSON field
   * names; does not check required fields (call {@code build()}, or use {@link #parseMessage}).
   *
   * @throws MesosJsonException if {@code json} is not a JSON object of {@code builder}'s message
   */
  public static <B extends Message.Builder> B parse(String json, B builder) {
    Objects.requireNonNull(builder, "builder");
    Descriptor type = builder.getDescriptorForType();
    if (json == null || json.isBlank()) {
      throw new MesosJsonException("invalid " + describe(type) + " JSON: the input is empty");
    }
    checkDepth(json, type);
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new MesosJsonException("invalid " + describe(type) + " JSON: " + readable(e), e);
    }
    return builder;
  }

  /**
   * {@code json} read as a complete message of {@code prototype}'s type (for example
   * {@code Protos.TaskInfo.getDefaultInstance()}), required fields included.
   *
   * @throws MesosJsonException if {@code json} is not such a message or lacks a required field
   */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M parseMessage(String json, M prototype) {
    Message.Builder builder = parse(json, prototype.newBuilderForType());
    return (M) build(builder);
  }

  /**
   * An offer written with v0 names ({@code slave_id}, as the v0 driver and state dumps show it) or
   * with v1 names ({@code agent_id}, as {@code /api/v1/scheduler} sends it), as the v0 message
   * podkit translates. The two differ only in that name, and the v1 form is converted by its wire
   * format ({@link V1Conversion}).
   *
   * @throws MesosJsonException if {@code json} is not an offer, names the agent both ways, or lacks
   *     a required field ({@code id}, {@code framework_id}, the agent id, {@code hostname})
   */
  public static Protos.Offer parseOffer(String json) {
    if (json != null) {
      checkDepth(json, Protos.Offer.getDescriptor());
    }
    boolean v0 = hasTopLevel(json, "slave_id", "slaveId");
    boolean v1 = hasTopLevel(json, "agent_id", "agentId");
    if (v0 && v1) {
      throw new MesosJsonException("invalid Mesos Offer JSON: it names the agent both as \"slave_id\""
          + " (v0) and as \"agent_id\" (v1); use one of them");
    }
    if (v1) {
      return V1Conversion.toV0(parseMessage(json, org.apache.mesos.v1.Protos.Offer.getDefaultInstance()));
    }
    return parseMessage(json, Protos.Offer.getDefaultInstance());
  }

  /**
   * Reads back what {@link #printOperations} wrote, with v1 or v0 names: the operations of
   * {@code {"operations": [ ... ]}} as v0 messages. (Other {@code accept} members, such as
   * {@code offer_ids} or {@code filters}, are allowed and ignored.)
   *
   * @throws MesosJsonException if {@code json} is not such an object or an operation is incomplete
   */
  public static List<Protos.Offer.Operation> parseOperations(String json) {
    FieldNames first = json != null && V0_NAMES.matcher(json).find() ? FieldNames.V0 : FieldNames.V1;
    FieldNames second = first == FieldNames.V0 ? FieldNames.V1 : FieldNames.V0;
    try {
      return parseOperations(json, first);
    } catch (MesosJsonException e) {
      try {
        return parseOperations(json, second);
      } catch (MesosJsonException ignored) {
        throw e;
      }
    }
  }

  private static List<Protos.Offer.Operation> parseOperations(String json, FieldNames names) {
    return switch (names) {
      case V0 -> ImmutableList.copyOf(parseMessage(json,
          org.apache.mesos.scheduler.Protos.Call.Accept.getDefaultInstance()).getOperationsList());
      case V1 -> parseMessage(json, org.apache.mesos.v1.scheduler.Protos.Call.Accept.getDefaultInstance())
          .getOperationsList().stream().map(V1Conversion::toV0).collect(ImmutableList.toImmutableList());
    };
  }

  private static Message build(Message.Builder builder) {
    if (!builder.isInitialized()) {
      throw new MesosJsonException("invalid " + describe(builder.getDescriptorForType())
          + " JSON: missing required fields: " + builder.getInitializationErrorString());
    }
    return builder.build();
  }

  /** Whether {@code json} is an object with a top-level member named one of {@code names}. */
  private static boolean hasTopLevel(String json, String... names) {
    if (json == null) {
      return false;
    }
    try {
      JsonElement element = JsonParser.parseString(json);
      if (!element.isJsonObject()) {
        return false;
      }
      JsonObject object = element.getAsJsonObject();
      for (String name : names) {
        if (object.has(name)) {
          return true;
        }
      }
      return false;
    } catch (JsonParseException e) {
      // Not JSON: the strict parse that follows reports why.
      return false;
    }
  }

  /** Refuses JSON nested deeper than {@link #MAX_DEPTH}, counting brackets outside strings. */
  private static void checkDepth(String json, Descriptor type) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new MesosJsonException("invalid " + describe(type) + " JSON: nested deeper than "
              + MAX_DEPTH + " levels");
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
  }

  /** {@code mesos.v1.Offer} → "Mesos v1 Offer", {@code mesos.TaskInfo} → "Mesos TaskInfo". */
  private static String describe(Descriptor type) {
    String full = type.getFullName();
    String pkg = type.getFile().getPackage();
    String local = full.startsWith(pkg + ".") ? full.substring(pkg.length() + 1) : full;
    String version = pkg.equals("mesos") ? "" : pkg.startsWith("mesos.") ? pkg.substring(6) + " " : pkg + " ";
    return "Mesos " + version + local;
  }

  /** The parser's message without exception class names and links, on one line. */
  static String readable(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String previous;
    do {
      previous = message;
      message = EXCEPTION_PREFIX.matcher(message).replaceFirst("");
    } while (!message.equals(previous));
    message = TROUBLESHOOTING.matcher(message).replaceFirst("");
    message = message.replaceAll("\\s*\\R\\s*", " ").trim();
    return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
  }
}
