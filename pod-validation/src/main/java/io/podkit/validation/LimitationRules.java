package io.podkit.validation;

import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.EnvValue;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pod limitations of Marathon's pods.md that a pod can run into without noticing: pods get no
 * {@code $PORT0}-style variables (translation-rules C.3), only {@code ENDPOINT_<NAME>} and friends.
 *
 * <p>Scanned: literal pod and container environment values, the container's command (shell string
 * or each argv item), and the commands of exec health checks and checks. A reference is
 * {@code $NAME}, {@code ${NAME}} or {@code ${NAME<operator>...}} (also {@code ${#NAME}}) where NAME
 * is the longest run of shell name characters ({@code [A-Za-z0-9_]}, not starting with a digit),
 * exactly as the shell reads it. So:
 *
 * <ul>
 *   <li>{@code PORT}, {@code PORTS} and {@code PORT<digits>} are flagged: apps had them, pods do not;
 *   <li>{@code $PORTAL} and {@code $PORT0X} name other variables and are not flagged;
 *   <li>{@code PORT_<X>} is flagged only when X is the name of an endpoint of the pod as the endpoint
 *       variables spell it (upper case, runs outside {@code [A-Z0-9_]} become {@code _}): that is the
 *       app-style variable of a named port, and {@code ENDPOINT_<X>} is its replacement. Any other
 *       {@code PORT_<X>}, such as {@code $PORT_NUMBER_OF_WORKERS}, is an ordinary variable (perhaps
 *       set by the image), and flagging it would reject a pod that may well work;
 *   <li>a variable the pod defines itself is not flagged: a name of the pod environment, or, for the
 *       values of one container, of that container's environment (a user may set {@code PORT0}
 *       by hand);
 *   <li>{@code $$} (the shell's process id) and a backslash-escaped {@code \$} start no reference.
 *       Quotes are not interpreted: {@code sh -c 'echo $PORT0'} expands in the inner shell.
 * </ul>
 *
 * <p>The image's own environment is not visible here, so a {@code $PORT} the image defines is
 * flagged unless the pod defines it too.
 */
final class LimitationRules implements RuleGroup {
  private static final Pattern APP_PORT_VARIABLE = Pattern.compile("PORT(S|[0-9]*)");

  @Override
  public void check(Pod pod, Findings findings) {
    Set<String> namedPortVariables = new HashSet<>();
    for (Container c : pod.containers()) {
      c.endpoints().forEach(e -> namedPortVariables.add("PORT_" + e.variableName()));
    }
    Scan podScan = new Scan(pod.environment().keySet(), namedPortVariables, findings);
    podScan.environment(pod.environment(), PodPath.of("environment"), "");
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      PodPath path = PodPath.of("containers", i);
      Set<String> defined = new HashSet<>(pod.environment().keySet());
      defined.addAll(c.environment().keySet());
      Scan scan = new Scan(defined, namedPortVariables, findings);
      String of = " of container " + c.name();
      scan.environment(c.environment(), path.field("environment"), " in container " + c.name());
      c.exec().ifPresent(exec -> scan.command(exec.command(), path.field("exec").field("command"), "the command" + of));
      c.healthCheck().ifPresent(hc -> {
        if (hc.kind() instanceof CheckKind.Exec exec) {
          scan.command(exec.command(), path.field("healthCheck").field("exec").field("command"),
              "the health check command" + of);
        }
      });
      c.check().ifPresent(check -> {
        if (check.kind() instanceof CheckKind.Exec exec) {
          scan.command(exec.command(), path.field("check").field("exec").field("command"), "the check command" + of);
        }
      });
    }
  }

  /** Scans texts with one set of defined variables. */
  private record Scan(Set<String> defined, Set<String> namedPortVariables, Findings findings) {
    void environment(Map<String, EnvValue> env, PodPath path, String where) {
      env.forEach((name, value) -> {
        // Secret references hold no text of the pod.
        if (value instanceof EnvValue.Literal literal) {
          text(literal.value(), path.field(name), "the environment value of " + name + where);
        }
      });
    }

    void command(Command command, PodPath path, String description) {
      if (command instanceof Command.Shell shell) {
        text(shell.shell(), path.field("shell"), description);
      } else if (command instanceof Command.Argv argv) {
        for (int k = 0; k < argv.argv().size(); k++) {
          text(argv.argv().get(k), path.field("argv").index(k), "argument " + k + " of " + description);
        }
      }
    }

    // pods.md Limitations: no $PORT0/$PORTn/$PORTS/$PORT_<NAME> in pods.
    void text(String text, PodPath path, String description) {
      if (text.indexOf('$') < 0) {
        return; // most texts reference no variable at all
      }
      references(text).forEach((reference, name) -> {
        boolean appVariable = APP_PORT_VARIABLE.matcher(name).matches() || namedPortVariables.contains(name);
        if (appVariable && !defined.contains(name)) {
          findings.add(Rule.LIMITATION_PORT_VARIABLES, path, description, reference);
        }
      });
    }
  }

  /** Each distinct variable reference in {@code text} (as written) with the variable it names, in order. */
  static Map<String, String> references(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\\') {
        i += 2;
        continue;
      }
      if (ch != '$' || i + 1 >= text.length()) {
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        i += 2;
        continue;
      }
      boolean braced = next == '{';
      int start = braced ? i + 2 : i + 1;
      if (braced && start < text.length() && text.charAt(start) == '#') {
        start++;
      }
      int end = nameEnd(text, start);
      if (end == start) {
        i = start;
        continue;
      }
      int close = braced ? text.indexOf('}', end) : -1;
      int referenceEnd = close >= 0 ? close + 1 : end;
      out.putIfAbsent(text.substring(i, referenceEnd), text.substring(start, end));
      i = end;
    }
    return out;
  }

  private static int nameEnd(String text, int start) {
    if (start >= text.length() || !isNameStart(text.charAt(start))) {
      return start;
    }
    int end = start + 1;
    while (end < text.length() && isNamePart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isNameStart(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  }

  private static boolean isNamePart(char ch) {
    return isNameStart(ch) || (ch >= '0' && ch <= '9');
  }
}
