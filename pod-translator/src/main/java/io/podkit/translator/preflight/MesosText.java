package io.podkit.translator.preflight;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import com.google.protobuf.util.JsonFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;

/**
 * How Mesos renders values inside its error messages ({@code stringify} and the {@code operator<<}
 * overloads of {@code resources.cpp}, {@code values.cpp} and stout), so that the messages of the
 * checker read like the ones the master sends.
 */
final class MesosText {
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

  private MesosText() {}

  /**
   * Mesos' fixed-point form of a scalar: {@code llround(value * 1000)} ({@code values.cpp}
   * {@code convertToFixed}); halves round away from zero.
   */
  static long fixed(double value) {
    return value < 0 ? -Math.round(-value * 1000) : Math.round(value * 1000);
  }

  /** The double Mesos gets back from a fixed-point value ({@code convertToFloating}). */
  static double floating(long fixed) {
    return (double) (fixed / 1000) + (double) (fixed % 1000) / 1000.0;
  }

  /** {@code operator<<(Value::Scalar)}: three decimals kept, printed with 15 significant digits. */
  static String scalar(double value) {
    if (!Double.isFinite(value)) {
      return cDouble(value);
    }
    return plain(BigDecimal.valueOf(fixed(value), 3));
  }

  /** A fixed-point amount, as {@link #scalar} prints it. */
  static String milli(long fixed) {
    return plain(BigDecimal.valueOf(fixed, 3));
  }

  private static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** stout {@code stringify(double)}: an ostream with its default precision, that is {@code %g}. */
  static String cDouble(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      BigDecimal mantissa = rounded.movePointLeft(exponent);
      String digits = plain(mantissa);
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      return digits + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }
    return plain(rounded);
  }

  /** stout {@code operator<<(Bytes)}: the unit is raised only where no information is lost. */
  static String bytes(long bytes) {
    long kb = 1024;
    long mb = kb * 1024;
    long gb = mb * 1024;
    long tb = gb * 1024;
    if (bytes == 0 || bytes % kb != 0) {
      return bytes + "B";
    } else if (bytes % mb != 0) {
      return bytes / kb + "KB";
    } else if (bytes % gb != 0) {
      return bytes / mb + "MB";
    } else if (bytes % tb != 0) {
      return bytes / gb + "GB";
    }
    return bytes / tb + "TB";
  }

  /** {@code operator<<(Resource)} of {@code resources.cpp}. */
  static String resource(Protos.Resource r) {
    StringBuilder out = new StringBuilder(r.getName());
    if (r.hasAllocationInfo()) {
      out.append("(allocated: ").append(r.getAllocationInfo().getRole()).append(')');
    }
    if (r.getReservationsCount() > 0) {
      out.append("(reservations: [");
      for (int i = 0; i < r.getReservationsCount(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append('(').append(reservation(r.getReservations(i))).append(')');
      }
      out.append("])");
    }
    if (r.hasDisk()) {
      out.append('[').append(disk(r.getDisk())).append(']');
    }
    if (r.hasRevocable()) {
      out.append("{REV}");
    }
    if (r.hasShared()) {
      out.append("<SHARED>");
    }
    out.append(':').append(value(r));
    return out.toString();
  }

  /** {@code operator<<(Resources)}: {@code "{}"} when empty, else the resources joined by "; ". */
  static String resources(List<Protos.Resource> resources) {
    if (resources.isEmpty()) {
      return "{}";
    }
    return resources.stream().map(MesosText::resource).collect(Collectors.joining("; "));
  }

  /** stout {@code stringify(std::vector<T>)}. */
  static String vector(List<String> items) {
    return "[ " + String.join(", ", items) + " ]";
  }

  /**
   * {@code operator<<(RepeatedPtrField<Resource>)}: Mesos prints a raw resource list as JSON,
   * with the proto field names.
   */
  static String json(List<? extends MessageOrBuilder> messages) {
    return messages.stream().map(MesosText::json).collect(Collectors.joining(",", "[", "]"));
  }

  private static String json(MessageOrBuilder message) {
    try {
      return JSON.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields with unknown types fail to print; Mesos' Resource has none.
      return TextFormat.shortDebugString(message);
    }
  }

  /** {@code operator<<(ExecutorInfo)}, which prints the message's debug string. */
  static String debug(MessageOrBuilder message) {
    return TextFormat.printer().printToString(message);
  }

  private static String value(Protos.Resource r) {
    switch (r.getType()) {
      case SCALAR:
        return scalar(r.getScalar().getValue());
      case RANGES:
        return r.getRanges().getRangeList().stream()
            .map(range -> Long.toUnsignedString(range.getBegin()) + "-" + Long.toUnsignedString(range.getEnd()))
            .collect(Collectors.joining(", ", "[", "]"));
      case SET:
        return "{" + String.join(", ", r.getSet().getItemList()) + "}";
      default:
        // A TEXT resource has no value field; Mesos reaches LOG(FATAL) printing it (R14 reports it).
        return "";
    }
  }

  private static String reservation(Protos.Resource.ReservationInfo reservation) {
    StringBuilder out = new StringBuilder(reservation.getType().name()).append(',').append(reservation.getRole());
    if (reservation.hasPrincipal()) {
      out.append(',').append(reservation.getPrincipal());
    }
    if (reservation.hasLabels()) {
      out.append(',').append(labels(reservation.getLabels()));
    }
    return out.toString();
  }

  /** {@code operator<<(Labels)}. */
  static String labels(Protos.Labels labels) {
    return labels.getLabelsList().stream()
        .map(l -> l.hasValue() ? l.getKey() + ": " + l.getValue() : l.getKey())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String disk(Protos.Resource.DiskInfo disk) {
    StringBuilder out = new StringBuilder();
    if (disk.hasSource()) {
      out.append(source(disk.getSource()));
    }
    if (disk.hasPersistence()) {
      if (disk.hasSource()) {
        out.append(',');
      }
      out.append(disk.getPersistence().getId());
    }
    if (disk.hasVolume()) {
      out.append(':').append(volume(disk.getVolume()));
    }
    return out.toString();
  }

  private static String source(Protos.Resource.DiskInfo.Source source) {
    String csi = source.hasId() || source.hasProfile()
        ? "(" + source.getVendor() + "," + source.getId() + "," + source.getProfile() + ")"
        : null;
    switch (source.getType()) {
      case MOUNT:
        return "MOUNT" + (csi != null ? csi : source.getMount().hasRoot() ? ":" + source.getMount().getRoot() : "");
      case PATH:
        return "PATH" + (csi != null ? csi : source.getPath().hasRoot() ? ":" + source.getPath().getRoot() : "");
      case BLOCK:
        return "BLOCK" + (csi != null ? csi : "");
      case RAW:
        return "RAW" + (csi != null ? csi : "");
      default:
        return "UNKNOWN";
    }
  }

  private static String volume(Protos.Volume volume) {
    String config = volume.getContainerPath();
    if (volume.hasHostPath()) {
      config = volume.getHostPath() + ":" + config;
      if (volume.hasMode()) {
        config += volume.getMode() == Protos.Volume.Mode.RO ? ":ro" : ":rw";
      }
    }
    return config;
  }
}
